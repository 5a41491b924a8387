/**
 * Excerpts of real captures, as a user pastes them: cut before the end, or only the last lines.
 * The excerpts are cut here from the fixture files (lines 1…k, or the last n lines), at cut points
 * spread over every capture of its kind, not one hand-picked paste.
 *
 * - A log cut inside an apt or dpkg run (a plan, some `Unpacking` lines, no end) is `unknown`, never
 *   `success`, and says nothing about the image's dpkg database.
 * - dpkg's `Errors were encountered while processing:` list is a failure even when the excerpt
 *   starts there, and names the first package listed.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { parse, summarize, type AptLogEvent, type RunSummary } from '../../src/index.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

/** The lines of a capture, each with its own line end (LF, CRLF), so excerpts keep the bytes. */
function linesOf(name: string): string[] {
  return fixtureText(name).split(/(?<=\n)/)
}

const summaryOf = (text: string): RunSummary => summarize(parse(text))
const essential = (s: RunSummary): boolean => s.findings.some((f) => f.kind === 'run.essential-packages-planned')

/**
 * The last apt run of a plain log, when it printed a plan (its counts) or is an `apt-get update`:
 * its first line, and the line that proves its end — the last `Setting up` / `Removing` line the
 * counts wait for, or the `Reading package lists...` that closes an update.
 */
function lastRun(events: readonly AptLogEvent[], run: RunSummary): { first: number; proof: number } | undefined {
  const tx = run.transactions.at(-1)
  if (tx === undefined || (tx.counts === null && tx.kind !== 'update')) return undefined
  let proof = 0
  for (const e of events) {
    if (e.line < tx.line || e.line > tx.endLine) continue
    if (tx.kind === 'update' && e.type === 'apt.phase' && e.phase === 'reading-package-lists' && proof === 0) proof = e.line
    if (tx.kind !== 'update' && e.type === 'dpkg.progress' && (e.action === 'setup' || e.action === 'remove')) proof = e.line
  }
  // A plan with nothing to do (`0 upgraded, 0 newly installed …`) ends at its counts.
  return proof === 0 ? undefined : { first: tx.line, proof }
}

/** Cut points from `first` to `end - 1`: about 60 evenly spread, always both ends (a big run would cost seconds at every line). */
function cutPoints(first: number, end: number): number[] {
  const stride = Math.max(1, Math.floor((end - first) / 60))
  const out: number[] = []
  for (let k = first; k < end; k += stride) out.push(k)
  if (end - 1 >= first && out.at(-1) !== end - 1) out.push(end - 1)
  return out
}

/** Index of the last line that includes `text`, or -1. */
function lastIndexOf(lines: readonly string[], text: string): number {
  for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] as string).includes(text)) return i
  return -1
}

describe('a plain log cut inside its last apt run is unknown, with no finding about the dpkg database', () => {
  // Every successful capture of a plain apt run with a plan or an update (no docker framing, not
  // apt's log files), cut at every line from the run's first line to just before the line that
  // proves its end.
  const runs = allCaptures()
    .filter((n) => (n.startsWith('apt/') || n.startsWith('host/')) && !n.includes('handmade'))
    .flatMap((name) => {
      const lines = linesOf(name)
      const whole = lines.join('')
      const run = summaryOf(whole)
      const span = run.outcome === 'success' ? lastRun(parse(whole), run) : undefined
      return span === undefined ? [] : [{ name, lines, ...span }]
    })

  test('there are such runs, the emptied-status ones among them', () => {
    expect(runs.length).toBeGreaterThan(50)
    expect(runs.map((r) => r.name)).toContain('apt/bookworm-b1-bad-status-truncated-update-install-openssh-client.log')
  })

  for (const { name, lines, first, proof } of runs) {
    test(name, () => {
      for (const k of cutPoints(first, proof)) {
        const s = summaryOf(lines.slice(0, k).join(''))
        expect([k, s.outcome, essential(s)]).toEqual([k, 'unknown', false])
      }
      // …and the cut right after the proving line shows the end again.
      expect(summaryOf(lines.slice(0, proof).join('')).outcome).toBe('success')
    })
  }

  test('apt-get -qq prints no plan: cut after an Unpacking line whose package is not set up yet, the run is unknown (trixie-l3)', () => {
    const lines = linesOf('apt/trixie-l3-apt-get-qq-install.log')
    const unpacking = lastIndexOf(lines, 'Unpacking ')
    expect(summaryOf(lines.slice(0, unpacking + 1).join('')).outcome).toBe('unknown')
    expect(summaryOf(lines.join('')).outcome).toBe('success')
  })
})

describe('docker builds cut before their end: unknown, and no finding about the dpkg database', () => {
  // The emptied-status builds (the finding's own captures), cut at every line of the apt step.
  for (const name of ['docker/D16-cli20-legacy-bad-status-truncated.log', 'docker/D31-ci-job-runner-legacy-cli28-broken-base.log']) {
    test(name, () => {
      const lines = linesOf(name)
      const whole = summaryOf(lines.join(''))
      expect(whole.outcome).toBe('success')
      expect(essential(whole)).toBe(true)
      const install = whole.transactions.find((t) => t.kind === 'install')
      expect(install).toBeDefined()
      // From the install's first line to its last `Setting up` line: the plan is out, its end is not.
      const lastSetup = lastIndexOf(lines, 'Setting up ') + 1
      for (const k of cutPoints((install as { line: number }).line, lastSetup)) {
        const s = summaryOf(lines.slice(0, k).join(''))
        expect([k, s.outcome, essential(s)]).toEqual([k, 'unknown', false])
      }
      // Cut after the apt run's end but before the build's: the finding is back, the outcome still unknown.
      const after = summaryOf(lines.slice(0, lastSetup).join(''))
      expect([after.outcome, essential(after)]).toEqual(['unknown', true])
    })
  }

  test('the incident runner excerpt keeps its finding: its apt run ends in the pre-dependency failure', () => {
    const s = summaryOf(fixtureText('seed/incident-runner-excerpt.log'))
    expect(s.outcome).toBe('failure')
    expect(essential(s)).toBe(true)
  })
})

describe("dpkg's summary alone is a failure that names its culprit", () => {
  // A BuildKit excerpt that starts inside a vertex (`#6 3.133 Errors were …`, D17) or inside the
  // error box (`5.869 Errors were …`, buildkit/17) is read as that step's output.
  const captures = allCaptures().filter((n) => !n.startsWith('fuzz/') && fixtureText(n).includes('Errors were encountered while processing:'))

  test('there are such captures (apt, dpkg -i, docker, term.log)', () => {
    expect(captures.length).toBeGreaterThan(20)
  })

  for (const name of captures) {
    test(`${name}: every tail that holds the last summary fails`, () => {
      const lines = linesOf(name)
      const header = lastIndexOf(lines, 'Errors were encountered while processing:')
      const item = (lines[header + 1] as string).replace(/^(?:#\d+ )?(?:[\d.]+ )?/, '').trim()
      for (let from = header; from >= Math.max(0, header - 12); from--) {
        const s = summaryOf(lines.slice(from).join(''))
        expect([from, s.outcome]).toEqual([from, 'failure'])
      }
      // Starting at the header: no reason line is in the excerpt, the list names the culprit.
      const root = summaryOf(lines.slice(header).join('')).rootCause
      expect(root?.kind).toBe('dpkg.processing-failed')
      expect(item.startsWith(root?.package ?? '\u0000') || item.includes(`/${root?.package ?? '\u0000'}_`)).toBe(true)
    })
  }

  test('the last five lines of the failing postinst capture: its own reason is in them and stays the root cause (bookworm-h1)', () => {
    const lines = linesOf('apt/bookworm-h1-failing-postinst.log')
    const s = summaryOf(lines.slice(-5).join(''))
    expect(s.rootCause).toMatchObject({ kind: 'dpkg.maintainer-script-failed', package: 'failing-postinst' })
  })
})
