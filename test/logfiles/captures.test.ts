/**
 * The apt/dpkg log files of the `aptlogs/` captures through `parse()`, whole: every line is
 * recognised (or, for blank lines, deliberately ignored), and the counts read off the files agree.
 */
import { describe, expect, test } from 'vitest'
import type { AptLogEvent, DpkgLogState, EventOf } from '../../src/events/index.ts'
import { parse } from '../../src/index.ts'
import { allCaptures, fixtureBytes, fixtureText } from '../support/fixtures.ts'

const ofType = <T extends AptLogEvent['type']>(events: readonly AptLogEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type)

const files = allCaptures('aptlogs')

describe('every line of every aptlogs capture is recognised', () => {
  test('there are five captures of each file', () => {
    for (const kind of ['history', 'term', 'dpkg']) expect(files.filter((f) => f.endsWith(`-${kind}.log`))).toHaveLength(5)
  })

  for (const name of files) {
    test(name, () => {
      const events = parse(fixtureBytes(name))
      const end = single(events, 'log.end')
      expect(end.unrecognized).toBe(0)
      // Ignored lines are the blank lines apt writes before each stanza and each `Log started:`,
      // and the dpkg grammar's own ignored lines in term.log (checked below).
      if (!name.endsWith('-term.log')) expect(end.ignored).toBe(blankLines(fixtureText(name)))
    })
  }
})

function blankLines(text: string): number {
  return text.split('\n').slice(0, -1).filter((l) => l.trim() === '').length
}

function single<T extends AptLogEvent['type']>(events: readonly AptLogEvent[], type: T): EventOf<T> {
  const found = ofType(events, type)
  expect(found).toHaveLength(1)
  return found[0] as EventOf<T>
}

describe('history.log: stanzas and package lists (counted in the files)', () => {
  /** Per capture: stanzas, then per stanza `[list, entries, automatic]`. */
  const EXPECTED: Record<string, readonly (readonly [string, number, number])[][]> = {
    'bookworm-m1-after-predepends-loop': [[['install', 4, 3]]],
    'trixie-m1-after-predepends-loop': [[['install', 4, 3]]],
    'bookworm-m2-after-lock-interrupt-sequence': [[['install', 11, 10]]],
    'bookworm-m3-after-install-remove-autoremove': [[['install', 11, 10]], [['reinstall', 1, 0]], [['remove', 1, 0]], [['remove', 10, 0]]],
    'bookworm-m4-after-release-upgrade-to-trixie-upgrade-step': [[['upgrade', 66, 0]]],
  }
  for (const [capture, stanzas] of Object.entries(EXPECTED)) {
    test(capture, () => {
      const events = parse(fixtureBytes(`aptlogs/${capture}-history.log`))
      const found = ofType(events, 'apt.history')
      expect(found).toHaveLength(stanzas.length)
      found.forEach((stanza, i) => {
        expect(stanza.endDate).toBeDefined()
        expect(stanza.truncated).toBeUndefined()
        expect(stanza.unreadEntries).toBeUndefined()
        const lists = (['install', 'reinstall', 'upgrade', 'downgrade', 'remove', 'purge'] as const).flatMap((kind) => {
          const entries = stanza[kind]
          return entries === undefined ? [] : [[kind, entries.length, entries.filter((e) => e.automatic === true).length] as const]
        })
        expect(lists).toEqual(stanzas[i])
        // history.log names every package with :arch; `all` packages show the native one (FORMATS.md §9 point 8).
        for (const kind of ['install', 'reinstall', 'upgrade', 'remove'] as const) for (const p of stanza[kind] ?? []) expect(p.arch).toBe('amd64')
      })
    })
  }

  test('the m1 stanzas end with the dpkg error, as a problem over the stanza; the others have none', () => {
    for (const name of files.filter((f) => f.endsWith('-history.log'))) {
      const problems = ofType(parse(fixtureBytes(name)), 'problem')
      if (name.includes('-m1-')) expect(problems.map((p) => [p.kind, p.line, p.endLine])).toEqual([['dpkg.subprocess-failed', 2, 6]])
      else expect(problems).toEqual([])
    }
  })

  test('m4: every upgrade has both versions, dpkg itself 1.21.23 → 1.22.22', () => {
    const stanza = ofType(parse(fixtureBytes('aptlogs/bookworm-m4-after-release-upgrade-to-trixie-upgrade-step-history.log')), 'apt.history')[0]
    expect(stanza?.upgrade?.every((p) => p.fromVersion !== undefined && p.fromVersion !== p.version)).toBe(true)
    expect(stanza?.upgrade?.[0]).toEqual({ name: 'dpkg', arch: 'amd64', version: '1.22.22', fromVersion: '1.21.23' })
  })
})

describe('term.log: framing events, and the dpkg output between them read by the dpkg grammar', () => {
  const RUNS: Record<string, number> = {
    'bookworm-m1-after-predepends-loop': 1,
    'trixie-m1-after-predepends-loop': 1,
    'bookworm-m2-after-lock-interrupt-sequence': 1,
    'bookworm-m3-after-install-remove-autoremove': 4,
    'bookworm-m4-after-release-upgrade-to-trixie-upgrade-step': 1,
  }
  for (const [capture, runs] of Object.entries(RUNS)) {
    test(capture, () => {
      const text = fixtureText(`aptlogs/${capture}-term.log`)
      const events = parse(fixtureBytes(`aptlogs/${capture}-term.log`))
      const starts = ofType(events, 'apt.term-log.start')
      const ends = ofType(events, 'apt.term-log.end')
      expect(starts).toHaveLength(runs)
      expect(ends).toHaveLength(runs)
      // Every dpkg event lies inside a Log started … Log ended frame.
      for (const e of events.filter((x) => x.type.startsWith('dpkg.'))) {
        expect(starts.some((s, i) => s.line < e.line && e.line < (ends[i]?.line ?? 0))).toBe(true)
      }
      // CRLF line ends and CR-joined `(Reading database ...` frames: one dpkg.database per frame chain.
      expect(ofType(events, 'dpkg.database')).toHaveLength(text.split('\n').filter((l) => l.startsWith('(Reading database ... \r')).length)
      expect(text.includes('\r\n')).toBe(true)
    })
  }

  test('bookworm-m4: the ignored lines are the dpkg grammar’s known noise, none unrecognised', () => {
    const events = parse(fixtureBytes('aptlogs/bookworm-m4-after-release-upgrade-to-trixie-upgrade-step-term.log'))
    expect(single(events, 'log.end')).toMatchObject({ lines: 328, recognized: 271, ignored: 57, unrecognized: 0 })
  })
})

describe('dpkg.log: one event per line, typed by what the line is (counted in the files)', () => {
  const COUNTS: Record<string, readonly [lines: number, startup: number, action: number, status: number]> = {
    'bookworm-m1-after-predepends-loop': [691, 12, 192, 487],
    'trixie-m1-after-predepends-loop': [621, 12, 172, 437],
    'bookworm-m2-after-lock-interrupt-sequence': [770, 13, 214, 543],
    'bookworm-m3-after-install-remove-autoremove': [848, 16, 227, 605],
    'bookworm-m4-after-release-upgrade-to-trixie-upgrade-step': [1403, 130, 323, 950],
  }
  for (const [capture, [lines, startup, action, status]] of Object.entries(COUNTS)) {
    test(capture, () => {
      const events = parse(fixtureBytes(`aptlogs/${capture}-dpkg.log`))
      expect(single(events, 'log.end')).toMatchObject({ lines, recognized: lines, ignored: 0, unrecognized: 0 })
      expect(ofType(events, 'dpkg.log.startup')).toHaveLength(startup)
      expect(ofType(events, 'dpkg.log.action')).toHaveLength(action)
      expect(ofType(events, 'dpkg.log.status')).toHaveLength(status)
      expect(events.every((e) => e.type === 'log.end' || (e.ts !== undefined && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(e.ts)))).toBe(true)
    })
  }

  /** The last state of every package, as a run model would fold it (Map: names are data). */
  function lastStates(events: readonly AptLogEvent[]): Map<string, DpkgLogState> {
    const last = new Map<string, DpkgLogState>()
    for (const e of ofType(events, 'dpkg.log.status')) last.set(e.package, e.state)
    return last
  }
  const unfinished = (states: Map<string, DpkgLogState>): string[] =>
    [...states].filter(([, s]) => s !== 'installed' && s !== 'not-installed' && s !== 'config-files').map(([name]) => name)

  test('m1 (bookworm and trixie): the pre-dependency loop leaves three packages unpacked, never configured', () => {
    for (const release of ['bookworm', 'trixie']) {
      const states = lastStates(parse(fixtureBytes(`aptlogs/${release}-m1-after-predepends-loop-dpkg.log`)))
      expect(unfinished(states).sort()).toEqual(['loop2-app', 'loop2-libc6', 'loop2-multiarch-support'])
      expect(states.get('loop2-app')).toBe('unpacked')
    }
  })

  test('m2: the package a killed dpkg left half-installed (line 681) was removed later; nothing is left unfinished', () => {
    const events = parse(fixtureBytes('aptlogs/bookworm-m2-after-lock-interrupt-sequence-dpkg.log'))
    const slow = ofType(events, 'dpkg.log.status').filter((e) => e.package === 'slow-preinst')
    expect(slow.map((e) => [e.line, e.state])).toEqual([
      [681, 'half-installed'],
      [684, 'half-installed'],
      [686, 'config-files'],
      [687, 'not-installed'],
    ])
    expect(unfinished(lastStates(events))).toEqual([])
  })

  test('m3: autoremove removes ten packages (remove actions after the last startup packages remove)', () => {
    const events = parse(fixtureBytes('aptlogs/bookworm-m3-after-install-remove-autoremove-dpkg.log'))
    const removes = ofType(events, 'dpkg.log.action').filter((e) => e.action === 'remove')
    expect(removes).toHaveLength(11)
    expect(removes[0]).toMatchObject({ line: 779, package: 'openssh-client', arch: 'amd64', installedVersion: '1:9.2p1-2+deb12u10' })
  })
})
