/**
 * The dpkg grammar on whole captures, through the public `parse()`: every `dpkg:` line is part of
 * an event, every package unpacked by a successful run is set up, and each failure scenario yields
 * exactly the problems counted by eye in the capture.
 */
import { describe, expect, test } from 'vitest'
import { createParser, parse, type AptLogEvent, type ProblemEvent } from '../../src/index.ts'
import { allCaptures, fixtureBytes, fixtureText } from '../support/fixtures.ts'

interface Parsed {
  readonly events: AptLogEvent[]
  /** Raw text per line number (index 0 = line 1). */
  readonly raw: string[]
}

function parseWithLines(name: string): Parsed {
  const events: AptLogEvent[] = []
  const raw: string[] = []
  const parser = createParser({ onEvent: (e) => events.push(e), onLine: (text, n) => (raw[n - 1] = text) })
  parser.feed(fixtureBytes(name))
  parser.end()
  return { events, raw }
}

/** The payload of a raw line: last CR frame, without a CI timestamp or a BuildKit `#N 1.234 ` prefix. */
function payload(raw: string): string {
  const frames = raw.split('\r').filter((f) => f.trim() !== '')
  let text = (frames.at(-1) ?? '').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
  text = text.replace(/^\d{4}-\d\d-\d\d[ T][\d:.]+Z? /, '')
  text = text.replace(/^#\d+ \d+\.\d+ /, '')
  return text
}

// `dpkg:` itself; the tools' prefixes (`dpkg-deb:` …) are tested line by line, and apt-utils'
// `dpkg-preconfigure:` is known noise without an event.
const DPKG_PREFIX = /^dpkg: /

function dpkgEvents(events: readonly AptLogEvent[]): AptLogEvent[] {
  return events.filter((e) => e.type.startsWith('dpkg.'))
}

/** Problems the dpkg grammar emitted (apt emits `dpkg.subprocess-failed` from its own `E:` line). */
function problemsOf(events: readonly AptLogEvent[], kind?: string): ProblemEvent[] {
  return events.filter((e): e is ProblemEvent => e.type === 'problem' && e.rule.startsWith('dpkg.') && (kind === undefined || e.kind === kind))
}

const CAPTURES = allCaptures().filter((name) => name.endsWith('.log'))

describe('every `dpkg:` line of every capture is part of a dpkg event', () => {
  let total = 0
  for (const name of CAPTURES) {
    test(name, () => {
      const { events, raw } = parseWithLines(name)
      const covered = new Set<number>()
      for (const e of dpkgEvents(events)) for (let n = e.line; n <= (e.endLine ?? e.line); n++) covered.add(n)
      const missing = raw.map((text, i) => ({ n: i + 1, text: payload(text) })).filter(({ n, text }) => DPKG_PREFIX.test(text) && !covered.has(n))
      total += raw.filter((text) => DPKG_PREFIX.test(payload(text))).length
      expect(missing).toEqual([])
    })
  }

  test('the check has material: the captures hold well over a hundred dpkg lines', () => {
    expect(total).toBeGreaterThan(150)
  })
})

/** Captures of apt runs that succeeded, from the exit column of fixtures/README.md. */
function successfulAptRuns(): string[] {
  const out: string[] = []
  for (const row of fixtureText('README.md').split('\n')) {
    const cells = row.split('|').map((c) => c.trim())
    const file = /^`((?:apt|host)\/[^`]+\.log)`$/.exec(cells[1] ?? '')?.[1]
    if (file !== undefined && cells.at(-2) === '0' && /\bapt(-get)? /.test(row)) out.push(file)
  }
  return out
}

describe('on every successful apt run, every unpacked package is set up', () => {
  const runs = successfulAptRuns()

  test('the README lists the successful runs', () => {
    expect(runs.length).toBeGreaterThan(30)
    expect(runs).toContain('apt/bookworm-a-good-update-install-openssh-client-no-recommends.log')
    expect(runs).not.toContain('apt/bookworm-h1-failing-postinst.log')
  })

  for (const name of runs) {
    test(name, () => {
      const progress = parse(fixtureBytes(name)).filter((e) => e.type === 'dpkg.progress')
      const setUp = new Set(progress.filter((e) => e.action === 'setup').map((e) => `${e.package} ${e.version}`))
      const unpacked = progress.filter((e) => e.action === 'unpack').map((e) => `${e.package} ${e.version}`)
      expect(unpacked.filter((key) => !setUp.has(key))).toEqual([])
    })
  }

  test('the check can fail: a failed run leaves an unpacked package unconfigured (bookworm-b6e)', () => {
    const progress = parse(fixtureBytes('apt/bookworm-b6e-predepends-loop-http-stoponerror-false.log')).filter((e) => e.type === 'dpkg.progress')
    const setUp = new Set(progress.filter((e) => e.action === 'setup').map((e) => e.package))
    expect(progress.filter((e) => e.action === 'unpack' && !setUp.has(e.package)).map((e) => e.package)).toEqual(['loop2-libc6', 'loop2-multiarch-support', 'loop2-app'])
  })
})

describe('problems per scenario, counted by eye in the captures', () => {
  const scenarios: readonly { name: string; preDependency: number; dependency: number; other: Record<string, number> }[] = [
    // b6e/b6d: dpkg keeps going (StopOnError=false): libc6 and multiarch-support fail to configure,
    // libgcc1's unpack fails on its pre-dependency, then a second configure run fails three packages.
    { name: 'apt/bookworm-b6e-predepends-loop-http-stoponerror-false.log', preDependency: 1, dependency: 5, other: {} },
    { name: 'apt/trixie-b6e-predepends-loop-http-stoponerror-false.log', preDependency: 1, dependency: 5, other: {} },
    { name: 'apt/bookworm-b6d-predepends-loop-stoponerror-false.log', preDependency: 1, dependency: 5, other: {} },
    { name: 'apt/trixie-b6d-predepends-loop-stoponerror-false.log', preDependency: 1, dependency: 5, other: {} },
    // b6/b6f: apt stops after the first dpkg run; libgcc1 is never unpacked.
    { name: 'apt/bookworm-b6-predepends-loop-local-pkgs.log', preDependency: 0, dependency: 2, other: {} },
    { name: 'apt/bookworm-b6f-predepends-loop-http-default.log', preDependency: 0, dependency: 2, other: {} },
    { name: 'apt/trixie-b6f-predepends-loop-http-default.log', preDependency: 0, dependency: 2, other: {} },
    { name: 'apt/bookworm-h2-dpkg-i-predepends-not-installed.log', preDependency: 1, dependency: 0, other: {} },
    { name: 'apt/trixie-h2b-dpkg-i-predepends-nonexistent.log', preDependency: 1, dependency: 0, other: {} },
    { name: 'apt/bookworm-h1-failing-postinst.log', preDependency: 0, dependency: 0, other: { 'dpkg.maintainer-script-failed': 1 } },
    { name: 'apt/trixie-h1b-failing-postinst-with-dependent.log', preDependency: 0, dependency: 1, other: { 'dpkg.maintainer-script-failed': 1 } },
    { name: 'apt/bookworm-h5-failing-preinst.log', preDependency: 0, dependency: 0, other: { 'dpkg.maintainer-script-failed': 1 } },
    { name: 'apt/bookworm-h4-file-conflict-two-runs.log', preDependency: 0, dependency: 0, other: { 'dpkg.file-conflict': 1 } },
    { name: 'apt/trixie-h4c-dpkg-i-file-conflict.log', preDependency: 0, dependency: 0, other: { 'dpkg.file-conflict': 1 } },
    { name: 'apt/bookworm-d4-release-upgrade-to-trixie-apt-get-dist-upgrade.log', preDependency: 0, dependency: 0, other: {} },
    { name: 'seed/incident-runner-excerpt.log', preDependency: 1, dependency: 0, other: {} },
    // The same loop inside docker builds: BuildKit plain and the legacy builder.
    { name: 'docker/D17-cli20-buildkit-plain-predepends-problem.log', preDependency: 1, dependency: 5, other: {} },
    { name: 'docker/D18-cli20-legacy-predepends-problem.log', preDependency: 1, dependency: 5, other: {} },
  ]
  for (const s of scenarios) {
    test(s.name, () => {
      const events = parse(fixtureBytes(s.name))
      const dpkgProblems = problemsOf(events)
      expect(problemsOf(events, 'dpkg.pre-dependency')).toHaveLength(s.preDependency)
      expect(problemsOf(events, 'dpkg.dependency-problems')).toHaveLength(s.dependency)
      for (const [kind, count] of Object.entries(s.other)) expect(problemsOf(events, kind)).toHaveLength(count)
      const otherCount = Object.values(s.other).reduce((a, b) => a + b, 0)
      expect(dpkgProblems).toHaveLength(s.preDependency + s.dependency + otherCount)
    })
  }

  test('the summary repeats errors but adds no problem: every dpkg problem sits on an error or pre-dependency event (bookworm-b6e)', () => {
    const events = parse(fixtureBytes('apt/bookworm-b6e-predepends-loop-http-stoponerror-false.log'))
    const summaries = events.filter((e) => e.type === 'dpkg.errors-summary')
    expect(summaries).toHaveLength(3)
    for (const p of problemsOf(events)) {
      const evidence = events.filter((e) => e.type !== 'problem' && e.line === p.line)
      expect(evidence.map((e) => e.type)).toEqual(['dpkg.error'])
    }
  })

  test("the incident: libgcc1's pre-dependency problem from dpkg 1.17's unpack error (seed runner excerpt)", () => {
    const events = parse(fixtureBytes('seed/incident-runner-excerpt.log'))
    expect(events.find((e) => e.type === 'dpkg.error')).toMatchObject({
      subject: 'archive',
      action: 'unpack',
      package: 'libgcc1',
      version: '1:4.9.2-10',
      arch: 'amd64',
      ts: '2017-12-12 10:04:22',
      reasons: ['pre-dependency problem - not installing libgcc1:amd64'],
      cause: 'pre-dependency',
    })
    expect(problemsOf(events, 'dpkg.pre-dependency')).toEqual([expect.objectContaining({ package: 'libgcc1', severity: 'error', ts: '2017-12-12 10:04:22' })])
  })

  test('the b6e pre-dependency problem says why, from the regarding block (bookworm-b6e)', () => {
    const [problem] = problemsOf(parse(fixtureBytes('apt/bookworm-b6e-predepends-loop-http-stoponerror-false.log')), 'dpkg.pre-dependency')
    expect(problem).toMatchObject({ package: 'loop2-libgcc1', cause: 'unconfigured' })
    expect(problem?.message).toContain('loop2-multiarch-support is unpacked, but has never been configured.')
  })
})

describe('file conflicts in both spellings, through parse()', () => {
  const cases: readonly [string, string, string][] = [
    ['dpkg 1.21: bare owner version (bookworm-h4)', 'apt/bookworm-h4-file-conflict-two-runs.log', "which is also in package conflict-a 1.0"],
    ['dpkg 1.22.22: parenthesised owner version (trixie-h4)', 'apt/trixie-h4-file-conflict-two-runs.log', "which is also in package conflict-a (1.0)"],
    ['dpkg -i, dpkg 1.21 (bookworm-h4c)', 'apt/bookworm-h4c-dpkg-i-file-conflict.log', "which is also in package conflict-a 1.0"],
    ['dpkg -i, dpkg 1.22.22 (trixie-h4c)', 'apt/trixie-h4c-dpkg-i-file-conflict.log', "which is also in package conflict-a (1.0)"],
  ]
  for (const [name, file, wording] of cases) {
    test(name, () => {
      const events = parse(fixtureBytes(file))
      const error = events.find((e) => e.type === 'dpkg.error')
      expect(error).toMatchObject({
        package: 'conflict-b',
        cause: 'file-conflict',
        conflict: { path: '/usr/share/conflict-demo/shared-file.txt', package: 'conflict-a', version: '1.0' },
      })
      const [problem] = problemsOf(events, 'dpkg.file-conflict')
      expect(problem).toMatchObject({ package: 'conflict-b', line: error?.line })
      expect(problem?.message).toContain("'/usr/share/conflict-demo/shared-file.txt'")
      expect(problem?.message).toContain(wording)
    })
  }
})

describe('the no-pty capture: LF only, no progress frames (l6)', () => {
  // trixie's apt runs dpkg twice (adduser first), bookworm's once.
  for (const [name, runs] of [
    ['apt/bookworm-l6-no-dev-pts-install.log', 1],
    ['apt/trixie-l6-no-dev-pts-install.log', 2],
  ] as const) {
    test(name, () => {
      expect(fixtureText(name)).not.toContain('\r')
      const events = parse(fixtureBytes(name))
      expect(events.filter((e) => e.type === 'dpkg.database')).toHaveLength(runs)
      expect(events.filter((e) => e.type === 'dpkg.progress' && e.action === 'setup').length).toBeGreaterThan(5)
      expect(problemsOf(events).filter((p) => p.kind.startsWith('dpkg.'))).toEqual([])
    })
  }
})
