/**
 * The locale matcher on real lines of the localized captures (fixtures/locale/, by file and line
 * number), with the fields it captures, and on near misses that must not match: English lines,
 * lines cut short or extended, a digits field with letters.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { lastFrame } from '../../src/lines/frames.ts'
import { detectLocale, localeLineTemplates, matchLocaleLine } from '../../src/locale/matcher.ts'
import { parsePrintf } from '../../src/locale/printf.ts'
import { fixtureText } from '../support/fixtures.ts'

/** Line `n` (1-based) of a capture, as the grammars see it (CR frames resolved, CR before LF removed). */
function lineOf(name: string, n: number): string {
  const raw = fixtureText(name).split('\n')[n - 1]
  if (raw === undefined) throw new Error(`${name} has no line ${n}`)
  return lastFrame(raw.endsWith('\r') ? raw.slice(0, -1) : raw)
}

const NNBSP = '\u202f'

/** [capture under fixtures/locale/, line, template id, languages, fields]. */
const REAL: readonly (readonly [string, number, string, readonly string[], readonly (string | undefined)[]])[] = [
  // German, bookworm (apt 2.6.1, dpkg 1.21.23).
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 1, 'acquire.get', ['de'], ['1', 'http://mirror.example.com/debian bookworm InRelease [151 kB]']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 6, 'fetched', ['de'], ['16,8 M', '1 s', '11,6 M']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 7, 'phase.reading-package-lists', ['de'], [undefined]],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 11, 'plan.header.additional', ['de'], []],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 21, 'counts', ['de'], ['0', '11', undefined, undefined, '0', '0']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 22, 'download.need', ['de'], ['3.934 k']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 23, 'disk.used', ['de'], ['14,9 M']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 37, 'dpkg.select', ['de'], ['libbsd0:amd64']],
  // The CR-framed `(Lese Datenbank ... 5%` chain, reduced to its last frame.
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 38, 'dpkg.database', ['de'], ['6758']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 39, 'dpkg.prepare', ['de'], ['.../00-libbsd0_0.11.7-2_amd64.deb']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 40, 'dpkg.unpack', ['de'], ['libbsd0:amd64', '0.11.7-2']],
  ['bookworm-de-a-update-install-openssh-client-no-recommends.log', 71, 'dpkg.setup', ['de'], ['libkeyutils1:amd64', '1.6.3-2']],
  ['bookworm-de-f1-unable-to-locate-package.log', 4, 'message.unable-to-locate', ['de'], ['nonexistent-pkg-xyz']],
  ['bookworm-de-h1-failing-postinst.log', 7, 'download.need-partial', ['de'], ['0 ', '792 ']],
  ['bookworm-de-h1-failing-postinst.log', 17, 'dpkg.error.package', ['de'], ['failing-postinst', 'configure']],
  // `installed %s package %s script` with positional arguments: `installiertes %2$s-Skript des Paketes %1$s`.
  ['bookworm-de-h1-failing-postinst.log', 18, 'dpkg.reason.script-installed', ['de'], ['failing-postinst', 'post-installation', '1']],
  ['bookworm-de-h1-failing-postinst.log', 19, 'dpkg.errors-summary', ['de'], []],
  ['bookworm-de-h2-dpkg-i-predepends-not-installed.log', 2, 'dpkg.regarding', ['de'], ['.../predep-missing_1.0_all.deb', 'predep-missing']],
  ['bookworm-de-h2-dpkg-i-predepends-not-installed.log', 3, 'dpkg.relation.pre-depends', ['de'], ['predep-missing', 'hello']],
  ['bookworm-de-h2-dpkg-i-predepends-not-installed.log', 4, 'dpkg.status.not-installed', ['de'], ['hello']],
  ['bookworm-de-h2-dpkg-i-predepends-not-installed.log', 6, 'dpkg.error.archive', ['de'], ['/repo/predep-missing_1.0_all.deb', 'install']],
  ['bookworm-de-h2-dpkg-i-predepends-not-installed.log', 7, 'dpkg.reason.pre-dependency', ['de'], ['predep-missing']],
  // German, trixie `apt` (apt 3.0.4): block titles and the summary, indented by two spaces.
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 13, 'note.up-to-date', ['de'], []],
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 20, 'plan.v30.install', ['de'], []],
  // `Installiere Abhängigkeiten: ` ends in a blank in the catalogue and on the line.
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 23, 'plan.v30.install-dependencies', ['de'], []],
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 34, 'plan.v30.summary', ['de'], []],
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 35, 'summary.counts', ['de'], ['0', '11', undefined, undefined, '0', '0']],
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 36, 'summary.download', ['de'], ['1.995 k']],
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends.log', 37, 'summary.space-needed-available', ['de'], ['8.254 k', '80,2 G']],
  ['trixie-de-f6-apt-unable-to-locate-package.log', 7, 'message.unable-to-locate', ['de'], ['nonexistent-pkg-xyz']],
  // French: a no-break space before the colon, U+202F between thousands, `Mo` for MB.
  ['bookworm-fr-a-update-install-openssh-client-no-recommends.log', 5, 'fetched', ['fr'], ['17,8 M', '2s', '10,6 M']],
  ['bookworm-fr-a-update-install-openssh-client-no-recommends.log', 20, 'counts', ['fr'], ['0', '11', undefined, undefined, '0', '0']],
  ['trixie-fr-l1-apt-update-install-openssh-client-no-recommends.log', 8, 'fetched', ['fr'], ['19,4 M', '4s', `5${NNBSP}358 k`]],
  // The fr catalogue drops the `, ` after the installed count: `Installation de : 11Supprimé : 0.`
  ['trixie-fr-l1-apt-update-install-openssh-client-no-recommends.log', 34, 'summary.counts', ['fr'], ['0', '11', undefined, undefined, '0', '0']],
  // Spanish and Brazilian Portuguese share `Configurando %s (%s) ...`.
  ['bookworm-es-a-update-install-openssh-client-no-recommends.log', 5, 'fetched', ['es'], ['15,4 M', '1s', '12,5 M']],
  ['bookworm-es-a-update-install-openssh-client-no-recommends.log', 70, 'dpkg.setup', ['es', 'pt_BR'], ['libkeyutils1:amd64', '1.6.3-2']],
  ['bookworm-pt_BR-a-update-install-openssh-client-no-recommends.log', 1, 'acquire.get', ['pt_BR'], ['1', 'http://mirror.example.com/debian bookworm InRelease [151 kB]']],
  ['bookworm-pt_BR-a-update-install-openssh-client-no-recommends.log', 6, 'fetched', ['pt_BR'], ['16,2 M', '5s', '3.440 k']],
  // bookworm's pt_BR dpkg catalogue lacks these: gettext falls back to European Portuguese (pt).
  ['bookworm-pt_BR-a-update-install-openssh-client-no-recommends.log', 37, 'dpkg.select', ['pt_BR'], ['libbsd0:amd64']],
  ['bookworm-pt_BR-a-update-install-openssh-client-no-recommends.log', 38, 'dpkg.database', ['pt_BR'], ['6758']],
  // Japanese, Chinese, Russian.
  ['bookworm-ja-a-update-install-openssh-client-no-recommends.log', 5, 'fetched', ['ja'], ['15.8 M', '9秒', '1,683 k']],
  ['bookworm-ja-a-update-install-openssh-client-no-recommends.log', 20, 'counts', ['ja'], ['0', '11', undefined, undefined, '0', '0']],
  ['bookworm-ja-a-update-install-openssh-client-no-recommends.log', 70, 'dpkg.setup', ['ja'], ['libkeyutils1:amd64', '1.6.3-2']],
  ['bookworm-zh_CN-a-update-install-openssh-client-no-recommends.log', 1, 'acquire.get', ['zh_CN'], ['1', 'http://mirror.example.com/debian bookworm InRelease [151 kB]']],
  ['bookworm-zh_CN-a-update-install-openssh-client-no-recommends.log', 21, 'counts', ['zh_CN'], ['0', '11', undefined, undefined, '0', '0']],
  ['trixie-zh_CN-l1-apt-update-install-openssh-client-no-recommends.log', 35, 'summary.counts', ['zh_CN'], ['0', '11', undefined, undefined, '0', '0']],
  ['trixie-zh_CN-h1-failing-postinst.log', 27, 'dpkg.errors-summary', ['zh_CN'], []],
  ['bookworm-ru-a-update-install-openssh-client-no-recommends.log', 5, 'fetched', ['ru'], ['15,5 M', '2с', `8${NNBSP}902 k`]],
  ['bookworm-ru-a-update-install-openssh-client-no-recommends.log', 20, 'counts', ['ru'], ['0', '11', undefined, undefined, '0', '0']],
  ['bookworm-ru-a-update-install-openssh-client-no-recommends.log', 70, 'dpkg.setup', ['ru'], ['libkeyutils1:amd64', '1.6.3-2']],
  ['bookworm-ru-h1-failing-postinst.log', 19, 'dpkg.errors-summary', ['ru'], []],
  ['trixie-ru-l1-apt-update-install-openssh-client-no-recommends.log', 34, 'summary.counts', ['ru'], ['0', '11', undefined, undefined, '0', '0']],
]

describe('matchLocaleLine on real lines', () => {
  for (const [file, n, id, locales, fields] of REAL) {
    test(`${file}:${n} is ${id}`, () => {
      const text = lineOf(`locale/${file}`, n)
      expect(matchLocaleLine(text)).toMatchObject({ id, locales, fields })
      expect(detectLocale(text)).toBe(locales.length === 1 ? locales[0] : undefined)
    })
  }
})

/** English lines of the C-locale captures (fixtures/apt/bookworm-a…, -h1, -h2; trixie-l1): the English grammar's, never a language's. */
const ENGLISH: readonly string[] = [
  'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
  'Fetched 6258 kB in 1s (6438 kB/s)',
  'Reading package lists...',
  'Building dependency tree...',
  'Reading state information...',
  'The following NEW packages will be installed:',
  '0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.',
  'Need to get 3934 kB of archives.',
  'After this operation, 14.9 MB of additional disk space will be used.',
  'Selecting previously unselected package libbsd0:amd64.',
  '(Reading database ... 6096 files and directories currently installed.)',
  'Preparing to unpack .../00-libbsd0_0.11.7-2_amd64.deb ...',
  'Unpacking libbsd0:amd64 (0.11.7-2) ...',
  'Setting up libbsd0:amd64 (0.11.7-2) ...',
  'Processing triggers for libc-bin (2.36-9+deb12u14) ...',
  'dpkg: error processing package failing-postinst (--configure):',
  ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
  'Errors were encountered while processing:',
  'E: Unable to locate package nonexistent-pkg-xyz',
  'Error: Unable to locate package nonexistent-pkg-xyz',
  'Installing:',
  'Summary:',
  '  Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0',
  '  Download size: 1995 kB',
  '  Space needed: 8254 kB / 78.9 GB available',
  'E: Sub-process /usr/bin/dpkg returned an error code (1)',
  // `Ign:%lu %s` is the same in German, French and others: no language in it.
  'Ign:3 file:/repo ./ Translation-en',
]

describe('near misses', () => {
  for (const text of ENGLISH) {
    test(`English: ${text}`, () => {
      expect(matchLocaleLine(text)).toBeUndefined()
      expect(detectLocale(text)).toBeUndefined()
    })
  }

  const de = (n: number): string => lineOf('locale/bookworm-de-a-update-install-openssh-client-no-recommends.log', n)
  const cases: readonly (readonly [string, () => string])[] = [
    ['a digits field with a letter', () => de(1).replace('Holen:1 ', 'Holen:x ')],
    ['an acquire line without its description', () => 'Holen:1'],
    ['a counts line with a word for a number', () => de(21).replace('11 neu', 'elf neu')],
    ['a counts line cut before its end', () => de(21).slice(0, -5)],
    ['a counts line with text after it', () => `${de(21)} Fertig`],
    ['a dpkg line with its closing words cut', () => de(71).replace(' wird eingerichtet ...', '')],
    ['a dpkg line without its package', () => ' (1.6.3-2) wird eingerichtet ...'.trimStart()],
    ['the phase words without apt\'s ellipsis (hand-made `...` instead of `…`)', () => 'Paketlisten werden gelesen...'],
    ['a header with text after it', () => `${de(18)} libbsd0`],
    ['a line of 4097 characters', () => `Holen:1 ${'a'.repeat(4089)}`],
  ]
  for (const [what, make] of cases) {
    test(what, () => {
      expect(matchLocaleLine(make())).toBeUndefined()
    })
  }

  test('a prefix-only or blank line', () => {
    for (const text of ['', '   ', 'Holen:', '(Lese Datenbank ... ', 'dpkg: ']) {
      const m = matchLocaleLine(text)
      // The bare database frame is a line dpkg prints under a pty; the others match nothing.
      if (text.startsWith('(Lese')) expect(m?.id).toBe('dpkg.database.frame')
      else expect(m).toBeUndefined()
    }
  })

  test('a database frame with its percentage', () => {
    expect(matchLocaleLine('(Lese Datenbank ... 45%')).toEqual({ id: 'dpkg.database.frame', locales: ['de'], fields: ['45'], shape: 1 })
  })
})

describe('printf templates', () => {
  test('placeholders, positions and %%', () => {
    expect(parsePrintf('Holen:%lu %s')).toEqual(['Holen:', { arg: 0, kind: 'digits' }, ' ', { arg: 1, kind: 'text' }])
    expect(parsePrintf('installiertes %2$s-Skript des Paketes %1$s')).toEqual(['installiertes ', { arg: 1, kind: 'text' }, '-Skript des Paketes ', { arg: 0, kind: 'text' }])
    expect(parsePrintf('%c%s… %u%%')).toEqual([{ arg: 0, kind: 'char' }, { arg: 1, kind: 'text' }, '… ', { arg: 2, kind: 'digits' }, '%'])
    expect(parsePrintf('Vor-Abhängigkeitsproblem - %.250s wird nicht installiert')).toEqual(['Vor-Abhängigkeitsproblem - ', { arg: 0, kind: 'text' }, ' wird nicht installiert'])
  })

  test('what is not understood is rejected', () => {
    expect(parsePrintf('%*d')).toBeUndefined()
    expect(parsePrintf('%f')).toBeUndefined()
    expect(parsePrintf('%1$s %s')).toBeUndefined()
  })
})

describe('line templates', () => {
  test('ids are unique and every variant has a literal between two text fields', () => {
    const ids = localeLineTemplates().map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of localeLineTemplates()) {
      for (const v of t.variants) {
        v.parts.forEach((part, i) => {
          const next = v.parts[i + 1]
          if (typeof part !== 'string' && part.kind === 'text' && next !== undefined) expect(typeof next).toBe('string')
          if (typeof part === 'string') expect(part.includes('\n')).toBe(false)
        })
      }
    }
  })

  test('every language has variants for the lines all its catalogues translate', () => {
    for (const id of ['acquire.get', 'fetched', 'counts', 'dpkg.setup', 'dpkg.unpack', 'dpkg.database', 'phase.reading-package-lists', 'plan.header.new']) {
      const t = localeLineTemplates().find((x) => x.id === id)
      const locales = new Set(t?.variants.flatMap((v) => v.locales))
      expect([...locales].sort()).toEqual(['de', 'es', 'fr', 'ja', 'pt_BR', 'ru', 'zh_CN'])
    }
  })
})
