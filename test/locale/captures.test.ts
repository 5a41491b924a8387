/**
 * Every structural line of every localized capture (fixtures/locale/, fixtures/README.md) is
 * matched by the locale matcher with the right template id, and in the capture's language only.
 *
 * The expected ids were counted by eye on each capture: e.g. bookworm-de-a has 16 `Holen:` lines
 * (5 during `apt-get update`, 11 archives), two `Es wurden … geholt` lines, `Paketlisten werden
 * gelesen…` twice (update, install), 11 packages each selected, prepared, unpacked and set up,
 * one database line (apt runs dpkg once), one trigger. The h1 captures download nothing from
 * the file repository: `Es müssen noch 0 B von 792 B an Archiven heruntergeladen werden.` is the
 * partial form (it also fits the plain form's `%sB` with `noch 0 B von 792 ` as the size: the size
 * field kind and the partial form's priority keep it from being misread). trixie's `apt install` runs dpkg twice
 * (adduser first), hence two database lines. The `*-es-*`/`*-ja-*` trixie captures have no apt 3
 * block titles or summary: those catalogues do not translate them (CATALOG_GAPS), so apt prints
 * them in English. en_GB captures have no localized line at all: Debian ships no en_GB catalogue.
 *
 * A line the matcher does not take must be one that is not a localized structural line: blank,
 * a list body, a dpkg summary item, apt or dpkg English (a rule of the English tables reads it:
 * apt's untranslated `WARNING: apt does not have a stable CLI interface…`, `E: Sub-process
 * /usr/bin/dpkg returned an error code (1)`, the whole en_GB captures and the English apt 3
 * lines of es/ja), debconf's own lines, or the fixture package's postinst output.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { TOP_LEVEL_RULES } from '../../src/apt/rules.ts'
import { LINE_RULES } from '../../src/dpkg/rules.ts'
import { createDispatch } from '../../src/grammar/rules.ts'
import { lastFrame } from '../../src/lines/frames.ts'
import type { CatalogLocale } from '../../src/locale/catalog.ts'
import { detectLocale, matchLocaleLine } from '../../src/locale/matcher.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

/** Capture (without `.log`), the locale sets its matches report, and how many lines of each template id it has. */
const EXPECTED: readonly (readonly [name: string, locales: readonly string[], ids: Readonly<Record<string, number>>])[] = [
  ['bookworm-de-a-update-install-openssh-client-no-recommends', ["de"], { 'acquire.get': 16, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.additional': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-de-f1-unable-to-locate-package', ["de"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['bookworm-de-h1-failing-postinst', ["de"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.new': 1, 'counts': 1, 'download.need-partial': 1, 'disk.used': 1, 'acquire.get': 1, 'dpkg.select': 1, 'dpkg.database': 1, 'dpkg.prepare': 1, 'dpkg.unpack': 1, 'dpkg.setup': 1, 'dpkg.error.package': 1, 'dpkg.reason.script-installed': 1, 'dpkg.errors-summary': 1 }],
  ['bookworm-de-h2-dpkg-i-predepends-not-installed', ["de"], { 'dpkg.select': 1, 'dpkg.regarding': 1, 'dpkg.relation.pre-depends': 1, 'dpkg.status.not-installed': 1, 'dpkg.error.archive': 1, 'dpkg.reason.pre-dependency': 1, 'dpkg.errors-summary': 1 }],
  ['bookworm-en_GB-a-update-install-openssh-client-no-recommends', [], {  }],
  ['bookworm-en_GB-f1-unable-to-locate-package', [], {  }],
  ['bookworm-es-a-update-install-openssh-client-no-recommends', ["es","es+pt_BR"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.additional': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-es-f1-unable-to-locate-package', ["es"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['bookworm-fr-a-update-install-openssh-client-no-recommends', ["fr"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.additional': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-fr-f1-unable-to-locate-package', ["fr"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['bookworm-ja-a-update-install-openssh-client-no-recommends', ["ja"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.additional': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-ja-f1-unable-to-locate-package', ["ja"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['bookworm-pt_BR-a-update-install-openssh-client-no-recommends', ["pt_BR","es+pt_BR"], { 'acquire.get': 16, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-pt_BR-f1-unable-to-locate-package', ["pt_BR"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['bookworm-ru-a-update-install-openssh-client-no-recommends', ["ru"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.additional': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-ru-f1-unable-to-locate-package', ["ru"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['bookworm-ru-h1-failing-postinst', ["ru"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.new': 1, 'counts': 1, 'download.need-partial': 1, 'disk.used': 1, 'acquire.get': 1, 'dpkg.select': 1, 'dpkg.database': 1, 'dpkg.prepare': 1, 'dpkg.unpack': 1, 'dpkg.setup': 1, 'dpkg.error.package': 1, 'dpkg.reason.script-installed': 1, 'dpkg.errors-summary': 1 }],
  ['bookworm-zh_CN-a-update-install-openssh-client-no-recommends', ["zh_CN"], { 'acquire.get': 16, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.additional': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.header.new': 1, 'counts': 1, 'download.need': 1, 'disk.used': 1, 'dpkg.select': 11, 'dpkg.database': 1, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['bookworm-zh_CN-f1-unable-to-locate-package', ["zh_CN"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['trixie-de-f6-apt-unable-to-locate-package', ["de"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'message.unable-to-locate': 1 }],
  ['trixie-de-l1-apt-update-install-openssh-client-no-recommends', ["de"], { 'acquire.get': 16, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.v30.install': 1, 'plan.v30.install-dependencies': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.v30.summary': 1, 'summary.counts': 1, 'summary.download': 1, 'summary.space-needed-available': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['trixie-en_GB-l1-apt-update-install-openssh-client-no-recommends', [], {  }],
  ['trixie-es-l1-apt-update-install-openssh-client-no-recommends', ["es","es+pt_BR"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['trixie-fr-l1-apt-update-install-openssh-client-no-recommends', ["fr"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.v30.install': 1, 'plan.v30.install-dependencies': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.v30.summary': 1, 'summary.counts': 1, 'summary.download': 1, 'summary.space-needed-available': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['trixie-ja-l1-apt-update-install-openssh-client-no-recommends', ["ja"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['trixie-pt_BR-l1-apt-update-install-openssh-client-no-recommends', ["pt_BR","es+pt_BR"], { 'acquire.get': 16, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.v30.install': 1, 'plan.v30.install-dependencies': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.v30.summary': 1, 'summary.counts': 1, 'summary.download': 1, 'summary.space-needed-available': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['trixie-ru-l1-apt-update-install-openssh-client-no-recommends', ["ru"], { 'acquire.get': 15, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.v30.install': 1, 'plan.v30.install-dependencies': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.v30.summary': 1, 'summary.counts': 1, 'summary.download': 1, 'summary.space-needed-available': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
  ['trixie-zh_CN-h1-failing-postinst', ["zh_CN"], { 'phase.reading-package-lists': 1, 'phase.building-dependency-tree': 1, 'phase.reading-state-information': 1, 'plan.header.new': 1, 'counts': 1, 'download.need-partial': 1, 'disk.used': 1, 'acquire.get': 1, 'dpkg.select': 1, 'dpkg.database': 1, 'dpkg.prepare': 1, 'dpkg.unpack': 1, 'dpkg.setup': 1, 'dpkg.error.package': 1, 'dpkg.reason.script-installed': 1, 'dpkg.errors-summary': 1 }],
  ['trixie-zh_CN-l1-apt-update-install-openssh-client-no-recommends', ["zh_CN"], { 'acquire.get': 16, 'fetched': 2, 'phase.reading-package-lists': 2, 'phase.building-dependency-tree': 2, 'phase.reading-state-information': 2, 'note.up-to-date': 1, 'plan.v30.install': 1, 'plan.v30.install-dependencies': 1, 'plan.header.suggested': 1, 'plan.header.recommended': 1, 'plan.v30.summary': 1, 'summary.counts': 1, 'summary.download': 1, 'summary.space-needed-available': 1, 'dpkg.select': 11, 'dpkg.database': 2, 'dpkg.prepare': 11, 'dpkg.unpack': 11, 'dpkg.setup': 11, 'dpkg.trigger': 1 }],
]

const english = { apt: createDispatch(TOP_LEVEL_RULES), dpkg: createDispatch(LINE_RULES) }

/** The lines of a capture as the grammars see them: CR frames resolved to the last one, CR before LF removed. */
function linesOf(name: string): string[] {
  const lines = fixtureText(name).split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map((raw) => lastFrame(raw.endsWith('\r') ? raw.slice(0, -1) : raw))
}

/** The capture's language from its name: `bookworm-pt_BR-a-…` → `pt_BR`. */
function languageOf(name: string): string {
  return (name.split('-')[1] as string)
}

/** Lines that are no localized structural line (see the module comment). */
function isOther(text: string): boolean {
  if (text.trim() === '') return true
  if (text.startsWith('  ') && !text.startsWith('   ')) return true // list body
  if (/^ \S+$/.test(text)) return true // dpkg's errors-summary items
  if (text.startsWith('debconf: ')) return true
  if (text === 'failing-postinst: simulated configure failure') return true
  return english.apt.match(text) !== undefined || english.dpkg.match(text) !== undefined
}

describe('localized captures', () => {
  test('every capture in fixtures/locale/ has a row, and every row a capture', () => {
    const captures = allCaptures('locale').map((n) => n.replace(/^locale\//, '').replace(/\.log$/, ''))
    expect(EXPECTED.map(([name]) => name).sort()).toEqual(captures.sort())
  })

  for (const [name, locales, ids] of EXPECTED) {
    test(`${name}: template ids and languages`, () => {
      const lang = languageOf(name)
      const counts: Record<string, number> = {}
      const seen = new Set<string>()
      const leftovers: string[] = []
      for (const text of linesOf(`locale/${name}.log`)) {
        const m = matchLocaleLine(text)
        if (m === undefined) {
          if (!isOther(text)) leftovers.push(text)
          continue
        }
        counts[m.id] = (counts[m.id] ?? 0) + 1
        seen.add(m.locales.join('+'))
        expect(m.locales).toContain(lang)
        const detected = detectLocale(text)
        if (detected !== undefined) expect(detected).toBe(lang as CatalogLocale)
      }
      expect(counts).toEqual(ids)
      expect([...seen].sort()).toEqual([...locales].sort())
      expect(leftovers).toEqual([])
    })
  }

  test('no other capture has a localized line (English apt/dpkg, docker, log files), except the hand-made German one', () => {
    // paste/ holds a hard-wrapped copy of a locale capture (its name carries the locale).
    for (const name of allCaptures().filter((n) => !n.startsWith('locale/') && !n.includes('handmade-de-locale') && !n.includes('-zh_CN-'))) {
      const found = linesOf(name).map(matchLocaleLine).filter((m) => m !== undefined)
      expect(found.map((m) => `${name}: ${m.id}`)).toEqual([])
    }
  })

  test('the hand-made German lines of FORMATS.md §1.4 are German', () => {
    const found = linesOf('apt/handmade-de-locale.log').map((text) => [matchLocaleLine(text)?.id, detectLocale(text)])
    expect(found).toEqual([
      ['acquire.get', 'de'],
      ['acquire.get', 'de'],
      ['fetched', 'de'],
      ['phase.reading-package-lists', 'de'],
      // `...` where apt prints `…`: the hand-made line is no German apt output.
      [undefined, undefined],
    ])
  })
})
