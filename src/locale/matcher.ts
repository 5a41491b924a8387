/**
 * Localized structural lines: {@link matchLocaleLine} says which line template (lines.ts) a line
 * is, in which language(s), with the fields it carries; {@link detectLocale} the one language
 * it proves; {@link LOCALE_RULES} the same as rule objects (grammar/rules.ts).
 *
 * Matching is linear and never backtracks: a variant is its literal pieces and placeholders; the
 * first piece must open the line (`startsWith`), a final piece must close it (`endsWith`), pieces
 * in between are found left to right with `indexOf` from where the previous one ended, and a
 * digits placeholder is read digit by digit. Each character is looked at a bounded number of
 * times per variant (the pieces are short, fixed text), with no regex at all.
 *
 * English lines never match: variants identical to the C text are not built (lines.ts).
 * @module
 */

import { readMessagePrefix } from '../grammar/message-prefix.ts'
import type { Rule } from '../grammar/rules.ts'
import type { CatalogLocale } from './catalog.ts'
import { fetchReasonTemplates, lineTemplates, messageTextTemplates, type FieldSlot, type LinePart, type LineTemplate, type LineVariant } from './lines.ts'

/** A localized structural line. */
export interface LocaleLineMatch {
  /** The line template id (`dpkg.setup`, `counts`, `acquire.get`). */
  readonly id: string
  /** Every language with a variant of this template that matches the line (one, unless languages share the text). */
  readonly locales: readonly CatalogLocale[]
  /** Captured text, one entry per name in the template's `fields` (`undefined` where the line has none, e.g. an optional count). */
  readonly fields: readonly (string | undefined)[]
  /** Which shape of the line template matched (`LineVariant.shape`: a phase line's `Done` form, a relation's `; however:`). */
  readonly shape: number
}

/** Longest line the matcher looks at; apt's structural lines are far shorter. */
const MAX_LINE = 4096
/** Most digits a digits placeholder takes. */
const MAX_DIGITS = 20

/** A variant compiled for matching. */
interface Compiled {
  readonly template: LineTemplate
  /** Position of the template in matching order. */
  readonly order: number
  readonly variant: LineVariant
  /** Literal the line opens with ('' when it opens with a placeholder). */
  readonly head: string
  /** Placeholder + the literal after it, in order. */
  readonly steps: readonly { readonly slot: FieldSlot; readonly literal: string }[]
  /** The literal that must close the line ('' when the variant ends in a placeholder or is all literal). */
  readonly tail: string
}

function compile(template: LineTemplate, order: number, variant: LineVariant): Compiled | undefined {
  const parts: readonly LinePart[] = variant.parts
  let i = 0
  let head = ''
  if (typeof parts[0] === 'string') {
    head = parts[0]
    i = 1
  }
  const steps: { slot: FieldSlot; literal: string }[] = []
  while (i < parts.length) {
    const slot = parts[i]
    if (slot === undefined || typeof slot === 'string') return undefined
    const next = parts[i + 1]
    const literal = typeof next === 'string' ? next : ''
    // A text placeholder needs a literal after it to end it, unless it ends the line.
    if (literal === '' && slot.kind === 'text' && i + 1 < parts.length) return undefined
    steps.push({ slot, literal })
    i += literal === '' ? 1 : 2
  }
  const tail = steps.length === 0 ? '' : (steps[steps.length - 1] as { literal: string }).literal
  return { template, order, variant, head, steps, tail }
}

/**
 * Match one compiled variant against `text` (`end` = length without trailing blanks, `start` =
 * where the match begins: after the indentation for indented templates). Returns the fields.
 */
function run(c: Compiled, text: string, start: number, end: number): (string | undefined)[] | undefined {
  if (!text.startsWith(c.head, start)) return undefined
  let pos = start + c.head.length
  const steps = c.steps
  if (steps.length === 0) return pos === end ? new Array<string | undefined>(c.template.fields.length).fill(undefined) : undefined
  // The line's last literal must close it: test that first, it rejects most lines.
  const lastStep = steps[steps.length - 1] as { slot: FieldSlot; literal: string }
  const tailStart = end - lastStep.literal.length
  if (tailStart < pos || !text.startsWith(lastStep.literal, tailStart)) return undefined
  const fields = new Array<string | undefined>(c.template.fields.length).fill(undefined)
  for (let s = 0; s < steps.length; s++) {
    const { slot, literal } = steps[s] as { slot: FieldSlot; literal: string }
    const last = s === steps.length - 1
    let valueEnd: number
    if (slot.kind === 'digits') {
      // A signed `%i` may print a minus (getaddrinfo's `-3` in `Something wicked happened resolving …`).
      const from = pos < end && text.charCodeAt(pos) === 0x2d ? pos + 1 : pos
      let j = from
      while (j < end && j - from < MAX_DIGITS) {
        const ch = text.charCodeAt(j)
        if (ch < 0x30 || ch > 0x39) break
        j++
      }
      if (j === from) return undefined
      valueEnd = j
      if (last ? valueEnd !== tailStart : !text.startsWith(literal, valueEnd)) return undefined
    } else if (last) {
      valueEnd = tailStart
    } else {
      // Leftmost occurrence after at least one character of text, and before the closing literal.
      valueEnd = text.indexOf(literal, pos + 1)
      if (valueEnd === -1 || valueEnd + literal.length > tailStart) return undefined
    }
    if (valueEnd <= pos) return undefined
    if (slot.kind === 'word' ? text.lastIndexOf(' ', valueEnd - 1) >= pos : slot.kind === 'size' ? !isSize(text, pos, valueEnd) : slot.kind === 'script' && !SCRIPT_NAMES.has(text.slice(pos, valueEnd))) return undefined
    fields[slot.field] = text.slice(pos, valueEnd)
    pos = valueEnd + literal.length
  }
  return pos === end ? fields : undefined
}

/** The names dpkg gives a maintainer script in its failure line: dpkg ≤ 1.22's descriptions, dpkg 1.23's file names. */
const SCRIPT_NAMES: ReadonlySet<string> = new Set(['pre-installation', 'post-installation', 'pre-removal', 'post-removal', 'preinst', 'postinst', 'prerm', 'postrm'])

/** Longest size string `SizeToStr` prints (`999.999.999.999 k`, with room for any grouping). */
const MAX_SIZE = 32

/**
 * `text[from, to)` is a size as apt's `SizeToStr` prints it before the `B`: a digit, then digits
 * and the locale's separators (`.`, `,`, `'`, U+00A0, U+202F), then a blank, then at most a unit
 * prefix (`kMGTPEZY`) and a blank: `3.934 k`, `8\u202f902 k`, `792 `, `16,8 M`.
 */
function isSize(text: string, from: number, to: number): boolean {
  if (to - from > MAX_SIZE) return false
  let i = from
  const first = text.charCodeAt(i)
  if (first < 0x30 || first > 0x39) return false
  i++
  for (; i < to; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x27 || c === 0xa0 || c === 0x202f) continue
    break
  }
  if (i === to) return true
  if (text.charCodeAt(i) !== 0x20) return false
  i++
  if (i < to && 'kMGTPEZY'.includes(text.charAt(i))) i++
  if (i < to && text.charCodeAt(i) === 0x20) i++
  return i === to
}

interface Index {
  /**
   * Variants by what the line must open and close with: {@link bucketKey} of (indented, first
   * UTF-16 unit of the opening literal or -1, last unit of the closing literal or -1). A line is
   * tried only against the (at most eight) buckets its own first and last characters select.
   */
  readonly buckets: ReadonlyMap<number, readonly Compiled[]>
  /**
   * Per folded unit (as in {@link bucketKey}), which buckets name it: {@link OPENS} / {@link CLOSES}
   * bits, plain and indented. A line whose characters no bucket names skips the map lookups.
   */
  readonly named: Uint8Array
  /** Every compiled variant per template id, in order. */
  readonly byTemplate: ReadonlyMap<string, readonly Compiled[]>
  readonly templates: readonly LineTemplate[]
}

/**
 * One small integer for (indented, first, last); `first`/`last` are UTF-16 units or -1 for "any".
 * Units are folded to 14 bits so the key stays a small integer: a collision only adds candidates,
 * every one of which is still matched in full.
 */
function bucketKey(indented: boolean, first: number, last: number): number {
  return ((((indented ? 1 : 0) << 14) | ((first + 1) & 0x3fff)) << 14) | ((last + 1) & 0x3fff)
}

/** {@link Index.named} bits: some bucket opens / closes with the unit (plain, indented). */
const OPENS = [1, 2] as const
const CLOSES = [4, 8] as const

/** A UTF-16 unit folded as {@link bucketKey} folds it. */
function fold(unit: number): number {
  return (unit + 1) & 0x3fff
}

function buildIndex(templates: readonly LineTemplate[]): Index {
  const buckets = new Map<number, Compiled[]>()
  const named = new Uint8Array(0x4000)
  const byTemplate = new Map<string, Compiled[]>()
  templates.forEach((template, order) => {
    const list: Compiled[] = []
    for (const variant of template.variants) {
      const c = compile(template, order, variant)
      if (c === undefined) continue
      list.push(c)
      const closing = c.steps[c.steps.length - 1]?.literal ?? (c.steps.length === 0 ? c.head : '')
      const opening = c.head === '' ? -1 : c.head.charCodeAt(0)
      const closingUnit = closing === '' ? -1 : closing.charCodeAt(closing.length - 1)
      const key = bucketKey(template.indented, opening, closingUnit)
      const side = template.indented ? 1 : 0
      if (opening !== -1) named[fold(opening)] = (named[fold(opening)] as number) | OPENS[side]
      if (closingUnit !== -1) named[fold(closingUnit)] = (named[fold(closingUnit)] as number) | CLOSES[side]
      const bucket = buckets.get(key)
      if (bucket === undefined) buckets.set(key, [c])
      else bucket.push(c)
    }
    byTemplate.set(template.id, list)
  })
  return { buckets, named, byTemplate, templates }
}

let index: Index | undefined
let messageIndex: Index | undefined
let fetchIndex: Index | undefined

function getIndex(): Index {
  if (index === undefined) index = buildIndex(lineTemplates())
  return index
}

function getMessageIndex(): Index {
  if (messageIndex === undefined) messageIndex = buildIndex(messageTextTemplates())
  return messageIndex
}

function getFetchIndex(): Index {
  if (fetchIndex === undefined) fetchIndex = buildIndex(fetchReasonTemplates())
  return fetchIndex
}

/**
 * True when `text[0, end)` ends with `tail`, compared from the end: the candidates of a bucket
 * share their last character and most differ in the next few (a builtin call per candidate cost
 * more than the comparison).
 */
function closesWith(text: string, end: number, tail: string): boolean {
  for (let i = tail.length - 1, j = end - 1; i >= 0; i--, j--) {
    if (text.charCodeAt(j) !== tail.charCodeAt(i)) return false
  }
  return true
}

/** Index after the line's leading blanks. */
function indentEnd(text: string, end: number): number {
  let i = 0
  while (i < end && text.charCodeAt(i) === 0x20) i++
  return i
}

/** Length of `text` without trailing blanks (spaces, tabs, CR). */
function trimmedEnd(text: string): number {
  let end = text.length
  while (end > 0) {
    const c = text.charCodeAt(end - 1)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break
    end--
  }
  return end
}

/** The languages of every variant of `template` that matches the line, in catalogue order. */
function localesOf(list: readonly Compiled[], text: string, end: number): CatalogLocale[] {
  const out: CatalogLocale[] = []
  for (const c of list) {
    const start = c.template.indented ? indentEnd(text, end) : 0
    if (run(c, text, start, end) === undefined) continue
    for (const l of c.variant.locales) if (!out.includes(l)) out.push(l)
  }
  return out
}

function matchIn(list: readonly Compiled[], text: string): LocaleLineMatch | undefined {
  if (text.length > MAX_LINE) return undefined
  const end = trimmedEnd(text)
  for (const c of list) {
    const start = c.template.indented ? indentEnd(text, end) : 0
    const fields = run(c, text, start, end)
    if (fields !== undefined) return { id: c.template.id, locales: localesOf(list, text, end), fields, shape: c.variant.shape }
  }
  return undefined
}

/** The first template of `idx` (in template order) that `text` is, or `undefined`. */
function matchIndexed(idx: Index, text: string): LocaleLineMatch | undefined {
  if (text.length > MAX_LINE) return undefined
  const end = trimmedEnd(text)
  if (end === 0) return undefined
  const indent = indentEnd(text, end)
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(end - 1)
  const indentedFirst = text.charCodeAt(indent)
  const b = idx.buckets
  const named = idx.named
  let best: Compiled | undefined
  let bestFields: (string | undefined)[] | undefined
  // The eight buckets the line's characters select: plain then indented, each (first, last),
  // (first, any), (any, last), (any, any). A bucket's first match wins over the best so far only
  // when it comes earlier in template order. A loop, not a closure: this runs on every line no rule took.
  for (let k = 0; k < 8; k++) {
    const indented = k >= 4
    const side = indented ? 1 : 0
    const opening = (k & 2) !== 0 ? -1 : indented ? indentedFirst : first
    const closing = (k & 1) !== 0 ? -1 : last
    if (opening !== -1 && ((named[fold(opening)] as number) & OPENS[side]) === 0) continue
    if (closing !== -1 && ((named[fold(closing)] as number) & CLOSES[side]) === 0) continue
    const candidates = b.get(bucketKey(indented, opening, closing))
    if (candidates === undefined) continue
    const start = indented ? indent : 0
    for (const c of candidates) {
      if (best !== undefined && c.order >= best.order) break
      // `run`'s own first test, without the call: most candidates fail on the closing literal.
      const tail = c.tail
      if (tail !== '' && (end - tail.length < start + c.head.length || !closesWith(text, end, tail))) continue
      const fields = run(c, text, start, end)
      if (fields !== undefined) {
        best = c
        bestFields = fields
        break
      }
    }
  }
  if (best === undefined || bestFields === undefined) return undefined
  return { id: best.template.id, locales: localesOf(idx.byTemplate.get(best.template.id) ?? [], text, end), fields: bestFields, shape: best.variant.shape }
}

/** apt 3's translated message prefixes (`Fehler: <text>`): their text is matched as a message text. */
const PREFIX_TEMPLATES: ReadonlySet<string> = new Set(['message.error', 'message.warning', 'message.notice', 'message.audit'])

/**
 * The localized structural line `text` is, or `undefined` (an English line, a line of no known
 * template, a line over 4096 characters). `text` is one line as the grammars see it: CI prefix,
 * ANSI escapes and CR frames already removed; trailing blanks are ignored. A message whose text
 * is a known message text (`E: Paket x kann nicht gefunden werden.`, `Fehler: Paket x …`) is that
 * text's template (`message.unable-to-locate`); with a translated prefix and a text of no template,
 * it is the prefix's (`message.error`).
 */
export function matchLocaleLine(text: string): LocaleLineMatch | undefined {
  const line = matchIndexed(getIndex(), text)
  if (line !== undefined) {
    if (!PREFIX_TEMPLATES.has(line.id)) return line
    const body = line.fields[0]
    const inner = body === undefined ? undefined : matchMessageText(body)
    if (inner === undefined) return line
    const both = inner.locales.filter((l) => line.locales.includes(l))
    return { id: inner.id, locales: both.length > 0 ? both : inner.locales, fields: inner.fields, shape: inner.shape }
  }
  // apt's untranslated letters before a translated text (apt ≤ 2.x, `apt-get` in apt 3).
  const message = readMessagePrefix(text)
  if (message === undefined) return undefined
  const inner = matchMessageText(message.text)
  return inner === undefined ? undefined : { id: inner.id, locales: inner.locales, fields: inner.fields, shape: inner.shape }
}

/** A message text (or a download's reason) in another language, with apt's untranslated errno suffix. */
export interface MessageTextMatch extends LocaleLineMatch {
  /**
   * What `GlobalError::Errno` appended after the translated text, from its ` - ` on (`` - open
   * (13: Permission denied)``), or `''`. It is not translated by apt (the strerror part is the C
   * library's, English unless `libc-l10n` is installed): the C text keeps it as printed.
   */
  readonly suffix: string
}

/**
 * Where apt's errno suffix starts (`<text> - <function> (<errno>: <strerror>)`,
 * `apt-pkg/contrib/error.cc` `GlobalError::Errno`), or -1.
 */
export function errnoSuffixStart(text: string): number {
  const end = trimmedEnd(text)
  if (end < 8 || text.charCodeAt(end - 1) !== 0x29 /* ) */) return -1
  const at = text.lastIndexOf(' - ', end)
  if (at <= 0) return -1
  const open = text.indexOf(' (', at + 3)
  if (open === -1 || open === at + 3 || text.lastIndexOf(' ', open - 1) > at + 2) return -1
  let i = open + 2
  const digits = i
  while (i < end && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
  return i > digits && text.startsWith(': ', i) ? at : -1
}

function matchWithSuffix(idx: Index, text: string): MessageTextMatch | undefined {
  const whole = matchIndexed(idx, text)
  if (whole !== undefined) return { ...whole, suffix: '' }
  const at = errnoSuffixStart(text)
  if (at === -1) return undefined
  const head = matchIndexed(idx, text.slice(0, at))
  return head === undefined ? undefined : { ...head, suffix: trimEnd(text.slice(at)) }
}

function trimEnd(text: string): string {
  return text.slice(0, trimmedEnd(text))
}

/**
 * The message text `text` is (what follows a message prefix: `Paket x kann nicht gefunden
 * werden.`), in another language, or `undefined` (an English text, a text of no template).
 */
export function matchMessageText(text: string): MessageTextMatch | undefined {
  return matchWithSuffix(getMessageIndex(), text)
}

/** The reason of a failed download (`Temporärer Fehlschlag beim Auflösen von »x«`) in another language, or `undefined`. */
export function matchFetchReason(text: string): MessageTextMatch | undefined {
  return matchWithSuffix(getFetchIndex(), text)
}

/**
 * `text` as one given line template (`message.error`: `Fehler: <text>`), whatever the template
 * order says; `undefined` when it is not that template (or the id is unknown).
 */
export function matchLocaleTemplate(id: string, text: string): LocaleLineMatch | undefined {
  const list = getIndex().byTemplate.get(id)
  return list === undefined ? undefined : matchIn(list, text)
}

/** The one language whose catalogue prints `text` as a structural line; `undefined` when none or several do. */
export function detectLocale(text: string): CatalogLocale | undefined {
  const m = matchLocaleLine(text)
  return m !== undefined && m.locales.length === 1 ? m.locales[0] : undefined
}

/** The line templates, in matching order (ids, field names, variants). */
export function localeLineTemplates(): readonly LineTemplate[] {
  return getIndex().templates
}

/** ASCII characters a variant list can open with, or '' when one opens with a placeholder or a non-ASCII character. */
function firstCharacters(template: LineTemplate): string {
  const chars = new Set<string>(template.indented ? [' '] : [])
  for (const v of template.variants) {
    const head = v.parts[0]
    if (typeof head !== 'string' || head.charCodeAt(0) >= 0x80) return ''
    chars.add(head.charAt(0))
  }
  return [...chars].sort().join('')
}

/**
 * One rule per line template (`locale.<id>`), each trying every language's variants of that
 * template: the shape grammar tables use, so the regex-safety tests run them on hostile lines.
 */
export const LOCALE_RULES: readonly Rule<LocaleLineMatch>[] = lineTemplates().map((template) => ({
  id: `locale.${template.id}`,
  first: firstCharacters(template),
  match: (text: string): LocaleLineMatch | undefined => matchIn(getIndex().byTemplate.get(template.id) ?? [], text),
}))
