import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DPKG_RULES } from '../../src/dpkg/rules.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { runDpkg } from './support.ts'

// Linear time of every rule is checked for all tables at once in test/hardening/regex-safety.test.ts.
describe('the dpkg rule table', () => {
  test('the rule table is exported and complete', () => {
    expect(DPKG_RULES.length).toBeGreaterThan(30)
    const ids = DPKG_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(['dpkg.progress.unpack', 'dpkg.error.processing', 'dpkg.relation', 'dpkg.error.reason.file-conflict', 'dpkg.error.reason.script-1.23']))
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
