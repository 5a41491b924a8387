/**
 * The generated module (src/locale/catalog.ts) is consistent with itself and with the template
 * list it was generated from (test/locale/catalog/templates.ts): the catalogue inputs are not in
 * the repository, so instead of regenerating it, these checks make a hand edit or a stale module
 * visible. Also the PO reader the generator uses, on the shapes `msgunfmt` prints.
 * @module
 */

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import {
  CATALOG,
  CATALOG_GAPS,
  CATALOG_LANG,
  CATALOG_NUMBERS,
  CATALOG_PLURAL_FORMS,
  CATALOG_SOURCES,
  CATALOG_TEMPLATES,
  type CatalogLocale,
  type CatalogRelease,
} from '../../src/locale/catalog.ts'
import { unreadTemplates } from '../../src/locale/lines.ts'
import { parsePrintf, type Slot } from '../../src/locale/printf.ts'
import { parsePo, pluralForms } from './catalog/po.ts'
import { TEMPLATE_SPECS } from './catalog/templates.ts'

const LOCALES = Object.keys(CATALOG) as CatalogLocale[]
const RELEASES: readonly CatalogRelease[] = ['bullseye', 'bookworm', 'trixie', 'sid']

/** The placeholders of a template as `arg:kind` strings, sorted. */
function placeholders(text: string): string[] {
  const segments = parsePrintf(text)
  if (segments === undefined) throw new Error(`unreadable template ${JSON.stringify(text)}`)
  return segments
    .filter((s): s is Slot => typeof s !== 'string')
    .map((s) => `${s.arg}:${s.kind}`)
    .sort()
}

describe('generated catalogue', () => {
  test('the module says it is generated, by which command, from which packages', () => {
    const text = readFileSync(fileURLToPath(new URL('../../src/locale/catalog.ts', import.meta.url)), 'utf8')
    expect(text.startsWith('/**\n * GENERATED FILE, DO NOT EDIT BY HAND. Regenerate with `npm run locale:tables`')).toBe(true)
    for (const s of CATALOG_SOURCES) expect(text).toContain(`${s.release}: ${s.package} ${s.version} (${s.sha256})`)
    expect(CATALOG_SOURCES.map((s) => `${s.release} ${s.package}`)).toEqual([
      'bullseye apt',
      'bullseye libapt-pkg6.0',
      'bullseye dpkg',
      'bullseye locales',
      'bookworm apt',
      'bookworm libapt-pkg6.0',
      'bookworm dpkg',
      'bookworm locales',
      'trixie apt',
      'trixie libapt-pkg7.0',
      'trixie dpkg',
      'trixie locales',
      'sid apt',
      'sid libapt-pkg7.0',
      'sid dpkg',
      'sid locales',
    ])
  })

  test('its templates are the template list, in order', () => {
    expect(CATALOG_TEMPLATES.map((t) => [t.id, t.domain, t.msgid])).toEqual(TEMPLATE_SPECS.map((t) => [t.id, t.domain, t.msgid]))
  })

  test('only apt 1.0\'s `extra` header is in no pinned catalogue; apt 3 templates from trixie on; dpkg 1.23 rewordings only in sid', () => {
    const withReleases = (...releases: CatalogRelease[]): string[] => CATALOG_TEMPLATES.filter((t) => t.releases.join() === releases.join()).map((t) => t.id)
    // And the texts English message rules read that no catalogue translates (`untranslated.*`).
    expect(withReleases().filter((id) => !id.startsWith('untranslated.'))).toEqual(['plan.header.extra'])
    const apt3 = withReleases('trixie', 'sid')
    expect(apt3).toContain('plan.v30.install')
    expect(apt3).toContain('message.error')
    expect(apt3).toContain('summary.upgrading-installing')
    // bullseye (apt 2.2, dpkg 1.20) has every msgid of the list that bookworm has, and no other.
    expect(withReleases('bullseye')).toEqual([])
    // apt 3.0 renamed `GPG error` (OpenPGP signature verification failed), and apt 3.1 has that in no
    // catalogue; apt 2.6 added the essential-removal refusal; apt 3.1 says `maybe run apt update`.
    expect(withReleases('bullseye', 'bookworm')).toEqual(['message.gpg-error', 'message.signature-error-gpg'])
    expect(withReleases('bookworm')).toEqual([])
    expect(withReleases('bookworm', 'trixie')).toEqual([])
    expect(withReleases('bookworm', 'trixie', 'sid')).toEqual(['message.essential-not-permitted'])
    expect(withReleases('trixie')).toEqual(['message.openpgp-failed', 'message.signature-error-openpgp'])
    // dpkg 1.23 changed these msgids (`%s` for `%.250s`, the maintainer-script failure reworded, no
    // `installed` form): the old ones are in bullseye, bookworm and trixie, the new ones in sid alone.
    expect(withReleases('bullseye', 'bookworm', 'trixie')).toEqual([
      'message.archives-fetch-failed',
      'dpkg.reason.pre-dependency',
      'dpkg.reason.subprocess-status',
      'dpkg.script.installed',
      'dpkg.script.new',
      'dpkg.script.old',
      'dpkg.status.not-installed',
      'dpkg.status.unpacked-not-configured',
    ])
    expect(withReleases('sid')).toEqual([
      'message.archives-fetch-failed-3.1',
      'dpkg.reason.pre-dependency-1.23',
      'dpkg.reason.subprocess-status-1.23',
      'dpkg.script.new-1.23',
      'dpkg.script.old-1.23',
      'dpkg.status.not-installed-1.23',
      'dpkg.status.unpacked-not-configured-1.23',
    ])
  })

  test('no translation of a template the list does not have', () => {
    const ids = new Set(CATALOG_TEMPLATES.map((t) => t.id))
    for (const locale of LOCALES) expect(Object.keys(CATALOG[locale]).filter((id) => !ids.has(id))).toEqual([])
  })

  test('every language has every template in every release it exists in, or a documented gap', () => {
    for (const locale of LOCALES) {
      for (const tpl of CATALOG_TEMPLATES) {
        for (const release of tpl.releases) {
          const translated = (CATALOG[locale][tpl.id] ?? []).some((t) => t.releases.includes(release))
          const gap = CATALOG_GAPS[locale].some((g) => g.id === tpl.id && g.releases.includes(release))
          expect(`${locale} ${tpl.id} ${release}: ${translated ? 'translated' : ''}${gap ? 'gap' : ''}`).toMatch(/: (translated|gap)$/)
        }
        for (const t of CATALOG[locale][tpl.id] ?? []) for (const r of t.releases) expect(tpl.releases).toContain(r)
      }
    }
  })

  test('the gaps are the ones docs/locales.md lists', () => {
    const summary = Object.fromEntries(LOCALES.map((l) => [l, CATALOG_GAPS[l].length]))
    // de: complete. es: no apt 3 strings in trixie (sid's apt 3.3 has them); ja: none in trixie or sid,
    // and its dpkg catalogue lacks the maintainer-script failure. fr, es, zh_CN, ja, ru: dpkg 1.23's
    // reworded maintainer-script failure is not translated yet. fr, ru: bullseye's dpkg 1.20 lacks the
    // 1.19 wording of it (the catalogues still had dpkg 1.18's). pt_BR: bullseye's and bookworm's
    // catalogues are old (even after the fallback to pt). The message texts (`message.*`, `fetch.*`)
    // add gaps in every language but German: listed in test/locale/messages.test.ts, which walks them;
    // so does the notice after a missing method (`notice.method-package`: pt_BR before trixie).
    expect(summary).toEqual({ de: 0, fr: 12, es: 43, pt_BR: 30, zh_CN: 5, ja: 44, ru: 10 })
    const prefixes = ['message.error', 'message.warning', 'message.notice', 'message.audit']
    const structural = (g: { readonly id: string }): boolean => prefixes.includes(g.id) || (!g.id.startsWith('message.') && !g.id.startsWith('fetch.') && !g.id.startsWith('notice.'))
    const is = (...releases: CatalogRelease[]) => (g: { readonly releases: readonly CatalogRelease[] }): boolean => g.releases.join() === releases.join()
    const dpkg123 = ['dpkg.reason.subprocess-status-1.23', 'dpkg.script.new-1.23', 'dpkg.script.old-1.23']
    for (const locale of ['fr', 'zh_CN', 'ja', 'ru'] as const) expect(CATALOG_GAPS[locale].filter(is('sid')).map((g) => g.id)).toEqual(dpkg123)
    expect(CATALOG_GAPS.es.filter(is('sid')).map((g) => g.id)).toEqual(['message.archives-fetch-failed-3.1', ...dpkg123])
    expect(CATALOG_GAPS.es.filter(is('trixie')).filter(structural).length).toBe(25)
    expect(CATALOG_GAPS.ja.filter(is('trixie', 'sid')).filter(structural).length).toBe(25)
    const script119 = ['dpkg.reason.subprocess-status', 'dpkg.script.installed', 'dpkg.script.new', 'dpkg.script.old']
    expect(CATALOG_GAPS.ja.filter(is('bullseye', 'bookworm', 'trixie')).map((g) => g.id)).toEqual(script119)
    for (const locale of ['fr', 'ru'] as const) expect(CATALOG_GAPS[locale].filter(is('bullseye')).map((g) => g.id)).toEqual(script119)
    expect(CATALOG_GAPS.pt_BR.filter(structural).map((g) => g.id)).toEqual(['progress.ellipsis', 'progress.percent', 'acquire.ign', 'acquire.err', 'plan.header.additional', 'note.up-to-date', 'note.upgradable'])
    expect(CATALOG_GAPS.pt_BR.filter(structural).every(is('bullseye', 'bookworm'))).toBe(true)
    expect(CATALOG_GAPS.pt_BR.every((g) => g.releases.every((r) => r === 'bullseye' || r === 'bookworm'))).toBe(true)
  })

  test('translations keep the template\'s placeholders (same arguments, same kinds)', () => {
    const offenders: string[] = []
    for (const locale of LOCALES) {
      for (const tpl of CATALOG_TEMPLATES) {
        const c = placeholders(tpl.msgid)
        const cPlural = tpl.msgidPlural === undefined ? c : placeholders(tpl.msgidPlural)
        for (const t of CATALOG[locale][tpl.id] ?? []) {
          const got = placeholders(t.text)
          // A plural form may leave the count out (`one file`); it never adds or changes one.
          const ok = tpl.msgidPlural === undefined ? got.join() === c.join() : got.every((p) => c.includes(p) || cPlural.includes(p))
          if (!ok) offenders.push(`${locale} ${tpl.id}: ${JSON.stringify(t.text)}`)
        }
      }
    }
    expect(offenders).toEqual([])
  })

  test('plural templates carry their forms, and the Plural-Forms of each language', () => {
    const plural = CATALOG_TEMPLATES.filter((t) => t.msgidPlural !== undefined).map((t) => t.id)
    expect(plural).toEqual(['plan.header.autoremove', 'note.upgradable', 'dpkg.database.installed'])
    for (const locale of LOCALES) {
      for (const id of plural) for (const t of CATALOG[locale][id] ?? []) expect(typeof t.plural).toBe('number')
      expect(CATALOG_PLURAL_FORMS[locale].dpkg).toMatch(/^nplurals=\d;/)
    }
    expect(new Set(CATALOG.ru['dpkg.database.installed']?.map((t) => t.plural))).toEqual(new Set([0, 1, 2]))
  })

  test('gettext fallbacks are only pt_BR → pt', () => {
    for (const locale of LOCALES) {
      for (const list of Object.values(CATALOG[locale])) {
        for (const t of list) if (t.fallback !== undefined) expect(`${locale}→${t.fallback}`).toBe('pt_BR→pt')
      }
    }
  })

  test('number formats: every locale and release, separators as glibc prints them', () => {
    for (const id of Object.keys(CATALOG_LANG) as (keyof typeof CATALOG_NUMBERS)[]) {
      for (const r of RELEASES) expect(CATALOG_NUMBERS[id][r].decimalPoint.length).toBe(1)
    }
    expect(CATALOG_NUMBERS.de.bookworm).toMatchObject({ decimalPoint: ',', thousandsSep: '.' })
    expect(CATALOG_NUMBERS.fr.trixie).toMatchObject({ decimalPoint: ',', thousandsSep: '\u202f' })
    expect(CATALOG_NUMBERS.ru.bookworm).toMatchObject({ decimalPoint: ',', thousandsSep: '\u202f' })
    expect(CATALOG_NUMBERS.en_GB.bookworm).toMatchObject({ decimalPoint: '.', thousandsSep: ',' })
    expect(CATALOG_NUMBERS.ja.trixie).toMatchObject({ decimalPoint: '.', thousandsSep: ',' })
    expect(CATALOG_NUMBERS.fr.sid).toMatchObject({ decimalPoint: ',', thousandsSep: '\u202f' })
    expect(CATALOG_NUMBERS.de.sid).toMatchObject({ decimalPoint: ',', thousandsSep: '.' })
    expect(CATALOG_NUMBERS.de.bullseye).toMatchObject({ decimalPoint: ',', thousandsSep: '.' })
    expect(CATALOG_NUMBERS.fr.bullseye).toMatchObject({ decimalPoint: ',', thousandsSep: '\u202f' })
  })

  test('a locale has one decimal point in every release (src/locale/numbers.ts reads one)', () => {
    for (const id of Object.keys(CATALOG_LANG) as (keyof typeof CATALOG_NUMBERS)[]) {
      expect(new Set(RELEASES.map((r) => CATALOG_NUMBERS[id][r].decimalPoint)).size).toBe(1)
    }
  })

  test('every translation can be read as a printf template, and every line template built', () => {
    for (const locale of LOCALES) for (const list of Object.values(CATALOG[locale])) for (const t of list) expect(parsePrintf(t.text)).toBeDefined()
    expect(unreadTemplates()).toEqual([])
  })
})

describe('PO reader', () => {
  const PO = [
    'msgid ""',
    'msgstr ""',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Plural-Forms: nplurals=2; plural=n != 1;\\n"',
    '',
    '# a comment',
    'msgid "%d file or directory currently installed.)\\n"',
    'msgid_plural "%d files and directories currently installed.)\\n"',
    'msgstr[0] "%d Datei oder Verzeichnis ist derzeit installiert.)\\n"',
    'msgstr[1] "%d Dateien und Verzeichnisse sind derzeit installiert.)\\n"',
    '',
    'msgid ""',
    '"error processing archive %s (--%s):\\n"',
    '" %s"',
    'msgstr ""',
    '"Fehler beim Bearbeiten des Archivs %s (--%s):\\n"',
    '" %s"',
    '',
    'msgctxt "section"',
    'msgid "error"',
    'msgstr "Fehler"',
    'msgid "say \\"\\t\\\\\\101\\""',
    'msgstr "sag"',
    '',
  ].join('\n')

  test('plain, plural, continued, context, escapes, header', () => {
    const entries = parsePo(PO)
    expect(entries).toEqual([
      { msgid: '', msgstr: ['Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=n != 1;\n'] },
      {
        msgid: '%d file or directory currently installed.)\n',
        msgidPlural: '%d files and directories currently installed.)\n',
        msgstr: ['%d Datei oder Verzeichnis ist derzeit installiert.)\n', '%d Dateien und Verzeichnisse sind derzeit installiert.)\n'],
      },
      { msgid: 'error processing archive %s (--%s):\n %s', msgstr: ['Fehler beim Bearbeiten des Archivs %s (--%s):\n %s'] },
      { context: 'section', msgid: 'error', msgstr: ['Fehler'] },
      { msgid: 'say "\t\\A"', msgstr: ['sag'] },
    ])
    expect(pluralForms(entries)).toBe('nplurals=2; plural=n != 1;')
  })

  test('a line it does not know is an error, not a guess', () => {
    expect(() => parsePo('msgid "x"\nmsgstr "y"\nbogus\n')).toThrow(/unexpected PO line/)
  })
})
