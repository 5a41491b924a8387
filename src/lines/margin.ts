/**
 * What a paste puts around a log: the framing of text people copy into an issue or a chat, as
 * opposed to the framing a CI runner writes (`ci-prefix.ts`). Read from the first lines of the
 * input, then removed from every line that carries it:
 *
 * - a common **indentation** (a Markdown code block's 4 spaces, a quoted tab);
 * - a repeated **prefix** no CI rule knows: a clock (`21:51:15  ` — Jenkins Timestamper's console
 *   view — `[10:14:50] `, `2017/12/05 10:14:50 `) or a chat name (`<alice> `);
 * - a **blank line after every line** (a web view copied line by line, Travis's log page);
 * - a **first line that lost its `#`** (`6 3.130 dpkg: error …` above `#6 3.130 …`: the copy
 *   started one character late).
 *
 * An indentation is taken off unless every line it frames could be an entry of apt's indented
 * package lists (a log that starts inside a long list keeps it); a prefix must be on the first line
 * and on most lines of the window. A compose gutter (`web_1  | `) is no margin: it names the line's
 * service, whose lines get a stream context of their own, and only some lines carry it — the
 * docker layer reads it on lines nothing else took ({@link readGutter}). Each test is a character
 * scan: no regex.
 * @module
 */

import { stripAnsi } from './ansi.ts'
import { isDigit, isNameChar, SPACE, TAB } from './chars.ts'
import { readCiPrefix } from './ci-prefix.ts'

/** A repeated prefix shape and the width of the gap after it that belongs to the prefix. */
export interface PrefixShape {
  /** `clock`: a time of day (and maybe a date); `chat`: `<name>`. */
  readonly kind: 'clock' | 'chat'
  /** Spaces (or tabs) after the token that the prefix owns; more belong to the line. */
  readonly gap: number
}

/** The framing of a pasted log. */
export interface Margin {
  /** Whitespace every line starts with (`''` when none). */
  readonly indent: string
  /** A prefix on most lines, taken off before the CI prefix is read (it is outside it). */
  readonly prefix: PrefixShape | undefined
  /** Every line is followed by a blank line that is not the log's. */
  readonly interleaved: boolean
}

/** No framing: the common case, compared by identity on every line. */
export const NO_MARGIN: Margin = Object.freeze({ indent: '', prefix: undefined, interleaved: false })

/** What a prefix shape found at the start of one line. */
export interface PrefixHit {
  /** Index where the line's own text starts. */
  readonly end: number
  /** The clock as printed (kept as the line's timestamp). */
  readonly ts?: string
}

/** A compose gutter at the start of a line. */
export interface GutterHit {
  /** Index where the container's own text starts (after `| `). */
  readonly end: number
  /** The service name (`web_1`, `web-1`); `''` for a bare `  | `. */
  readonly channel: string
}

/** Longest token a prefix shape accepts. */
const MAX_TOKEN = 64

function isGap(c: number): boolean {
  return c === SPACE || c === TAB
}

/** Index past the gap at `at`, at most `max` characters long. */
function skipGap(s: string, at: number, max: number): number {
  let i = at
  while (i < s.length && i - at < max && isGap(s.charCodeAt(i))) i++
  return i
}

function isClockChar(c: number): boolean {
  // digits : . , - / T Z +
  return isDigit(c) || c === 0x3a || c === 0x2e || c === 0x2c || c === 0x2d || c === 0x2f || c === 0x54 || c === 0x5a || c === 0x2b
}

/** True when `s[from, to)` holds `dd:dd:dd`. */
function hasTimeOfDay(s: string, from: number, to: number): boolean {
  for (let i = from; i + 8 <= to; i++) {
    if (
      isDigit(s.charCodeAt(i)) &&
      isDigit(s.charCodeAt(i + 1)) &&
      s.charCodeAt(i + 2) === 0x3a &&
      isDigit(s.charCodeAt(i + 3)) &&
      isDigit(s.charCodeAt(i + 4)) &&
      s.charCodeAt(i + 5) === 0x3a &&
      isDigit(s.charCodeAt(i + 6)) &&
      isDigit(s.charCodeAt(i + 7))
    ) {
      return true
    }
  }
  return false
}

function clockTokenEnd(s: string, at: number): number {
  let i = at
  while (i < s.length && i - at < MAX_TOKEN && isClockChar(s.charCodeAt(i))) i++
  return i
}

/**
 * `21:51:15`, `10:14:50.123`, `2017/12/05 10:14:50`, optionally in `[…]` or `(…)`, then a gap or
 * the end of the line. The token must hold a time of day `dd:dd:dd` and start with a digit.
 */
function clockToken(s: string): { readonly end: number; readonly ts: string } | undefined {
  const open = s.charCodeAt(0)
  const bracket = open === 0x5b || open === 0x28 ? 1 : 0
  if (!isDigit(s.charCodeAt(bracket))) return undefined
  let end = clockTokenEnd(s, bracket)
  // A date, one space, a time: `2017/12/05 10:14:50`.
  if (end < s.length && s.charCodeAt(end) === SPACE && !hasTimeOfDay(s, bracket, end) && isDigit(s.charCodeAt(end + 1))) {
    const timeEnd = clockTokenEnd(s, end + 1)
    if (hasTimeOfDay(s, end + 1, timeEnd)) end = timeEnd
  }
  if (!hasTimeOfDay(s, bracket, end)) return undefined
  const ts = s.slice(bracket, end)
  if (bracket === 1) {
    const close = s.charCodeAt(end)
    if (close !== (open === 0x5b ? 0x5d : 0x29)) return undefined
    end++
  }
  return { end, ts }
}

/** `<name>`: no space or `>` inside. */
function chatToken(s: string): number {
  if (s.charCodeAt(0) !== 0x3c) return -1
  let i = 1
  while (i < s.length && i <= MAX_TOKEN) {
    const c = s.charCodeAt(i)
    if (c === 0x3e) return i === 1 ? -1 : i + 1
    if (isGap(c) || c === 0x3c) return -1
    i++
  }
  return -1
}

/** The token of one shape at the start of `s` (before its gap), or undefined. */
function tokenOf(kind: PrefixShape['kind'], s: string): { readonly end: number; readonly ts?: string } | undefined {
  if (kind === 'clock') return clockToken(s)
  const end = chatToken(s)
  return end === -1 ? undefined : { end }
}

/** Length of the gap after a token, or -1 when the token is glued to text. */
function gapAfter(s: string, end: number): number {
  if (end === s.length) return 0
  if (!isGap(s.charCodeAt(end))) return -1
  return skipGap(s, end, MAX_TOKEN) - end
}

/**
 * Read the prefix of one line (the indentation already off, the CI prefix still on). Undefined
 * when the line does not carry it: such a line is read as it is.
 */
export function readPrefix(shape: PrefixShape, text: string): PrefixHit | undefined {
  const token = tokenOf(shape.kind, text)
  if (token === undefined) return undefined
  const gap = gapAfter(text, token.end)
  if (gap === -1) return undefined
  const end = token.end + Math.min(gap, shape.gap)
  return token.ts === undefined ? { end } : { end, ts: token.ts }
}

/**
 * A compose gutter: `web_1  | text` (`docker-compose up`), `web-1  | text` (compose v2), `  | text`
 * (no name): a name of letters, digits, `_-.` (not digits only: `123 | >>> RUN …` is a Dockerfile
 * excerpt), spaces, `|`, then a space (which belongs to the gutter) or the end of the line.
 * Undefined when the line has none.
 */
export function readGutter(text: string): GutterHit | undefined {
  let i = 0
  let letters = false
  while (i < text.length && i < MAX_TOKEN && isNameChar(text.charCodeAt(i))) {
    if (!isDigit(text.charCodeAt(i))) letters = true
    i++
  }
  if (i > 0 && !letters) return undefined
  const nameEnd = i
  while (i < text.length && text.charCodeAt(i) === SPACE) i++
  if (i === nameEnd || text.charCodeAt(i) !== 0x7c) return undefined
  const after = i + 1
  if (after === text.length) return { end: after, channel: text.slice(0, nameEnd) }
  return text.charCodeAt(after) === SPACE ? { end: after + 1, channel: text.slice(0, nameEnd) } : undefined
}

/** Blank once ANSI is removed: spaces, tabs, CRs (the common line is rejected at its first character). */
export function isBlankLine(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c === 0x1b) return stripAnsi(raw).trim().length === 0
    if (c !== SPACE && c !== TAB && c !== 0x0d) return false
  }
  return true
}

/** The leading gap of a line. */
function leadingGap(line: string): string {
  let i = 0
  while (i < line.length && isGap(line.charCodeAt(i))) i++
  return line.slice(0, i)
}

function commonPrefix(a: string, b: string): string {
  let i = 0
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return a.slice(0, i)
}

/**
 * The text a prefix shape reads: ANSI removed, the CI prefix kept — a paste's prefix is outside
 * whatever the log already had (`21:51:15  2017-12-12 10:04:05 Step 5/12 …`). A line that starts
 * with a CI timestamp carries none: the clock is the CI layer's.
 */
function prefixText(line: string): string | undefined {
  return readCiPrefix(line)?.ts === undefined ? stripAnsi(line) : undefined
}

function detectIndent(lines: readonly string[]): string {
  let indent: string | undefined
  for (const line of lines) {
    const gap = leadingGap(line)
    indent = indent === undefined ? gap : commonPrefix(indent, gap)
    if (indent.length === 0) return ''
  }
  if (indent === undefined) return ''
  const shown = indent.length
  // Only a window of list entries keeps its indentation as its own: apt's package lists are indented.
  return lines.some((line) => !isListEntry(stripAnsi(line.slice(shown)))) ? indent : ''
}

function isPackageChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x3a
}

/**
 * A line an apt list could hold once its margin is off: more indentation, or package names
 * (`libc6:amd64`, `openssh-client`) separated by spaces, `-V`'s versions in parentheses included.
 */
function isListEntry(text: string): boolean {
  if (isGap(text.charCodeAt(0))) return true
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x28) depth++
    else if (c === 0x29) depth--
    else if (depth === 0 && c !== SPACE && !isPackageChar(c)) return false
  }
  return true
}

/** Share of the sample's lines a clock or chat prefix must be on. */
const PREFIX_SHARE = 0.6

function detectPrefix(texts: readonly string[]): PrefixShape | undefined {
  const first = texts[0]
  if (first === undefined) return undefined
  for (const kind of ['clock', 'chat'] as const) {
    // A margin frames the whole paste: its first line carries it.
    if (tokenOf(kind, first) === undefined) continue
    let hits = 0
    let gap = Number.MAX_SAFE_INTEGER
    for (const text of texts) {
      const token = tokenOf(kind, text)
      if (token === undefined) continue
      const after = gapAfter(text, token.end)
      if (after === -1) continue
      hits++
      // An empty line behind the prefix has no gap to measure.
      if (token.end + after < text.length) gap = Math.min(gap, after)
    }
    if (gap === Number.MAX_SAFE_INTEGER) continue
    if (hits >= Math.ceil(texts.length * PREFIX_SHARE)) return { kind, gap: kind === 'clock' ? gap : Math.min(gap, 1) }
  }
  return undefined
}

/**
 * Read the indentation and prefix of a log from its first lines (raw: CI prefixes and ANSI still
 * inside). The prefix must be on the first line of text: a margin frames the whole paste. Pure:
 * the same lines give the same margin, however the input was chunked.
 */
export function detectMargin(lines: readonly string[]): Margin {
  const content = lines.filter((line) => !isBlankLine(line))
  if (content.length === 0) return NO_MARGIN
  const indent = detectIndent(content)
  const texts = content.map((line) => prefixText(line.slice(indent.length)) ?? '')
  const prefix = detectPrefix(texts)
  if (indent === '' && prefix === undefined) return NO_MARGIN
  return { indent, prefix, interleaved: false }
}

/** True when a log's first line of text may carry a margin: a leading gap, a prefix token, a lost `#`. */
export function mayCarryMargin(firstText: string): boolean {
  if (isGap(firstText.charCodeAt(0))) return true
  const text = prefixText(firstText)
  if (text === undefined) return false
  for (const kind of ['clock', 'chat'] as const) {
    const token = tokenOf(kind, text)
    if (token !== undefined && gapAfter(text, token.end) !== -1) return true
  }
  return lostHashShape(firstText)
}

/** `6 3.130 …`, `6 ERROR: …`, `6 DONE 1.2s`, `6 [2/5] RUN …`: a BuildKit line without its `#`. */
function lostHashShape(text: string): boolean {
  let i = 0
  while (i < text.length && i < 10 && isDigit(text.charCodeAt(i))) i++
  if (i === 0 || text.charCodeAt(i) !== SPACE) return false
  const rest = i + 1
  if (text.startsWith('ERROR', rest) || text.startsWith('DONE', rest) || text.startsWith('CACHED', rest) || text.charCodeAt(rest) === 0x5b) return true
  // seconds since the vertex started: `3.130`
  let j = rest
  while (j < text.length && isDigit(text.charCodeAt(j))) j++
  return j > rest && text.charCodeAt(j) === 0x2e && isDigit(text.charCodeAt(j + 1))
}

/**
 * The first line with its lost `#` put back: `6 3.130 dpkg: …` when the next content line is
 * `#6 …`. Undefined when there is nothing to repair.
 */
export function repairLostHash(first: string, next: string): string | undefined {
  if (!lostHashShape(first) || next.charCodeAt(0) !== 0x23) return undefined
  const digits = first.indexOf(' ') + 1
  return next.startsWith(first.slice(0, digits), 1) ? '#' + first : undefined
}
