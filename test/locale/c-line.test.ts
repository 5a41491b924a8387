/**
 * `cLine`: a translated line given back in C, the text the English rules read (dpkg's translated
 * lines go through the English dpkg rules and blocks this way). Real lines of fixtures/locale/.
 */
import { describe, expect, test } from 'vitest'
import { lastFrame } from '../../src/lines/frames.ts'
import { cLine } from '../../src/locale/lines.ts'
import { matchLocaleLine } from '../../src/locale/matcher.ts'
import { fixtureText } from '../support/fixtures.ts'

function lineOf(name: string, n: number): string {
  const raw = fixtureText(`locale/${name}`).split('\n')[n - 1]
  if (raw === undefined) throw new Error(`${name} has no line ${n}`)
  return lastFrame(raw.endsWith('\r') ? raw.slice(0, -1) : raw)
}

const DE_A = 'bookworm-de-a-update-install-openssh-client-no-recommends.log'
const DE_H2 = 'bookworm-de-h2-dpkg-i-predepends-not-installed.log'
const RU_H1 = 'bookworm-ru-h1-failing-postinst.log'
const ZH_H1 = 'trixie-zh_CN-h1-failing-postinst.log'

/** [capture, line, the C text]. */
const REAL: readonly (readonly [string, number, string])[] = [
  [DE_A, 37, 'Selecting previously unselected package libbsd0:amd64.'],
  [DE_A, 38, '(Reading database ... 6758 files and directories currently installed.)'],
  [DE_A, 39, 'Preparing to unpack .../00-libbsd0_0.11.7-2_amd64.deb ...'],
  [DE_A, 40, 'Unpacking libbsd0:amd64 (0.11.7-2) ...'],
  [DE_A, 71, 'Setting up libkeyutils1:amd64 (1.6.3-2) ...'],
  [DE_A, 82, 'Processing triggers for libc-bin (2.36-9+deb12u14) ...'],
  [DE_H2, 2, 'dpkg: regarding .../predep-missing_1.0_all.deb containing predep-missing, pre-dependency problem:'],
  [DE_H2, 3, ' predep-missing pre-depends on hello'],
  [DE_H2, 4, '  hello is not installed.'],
  [DE_H2, 6, 'dpkg: error processing archive /repo/predep-missing_1.0_all.deb (--install):'],
  [DE_H2, 7, ' pre-dependency problem - not installing predep-missing'],
  [DE_H2, 8, 'Errors were encountered while processing:'],
  [RU_H1, 17, 'dpkg: error processing package failing-postinst (--configure):'],
  // The script's words are reordered in Russian (`%2$s`): the fields go back in C order.
  [RU_H1, 18, ' installed failing-postinst package post-installation script subprocess returned error exit status 1'],
  [ZH_H1, 25, 'dpkg: error processing package failing-postinst (--configure):'],
  // apt lines too, though the apt grammar reads their fields itself (numbers keep the language's format).
  [DE_A, 7, 'Reading package lists...'],
  [DE_A, 21, '0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.'],
  [DE_A, 22, 'Need to get 3.934 kB of archives.'],
]

describe('cLine on real translated lines', () => {
  for (const [file, n, want] of REAL) {
    test(`${file}:${n}`, () => {
      const match = matchLocaleLine(lineOf(file, n))
      expect(match).toBeDefined()
      if (match === undefined) return
      expect(cLine(match.id, match.shape, match.fields)).toBe(want)
    })
  }
})

describe('cLine near misses', () => {
  test('an unknown template', () => {
    expect(cLine('dpkg.no-such-line', 0, ['x'])).toBeUndefined()
  })
  test('a shape the template does not have', () => {
    expect(cLine('dpkg.setup', 1, ['x', '1.0'])).toBeUndefined()
  })
  test('one file takes the singular (dpkg.database.installed has a plural form)', () => {
    expect(cLine('dpkg.database', 0, ['1'])).toBe('(Reading database ... 1 file or directory currently installed.)')
    expect(cLine('dpkg.database', 0, ['2'])).toBe('(Reading database ... 2 files and directories currently installed.)')
  })
  test('a relation with `; however:` is its second shape', () => {
    expect(cLine('dpkg.relation.depends', 1, ['x', 'y'])).toBe(' x depends on y; however:')
  })
})
