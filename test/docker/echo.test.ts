/**
 * What BuildKit prints after a failed build (FORMATS.md §7.3): the echo block replays the failed
 * vertex's last lines, the final line repeats its error. None of it is new evidence: exactly one
 * `docker.step-failed` per failed step and one `docker.build-failed` per failed build, and the
 * replayed lines never reach the apt/dpkg grammars again.
 */
import { describe, expect, test } from 'vitest'
import { IGNORED } from '../../src/grammar/verdict.ts'
import { parse } from '../../src/index.ts'
import { fixtureBytes, fixtureText } from '../support/fixtures.ts'
import { ofType, problemKinds, route } from './support.ts'

const CASES: readonly { name: string; aptProblems: readonly string[]; echoLines: number }[] = [
  // v0.8 printer: the block between the frames is empty.
  { name: 'docker/D13-cli20-buildkit-plain-failing-unknown-package.log', aptProblems: ['apt.package-not-found'], echoLines: 0 },
  { name: 'docker/D17-cli20-buildkit-plain-predepends-problem.log', aptProblems: [], echoLines: 0 },
  // Modern printer: 9 replayed lines, one of them the `E: Unable to locate package` line again.
  { name: 'docker/handmade-buildx-failing-echo.log', aptProblems: ['apt.package-not-found'], echoLines: 9 },
]

describe('no duplicate problems from echo blocks and final error lines', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const events = parse(fixtureBytes(c.name))

      test('one step-failed, one build-failed', () => {
        expect(problemKinds(events, 'docker.')).toEqual(['docker.step-failed', 'docker.build-failed'])
        const failed = ofType(events, 'problem').find((p) => p.kind === 'docker.step-failed')
        expect(failed?.step).toBe(ofType(events, 'docker.step.end').find((e) => e.status === 'error')?.step)
        expect(failed?.message).toContain('exit code 100')
      })

      test('one echo event naming the failed step', () => {
        const echoes = ofType(events, 'docker.echo')
        expect(echoes.map((e) => [e.step, e.lines])).toEqual([[ofType(events, 'docker.step.end').find((e) => e.status === 'error')?.step, c.echoLines]])
      })

      test('the replayed lines reach no stream context', () => {
        const echo = ofType(events, 'docker.echo')[0]
        const { routed } = route(fixtureText(c.name))
        expect(routed.filter((r) => echo !== undefined && r.ctx.line >= echo.line && r.ctx.line <= (echo.endLine ?? echo.line))).toEqual([])
      })

      test('apt problems are those of the step output only, each once', () => {
        const kinds = problemKinds(events).filter((k) => k.startsWith('apt.'))
        for (const kind of c.aptProblems) expect(kinds.filter((k) => k === kind).length).toBe(1)
      })
    })
  }

  test('D17: the dpkg problems all come from step #6 output lines, none from the echo or final lines', () => {
    const events = parse(fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log'))
    const echo = ofType(events, 'docker.echo')[0]
    const others = ofType(events, 'problem').filter((p) => !p.kind.startsWith('docker.'))
    expect(others.every((p) => p.step === '#6' && p.line < (echo?.line ?? 0))).toBe(true)
  })

  test('the source excerpt is one event with its lines', () => {
    const events = parse(fixtureBytes('docker/handmade-buildx-failing-echo.log'))
    expect(ofType(events, 'docker.source').map(({ file, sourceLine, excerpt, line, endLine }) => ({ file, sourceLine, excerpt, line, endLine }))).toEqual([
      { file: 'Dockerfile', sourceLine: 2, excerpt: ['    FROM debian:bookworm', '>>> RUN apt-get update && apt-get install -y nonexistent-pkg-xyz', '    '], line: 41, endLine: 46 },
    ])
    const error = ofType(events, 'docker.error')
    expect(error.map((e) => [e.form, e.exitCode, e.command])).toEqual([['failed-to-solve', 100, '/bin/sh -c apt-get update && apt-get install -y nonexistent-pkg-xyz']])
  })

  test('a repeated final line (build-push-action wraps it again) is not a second build failure', () => {
    const text = `${fixtureText('docker/D13-cli20-buildkit-plain-failing-unknown-package.log')}Error: buildx failed with: ERROR: failed to solve: executor failed running [/bin/sh -c x]: exit code: 100\n`
    const events = parse(text)
    expect(ofType(events, 'docker.error').length).toBe(2)
    expect(problemKinds(events, 'docker.')).toEqual(['docker.step-failed', 'docker.build-failed'])
  })

  test('the legacy failure line is one step-failed and one build-failed', () => {
    const events = parse(fixtureBytes('docker/D14-cli20-legacy-failing-unknown-package.log'))
    expect(ofType(events, 'problem').filter((p) => p.kind.startsWith('docker.')).map((p) => [p.kind, p.step])).toEqual([
      ['docker.step-failed', '2'],
      ['docker.build-failed', undefined],
    ])
    // The apt problem of the step comes before the failure line's events.
    const order = events.filter((e) => e.type === 'problem' || e.type === 'docker.error').map((e) => (e.type === 'problem' ? e.kind : e.type))
    expect(order).toEqual(['apt.package-not-found', 'docker.error', 'docker.step-failed', 'docker.build-failed'])
  })
})

describe('truncated inputs end cleanly', () => {
  const d13 = fixtureText('docker/D13-cli20-buildkit-plain-failing-unknown-package.log').split('\n')
  const echo = fixtureText('docker/handmade-buildx-failing-echo.log').split('\n')
  const cuts: readonly [string, string][] = [
    ['D13 cut after the echo header', d13.slice(0, 31).join('\n')],
    ['D13 cut inside the echo name line', `${d13.slice(0, 30).join('\n')}\n > [2/3] RUN apt-get upd`],
    ['modern echo cut after three replayed lines', echo.slice(0, 33).join('\n')],
    ['modern echo cut inside the source excerpt', echo.slice(0, 43).join('\n')],
  ]
  for (const [name, text] of cuts) {
    test(name, () => {
      const events = parse(text)
      expect(events.at(-1)?.type).toBe('log.end')
      expect(problemKinds(events, 'docker.')).toEqual(['docker.step-failed'])
      // The build has a failed step and no final line: it ended in failure, inferred.
      expect(ofType(events, 'docker.build.end').map((e) => [e.outcome, e.inferred])).toEqual([['failure', true]])
    })
  }

  test('an echo block cut short still reports what it replayed', () => {
    const events = parse(echo.slice(0, 33).join('\n'))
    expect(ofType(events, 'docker.echo').map((e) => [e.lines, e.line, e.endLine])).toEqual([[3, 29, 33]])
  })
})

describe('echo-like lines outside a failed BuildKit build are not docker lines', () => {
  test('`------` and `app.go:2` in a plain log', () => {
    const { events, routed, verdicts } = route('------\n > not a vertex:\n------\napp.go:2\n--------------------\n')
    expect(events.filter((e) => e.type.startsWith('docker.'))).toEqual([])
    // A frame could open a pasted box, so it is ignored; ` > not a vertex:` names no vertex, so no box follows.
    expect(routed.map((r) => r.text)).toEqual([' > not a vertex:', 'app.go:2', '--------------------'])
    expect(verdicts.filter((v) => v === IGNORED).length).toBe(2)
  })

  test('a `Dockerfile:N` line not followed by its frame is no excerpt', () => {
    const { events, routed } = route('Dockerfile:2\nReading package lists...\n')
    expect(events.filter((e) => e.type.startsWith('docker.'))).toEqual([])
    expect(routed.map((r) => r.text)).toEqual(['Reading package lists...'])
  })
})

describe('pasted boxes and excerpts, no build read before them (issue 16)', () => {
  test('buildkit/47 (--progress=quiet): the Dockerfile excerpt alone, then the final line', () => {
    const events = parse(fixtureBytes('buildkit/47-docker28buildx-d28bk-quiet-failing-pkg.log'))
    expect(ofType(events, 'docker.source')).toMatchObject([{ line: 1, endLine: 8, file: 'Dockerfile', sourceLine: 12 }])
    expect(problemKinds(events)).toEqual(['docker.build-failed'])
  })

  test('the box of buildkit/06 alone: its lines are the named step’s output', () => {
    const text = fixtureText('buildkit/06-docker28buildx-d28bk-plain-failing-pkg.log')
    const lines = text.split('\n')
    const from = lines.indexOf('------')
    const events = parse(lines.slice(from).join('\n'))
    const start = ofType(events, 'docker.step.start')[0]
    expect(start).toMatchObject({ step: '#?1', name: '[4/5] RUN apt-get update && apt-get install -y --no-install-recommends nonexistent-pkg-xyz', index: 4, total: 5 })
    expect(problemKinds(events)).toEqual(['apt.package-not-found', 'docker.step-failed', 'docker.build-failed'])
    expect(ofType(events, 'problem')[0]).toMatchObject({ step: '#?1', package: 'nonexistent-pkg-xyz' })
    expect(events.at(-1)).toMatchObject({ type: 'log.end', unrecognized: 0 })
  })

  test('buildkit/17: a box whose ring held partial lines (no time) keeps them as fragments of the box', () => {
    const events = parse(fixtureBytes('buildkit/17-docker28buildx-d28bk-plain-failing-postinst.log'))
    expect(ofType(events, 'docker.echo')).toMatchObject([{ line: 54, endLine: 66, lines: 10 }])
  })

  test('a headerless excerpt (buildkit/03 from its 30th line): the box names the vertex whose lines were read without a header', () => {
    const lines = fixtureText('buildkit/03-docker28buildx-d20bk-plain-failing-pkg.log').split('\n')
    const events = parse(lines.slice(29).join('\n'))
    const steps = ofType(events, 'docker.step.end')
    expect(steps.filter((s) => s.status === 'error').map((s) => s.step)).toHaveLength(1)
    const echo = ofType(events, 'docker.echo')[0]
    expect(echo?.step).toBe(steps.find((s) => s.status === 'error')?.step)
    // The replayed lines were read as the vertex’s own lines: once, not twice.
    expect(problemKinds(events, 'apt.')).toEqual(['apt.package-not-found'])
  })
})
