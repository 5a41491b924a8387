/**
 * Whole captures through `parse()`: invariants that must hold on every apt log, and the problems
 * each failure capture proves. The captures are listed in fixtures/README.md.
 */
import { describe, expect, test } from 'vitest'
import { parse } from '../../src/index.ts'
import type { AptLogEvent, EventOf, LogEndEvent } from '../../src/events/index.ts'
import { stripAnsi } from '../../src/lines/ansi.ts'
import { readCiPrefix } from '../../src/lines/ci-prefix.ts'
import { allCaptures, fixtureBytes, fixtureText } from '../support/fixtures.ts'

const parsed = new Map<string, AptLogEvent[]>()
function eventsOf(name: string): AptLogEvent[] {
  let events = parsed.get(name)
  if (events === undefined) {
    events = parse(fixtureBytes(name))
    parsed.set(name, events)
  }
  return events
}

const APT_CAPTURES = allCaptures('apt').filter((f) => f.endsWith('.log') && !f.includes('handmade-'))
const EVERY_CAPTURE = allCaptures().filter((f) => f.endsWith('.log'))

describe('every capture: no apt message line is left unrecognised', () => {
  // Covered by an apt.message, or taken by another layer first (podman's own `Error: building at STEP …`).
  test.each(EVERY_CAPTURE)('%s', (name) => {
    const covered = new Set<number>()
    for (const e of eventsOf(name)) {
      if (e.type === 'log.end' || (e.type.startsWith('apt.') && e.type !== 'apt.message')) continue
      for (let i = e.line; i <= (e.endLine ?? e.line); i++) covered.add(i)
    }
    const missed: string[] = []
    fixtureText(name)
      .split('\n')
      .forEach((raw, i) => {
        const text = stripAnsi(readCiPrefix(raw)?.text ?? raw).replace(/\r$/, '')
        if (/^(E|W|Error|Warning): /.test(text) && !covered.has(i + 1)) missed.push(`${i + 1}: ${text}`)
      })
    expect(missed).toEqual([])
  })

  test('the check can fail: a capture with E: lines has message events', () => {
    expect(eventsOf('apt/bookworm-f1-unable-to-locate-package.log').some((e) => e.type === 'apt.message')).toBe(true)
  })
})

/**
 * Plan lists and counts of each apt command: lists since the last `Reading package lists...`,
 * closed by the counts. Kept per docker step, since BuildKit interleaves the output of stages.
 */
function plans(events: readonly AptLogEvent[]): { lists: EventOf<'apt.plan.list'>[]; counts: EventOf<'apt.plan.counts'> }[] {
  const out: { lists: EventOf<'apt.plan.list'>[]; counts: EventOf<'apt.plan.counts'> }[] = []
  const open = new Map<string, EventOf<'apt.plan.list'>[]>()
  for (const e of events) {
    const key = e.step ?? ''
    if (e.type === 'apt.phase' && e.phase === 'reading-package-lists') open.set(key, [])
    else if (e.type === 'apt.plan.list') open.set(key, [...(open.get(key) ?? []), e])
    else if (e.type === 'apt.plan.counts') {
      out.push({ lists: open.get(key) ?? [], counts: e })
      open.set(key, [])
    }
  }
  return out
}

// Every capture with apt plans, docker builds and translated logs included; not the incident's
// excerpts, whose author elided list items (`adduser debconf debianutils dpkg ... (一共40个软件包)`).
const PLAN_CAPTURES = EVERY_CAPTURE.filter((f) => !f.startsWith('seed/') && !f.startsWith('fuzz/'))

describe('every capture: the installed lists add up to the counts', () => {
  test.each(PLAN_CAPTURES)('%s', (name) => {
    for (const { lists, counts } of plans(eventsOf(name))) {
      const layout = counts.layout
      const installing = lists.filter((l) => (layout === 'summary' ? l.list === 'install' || l.list === 'install-dependencies' : l.list === 'new'))
      expect(installing.some((l) => l.elided === true)).toBe(false)
      expect(installing.reduce((n, l) => n + l.packages.length, 0)).toBe(counts.newlyInstalled)
      const removing = lists.filter((l) => l.list === 'remove')
      if (removing.length > 0) expect(removing.reduce((n, l) => n + l.packages.length, 0)).toBe(counts.removed)
      const upgrading = lists.filter((l) => l.list === 'upgrade')
      if (upgrading.length > 0) expect(upgrading.reduce((n, l) => n + l.packages.length, 0)).toBe(counts.upgraded)
    }
  })

  test('the check is not vacuous: apt 3 and classic plans are both present, and docker builds have plans too', () => {
    const all = PLAN_CAPTURES.flatMap((name) => plans(eventsOf(name)))
    expect(PLAN_CAPTURES.filter((n) => n.startsWith('docker/')).flatMap((name) => plans(eventsOf(name))).length).toBeGreaterThanOrEqual(10)
    expect(all.filter((p) => p.counts.layout === 'summary').length).toBeGreaterThanOrEqual(5)
    expect(all.filter((p) => p.counts.layout === 'classic' && p.counts.newlyInstalled > 0).length).toBeGreaterThanOrEqual(30)
  })
})

/** Problems the apt grammar reports per capture (`kind/cause(package)`), in order. Captures not listed prove none. */
const APT_PROBLEMS: Record<string, readonly string[]> = {
  'bookworm-b6-predepends-loop-local-pkgs': ['dpkg.subprocess-failed'],
  'bookworm-b6c-predepends-loop-followup-install-again': ['apt.unmet-dependencies(loop-app)'],
  'bookworm-b6d-predepends-loop-stoponerror-false': ['dpkg.subprocess-failed', 'dpkg.subprocess-failed', 'dpkg.subprocess-failed'],
  'bookworm-f1-unable-to-locate-package': ['apt.package-not-found(nonexistent-pkg-xyz)'],
  'bookworm-f2-virtual-package-no-candidate': ['apt.no-install-candidate(mail-transport-agent)'],
  'bookworm-f4-version-not-found': ['apt.version-not-found(bash)'],
  'bookworm-f5-release-not-found': ['apt.release-not-found'],
  'bookworm-f6-apt-unable-to-locate-package': ['apt.package-not-found(nonexistent-pkg-xyz)'],
  'bookworm-g1-unmet-depends-held-broken': ['apt.unmet-dependencies(unmet-libc)'],
  'bookworm-g2-unmet-predepends-not-installable': ['apt.unmet-dependencies(predep-nonexistent)'],
  'bookworm-h1-failing-postinst': ['dpkg.subprocess-failed'],
  'bookworm-i1-connection-refused-update-then-install': ['apt.fetch-failed/connection-refused', 'apt.index-download-failed', 'apt.package-not-found(openssh-client)'],
  'bookworm-i2-suite-does-not-have-release-file': ['apt.release-file-missing'],
  'bookworm-i3-stale-lists-404-failed-to-fetch': ['apt.fetch-failed/http-404(stale-pkg)', 'apt.archives-fetch-failed'],
  'bookworm-i8-hash-sum-mismatch': ['apt.fetch-failed/hash-mismatch(hashsum-pkg)', 'apt.archives-fetch-failed'],
  'bookworm-j1-apt-get-could-not-get-lock': ['apt.lock-held/held'],
  'bookworm-k1-dpkg-was-interrupted': ['dpkg.interrupted'],
  'bookworm-k3-apt-get-install-after-recovery': ['apt.reinstall-required(slow-preinst)'],
  'bookworm-l6-no-dev-pts-install': ['apt.pty-unavailable'],
  'trixie-b1-bad-status-truncated-update-install-openssh-client': ['apt.other-error/debconf-unavailable', 'apt.other-error/debconf-unavailable'],
  'trixie-b4-bad-status-essential-entries-removed-update-install-openssh-client': ['apt.unmet-dependencies(apt)'],
  'trixie-g1-unmet-depends-held-broken': ['apt.unmet-dependencies(unmet-libc)'],
  'trixie-g3-apt-unmet-depends-held-broken': ['apt.unmet-dependencies(unmet-libc)'],
  'trixie-h1c-apt-failing-postinst': ['dpkg.subprocess-failed'],
  'trixie-i1-connection-refused-update-then-install': ['apt.fetch-failed/connection-refused', 'apt.index-download-failed', 'apt.no-install-candidate(openssh-client)'],
  'trixie-i2b-apt-update-suite-does-not-have-release-file': ['apt.release-file-missing'],
  'trixie-i4-lists-deleted-unable-to-locate': ['apt.no-install-candidate(openssh-client)'],
  'trixie-k1-dpkg-was-interrupted': ['dpkg.interrupted'],
  'sid-g1-unmet-depends-held-broken': ['apt.unmet-dependencies(unmet-libc)'],
}

function aptProblems(name: string): string[] {
  return eventsOf(name)
    .filter((e): e is EventOf<'problem'> => e.type === 'problem' && e.rule.startsWith('apt.'))
    .map((p) => `${p.kind}${p.cause === undefined ? '' : `/${p.cause}`}${p.package === undefined ? '' : `(${p.package})`}`)
}

describe('the problems each failure capture proves', () => {
  test.each(Object.entries(APT_PROBLEMS))('%s', (name, want) => {
    expect(aptProblems(`apt/${name}.log`)).toEqual(want)
  })

  test.each([
    'apt/bookworm-a-good-update-install-openssh-client-no-recommends.log',
    'apt/trixie-a-good-update-install-openssh-client-no-recommends.log',
    'apt/sid-a-good-update-install-openssh-client-no-recommends.log',
    'apt/trixie-l1-apt-not-apt-get-install-no-tty.log',
    'apt/sid-l1-apt-not-apt-get-install-no-tty.log',
    'apt/bookworm-d3-release-upgrade-to-trixie-apt-get-upgrade.log',
    'apt/trixie-e7-apt-purge-autoremove.log',
    'host/host-install-docker-io.log',
  ])('a good run proves nothing: %s', (name) => {
    expect(aptProblems(name)).toEqual([])
  })

  test('every dependency failure across the captures is one problem, whichever apt printed it', () => {
    for (const name of APT_CAPTURES) {
      const unmet = aptProblems(name).filter((p) => p.startsWith('apt.unmet-dependencies'))
      expect(unmet.length).toBeLessThanOrEqual(1)
    }
  })
})

describe('the incident excerpts (apt 1.0, seed)', () => {
  test('runner: lost indentation, elided lists, 40 packages planned', () => {
    const events = eventsOf('seed/incident-runner-excerpt.log')
    const lists = events.filter((e): e is EventOf<'apt.plan.list'> => e.type === 'apt.plan.list')
    expect(lists.map((l) => [l.list, l.packages, l.elided])).toEqual([
      ['extra', ['adduser', 'debconf', 'debianutils', 'dpkg'], true],
      ['suggested', [], true],
      ['recommended', [], true],
    ])
    expect(events.find((e) => e.type === 'apt.plan.counts')).toMatchObject({ newlyInstalled: 40, ts: '2017-12-12 10:04:12' })
    expect(events.find((e) => e.type === 'apt.acquire')).toMatchObject({ result: 'ign', id: null, uri: 'http://mirrors.aliyun.com' })
  })

  test('local: the same apt 1.0 screen with its indentation, 3 packages planned', () => {
    const events = eventsOf('seed/incident-local-excerpt.log')
    const lists = events.filter((e): e is EventOf<'apt.plan.list'> => e.type === 'apt.plan.list')
    expect(lists.map((l) => [l.list, l.packages.length])).toEqual([
      ['extra', 2],
      ['suggested', 4],
      ['recommended', 1],
      ['new', 3],
    ])
    expect(lists.every((l) => l.elided === undefined)).toBe(true)
  })
})

describe('hand-made fixtures', () => {
  test('German lines (FORMATS.md §1.4) are read through the locale tables; `...` where the catalogue prints `…` stays apt-like', () => {
    const events = eventsOf('apt/handmade-de-locale.log')
    expect(events.filter((e) => e.type.startsWith('apt.')).map((e) => [e.type, e.rule, e.locale])).toEqual([
      ['apt.acquire', 'locale.acquire.get', 'de'],
      ['apt.acquire', 'locale.acquire.get', 'de'],
      ['apt.fetched', 'locale.fetched', 'de'],
      ['apt.phase', 'locale.phase.reading-package-lists', 'de'],
    ])
    const end = events.at(-1) as LogEndEvent
    expect(end).toMatchObject({ type: 'log.end', lines: 5, recognized: 4, unrecognized: 1, unrecognizedAptLike: 1, localizedLines: 4, detectedLocale: 'de' })
  })

  test('en_GB wording reads like the C locale', () => {
    const events = eventsOf('apt/handmade-en-gb-install.log')
    expect(events.find((e) => e.type === 'apt.plan.counts')).toMatchObject({ upgraded: 0, newlyInstalled: 3, removed: 0, notUpgraded: 12, rule: 'apt.plan.counts.en-gb' })
    expect(events.find((e) => e.type === 'apt.plan.download')).toMatchObject({ bytes: 1_114_000 })
    expect(events.find((e) => e.type === 'apt.fetched')).toMatchObject({ bytes: 1_114_000, bytesPerSecond: 3_004_000 })
    expect((events.at(-1) as LogEndEvent).unrecognized).toBe(0)
  })
})
