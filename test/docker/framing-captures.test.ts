/**
 * The real-world framing captures (fixtures/buildkit, tty, compose; issue 16): every client,
 * builder and progress mode of one failure gives the same verdict, and no line that carries apt,
 * dpkg or docker meaning is left unrecognised. Expected verdicts come from how each build context
 * was provoked (fixtures/README.md), not from what the parser said.
 */
import { describe, expect, test } from 'vitest'
import { createParser, summarize, type AptLogEvent } from '../../src/index.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

/** Each build context's failure, as provoked. */
const PROVOKED: readonly { context: RegExp; outcome: string; kind?: string; culprit?: string }[] = [
  { context: /failing-pkg|multistep-ok-then-fail|compose.*-build\.log$|up-|tty-build/, outcome: 'failure', kind: 'apt.package-not-found', culprit: 'nonexistent-pkg-xyz' },
  { context: /failing-postinst/, outcome: 'failure', kind: 'dpkg.maintainer-script-failed', culprit: 'broken' },
  { context: /failing-update-badrepo/, outcome: 'failure', kind: 'apt.release-file-missing' },
  { context: /ok-less|build-worker/, outcome: 'success' },
]

/**
 * Lines with no apt, dpkg or docker meaning that the captures hold: the broken package's own
 * postinst output, `less --version`, and docker-compose 1.29 printing the exit code of
 * `--exit-code-from` on a line of its own.
 */
const NO_MEANING = new Set(['broken postinst: simulating a configuration failure', 'less 590 (GNU regular expressions)', '100'])

const captures = ['buildkit', 'tty', 'compose'].flatMap((folder) => allCaptures(folder))

function read(name: string): { events: AptLogEvent[]; unrecognized: string[] } {
  const events: AptLogEvent[] = []
  const unrecognized: string[] = []
  const parser = createParser({ onEvent: (e) => events.push(e), onUnrecognized: (text) => unrecognized.push(text) })
  parser.feed(fixtureBytes(name))
  parser.end()
  return { events, unrecognized }
}

describe('real-world framing captures', () => {
  test('there are captures of each kind', () => {
    for (const folder of ['buildkit/', 'tty/', 'compose/']) expect(captures.filter((n) => n.startsWith(folder)).length, folder).toBeGreaterThan(10)
  })

  for (const name of captures) {
    test(name, () => {
      const { events, unrecognized } = read(name)
      // The quiet capture prints only the Dockerfile excerpt and the final line: no apt line to name a cause.
      const provoked: { outcome: string; kind?: string; culprit?: string } | undefined = name.includes('-quiet-') ? { outcome: 'failure', kind: 'docker.build-failed' } : PROVOKED.find((p) => p.context.test(name))
      expect(provoked, 'a provoked verdict for this context').toBeDefined()
      const run = summarize(events)
      expect({ outcome: run.outcome, kind: run.rootCause?.kind, culprit: run.rootCause?.package }).toEqual({ outcome: provoked?.outcome, kind: provoked?.kind, culprit: provoked?.culprit })
      const meaningful = unrecognized.map((t) => t.replace(/^(#\d+ )?[\d.]+ /, '').replace(/\r+$/, '').trim()).filter((t) => t.length > 0 && !NO_MEANING.has(t))
      expect(meaningful).toEqual([])
    })
  }

  test('a tty capture: every job of the final screen is a step, with the state it showed', () => {
    const { events } = read('tty/04-docker28buildx-d20bk-tty-failing-pkg.log')
    const ends = events.filter((e): e is Extract<AptLogEvent, { type: 'docker.step.end' }> => e.type === 'docker.step.end')
    expect(ends.map((e) => [e.step, e.status])).toEqual([
      ['tty.1', 'done'],
      ['tty.2', 'done'],
      ['tty.3', 'done'],
      ['tty.4', 'done'],
      ['tty.5', 'cached'],
      ['tty.6', 'done'],
      ['tty.7', 'error'],
    ])
    expect(ends.at(-1)).toMatchObject({ exitCode: 100, durationMs: 3300, outputLines: 8 })
  })

  test('compose up: the gutter lines are the service’s own stream, its exit a consequence', () => {
    const run = summarize(read('compose/67-compose2-d28-plain-up-nobuild-worker.log').events)
    expect(run.problems.map((p) => p.kind)).toEqual(['apt.package-not-found', 'docker.service-exited'])
  })
})
