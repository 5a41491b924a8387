/**
 * Translated bullseye output (apt 2.2.4, dpkg 1.20.13): no localized bullseye capture exists, so
 * these lines are put together from the pinned bullseye catalogues (src/locale/catalog.ts, read
 * with msgunfmt from the .deb files), in the layout of the localized bookworm captures. bullseye
 * has no msgid of the list that bookworm lacks; what differs is a few translations:
 * - German dpkg 1.20 writes `installiertes %2s-Skript des Paketes %1s`: `%2s` is a width, not
 *   `%2$s`, so package and script come out swapped (`installiertes failing-postinst-Skript des
 *   Paketes post-installation`); only the script's name tells it from bookworm's order.
 * - French dpkg 1.20 writes `; however:` as ` ; cependant :` (no-break spaces, one before `;`).
 * - pt_BR falls back to pt's `%d ficheiros e directórios actualmente instalados.)` (bookworm's pt
 *   writes `diretórios atualmente`).
 * - French and Russian dpkg 1.20 lack dpkg 1.19's maintainer-script failure: they print it in English.
 * German apt 2.2 already prints `…` for `...`: `Paketlisten werden gelesen...` is no bullseye output.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { parse } from '../../src/index.ts'
import { CATALOG, CATALOG_GAPS } from '../../src/locale/catalog.ts'
import { cLine } from '../../src/locale/lines.ts'
import { detectLocale, matchLocaleLine } from '../../src/locale/matcher.ts'
import { eventsOf, germanPostinstFailure } from './support.ts'

const NBSP = '\u00a0'

/** [line, template id, languages, fields, shape, the C text (for dpkg lines)]. */
const LINES: readonly (readonly [string, string, readonly string[], readonly (string | undefined)[], number, string?])[] = [
  // German dpkg 1.20: package first, script second (the `%2s`/`%1s` widths), read back in C order.
  [
    ' »installiertes failing-postinst-Skript des Paketes post-installation«-Unterprozess gab den Fehlerwert 1 zurück',
    'dpkg.reason.script-installed',
    ['de'],
    ['failing-postinst', 'post-installation', '1'],
    0,
    ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
  ],
  [
    ' »neues failing-preinst-Skript des Paketes pre-installation«-Unterprozess gab den Fehlerwert 1 zurück',
    'dpkg.reason.script-new',
    ['de'],
    ['failing-preinst', 'pre-installation', '1'],
    0,
    ' new failing-preinst package pre-installation script subprocess returned error exit status 1',
  ],
  [
    ' »altes failing-prerm-Skript des Paketes pre-removal«-Unterprozess gab den Fehlerwert 1 zurück',
    'dpkg.reason.script-old',
    ['de'],
    ['failing-prerm', 'pre-removal', '1'],
    0,
    ' old failing-prerm package pre-removal script subprocess returned error exit status 1',
  ],
  // bookworm's German order still reads as bookworm's (bookworm-de-h1).
  [
    ' »installiertes post-installation-Skript des Paketes failing-postinst«-Unterprozess gab den Fehlerwert 1 zurück',
    'dpkg.reason.script-installed',
    ['de'],
    ['failing-postinst', 'post-installation', '1'],
    0,
    ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
  ],
  // French dpkg 1.20's `; however:`.
  [` app dépend de libfoo${NBSP}; cependant${NBSP}:`, 'dpkg.relation.depends', ['fr'], ['app', 'libfoo'], 1, ' app depends on libfoo; however:'],
  // pt_BR's database line with pt's bullseye plural.
  ['(Lendo banco de dados ... 6789 ficheiros e directórios actualmente instalados.)', 'dpkg.database', ['pt_BR'], ['6789'], 0, '(Reading database ... 6789 files and directories currently installed.)'],
]

describe('bullseye lines from the bullseye catalogues', () => {
  for (const [text, id, locales, fields, shape, c] of LINES) {
    test(`${id}: ${text.trim()}`, () => {
      expect(matchLocaleLine(text)).toEqual({ id, locales, fields, shape })
      expect(detectLocale(text)).toBe(locales.length === 1 ? locales[0] : undefined)
      if (c !== undefined) expect(cLine(id, shape, fields)).toBe(c)
    })
  }

  test('the bullseye texts are in the tables as the catalogues write them', () => {
    const bullseye = (locale: keyof typeof CATALOG, id: string): string[] => (CATALOG[locale][id] ?? []).filter((t) => t.releases.includes('bullseye')).map((t) => t.text)
    expect(bullseye('de', 'dpkg.script.installed')).toEqual(['installiertes %2s-Skript des Paketes %1s'])
    expect(bullseye('fr', 'dpkg.relation.however')).toEqual([`${NBSP}; cependant${NBSP}:\n`])
    expect(bullseye('de', 'progress.ellipsis')).toEqual(['…'])
    expect(bullseye('de', 'phase.reading-package-lists')).toEqual(['Paketlisten werden gelesen'])
    for (const locale of ['fr', 'ru'] as const) {
      expect(CATALOG_GAPS[locale].filter((g) => g.releases.includes('bullseye') && !g.id.startsWith('message.')).map((g) => g.id)).toEqual(['dpkg.reason.subprocess-status', 'dpkg.script.installed', 'dpkg.script.new', 'dpkg.script.old'])
    }
  })

  test('a German script failure with no script name in either place is read in neither order', () => {
    // dpkg names the script `pre-installation`, `post-removal`… (1.23: `preinst`…): `foo` and `bar` are none.
    expect(matchLocaleLine(' »installiertes foo-Skript des Paketes bar«-Unterprozess gab den Fehlerwert 1 zurück')).toBeUndefined()
  })
})


describe('bullseye output gives the events of its English text', () => {
  test('German maintainer-script failure (dpkg 1.20, arguments swapped)', () => {
    const { de, en } = germanPostinstFailure(
      ' »installiertes failing-postinst-Skript des Paketes post-installation«-Unterprozess gab den Fehlerwert 1 zurück',
      ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
    )
    expect(parse(new TextEncoder().encode(de)).find((e) => e.type === 'problem')).toMatchObject({ kind: 'dpkg.maintainer-script-failed', cause: 'postinst', package: 'failing-postinst', locale: 'de' })
    expect(eventsOf(de)).toEqual(eventsOf(en))
  })
})

describe('lines no pinned catalogue prints stay apt-like', () => {
  test('German `...` after an operation: bullseye\'s apt 2.2 prints `…` too', () => {
    expect(matchLocaleLine('Paketlisten werden gelesen...')).toBeUndefined()
    expect(parse(new TextEncoder().encode('Paketlisten werden gelesen...\n')).at(-1)).toMatchObject({ type: 'log.end', unrecognized: 1, unrecognizedAptLike: 1 })
  })

  test('Italian (bullseye\'s libapt-pkg6.0 it catalogue: `Lettura elenco dei pacchetti` + `...`): no tables for it', () => {
    const end = parse(new TextEncoder().encode('Lettura elenco dei pacchetti...\n')).at(-1)
    expect(matchLocaleLine('Lettura elenco dei pacchetti...')).toBeUndefined()
    expect(end).toMatchObject({ type: 'log.end', unrecognized: 1, unrecognizedAptLike: 1 })
    expect(end).not.toHaveProperty('localizedLines')
  })
})
