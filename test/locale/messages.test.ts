/**
 * The catalogue walk (docs/locales.md, "Messages"): every apt message an English rule reads
 * (src/apt/classify.ts MESSAGE_RULES) is read in each supported translation, message by message.
 *
 * For each message text template (`message.*`, and the download reasons `fetch.*` inside
 * `Failed to fetch %s  %s`), each language and each text its catalogues have (every release,
 * every plural form): the translation is filled in with realistic arguments, prefixed as apt
 * prints it (`E: `, `E:` as pasted, and apt 3's translated word where the language has one),
 * parsed, and compared with the English line of the same call: the same problem (kind, cause,
 * package, severity) and the same message level, marked with a language and the template's rule.
 * A language that lacks a translation (CATALOG_GAPS) prints the English text, which the English
 * rule reads. What no template covers is listed in EXCEPTIONS with the reason.
 */
import { describe, expect, test } from 'vitest'
import { classifyMessageWith, MESSAGE_RULES } from '../../src/apt/classify.ts'
import type { AptLogEvent } from '../../src/events/index.ts'
import { CATALOG, CATALOG_GAPS, CATALOG_NUMBERS, CATALOG_TEMPLATES, type CatalogLocale, type CatalogRelease, type CatalogText } from '../../src/locale/catalog.ts'
import { fetchReasonTemplates, messageTextTemplates } from '../../src/locale/lines.ts'
import { parsePrintf } from '../../src/locale/printf.ts'
import { parse } from '../../src/index.ts'

const LOCALES = Object.keys(CATALOG) as CatalogLocale[]

/** One call of a message: its template, the C arguments, the prefix letter apt gives it, the errno suffix `GlobalError::Errno` adds. */
interface Call {
  readonly id: string
  /** C arguments in order; a `{ template }` is a nested template's text in the same language (`Can not write log (%s)`). */
  readonly args: readonly (string | { readonly template: string })[]
  readonly letter: 'E' | 'W'
  readonly suffix?: string
}

const call = (id: string, letter: 'E' | 'W', args: Call['args'], suffix?: string): Call => (suffix === undefined ? { id, letter, args } : { id, letter, args, suffix })

const DEB = 'http://deb.debian.org/debian/pool/main/o/openssl/libssl3_3.0.20-1~deb12u2_amd64.deb'
const REPO = 'http://deb.debian.org/debian bookworm InRelease'
const INNER = 'At least one invalid signature was encountered.'

/** The calls walked: at least one per message text; arguments as apt fills them (FORMATS.md §4.2, the corpus). */
const MESSAGE_CALLS: readonly Call[] = [
  call('message.unable-to-locate', 'E', ['nonexistent-pkg-xyz']),
  call('message.failed-to-fetch', 'E', [DEB, '404  Not Found [IP: 203.0.113.80 80]']),
  call('message.failed-to-fetch', 'W', ['http://deb.debian.org/debian/dists/bookworm/InRelease', '403  Forbidden [IP: 203.0.113.80 80]']),
  call('message.subprocess-error', 'E', ['/usr/bin/dpkg', '1']),
  call('message.subprocess-error', 'E', ['/usr/bin/sqv', '1']),
  call('message.subprocess-segfault', 'E', ['/usr/bin/dpkg']),
  call('message.subprocess-signal', 'E', ['/usr/bin/dpkg', '9']),
  call('message.subprocess-exited', 'E', ['/usr/bin/dpkg']),
  call('message.subprocess-exited', 'E', ['/usr/bin/gpgv']),
  call('message.no-package-by-glob', 'E', ['nonexistent-pkg-*']),
  call('message.no-package-by-regex', 'E', ['^nonexistent-pkg']),
  call('message.could-not-find-package', 'E', ['nonexistent-pkg-xyz']),
  call('message.no-install-candidate', 'E', ['openssh-client']),
  call('message.version-not-found', 'E', ['0.0', 'bash']),
  call('message.release-not-found', 'E', ['bookworm-backports', 'bash']),
  call('message.default-release-invalid', 'E', ['bookworm-backports']),
  call('message.held-broken', 'E', []),
  call('message.unmet-fix-broken', 'E', []),
  call('message.broken-packages', 'E', []),
  call('message.resolver-breaks', 'E', []),
  call('message.essential-not-permitted', 'E', []),
  call('message.essential-removed', 'E', []),
  call('message.downgrade-refused', 'E', []),
  call('message.held-change-refused', 'E', []),
  call('message.unauthenticated-refused', 'E', []),
  call('message.not-authenticated', 'E', []),
  call('message.method-missing', 'E', ['/usr/lib/apt/methods/https']),
  call('message.index-download-failed', 'W', []),
  call('message.archives-fetch-failed', 'E', []),
  call('message.archives-fetch-failed-3.1', 'E', []),
  call('message.some-files-failed', 'E', []),
  call('message.failed-some-archives', 'E', []),
  call('message.no-release-file', 'E', ['http://deb.debian.org/debian bookworm-doesnotexist Release']),
  call('message.no-longer-release-file', 'E', ['http://deb.debian.org/debian buster Release']),
  call('message.release-expired', 'E', ['http://deb.debian.org/debian/dists/sid/InRelease', '2d 3h 4min 5s']),
  call('message.release-not-yet-valid', 'E', ['http://127.0.0.1:18777/./InRelease', '2h 59min 49s']),
  call('message.release-info-changed', 'E', ['http://deb.debian.org/debian bullseye InRelease', 'Suite', 'stable', 'oldstable']),
  call('message.signature-error-gpg', 'W', [REPO, INNER]),
  call('message.signature-error-openpgp', 'W', [REPO, INNER]),
  call('message.gpg-error', 'W', [REPO, INNER]),
  call('message.openpgp-failed', 'W', [REPO, INNER]),
  call('message.not-signed', 'E', [REPO]),
  call('message.no-longer-signed', 'E', [REPO]),
  call('message.weak-security', 'W', [REPO]),
  call('message.weak-security-skip', 'W', ['main/binary-amd64/Packages', REPO]),
  call('message.lock-held-by', 'E', ['/var/lib/dpkg/lock-frontend', '514', 'dpkg']),
  call('message.lock-held-by-pid', 'E', ['/var/lib/dpkg/lock-frontend', '514']),
  call('message.lock', 'E', ['/var/lib/dpkg/lock'], ' - open (11: Resource temporarily unavailable)'),
  call('message.frontend-lock-busy', 'E', ['/var/lib/dpkg/lock-frontend']),
  call('message.frontend-lock-root', 'E', ['/var/lib/dpkg/lock-frontend']),
  call('message.admin-lock-busy', 'E', ['/var/lib/dpkg/']),
  call('message.admin-lock-root', 'E', ['/var/lib/dpkg/']),
  call('message.lock-directory', 'E', ['/var/lib/apt/lists/']),
  call('message.lock-download-directory', 'E', []),
  // strerror is glibc's: English in an image without libc-l10n (the captures' `locales` setup).
  call('message.open-lock-file', 'E', ['/var/lib/dpkg/lock-frontend'], ' - open (13: Permission denied)'),
  call('message.dpkg-interrupted', 'E', ['dpkg --configure -a']),
  call('message.reinstall-required', 'E', ['slow-preinst']),
  call('message.pty-log', 'E', [{ template: 'message.pty-mounted' }], ' - posix_openpt (19: No such device)'),
  call('message.not-enough-space', 'E', ['/var/cache/apt/archives/']),
  call('message.more-space-needed', 'W', ['80.0 M', '50.0 M']),
  call('message.more-space-needed-in', 'W', ['/usr', '80.0 M', '50.0 M']),
]

/** Download reasons, walked inside `Failed to fetch <DEB>  <reason>`. */
const REASON_CALLS: readonly Call[] = [
  call('fetch.temporary-failure-resolving', 'E', ['deb.debian.org']),
  call('fetch.could-not-resolve', 'E', ['deb.debian.org']),
  call('fetch.wicked-resolving', 'E', ['deb.debian.org', 'http', '-3', 'Temporary failure in name resolution']),
  call('fetch.connect-timed-out', 'E', ['deb.debian.org', '80', '203.0.113.80']),
  call('fetch.could-not-connect', 'E', ['127.0.0.1', '9', '127.0.0.1'], ' - connect (111: Connection refused)'),
  call('fetch.unable-to-connect', 'E', ['127.0.0.1', '9']),
  call('fetch.cannot-initiate', 'E', ['deb.debian.org', '80', '203.0.113.80'], ' - socket (97: Address family not supported by protocol)'),
  call('fetch.connection-failed', 'E', []),
  call('fetch.connection-timed-out', 'E', []),
  call('fetch.hash-sum-mismatch', 'E', []),
  call('fetch.unexpected-size', 'E', ['630', '631']),
  call('fetch.size-mismatch', 'E', []),
]

/**
 * What the English rules read that no message text template covers, and why. `untranslated` names
 * a template of the list whose msgid is in no pinned catalogue (the generated module proves it:
 * its releases are empty), so every language prints it in English and the English rule reads it.
 */
const EXCEPTIONS: readonly { readonly rule: string; readonly text: string; readonly untranslated?: string; readonly reason: string }[] = [
  { rule: 'apt.problem.force-yes-refusal', text: 'There are problems and -y was used without --force-yes', untranslated: 'untranslated.force-yes', reason: 'apt 1.0 only; no pinned catalogue (bullseye is apt 2.2) has it' },
  { rule: 'apt.problem.hook-failed', text: "Problem executing scripts %s '%s'", untranslated: 'untranslated.hook-scripts', reason: 'apt builds it without _(): in no catalogue' },
  { rule: 'apt.problem.hook-failed', text: 'Sub-process returned an error code', untranslated: 'untranslated.hook-subprocess', reason: 'apt builds it without _(): in no catalogue' },
  { rule: 'apt.problem.debconf-unavailable', text: 'Cannot get debconf version. Is debconf installed?', reason: 'apt-extracttemplates (apt-utils) has its own gettext domain, apt-utils, which the tables do not pin' },
  { rule: 'apt.problem.unmet-dependencies', text: 'The following information from --solver 3.0 may provide additional context:', untranslated: 'untranslated.solver3-context', reason: 'solver3 strings are not translated (FORMATS.md §4.2)' },
  { rule: 'apt.problem.unmet-dependencies', text: 'Unable to satisfy dependencies. Reached two conflicting decisions: / assignments:', reason: 'solver3 strings are not translated (FORMATS.md §4.2); built from pieces, so no single msgid to look up' },
  { rule: 'apt.problem.unmet-dependencies', text: 'Unmet dependencies. Try using -f.', untranslated: 'untranslated.unmet-try-f', reason: 'apt ≤ 1.0; in no pinned catalogue' },
  { rule: 'apt.problem.lock', text: 'Unable to lock the list directory', untranslated: 'untranslated.lock-list-directory', reason: 'apt ≤ 1.0; in no pinned catalogue' },
  { rule: 'apt.problem.lock', text: 'Permission denied (the not-root cause of an errno suffix)', reason: "glibc's strerror, not apt's: English unless libc-l10n is installed (docker images and the captures have none)" },
  { rule: 'apt.problem.disk-full', text: 'No space left on device', reason: "glibc's strerror (as above), inside any message" },
  { rule: 'apt.problem.signature', text: 'NO_PUBKEY, EXPKEYSIG, KEYEXPIRED', reason: "gpgv's status words: never translated, the English rule reads them in any language" },
  { rule: 'apt.problem.signature', text: 'The following signatures were invalid:', reason: 'the gpgv method prints it inside `GPG error: %s: %s` / `OpenPGP signature verification failed: %s: %s`, whose templates decide' },
  { rule: 'apt.problem.signature', text: 'No good signature from required signer', reason: "sqv's own output, untranslated" },
  { rule: 'apt.problem.signature', text: 'There is no public key available for the following key IDs:', untranslated: 'untranslated.no-public-key', reason: 'apt ≤ 1.2; in no pinned catalogue' },
]

/**
 * Lines the walk finds unread, each with the reason it is accepted. A miss not listed here fails
 * the test, and so does a listed one that no longer happens.
 */
const KNOWN_MISSES: readonly { readonly line: string; readonly reason: string }[] = [
  {
    line: 'E:/var/cache/apt/archives/ に充分な空きスペースがありません。',
    reason: 'ja opens this text with the path: pasted without the blank, `E:/…` is not read as a message (it would make `D:/a/_work/…` paths messages too; grammar/message-prefix.ts)',
  },
]

/** `80.0 M` in a language's decimal format (`80,0 M`). */
function localSize(value: string, locale: CatalogLocale): string {
  return value.replace('.', CATALOG_NUMBERS[locale].trixie.decimalPoint)
}

/** The texts a language prints for a template: its translations (every release and plural form) and, for a gap, the C text. */
function texts(id: string, locale: CatalogLocale | 'C'): { text: string; releases: readonly CatalogRelease[]; english: boolean }[] {
  const tpl = CATALOG_TEMPLATES.find((t) => t.id === id)
  if (tpl === undefined) throw new Error(`no template ${id}`)
  if (locale === 'C') return [{ text: tpl.msgid, releases: tpl.releases, english: true }]
  const translated: CatalogText[] = [...(CATALOG[locale][id] ?? [])]
  const out: { text: string; releases: readonly CatalogRelease[]; english: boolean }[] = translated.map((t) => ({ text: t.text, releases: t.releases, english: t.text === tpl.msgid }))
  const gap = CATALOG_GAPS[locale].find((g) => g.id === id)
  if (gap !== undefined) out.push({ text: tpl.msgid, releases: gap.releases, english: true })
  return out
}

/** A printf text filled in (`%2$s` honoured), without its trailing newline. */
function fill(text: string, args: readonly string[]): string {
  const segments = parsePrintf(text.endsWith('\n') ? text.slice(0, -1) : text)
  if (segments === undefined) throw new Error(`unreadable template ${JSON.stringify(text)}`)
  return segments.map((s) => (typeof s === 'string' ? s : (args[s.arg] ?? ''))).join('')
}

/** The argument values of a call in one language (sizes in its number format, nested templates in its words). */
function argsIn(c: Call, locale: CatalogLocale | 'C'): string[][] {
  let out: string[][] = [[]]
  for (const a of c.args) {
    const values =
      typeof a === 'string'
        ? [locale === 'C' || !/^\d+\.\d [kMG]$/.test(a) ? a : localSize(a, locale)]
        : texts(a.template, locale).map((t) => fill(t.text, []))
    out = out.flatMap((prefix) => values.map((v) => [...prefix, v]))
  }
  return out
}

/** What the comparison looks at: the problem and the message, with the fields a translation must keep. */
interface Reading {
  readonly kind?: string
  readonly cause?: string
  readonly package?: string
  readonly severity?: string
  readonly level?: string
  readonly problems: number
}

function read(events: readonly AptLogEvent[]): { reading: Reading; rules: string[]; locales: (string | undefined)[] } {
  const problems = events.filter((e) => e.type === 'problem')
  const message = events.find((e) => e.type === 'apt.message')
  const p = problems[0]
  const reading: Reading = {
    problems: problems.length,
    ...(p === undefined ? {} : { kind: p.kind, severity: p.severity }),
    ...(p?.cause === undefined ? {} : { cause: p.cause }),
    ...(p?.package === undefined ? {} : { package: p.package }),
    ...(message === undefined ? {} : { level: message.level }),
  }
  const rules = [...problems, ...(message === undefined ? [] : [message])].map((e) => e.rule)
  const locales = [...problems, ...(message === undefined ? [] : [message])].map((e) => ('locale' in e ? e.locale : undefined))
  return { reading, rules, locales }
}

const parseApt = (line: string): AptLogEvent[] => parse(`${line}\n`) as AptLogEvent[]

/** The apt 3 prefix words of a language for a level, in the releases that have them. */
function prefixWords(locale: CatalogLocale, letter: 'E' | 'W' | 'N'): { word: string; releases: readonly CatalogRelease[] }[] {
  return texts(letter === 'E' ? 'message.error' : letter === 'W' ? 'message.warning' : 'message.notice', locale)
    .filter((t) => !t.english)
    .map((t) => ({ word: t.text, releases: t.releases }))
}

interface Outcome {
  /** (template, language) pairs walked with at least one translated text. */
  readonly pairs: number
  /** (template, language) pairs where the language prints the English text (a gap, or a translation equal to C). */
  readonly englishPairs: number
  /** Lines parsed. */
  readonly lines: number
  readonly misses: string[]
  /** Lines read as another template whose translation in that language is the same text (fr: glob and regex). */
  readonly sameText: string[]
}

/** True when `locale` translates template `other` with exactly the text `text` (the two cannot be told apart). */
function translatesAlike(other: string, locale: CatalogLocale, text: string): boolean {
  return (CATALOG[locale][other] ?? []).some((t) => t.text === text)
}

/** apt prints a text's line breaks as continuation lines indented by three spaces (apt ≥ 1.3, FORMATS.md §4.1). */
const asPrinted = (body: string): string => body.split('\n').join('\n   ')

/** Walk one call in every language; `wrap` puts the text into its message (a download reason goes inside `Failed to fetch`). */
function walk(calls: readonly Call[], wrap: (text: string, c: Call, locale: CatalogLocale | 'C') => string[]): Outcome {
  let pairs = 0
  let englishPairs = 0
  let lines = 0
  const misses: string[] = []
  const sameText: string[] = []
  for (const c of calls) {
    const englishBodies = argsIn(c, 'C').flatMap((args) => wrap(fill(texts(c.id, 'C')[0]?.text ?? '', args) + (c.suffix ?? ''), c, 'C'))
    const english = read(parseApt(`${c.letter}: ${englishBodies[0] ?? ''}`))
    if (english.reading.problems !== 1 || english.rules.some((r) => r !== 'apt.message')) misses.push(`${c.id} C: the English line gives ${JSON.stringify(english)}`)
    for (const locale of LOCALES) {
      const all = texts(c.id, locale)
      const translated = all.filter((t) => !t.english)
      if (all.some((t) => t.english)) englishPairs++
      if (translated.length === 0) continue
      pairs++
      for (const t of translated) {
        for (const args of argsIn(c, locale)) {
          for (const raw of wrap(fill(t.text, args) + (c.suffix ?? ''), c, locale)) {
            const body = asPrinted(raw)
            const apt3 = t.releases.some((r) => r === 'trixie' || r === 'sid') ? prefixWords(locale, c.letter).map((p) => `${p.word} ${body}`) : []
            for (const line of [`${c.letter}: ${body}`, `${c.letter}:${body}`, ...apt3]) {
              lines++
              const got = read(parseApt(line))
              const same = JSON.stringify(got.reading) === JSON.stringify(english.reading)
              const expected = c.id.startsWith('fetch.') ? 'locale.message.failed-to-fetch' : `locale.${c.id}`
              const alike = got.rules.every((r) => r === expected || (r.startsWith('locale.') && translatesAlike(r.slice('locale.'.length), locale, t.text)))
              const marked = alike && got.rules.length > 0 && got.locales.every((l) => l !== undefined)
              if (!same || !marked) {
                if (KNOWN_MISSES.some((k) => k.line === line)) known.add(line)
                else misses.push(`${c.id} ${locale}: ${JSON.stringify(line)} gives ${JSON.stringify(got)}, English ${JSON.stringify(english.reading)}`)
              } else if (got.rules.some((r) => r !== expected)) {
                sameText.push(`${c.id} ${locale} → ${got.rules[0] ?? ''}`)
              }
            }
          }
        }
      }
    }
  }
  return { pairs, englishPairs, lines, misses, sameText: [...new Set(sameText)] }
}

/** The known misses the walk met (a listed miss that no longer happens is stale). */
const known = new Set<string>()

describe('the catalogue walk: every apt message an English rule reads, in every supported translation', () => {
  test('every English message rule is covered by message texts or by a listed exception; every message text is walked', () => {
    const byRule = new Map<string, string[]>()
    for (const c of MESSAGE_CALLS) {
      const args = argsIn(c, 'C')[0] ?? []
      const rule = classifyMessageWith(fill(texts(c.id, 'C')[0]?.text ?? '', args) + (c.suffix ?? ''), new Set())?.rule.id ?? '(none)'
      byRule.set(rule, [...(byRule.get(rule) ?? []), c.id])
    }
    expect(byRule.has('(none)')).toBe(false)
    const excepted = new Set(EXCEPTIONS.map((e) => e.rule))
    expect(MESSAGE_RULES.map((r) => r.id).filter((id) => !byRule.has(id) && !excepted.has(id))).toEqual([])
    const walked = new Set([...MESSAGE_CALLS, ...REASON_CALLS].map((c) => c.id))
    expect([...messageTextTemplates(), ...fetchReasonTemplates()].map((t) => t.id).filter((id) => !walked.has(id))).toEqual([])
  })

  test('the exceptions said to be untranslated are in no pinned catalogue', () => {
    for (const e of EXCEPTIONS) {
      if (e.untranslated === undefined) continue
      expect(CATALOG_TEMPLATES.find((t) => t.id === e.untranslated)?.releases, e.untranslated).toEqual([])
    }
  })

  test('message texts: the same problem and fields as the English line, in every language', () => {
    const outcome = walk(MESSAGE_CALLS, (text) => [text])
    expect(outcome.misses).toEqual([])
    expect([...known].sort()).toEqual(KNOWN_MISSES.map((k) => k.line).sort())
    // Texts a language translates alike: the first template in matching order names the line; the problem is the same.
    expect(outcome.sameText.sort()).toEqual([
      'message.archives-fetch-failed-3.1 fr → locale.message.archives-fetch-failed',
      'message.could-not-find-package fr → locale.message.unable-to-locate',
      'message.could-not-find-package ja → locale.message.unable-to-locate',
      'message.no-package-by-regex fr → locale.message.no-package-by-glob',
    ])
    console.info(`message texts: ${MESSAGE_CALLS.length} calls of ${new Set(MESSAGE_CALLS.map((c) => c.id)).size} templates; ${outcome.pairs} (template, language) pairs translated, ${outcome.englishPairs} printed in English somewhere (gaps); ${outcome.lines} lines`)
  })

  test('download reasons inside `Failed to fetch`: the same cause as the English line, in every language', () => {
    const fetchIn = (locale: CatalogLocale | 'C'): string[] => texts('message.failed-to-fetch', locale).filter((t) => locale === 'C' || !t.english).map((t) => t.text)
    const outcome = walk(REASON_CALLS, (reason, _c, locale) => fetchIn(locale).map((t) => fill(t, [DEB, reason])))
    expect(outcome.misses).toEqual([])
    console.info(`download reasons: ${REASON_CALLS.length} templates; ${outcome.pairs} (template, language) pairs translated, ${outcome.englishPairs} printed in English somewhere; ${outcome.lines} lines`)
  })

  test('the notice after a missing method (`N: Is the package apt-transport-https installed?`): a notice, and no problem of its own, in English and every translation', () => {
    const method = '/usr/lib/apt/methods/https'
    const transport = 'apt-transport-https'
    const apt3 = (releases: readonly CatalogRelease[]): boolean => releases.some((r) => r === 'trixie' || r === 'sid')
    /** The problems of the two lines, and what the second line is. */
    const readPair = (error: string, notice: string): unknown => {
      const events = parseApt(`${error}\n${notice}`)
      return {
        problems: events.filter((e) => e.type === 'problem').map((p) => ({ line: p.line, kind: p.kind, cause: p.cause })),
        second: events.filter((e) => e.line === 2 && e.type !== 'log.end').map((e) => (e.type === 'apt.message' ? { type: e.type, level: e.level, text: e.text } : { type: e.type })),
      }
    }
    const expected = (noticeText: string): unknown => ({
      problems: [{ line: 1, kind: 'apt.fetch-failed', cause: 'method-missing' }],
      second: [{ type: 'apt.message', level: 'notice', text: noticeText }],
    })
    expect(readPair(`E: ${fill(texts('message.method-missing', 'C')[0]?.text ?? '', [method])}`, `N: ${fill(texts('notice.method-package', 'C')[0]?.text ?? '', [transport])}`)).toEqual(
      expected('Is the package apt-transport-https installed?'),
    )
    let pairs = 0
    const translatedNotices = new Set<CatalogLocale>()
    for (const locale of LOCALES) {
      for (const error of texts('message.method-missing', locale)) {
        for (const notice of texts('notice.method-package', locale)) {
          if (!notice.english) translatedNotices.add(locale)
          const e = fill(error.text, [method])
          const n = fill(notice.text, [transport])
          const printed: [string, string][] = [[`E: ${e}`, `N: ${n}`]]
          if (apt3(error.releases) && apt3(notice.releases)) {
            for (const errorWord of prefixWords(locale, 'E').filter((w) => apt3(w.releases))) {
              for (const noticeWord of prefixWords(locale, 'N').filter((w) => apt3(w.releases))) printed.push([`${errorWord.word} ${e}`, `${noticeWord.word} ${n}`])
            }
          }
          for (const [errorLine, noticeLine] of printed) {
            pairs++
            expect(readPair(errorLine, noticeLine), `${locale}: ${errorLine} / ${noticeLine}`).toEqual(expected(n))
          }
        }
      }
    }
    // Every language translates the notice (pt_BR from trixie on); apt 3's words add a form where the language has them.
    expect([...translatedNotices].sort()).toEqual([...LOCALES].sort())
    expect(pairs).toBeGreaterThan(LOCALES.length)
    console.info(`missing method and its notice: ${pairs} printed pairs`)
  })
})
