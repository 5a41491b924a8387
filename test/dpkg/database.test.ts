import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { runDpkg } from './support.ts'

describe('dpkg.database (FORMATS.md §5.3)', () => {
  const cases: readonly [string, string, number][] = [
    [
      'under apt: CR frames, the last one counts (bookworm-a)',
      '(Reading database ... \r(Reading database ... 5%\r(Reading database ... 100%\r(Reading database ... 6096 files and directories currently installed.)',
      6096,
    ],
    ['without a pty: one plain line (bookworm-h4c, dpkg -i)', '(Reading database ... 6096 files and directories currently installed.)', 6096],
    ['trixie count (trixie-h4c)', '(Reading database ... 4950 files and directories currently installed.)', 4950],
    ['singular (dpkg db-fsys-files.c template)', '(Reading database ... 1 file or directory currently installed.)', 1],
  ]
  for (const [name, line, files] of cases) {
    test(name, () => {
      const { events, verdicts } = runDpkg([line])
      expect(events).toEqual([{ type: 'dpkg.database', line: 1, rule: 'dpkg.database', files }])
      expect(verdicts).toEqual([CONSUMED])
    })
  }

  const frames: readonly [string, string][] = [
    ['a log cut mid-read ends on a percentage frame', '(Reading database ... \r(Reading database ... 45%'],
    ['the bare first frame', '(Reading database ... '],
    ['100% is still a frame', '(Reading database ... 100%'],
  ]
  for (const [name, line] of frames) {
    test(`ignored: ${name}`, () => {
      const { events, verdicts } = runDpkg([line])
      expect(events).toEqual([])
      expect(verdicts).toEqual([IGNORED])
    })
  }

  // Unrecognised; shaped like dpkg's database line, so counted as apt-like (an unknown version or locale).
  const misses: readonly [string, string][] = [
    ['a count that is not a number', '(Reading database ... many files and directories currently installed.)'],
    ['a missing closing parenthesis', '(Reading database ... 6096 files and directories currently installed.'],
    ['a percentage over three digits', '(Reading database ... 1000%'],
    ['German with the English plural (no language prints it)', '(Lese Datenbank ... 6096 files and directories currently installed.)'],
  ]
  for (const [name, line] of misses) {
    test(`near miss: ${name}`, () => {
      const { events, verdicts } = runDpkg([line])
      expect(events).toEqual([])
      expect(verdicts).toEqual([UNRECOGNIZED_APT_LIKE])
    })
  }

  test('a parenthesised line without dpkg\'s " ..." is plainly unrecognised', () => {
    expect(runDpkg(['(Reading database)']).verdicts).toEqual([UNRECOGNIZED])
  })
})
