/**
 * Line templates: how apt and dpkg put the catalogue's templates (catalog.ts) together into the
 * lines a log shows. apt prints the counts line from up to four templates (`%lu upgraded, %lu
 * newly installed, ` [`%lu reinstalled, `] [`%lu downgraded, `] `%lu to remove and %lu not
 * upgraded.`), a phase line as the operation followed by the translated `...`, dpkg its error
 * header as `dpkg: ` and the first line of a two-line template. Each line template is expanded,
 * for every language, into the variants that language can print: its translations, and the C
 * text where it lacks one (CATALOG_GAPS). A variant identical to the C (English) line is dropped:
 * the English grammar reads it, and it says nothing about the language. Message texts (what
 * follows `E: ` or `Fehler: `) and download reasons are built the same way but are not lines of
 * their own: the matcher keeps them apart (`matchMessageText`, `matchFetchReason`).
 * @module
 */

import { CATALOG, CATALOG_GAPS, CATALOG_TEMPLATES, type CatalogLocale, type CatalogTemplate } from './catalog.ts'
import { parsePrintf, type Segment } from './printf.ts'

/** A placeholder of a line: which field of the line template it fills. */
export interface FieldSlot {
  /** Index into the line template's `fields`. */
  readonly field: number
  /**
   * What the field may hold: `digits`; a `word` (no blank: package names, versions, paths,
   * actions); a `size` as apt's `SizeToStr` prints it before the `B` (`3.934 k`, `8\u202f902 k`,
   * `792 `: a number in the locale's grouping, a blank, maybe a unit prefix); a `script`, one of the
   * names dpkg gives a maintainer script (`post-installation`, dpkg 1.23's `postinst`); any
   * non-empty `text`.
   */
  readonly kind: FieldKind
}

/** What a field may hold (see {@link FieldSlot}). */
export type FieldKind = 'digits' | 'word' | 'size' | 'script' | 'text'

/** The kind of a text field, by its name; names not listed take any text. */
const FIELD_KINDS: ReadonlyMap<string, FieldKind> = new Map([
  ['package', 'word'],
  ['version', 'word'],
  ['fromVersion', 'word'],
  ['archive', 'word'],
  ['action', 'word'],
  ['target', 'word'],
  ['program', 'word'],
  ['lock', 'word'],
  ['directory', 'word'],
  ['method', 'word'],
  // bullseye's German dpkg prints `installiertes %2s-Skript des Paketes %1s` (a width, not `%2$s`):
  // package and script swap places, so only the script's name tells that line from bookworm's.
  ['script', 'script'],
  ['size', 'size'],
  ['total', 'size'],
  ['available', 'size'],
  ['rate', 'size'],
])

/** A line split into literal text and field placeholders. */
export type LinePart = string | FieldSlot

/** One way a language prints a line template. */
export interface LineVariant {
  /** The line, literal text and placeholders (leading blanks removed when the template is `indented`, trailing blanks always). */
  readonly parts: readonly LinePart[]
  /** The languages that print exactly this variant. */
  readonly locales: readonly CatalogLocale[]
  /**
   * Which of the line template's shapes it is, 0-based, in the order lines.ts lists them: a phase
   * line's plain, `Done`, `Error!` or percentage form (0–3), a dpkg relation without or with
   * `; however:` (0–1), a dpkg reason or status line in dpkg ≤ 1.22's or 1.23's msgid (0–1). The
   * first shape wins when two give the same text.
   */
  readonly shape: number
}

/** A structural line in every language. */
export interface LineTemplate {
  /** Stable id (`dpkg.setup`, `counts`, `phase.reading-package-lists`). */
  readonly id: string
  /** Names of the captured fields, in order (`['package', 'version']`). */
  readonly fields: readonly string[]
  /** True when apt may indent the line (apt 3's `Summary:` block): leading blanks are skipped. */
  readonly indented: boolean
  /** Every variant, in language order. */
  readonly variants: readonly LineVariant[]
}

/** A template that could not be read (a printf directive this reader does not know); the tests keep it empty. */
export interface UnreadTemplate {
  /** Template id. */
  readonly id: string
  /** Language. */
  readonly locale: CatalogLocale | 'C'
  /** The text. */
  readonly text: string
}

/** What a template argument becomes in the line: a field index, a nested template, or nothing (`%c`, apt's `\r`). */
type Arg = number | Piece | ''

interface Piece {
  readonly template: string
  readonly args: readonly Arg[] | undefined
  readonly firstLine: boolean
}

/** A free text field (`Fehler: <text>`); `-1` stands for dpkg's database percentage (`45%`, field 0). */
interface Free {
  readonly free: number
}

type Part = string | Piece | Free

interface LineSpec {
  readonly id: string
  readonly fields: readonly string[]
  readonly indented: boolean
  readonly shapes: readonly (readonly Part[])[]
}

const t = (template: string, args?: readonly Arg[]): Piece => ({ template, args, firstLine: false })
const first = (template: string, args?: readonly Arg[]): Piece => ({ template, args, firstLine: true })
const free = (field: number): Free => ({ free: field })
const line = (id: string, fields: readonly string[], ...shapes: (readonly Part[])[]): LineSpec => ({ id, fields, indented: false, shapes })
const indented = (id: string, fields: readonly string[], ...shapes: (readonly Part[])[]): LineSpec => ({ id, fields, indented: true, shapes })

const PHASES: readonly string[] = [
  'phase.reading-package-lists',
  'phase.building-dependency-tree',
  'phase.reading-state-information',
  'phase.calculating-upgrade',
  'phase.solving-dependencies',
]

const HEADERS: readonly string[] = [
  'plan.header.extra',
  'plan.header.additional',
  'plan.header.new',
  'plan.header.upgrade',
  'plan.header.remove',
  'plan.header.kept-back',
  'plan.header.held-change',
  'plan.header.downgrade',
  'plan.header.phasing-deferred',
  'plan.header.autoremove',
  'plan.header.suggested',
  'plan.header.recommended',
  'plan.header.unmet',
  // apt 3 titles: `Installing dependencies:` before `Installing:` does not matter (whole-line match).
  'plan.v30.install',
  'plan.v30.install-dependencies',
  'plan.v30.upgrade',
  'plan.v30.remove',
  'plan.v30.not-upgrading',
  'plan.v30.not-upgrading-phasing',
  'plan.v30.held-change',
  'plan.v30.downgrade',
  'plan.v30.summary',
]

/** Optional pieces: every subset, in order (`[a]`, `[a, b]` … with the fixed parts around them). */
function withOptional(head: readonly Part[], optional: readonly Part[], tail: readonly Part[]): (readonly Part[])[] {
  const out: (readonly Part[])[] = []
  for (let mask = 0; mask < 1 << optional.length; mask++) out.push([...head, ...optional.filter((_, i) => (mask & (1 << i)) !== 0), ...tail])
  return out
}

/** The line templates, in matching order (a line is given the first template that matches it). */
const SPECS: readonly LineSpec[] = [
  ...PHASES.map((phase) =>
    line(
      phase,
      ['percent'],
      [t(phase), t('progress.ellipsis')],
      [t('progress.done', ['', t(phase)])],
      [t('progress.error', ['', t(phase)])],
      [t('progress.percent', ['', t(phase), 0])],
    ),
  ),
  line('phase.correcting-dependencies', [], [t('phase.correcting-dependencies')]),
  line('acquire.get', ['id', 'description'], [t('acquire.get')]),
  line('acquire.hit', ['id', 'description'], [t('acquire.hit')]),
  line('acquire.ign', ['id', 'description'], [t('acquire.ign')]),
  line('acquire.err', ['id', 'description'], [t('acquire.err')]),
  line('fetched', ['size', 'duration', 'rate'], [t('fetched')]),
  ...HEADERS.map((id) => line(id, [], [t(id)])),
  line(
    'counts',
    ['upgraded', 'newlyInstalled', 'reinstalled', 'downgraded', 'removed', 'notUpgraded'],
    ...withOptional([t('counts.upgraded-installed', [0, 1])], [t('counts.reinstalled', [2]), t('counts.downgraded', [3])], [t('counts.remove-not-upgraded', [4, 5])]),
  ),
  indented(
    'summary.counts',
    ['upgraded', 'newlyInstalled', 'reinstalled', 'downgraded', 'removed', 'notUpgraded'],
    ...withOptional([t('summary.upgrading-installing', [0, 1])], [t('summary.reinstalling', [2]), t('summary.downgrading', [3])], [t('summary.removing-not-upgrading', [4, 5])]),
  ),
  indented('counts.not-fully-installed', ['count'], [t('counts.not-fully-installed')]),
  // The partial forms first: their text is the plain form's with more words (`Es müssen noch %sB von %sB …`).
  line('download.need-partial', ['size', 'total'], [t('download.need-partial')]),
  line('download.need', ['size'], [t('download.need')]),
  line('download.need-source-partial', ['size', 'total'], [t('download.need-source-partial')]),
  line('download.need-source', ['size'], [t('download.need-source')]),
  line('disk.used', ['size'], [t('disk.used')]),
  line('disk.freed', ['size'], [t('disk.freed')]),
  indented('summary.download-partial', ['size', 'total'], [t('summary.download-partial')]),
  indented('summary.download', ['size'], [t('summary.download')]),
  indented('summary.space-needed-available', ['size', 'available'], [t('summary.space-needed-available')]),
  indented('summary.space-needed', ['size'], [t('summary.space-needed')]),
  indented('summary.freed', ['size'], [t('summary.freed')]),
  indented('summary.space-in-mount', ['mount', 'size', 'available'], ['└─ ', t('summary.space-in-mount')], ['- ', t('summary.space-in-mount')]),
  line('note.up-to-date', [], [t('note.up-to-date')]),
  line('note.upgradable', ['count'], [t('note.upgradable')]),
  // apt 3's translated prefixes (the text after them is a message text, below).
  line('message.error', ['text'], [t('message.error'), ' ', free(0)]),
  line('message.warning', ['text'], [t('message.warning'), ' ', free(0)]),
  line('message.notice', ['text'], [t('message.notice'), ' ', free(0)]),
  line('message.audit', ['text'], [t('message.audit'), ' ', free(0)]),
  line('dpkg.select', ['package'], [t('dpkg.select')]),
  line('dpkg.prepare', ['archive'], [t('dpkg.prepare')]),
  line('dpkg.unpack', ['package', 'version'], [t('dpkg.unpack')]),
  line('dpkg.unpack-over', ['package', 'version', 'fromVersion'], [t('dpkg.unpack-over')]),
  line('dpkg.setup', ['package', 'version'], [t('dpkg.setup')]),
  line('dpkg.trigger', ['package', 'version'], [t('dpkg.trigger')]),
  line('dpkg.remove', ['package', 'version'], [t('dpkg.remove')]),
  line('dpkg.purge', ['package', 'version'], [t('dpkg.purge')]),
  line('dpkg.database', ['files'], [t('dpkg.database.reading'), t('dpkg.database.installed')]),
  line('dpkg.database.frame', ['percent'], [t('dpkg.database.reading')], [t('dpkg.database.reading'), { free: -1 }]),
  line('dpkg.error.archive', ['archive', 'action'], ['dpkg: ', first('dpkg.error.archive', [0, 1, ''])]),
  line('dpkg.error.package', ['package', 'action'], ['dpkg: ', first('dpkg.error.package', [0, 1, ''])]),
  // A dpkg 1.23 shape after the older one: the msgid changed (`%s` for `%.250s`, a new wording), so
  // the translations did; the C text is the line dpkg 1.23 prints in English.
  line('dpkg.reason.pre-dependency', ['package'], [' ', t('dpkg.reason.pre-dependency')], [' ', t('dpkg.reason.pre-dependency-1.23')]),
  line('dpkg.reason.dependency', [], [' ', t('dpkg.reason.dependency')]),
  line('dpkg.reason.script-installed', ['package', 'script', 'status'], [' ', t('dpkg.reason.subprocess-status', [t('dpkg.script.installed', [0, 1]), 2])]),
  ...(['new', 'old'] as const).map((owner) =>
    line(
      `dpkg.reason.script-${owner}`,
      ['package', 'script', 'status'],
      [' ', t('dpkg.reason.subprocess-status', [t(`dpkg.script.${owner}`, [0, 1]), 2])],
      [' ', t('dpkg.reason.subprocess-status-1.23', [t(`dpkg.script.${owner}-1.23`, [0, 1]), 2])],
    ),
  ),
  line('dpkg.regarding', ['archive', 'package'], ['dpkg: ', first('dpkg.regarding', [0, 1, ''])]),
  line('dpkg.prevent-configuration', ['package'], ['dpkg: ', first('dpkg.prevent-configuration', [0, ''])]),
  line('dpkg.relation.depends', ['package', 'target'], [' ', t('dpkg.relation.depends')], [' ', t('dpkg.relation.depends'), t('dpkg.relation.however')]),
  line('dpkg.relation.pre-depends', ['package', 'target'], [' ', t('dpkg.relation.pre-depends')], [' ', t('dpkg.relation.pre-depends'), t('dpkg.relation.however')]),
  line('dpkg.status.not-installed', ['package'], [t('dpkg.status.not-installed')], [t('dpkg.status.not-installed-1.23')]),
  line('dpkg.status.unpacked-not-configured', ['package'], [t('dpkg.status.unpacked-not-configured')], [t('dpkg.status.unpacked-not-configured-1.23')]),
  line('dpkg.status.package-not-installed', ['package'], [t('dpkg.status.package-not-installed')]),
  line('dpkg.errors-summary', [], [t('dpkg.errors-summary')]),
  line('dpkg.halted', [], [t('dpkg.halted')]),
  line('dpkg.report.warning', ['text'], ['dpkg: ', t('dpkg.report.warning'), ': ', free(0)]),
  line('dpkg.report.error', ['text'], ['dpkg: ', t('dpkg.report.error'), ': ', free(0)]),
]

/**
 * A message text: the template is the whole text, its fields named. Only its first line: a
 * translation may break a text apt prints on one line in C (fr `… sans paquet\n(ou indiquez une
 * solution).`), and apt prints the rest as continuation lines.
 */
const text = (id: string, fields: readonly string[]): LineSpec => line(id, fields, [first(id)])

/**
 * Message texts: what apt prints after a message prefix (`E: `, `Fehler: `), one for each msgid an
 * English message rule reads (src/apt/classify.ts). Not lines of their own: the apt grammar reads
 * the prefix (grammar/message-prefix.ts, or `message.error` above) and matches the rest here. In
 * matching order: a longer text before a shorter one it starts with (`Could not get lock %s. It
 * is held by process %d (%s)` before `Could not get lock %s`).
 */
const MESSAGE_TEXT_SPECS: readonly LineSpec[] = [
  text('message.unable-to-locate', ['package']),
  text('message.failed-to-fetch', ['uri', 'reason']),
  text('message.subprocess-error', ['program', 'code']),
  text('message.subprocess-segfault', ['program']),
  text('message.subprocess-signal', ['program', 'signal']),
  text('message.subprocess-exited', ['program']),
  text('message.no-package-by-glob', ['pattern']),
  text('message.no-package-by-regex', ['pattern']),
  text('message.could-not-find-package', ['package']),
  text('message.no-install-candidate', ['package']),
  text('message.version-not-found', ['version', 'package']),
  text('message.release-not-found', ['release', 'package']),
  text('message.default-release-invalid', ['release']),
  text('message.held-broken', []),
  text('message.unmet-fix-broken', []),
  text('message.broken-packages', []),
  text('message.resolver-breaks', []),
  text('message.essential-not-permitted', []),
  text('message.essential-removed', []),
  text('message.downgrade-refused', []),
  text('message.held-change-refused', []),
  text('message.unauthenticated-refused', []),
  text('message.not-authenticated', []),
  text('message.method-missing', ['method']),
  text('message.index-download-failed', []),
  text('message.archives-fetch-failed', []),
  text('message.archives-fetch-failed-3.1', []),
  text('message.some-files-failed', []),
  text('message.failed-some-archives', []),
  text('message.no-release-file', ['repository']),
  text('message.no-longer-release-file', ['repository']),
  text('message.release-expired', ['repository', 'since']),
  text('message.release-not-yet-valid', ['repository', 'remaining']),
  text('message.release-info-changed', ['repository', 'field', 'from', 'to']),
  text('message.signature-error-gpg', ['repository', 'error']),
  text('message.signature-error-openpgp', ['repository', 'error']),
  text('message.gpg-error', ['repository', 'error']),
  text('message.openpgp-failed', ['repository', 'error']),
  text('message.not-signed', ['repository']),
  text('message.no-longer-signed', ['repository']),
  text('message.weak-security', ['repository']),
  text('message.weak-security-skip', ['file', 'repository']),
  text('message.lock-held-by', ['lock', 'pid', 'process']),
  text('message.lock-held-by-pid', ['lock', 'pid']),
  text('message.lock', ['lock']),
  text('message.frontend-lock-busy', ['lock']),
  text('message.frontend-lock-root', ['lock']),
  text('message.admin-lock-busy', ['lock']),
  text('message.admin-lock-root', ['lock']),
  // Before `Unable to lock directory %s`: ru `Невозможно заблокировать каталог загрузки` is that text with `загрузки` for `%s`.
  text('message.lock-download-directory', []),
  text('message.lock-directory', ['directory']),
  text('message.open-lock-file', ['lock']),
  text('message.dpkg-interrupted', ['command']),
  text('message.reinstall-required', ['package']),
  line('message.pty-log', [], [first('message.pty-log', [t('message.pty-mounted')])]),
  text('message.not-enough-space', ['directory']),
  text('message.more-space-needed', ['size', 'available']),
  text('message.more-space-needed-in', ['mount', 'size', 'available']),
]

/** Why a download failed: the `reason` of `message.failed-to-fetch` (and the text under an `Err:` line). */
const FETCH_REASON_SPECS: readonly LineSpec[] = [
  text('fetch.temporary-failure-resolving', ['host']),
  text('fetch.could-not-resolve', ['host']),
  text('fetch.wicked-resolving', ['host', 'port', 'code', 'error']),
  text('fetch.connect-timed-out', ['host', 'port', 'address']),
  text('fetch.could-not-connect', ['host', 'port', 'address']),
  text('fetch.unable-to-connect', ['host', 'port']),
  text('fetch.cannot-initiate', ['host', 'port', 'address']),
  text('fetch.connection-failed', []),
  text('fetch.connection-timed-out', []),
  text('fetch.hash-sum-mismatch', []),
  text('fetch.unexpected-size', ['size', 'expected']),
  text('fetch.size-mismatch', []),
]

const TEMPLATE_BY_ID: ReadonlyMap<string, CatalogTemplate> = new Map(CATALOG_TEMPLATES.map((tpl) => [tpl.id, tpl]))

/** The C texts of a template (msgid and msgid_plural). */
function cTexts(tpl: CatalogTemplate): string[] {
  return tpl.msgidPlural === undefined ? [tpl.msgid] : [tpl.msgid, tpl.msgidPlural]
}

/** The texts `locale` prints for a template: its translations, plus the C text where a release lacks one. */
function textsOf(id: string, locale: CatalogLocale | 'C'): string[] {
  const tpl = TEMPLATE_BY_ID.get(id)
  if (tpl === undefined) throw new Error(`locale line templates: unknown template ${id}`)
  if (locale === 'C') return cTexts(tpl)
  const texts = (CATALOG[locale][id] ?? []).map((x) => x.text)
  const lacking = texts.length === 0 || CATALOG_GAPS[locale].some((g) => g.id === id)
  return lacking ? [...new Set([...texts, ...cTexts(tpl)])] : [...new Set(texts)]
}

/** Record of templates that could not be read, filled while expanding. */
const unread: UnreadTemplate[] = []

/** Alternatives of one piece for one language, as line parts. */
function expandPiece(piece: Piece, locale: CatalogLocale | 'C', fields: readonly string[]): LinePart[][] {
  const out: LinePart[][] = []
  for (const raw of textsOf(piece.template, locale)) {
    let text = raw.endsWith('\n') ? raw.slice(0, -1) : raw
    if (piece.firstLine) {
      const nl = text.indexOf('\n')
      if (nl !== -1) text = text.slice(0, nl)
    }
    const segments = parsePrintf(text)
    if (segments === undefined) {
      unread.push({ id: piece.template, locale, text: raw })
      continue
    }
    const alternatives = expandSegments(segments, piece, locale, fields)
    if (alternatives === undefined) {
      unread.push({ id: piece.template, locale, text: raw })
      continue
    }
    out.push(...alternatives)
  }
  return out
}

function expandSegments(segments: readonly Segment[], piece: Piece, locale: CatalogLocale | 'C', fields: readonly string[]): LinePart[][] | undefined {
  let partial: LinePart[][] = [[]]
  for (const seg of segments) {
    if (typeof seg === 'string') {
      for (const p of partial) p.push(seg)
      continue
    }
    const arg: Arg | undefined = piece.args === undefined ? seg.arg : piece.args[seg.arg]
    if (arg === undefined) return undefined
    if (arg === '') continue
    if (typeof arg === 'number') {
      if (seg.kind === 'char') return undefined
      const kind: FieldKind = seg.kind === 'digits' ? 'digits' : (FIELD_KINDS.get(fields[arg] ?? '') ?? 'text')
      for (const p of partial) p.push({ field: arg, kind })
      continue
    }
    const nested = expandPiece(arg, locale, fields)
    const next: LinePart[][] = []
    for (const p of partial) for (const n of nested) next.push([...p, ...n])
    partial = next
  }
  return partial
}

/** Join adjacent literals, drop empty ones, trim the line's ends. */
function normalise(parts: readonly LinePart[], trimStart: boolean): LinePart[] {
  const out: LinePart[] = []
  for (const part of parts) {
    const last = out[out.length - 1]
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part
    else out.push(part)
  }
  if (trimStart && typeof out[0] === 'string') out[0] = out[0].trimStart()
  const end = out[out.length - 1]
  if (typeof end === 'string') out[out.length - 1] = end.trimEnd()
  return out.filter((p) => p !== '')
}

/** A key that is equal for equal variants. */
function keyOf(parts: readonly LinePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? `L${p}` : `F${p.field}${p.kind}`)).join('\u0000')
}

function expandShape(shape: readonly Part[], locale: CatalogLocale | 'C', trimStart: boolean, fields: readonly string[]): LinePart[][] {
  let partial: LinePart[][] = [[]]
  for (const part of shape) {
    let alternatives: LinePart[][]
    if (typeof part === 'string') alternatives = [[part]]
    else if ('free' in part) alternatives = part.free === -1 ? [[{ field: 0, kind: 'digits' }, '%']] : [[{ field: part.free, kind: 'text' }]]
    else alternatives = expandPiece(part, locale, fields)
    const next: LinePart[][] = []
    for (const p of partial) for (const a of alternatives) next.push([...p, ...a])
    partial = next
  }
  return partial.map((p) => normalise(p, trimStart))
}

const LOCALE_ORDER: readonly CatalogLocale[] = Object.keys(CATALOG) as CatalogLocale[]

function build(spec: LineSpec): LineTemplate {
  const english = new Set<string>()
  for (const shape of spec.shapes) for (const parts of expandShape(shape, 'C', spec.indented, spec.fields)) english.add(keyOf(parts))
  const variants = new Map<string, { parts: LinePart[]; locales: CatalogLocale[]; shape: number }>()
  for (const locale of LOCALE_ORDER) {
    for (let shapeIndex = 0; shapeIndex < spec.shapes.length; shapeIndex++) {
      const shape = spec.shapes[shapeIndex] as readonly Part[]
      for (const parts of expandShape(shape, locale, spec.indented, spec.fields)) {
        const key = keyOf(parts)
        if (english.has(key) || parts.length === 0) continue
        const known = variants.get(key)
        if (known === undefined) variants.set(key, { parts, locales: [locale], shape: shapeIndex })
        else if (!known.locales.includes(locale)) known.locales.push(locale)
      }
    }
  }
  return { id: spec.id, fields: spec.fields, indented: spec.indented, variants: [...variants.values()] }
}

interface Built {
  readonly templates: readonly LineTemplate[]
  readonly messageTexts: readonly LineTemplate[]
  readonly fetchReasons: readonly LineTemplate[]
  readonly unread: readonly UnreadTemplate[]
}

let built: Built | undefined

/** Every line template with its variants, built on first use (in matching order). */
export function lineTemplates(): readonly LineTemplate[] {
  return buildAll().templates
}

/** The message texts (what follows a message prefix), in matching order; not lines of their own. */
export function messageTextTemplates(): readonly LineTemplate[] {
  return buildAll().messageTexts
}

/** The reasons of a failed download (the text after `Failed to fetch <uri>  `), in matching order. */
export function fetchReasonTemplates(): readonly LineTemplate[] {
  return buildAll().fetchReasons
}

/** Templates that could not be read while building (expected empty; the tests check it). */
export function unreadTemplates(): readonly UnreadTemplate[] {
  return buildAll().unread
}

function buildAll(): Built {
  if (built === undefined) {
    const templates = SPECS.map(build)
    const messageTexts = MESSAGE_TEXT_SPECS.map(build)
    const fetchReasons = FETCH_REASON_SPECS.map(build)
    built = { templates, messageTexts, fetchReasons, unread: [...unread] }
  }
  return built
}

const SPEC_BY_ID: ReadonlyMap<string, LineSpec> = new Map([...SPECS, ...MESSAGE_TEXT_SPECS, ...FETCH_REASON_SPECS].map((spec) => [spec.id, spec]))

/** The C parts of each template shape, by `id` and shape index, built on first use. */
const cParts = new Map<string, readonly (readonly LinePart[])[]>()

/**
 * The line `id`'s C (English) text for one `shape`, with the captured `fields` put back: what the
 * program prints for the same call under `LANG=C`. `Entpacken von x (1.2) ...` is given back as
 * `Unpacking x (1.2) ...`, so the English grammar reads a translated line through its own rules.
 * A template with a plural form takes the plural unless a number field is `1`. `undefined` for an
 * unknown id or shape.
 */
export function cLine(id: string, shape: number, fields: readonly (string | undefined)[]): string | undefined {
  const key = `${id}\u0000${shape}`
  let variants = cParts.get(key)
  if (variants === undefined) {
    const spec = SPEC_BY_ID.get(id)
    const parts = spec?.shapes[shape]
    if (spec === undefined || parts === undefined) return undefined
    variants = expandShape(parts, 'C', spec.indented, spec.fields)
    cParts.set(key, variants)
  }
  let singular = false
  for (const parts of variants[0] ?? []) if (typeof parts !== 'string' && parts.kind === 'digits' && fields[parts.field] === '1') singular = true
  const chosen = singular ? variants[0] : variants[variants.length - 1]
  if (chosen === undefined) return undefined
  let text = ''
  for (const part of chosen) text += typeof part === 'string' ? part : (fields[part.field] ?? '')
  return text
}
