import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DPKG_RULES } from '../../src/dpkg/rules.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { runDpkg } from './support.ts'

const MIB = 1 << 20

/** Starts of real dpkg lines: an adversarial input follows one with a long run of one pattern. */
const SEEDS: readonly string[] = [
  '',
  'Setting up ',
  'Unpacking x (1.0) over (',
  'Preparing to unpack .../',
  'Removing x (1.0), to allow removal of ',
  '(Reading database ... ',
  'Selecting previously unselected package ',
  'Package x is on hold, not touching it.',
  'dpkg: error processing archive ',
  'dpkg: dependency problems prevent configuration of ',
  'dpkg: x: dependency problems, but removing anyway',
  'dpkg: regarding .../x.deb containing ',
  'dpkg: warning: ',
  'dpkg-deb (subprocess): ',
  "trying to overwrite '",
  'trying to overwrite directory \'',
  'installed x package post-installation script subprocess ',
  'old x package postinst maintainer script subprocess was killed by signal (',
  'subprocess installed post-installation script ',
  'x depends on ',
  'x (1.0) breaks ',
  "Creating user '",
  "Creating group '",
  'debconf: (',
  'Updating /',
  'Errors were encountered while processing:',
]

/** Patterns repeated to fill the line: blanks, parentheses, quotes, separators the rules look for. */
const FILLS: readonly string[] = ['a', ' ', ' (', ') ', "'", "', which is also in package ", '%3', ' ...', ':', '0-', '_']

function adversarial(seed: string, fill: string, length: number): string {
  return seed + fill.repeat(Math.ceil((length - seed.length) / fill.length))
}

describe('regex safety: every dpkg rule runs in linear time on 1 MiB adversarial lines', () => {
  test('the rule table is exported and complete', () => {
    expect(DPKG_RULES.length).toBeGreaterThan(30)
    const ids = DPKG_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(['dpkg.progress.unpack', 'dpkg.error.processing', 'dpkg.relation', 'dpkg.error.reason.file-conflict', 'dpkg.error.reason.script-1.23']))
  })

  for (const rule of DPKG_RULES) {
    test(rule.id, () => {
      let slowest = 0
      for (const seed of SEEDS) {
        for (const fill of FILLS) {
          const input = adversarial(seed, fill, MIB)
          const started = performance.now()
          rule.match(input)
          slowest = Math.max(slowest, performance.now() - started)
        }
      }
      // A linear scan of 1 MiB takes milliseconds; a quadratic one would take minutes.
      expect(slowest).toBeLessThan(1000)
    })
  }

  test('the harness can fail: a quadratic regex on the same inputs is caught', () => {
    const quadratic = /^(a|a)*b$/
    const started = performance.now()
    quadratic.test('a'.repeat(24))
    expect(performance.now() - started).toBeGreaterThan(5)
  })
})

describe('the grammar never throws and keeps its verdicts honest', () => {
  const VOCABULARY: readonly string[] = [
    'Selecting previously unselected package libbsd0:amd64.',
    'Preparing to unpack .../00-libbsd0_0.11.7-2_amd64.deb ...',
    'Unpacking libbsd0:amd64 (0.11.7-2) ...',
    'Setting up libbsd0:amd64 (0.11.7-2) ...',
    'Installing new version of config file /etc/issue ...',
    '(Reading database ... 6096 files and directories currently installed.)',
    '(Reading database ... 45%',
    'dpkg: error processing package loop2-libc6:amd64 (--configure):',
    ' dependency problems - leaving unconfigured',
    'dpkg: dependency problems prevent configuration of loop2-libc6:amd64:',
    ' loop2-libc6:amd64 depends on loop2-libgcc1; however:',
    '  Package loop2-libgcc1 is not installed.',
    'dpkg: regarding .../loop2-libgcc1_1%3a4.9.2-10_amd64.deb containing loop2-libgcc1:amd64, pre-dependency problem:',
    ' loop2-libgcc1 pre-depends on loop2-multiarch-support',
    'pre-dependency problem - not installing libgcc1:amd64',
    'dpkg: warning: ignoring pre-dependency problem!',
    'Errors were encountered while processing:',
    ' /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb',
    'Processing was halted because there were too many errors.',
    'dpkg: error: cannot access archive',
    'debconf: delaying package configuration, since apt-utils is not installed',
    'E: Sub-process /usr/bin/dpkg returned an error code (1)',
    '',
    ' ',
    '__proto__',
    'dpkg: __proto__: dependency problems, but removing anyway as you requested:',
  ]

  test('any sequence of real and hostile lines (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 80 })), { maxLength: 60 }), (lines) => {
        const { events, verdicts } = runDpkg(lines)
        for (const v of verdicts) expect([CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE]).toContain(v)
        for (const e of events) {
          expect(e.line).toBeGreaterThanOrEqual(1)
          expect(e.line).toBeLessThanOrEqual(lines.length)
          if (e.endLine !== undefined) expect(e.endLine).toBeGreaterThan(e.line)
          expect(JSON.parse(JSON.stringify(e))).toEqual(e)
          expect(Object.values(e)).not.toContain(undefined)
        }
        // Events come out in source order of their first line, problems right after their evidence.
        for (let i = 1; i < events.length; i++) {
          const current = events[i]
          const previous = events[i - 1]
          if (current === undefined || previous === undefined) continue
          if (current.type === 'problem') expect(current.line).toBe(previous.line)
          else expect(current.line).toBeGreaterThanOrEqual(previous.line)
        }
      }),
      { numRuns: 400, seed: 7 },
    )
  })
})
