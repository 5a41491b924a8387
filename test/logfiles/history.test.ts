/**
 * history.log stanzas (FORMATS.md §6.2) and term.log framing (§6.3): real stanzas from the
 * `aptlogs/` captures, the shapes apt's `dpkgpm.cc` writes that no capture has (Requested-By,
 * Purge, Downgrade, Disappeared), stanzas that never got their `End-Date:`, and near misses.
 */
import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { parse } from '../../src/index.ts'
import { historyErrorKind } from '../../src/logfiles/grammar.ts'
import { countWork } from '../hardening/work-counter.ts'
import { ofType, runLogfile, single } from './support.ts'

/** aptlogs/bookworm-m1-after-predepends-loop-history.log, whole. */
const M1 = [
  '',
  'Start-Date: 2026-11-27  23:28:36',
  'Commandline: apt-get -o Dpkg::StopOnError=false install -y loop2-app',
  'Install: loop2-multiarch-support:amd64 (2.19-18, automatic), loop2-libgcc1:amd64 (1:4.9.2-10, automatic), loop2-app:amd64 (1.0-1), loop2-libc6:amd64 (2.19-18, automatic)',
  'Error: Sub-process /usr/bin/dpkg returned an error code (1)',
  'End-Date: 2026-11-27  23:28:37',
]

describe('a history.log stanza', () => {
  test('bookworm-m1: Install with automatic flags, Error → one event and a dpkg.subprocess-failed problem over the stanza', () => {
    const { events, verdicts } = runLogfile(M1)
    expect(verdicts).toEqual([IGNORED, CONSUMED, CONSUMED, CONSUMED, CONSUMED, CONSUMED])
    expect(events).toEqual([
      {
        type: 'apt.history',
        line: 2,
        rule: 'apt.history',
        endLine: 6,
        startDate: '2026-11-27 23:28:36',
        endDate: '2026-11-27 23:28:37',
        commandline: 'apt-get -o Dpkg::StopOnError=false install -y loop2-app',
        install: [
          { name: 'loop2-multiarch-support', arch: 'amd64', version: '2.19-18', automatic: true },
          { name: 'loop2-libgcc1', arch: 'amd64', version: '1:4.9.2-10', automatic: true },
          { name: 'loop2-app', arch: 'amd64', version: '1.0-1' },
          { name: 'loop2-libc6', arch: 'amd64', version: '2.19-18', automatic: true },
        ],
        error: 'Sub-process /usr/bin/dpkg returned an error code (1)',
      },
      {
        type: 'problem',
        line: 2,
        rule: 'apt.history',
        endLine: 6,
        kind: 'dpkg.subprocess-failed',
        severity: 'error',
        message: 'Sub-process /usr/bin/dpkg returned an error code (1)',
      },
    ])
  })

  test('the event leaves when End-Date arrives, not later', () => {
    const { events } = runLogfile(M1.slice(0, 6))
    expect(events).toHaveLength(2)
    const early = runLogfile(M1.slice(0, 5))
    // Without End-Date the stanza is still open until the end of the input (flush).
    expect(single(early.events, 'apt.history').endDate).toBeUndefined()
  })

  test('bookworm-m4: Upgrade entries carry fromVersion → version', () => {
    const { events } = runLogfile([
      'Start-Date: 2026-11-27  23:20:22',
      'Commandline: apt-get -y upgrade',
      'Upgrade: dpkg:amd64 (1.21.23, 1.22.22), libsmartcols1:amd64 (2.38.1-5+deb12u3, 2.41.5-0+deb13u1), libaudit-common:amd64 (1:3.0.9-1, 1:4.0.2-2+deb13u1)',
      'End-Date: 2026-11-27  23:20:30',
    ])
    expect(single(events, 'apt.history').upgrade).toEqual([
      { name: 'dpkg', arch: 'amd64', version: '1.22.22', fromVersion: '1.21.23' },
      { name: 'libsmartcols1', arch: 'amd64', version: '2.41.5-0+deb13u1', fromVersion: '2.38.1-5+deb12u3' },
      { name: 'libaudit-common', arch: 'amd64', version: '1:4.0.2-2+deb13u1', fromVersion: '1:3.0.9-1' },
    ])
  })

  test('bookworm-m3: Reinstall and Remove, one stanza each, blank lines between them ignored', () => {
    const { events, verdicts } = runLogfile([
      '',
      'Start-Date: 2026-11-27  23:07:51',
      'Commandline: apt-get install --reinstall -y libbsd0',
      'Reinstall: libbsd0:amd64 (0.11.7-2)',
      'End-Date: 2026-11-27  23:07:51',
      '',
      'Start-Date: 2026-11-27  23:20:23',
      'Commandline: apt-get -y remove openssh-client',
      'Remove: openssh-client:amd64 (1:9.2p1-2+deb12u10)',
      'End-Date: 2026-11-27  23:20:23',
    ])
    expect(verdicts.filter((v) => v === IGNORED)).toHaveLength(2)
    const stanzas = ofType(events, 'apt.history')
    expect(stanzas.map((s) => [s.line, s.endLine])).toEqual([
      [2, 5],
      [7, 10],
    ])
    expect(stanzas[0]?.reinstall).toEqual([{ name: 'libbsd0', arch: 'amd64', version: '0.11.7-2' }])
    expect(stanzas[1]?.remove).toEqual([{ name: 'openssh-client', arch: 'amd64', version: '1:9.2p1-2+deb12u10' }])
    expect(events.some((e) => e.type === 'problem')).toBe(false)
  })

  test("keys no capture has, in apt's dpkgpm.cc shapes: Requested-By, Comment, Downgrade, Purge, Disappeared", () => {
    const { events, verdicts } = runLogfile([
      'Start-Date: 2026-11-27  23:26:53',
      'Commandline: apt-get purge -y demo-a',
      'Requested-By: alice (1000)',
      'Comment: nightly image refresh',
      'Downgrade: demo-b:amd64 (2.0-1, 1.0-1)',
      'Purge: demo-a:amd64 (1.0)',
      'Disappeared: old-lib:amd64 (0.9), gone-pkg',
      'End-Date: 2026-11-27  23:26:54',
    ])
    expect(verdicts.every((v) => v === CONSUMED)).toBe(true)
    expect(single(events, 'apt.history')).toEqual({
      type: 'apt.history',
      line: 1,
      rule: 'apt.history',
      endLine: 8,
      startDate: '2026-11-27 23:26:53',
      endDate: '2026-11-27 23:26:54',
      commandline: 'apt-get purge -y demo-a',
      requestedBy: 'alice (1000)',
      comment: 'nightly image refresh',
      downgrade: [{ name: 'demo-b', arch: 'amd64', version: '1.0-1', fromVersion: '2.0-1' }],
      purge: [{ name: 'demo-a', arch: 'amd64', version: '1.0' }],
      disappeared: [{ name: 'old-lib', arch: 'amd64', version: '0.9' }, { name: 'gone-pkg' }],
    })
  })

  test('a run that never wrote End-Date (apt killed): the stanza closes at the blank line before the next one', () => {
    const { events } = runLogfile([
      'Start-Date: 2026-11-27  23:24:31',
      'Commandline: apt-get install -y slow-preinst',
      'Install: slow-preinst:amd64 (1.0)',
      '',
      'Start-Date: 2026-11-27  23:25:01',
      'End-Date: 2026-11-27  23:25:01',
    ])
    const stanzas = ofType(events, 'apt.history')
    expect(stanzas).toHaveLength(2)
    expect(stanzas[0]).toMatchObject({ line: 1, endLine: 3, startDate: '2026-11-27 23:24:31' })
    expect(stanzas[0]).not.toHaveProperty('endDate')
    expect(stanzas[1]).toMatchObject({ line: 5, endLine: 6, endDate: '2026-11-27 23:25:01' })
  })

  test('… or at the next Start-Date directly, or at a line that is not a stanza key (which is then read anew)', () => {
    const { events, verdicts } = runLogfile([
      'Start-Date: 2026-11-27  23:24:31',
      'Start-Date: 2026-11-27  23:25:01',
      'Commandline: apt-get install -y x',
      'Log started: 2026-11-27  23:25:01',
      'Commandline: apt-get install -y x',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED, CONSUMED, UNRECOGNIZED])
    expect(events.map((e) => [e.type, e.line, e.endLine])).toEqual([
      ['apt.history', 1, undefined],
      ['apt.history', 2, 3],
      ['apt.term-log.start', 4, undefined],
    ])
  })

  test('a non-dpkg Error is apt.other-error', () => {
    expect(historyErrorKind('Sub-process /usr/bin/dpkg returned an error code (1)')).toBe('dpkg.subprocess-failed')
    expect(historyErrorKind('Sub-process /usr/bin/dpkg received a segmentation fault.')).toBe('dpkg.subprocess-failed')
    expect(historyErrorKind('Sub-process /usr/sbin/dpkg exited unexpectedly')).toBe('dpkg.subprocess-failed')
    expect(historyErrorKind('Sub-process /usr/bin/apt-listchanges returned an error code (1)')).toBe('apt.other-error')
    expect(historyErrorKind('Can not write log (Is /dev/pts mounted?)')).toBe('apt.other-error')
    const { problems } = runLogfile(['Start-Date: 2026-11-27  23:28:36', 'Error: something apt said', 'End-Date: 2026-11-27  23:28:37'])
    expect(problems).toEqual([{ type: 'problem', line: 1, rule: 'apt.history', endLine: 3, kind: 'apt.other-error', severity: 'error', message: 'something apt said' }])
  })

  test('entries without the name:arch (version) shape are counted, not guessed', () => {
    const { events } = runLogfile(['Start-Date: 2026-11-27  23:28:36', 'Install: good:amd64 (1.0), bad entry (1.0), worse:amd64 (), also:amd64 (1, 2, 3)', 'End-Date: 2026-11-27  23:28:37'])
    const stanza = single(events, 'apt.history')
    expect(stanza.install).toEqual([{ name: 'good', arch: 'amd64', version: '1.0' }])
    expect(stanza.unreadEntries).toBe(3)
    expect(stanza).not.toHaveProperty('truncated')
  })

  test('a list line cut inside an entry keeps the complete entries and marks the stanza', () => {
    const { events } = runLogfile(['Start-Date: 2026-11-27  23:28:36', 'Install: a:amd64 (1.0), b:amd64 (2.0, automatic), c:amd64 (3.', 'End-Date: 2026-11-27  23:28:37'])
    const stanza = single(events, 'apt.history')
    expect(stanza.install).toEqual([
      { name: 'a', arch: 'amd64', version: '1.0' },
      { name: 'b', arch: 'amd64', version: '2.0', automatic: true },
    ])
    expect(stanza.truncated).toBe(true)
    expect(stanza).not.toHaveProperty('unreadEntries')
  })

  test('a Disappeared line cut inside an entry marks the stanza too', () => {
    const { events } = runLogfile(['Start-Date: 2026-11-27  23:28:36', 'Disappeared: old-lib:amd64 (0.9), gone (1.', 'End-Date: 2026-11-27  23:28:37'])
    const stanza = single(events, 'apt.history')
    expect(stanza.disappeared).toEqual([{ name: 'old-lib', arch: 'amd64', version: '0.9' }])
    expect(stanza.truncated).toBe(true)
  })

  test("a line cut by the parser's maxLineLength (bookworm-m2's 506-character Install line at 200)", () => {
    const text = [
      '',
      'Start-Date: 2026-11-27  23:25:01',
      'Commandline: apt-get install -y --no-install-recommends openssh-client',
      'Install: libkeyutils1:amd64 (1.6.3-2, automatic), libgssapi-krb5-2:amd64 (1.20.1-2+deb12u5, automatic), openssh-client:amd64 (1:9.2p1-2+deb12u10), libfido2-1:amd64 (1.12.0-2+b1, automatic), libkrb5support0:amd64 (1.20.1-2+deb12u5, automatic), libbsd0:amd64 (0.11.7-2, automatic), libssl3:amd64 (3.0.20-1~deb12u2, automatic), libkrb5-3:amd64 (1.20.1-2+deb12u5, automatic), libk5crypto3:amd64 (1.20.1-2+deb12u5, automatic), libcbor0.8:amd64 (0.8.0-2+b1, automatic), libedit2:amd64 (3.1-20221030-2, automatic)',
      'End-Date: 2026-11-27  23:25:01',
      '',
    ].join('\n')
    const whole = single(parse(text), 'apt.history')
    expect(whole.install).toHaveLength(11)
    const events = parse(text, { maxLineLength: 200 })
    expect(single(events, 'line.truncated')).toMatchObject({ line: 4, length: 506, limit: 200 })
    const cut = single(events, 'apt.history')
    // 200 characters hold `Install: ` and four whole entries; the fifth is cut.
    expect(cut.install?.map((p) => p.name)).toEqual(['libkeyutils1', 'libgssapi-krb5-2', 'openssh-client', 'libfido2-1'])
    expect(cut.truncated).toBe(true)
    expect(cut.endDate).toBe('2026-11-27 23:25:01')
  })

  // Linear, counted (test/hardening/work-counter.ts), never timed: a line of 10× more entries costs
  // 10× the work, the same work per character; an entry that walked or copied the entries before it
  // would make it about 10× more per character.
  test.each([
    ['Install', (i: number) => `pkg${i}:amd64 (1.${i}-1, automatic)`, 'install'],
    ['Disappeared', (i: number) => `old${i}:amd64 (0.${i})`, 'disappeared'],
  ] as const)('thousands of entries on one %s line are read in linear time (work per character the same at 5 000 and 50 000)', (key, entry, list) => {
    const read = (count: number): { work: number; characters: number; entries: readonly unknown[] } => {
      const line = `${key}: ${Array.from({ length: count }, (_, i) => entry(i)).join(', ')}`
      const { work, result } = countWork(() => runLogfile(['Start-Date: 2026-11-27  23:28:36', line, 'End-Date: 2026-11-27  23:28:37']))
      return { work, characters: line.length, entries: single(result.events, 'apt.history')[list] ?? [] }
    }
    const small = read(5_000)
    const big = read(50_000)
    expect(small.entries).toHaveLength(5_000)
    expect(big.entries).toHaveLength(50_000)
    const growth = big.work / big.characters / (small.work / small.characters)
    // Measured: 1.01 (Install), 1.0 (Disappeared); with each entry checked against the list before
    // it, or the list copied per entry, 9 to 10.
    expect(growth).toBeGreaterThan(0.8)
    expect(growth).toBeLessThan(1.5)
  })

  test('the last of 50 000 entries is read whole', () => {
    const entries = Array.from({ length: 50_000 }, (_, i) => `pkg${i}:amd64 (1.${i}-1, automatic)`).join(', ')
    const { events } = runLogfile(['Start-Date: 2026-11-27  23:28:36', `Install: ${entries}`, 'End-Date: 2026-11-27  23:28:37'])
    const install = single(events, 'apt.history').install ?? []
    expect(install).toHaveLength(50_000)
    expect(install[49_999]).toEqual({ name: 'pkg49999', arch: 'amd64', version: '1.49999-1', automatic: true })
  })

  test('package names that are object-prototype keys are data', () => {
    const { events } = runLogfile(['Start-Date: 2026-11-27  23:28:36', 'Install: __proto__:amd64 (1.0), constructor:amd64 (2.0)', 'End-Date: 2026-11-27  23:28:37'])
    // `__proto__` is not a valid Debian name (underscore first), `constructor` is.
    const stanza = single(events, 'apt.history')
    expect(stanza.install).toEqual([{ name: 'constructor', arch: 'amd64', version: '2.0' }])
    expect(stanza.unreadEntries).toBe(1)
  })
})

describe('history.log near misses', () => {
  const MISSES: readonly (readonly [string, string, number])[] = [
    ['Commandline: outside a stanza', 'Commandline: apt-get install -y loop2-app', UNRECOGNIZED],
    ['Install: outside a stanza', 'Install: loop2-app:amd64 (1.0-1)', UNRECOGNIZED],
    ['End-Date: outside a stanza (history.log, but no stanza to close)', 'End-Date: 2026-11-27  23:28:37', UNRECOGNIZED_APT_LIKE],
    ['Start-Date with one space (not apt’s "%F  %T")', 'Start-Date: 2026-11-27 23:28:36', UNRECOGNIZED_APT_LIKE],
    ['Start-Date with trailing text', 'Start-Date: 2026-11-27  23:28:36 UTC', UNRECOGNIZED_APT_LIKE],
    ['Start-Date in prose', 'Start-Date: tomorrow', UNRECOGNIZED_APT_LIKE],
    ['a word that starts like the key', 'Start-Dates: 2026-11-27  23:28:36', UNRECOGNIZED],
  ]
  for (const [name, line, verdict] of MISSES) {
    test(name, () => {
      const { events, verdicts } = runLogfile([line])
      expect(events).toEqual([])
      expect(verdicts).toEqual([verdict])
    })
  }

  test('Error: outside a stanza stays apt’s (apt 3 message prefix)', () => {
    const events = parse('Error: Sub-process /usr/bin/dpkg returned an error code (1)\n')
    expect(events[0]).toMatchObject({ type: 'apt.message', prefix: 'Error' })
  })

  test('an unknown key inside a stanza closes it (the stanza keeps what came before)', () => {
    const { events, verdicts } = runLogfile(['Start-Date: 2026-11-27  23:28:36', 'Commandline: apt-get install x', 'Future-Key: value', 'End-Date: 2026-11-27  23:28:37'])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE])
    expect(single(events, 'apt.history')).toMatchObject({ line: 1, endLine: 2, commandline: 'apt-get install x' })
  })
})

describe('term.log framing', () => {
  test('Log started / Log ended (bookworm-m1 term.log lines 2 and 60)', () => {
    const { events, verdicts } = runLogfile(['', 'Log started: 2026-11-27  23:28:36', 'Log ended: 2026-11-27  23:28:37'])
    expect(verdicts).toEqual([IGNORED, CONSUMED, CONSUMED])
    expect(events).toEqual([
      { type: 'apt.term-log.start', line: 2, rule: 'apt.term-log.start', date: '2026-11-27 23:28:36' },
      { type: 'apt.term-log.end', line: 3, rule: 'apt.term-log.end', date: '2026-11-27 23:28:37' },
    ])
  })

  const MISSES: readonly (readonly [string, string, number])[] = [
    ['one space between date and time', 'Log started: 2026-11-27 23:28:36', UNRECOGNIZED_APT_LIKE],
    ['no date', 'Log ended: ', UNRECOGNIZED_APT_LIKE],
    ['prose', 'Log started at 10:00 by the build script', UNRECOGNIZED],
    ['another program’s log line', 'Log file: /var/log/build.log', UNRECOGNIZED],
  ]
  for (const [name, line, verdict] of MISSES) {
    test(`near miss: ${name}`, () => {
      const { events, verdicts } = runLogfile([line])
      expect(events).toEqual([])
      expect(verdicts).toEqual([verdict])
    })
  }
})
