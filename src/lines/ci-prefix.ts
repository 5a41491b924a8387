/**
 * CI log wrappers, recognised per line so that mixed logs work (FORMATS.md §8): timestamp
 * prefixes (GitHub Actions `2024-01-01T00:00:00.0000000Z `, GitLab `…123456Z 00O `, Jenkins
 * `[2024-01-01T12:34:56.789Z] `, a plain `YYYY-MM-DD HH:MM:SS `) and markers (GitHub `##[group]`,
 * `##[endgroup]`, `##[error]` …, workflow commands `::group::` …, GitLab
 * `section_start:TS:name\r\e[0K`). Each check starts with a first-character test; the only regex is
 * the anchored date-and-time pattern.
 * @module
 */

import { ESC, HASH, isDigit, LBRACKET, RBRACKET, SPACE } from './chars.ts'
import { stripAnsi } from './ansi.ts'

/** Which wrapper put the timestamp there. */
export type CiTimestampStyle = 'iso' | 'gitlab' | 'jenkins' | 'plain'

/** Level of a CI annotation line (`##[error]`, `::warning::` …). */
export type CiAnnotationLevel = 'error' | 'warning' | 'notice' | 'debug' | 'command' | 'section'

/** A CI marker found at the start of a line. */
export type CiMarker =
  | { readonly kind: 'group-start'; readonly name: string; readonly title: string; readonly epoch?: number }
  | { readonly kind: 'group-end'; readonly name: string; readonly epoch?: number }
  | { readonly kind: 'annotation'; readonly level: CiAnnotationLevel; readonly message: string }

/** What the CI layer found on one raw line. */
export interface CiLine {
  /** The rest of the line, still raw (ANSI and CRs inside); `''` when a marker took it all. */
  readonly text: string
  /** The timestamp as printed, without brackets. */
  readonly ts: string | undefined
  /** The timestamp's style, when there is one. */
  readonly style: CiTimestampStyle | undefined
  /** Markers on this line (GitLab can put `section_end` and `section_start` on one line). */
  readonly markers: readonly CiMarker[] | undefined
}

/** A reusable {@link CiLine}: {@link readCiPrefixAt} overwrites it, so the common line allocates no result. */
export type CiLineSlot = { -readonly [K in keyof CiLine]: CiLine[K] }

/** An empty slot for {@link readCiPrefixAt}. */
export function createCiLineSlot(): CiLineSlot {
  return { text: '', ts: undefined, style: undefined, markers: undefined }
}

const LETTER_T = 0x54

/**
 * `YYYY-MM-DD`, then `THH:MM:SS[.fraction][Z]` or ` HH:MM:SS[.fraction]`, at `lastIndex` (sticky).
 * One anchored regex without nested or overlapping quantifiers, so linear. Most lines of a CI log
 * start with one; on Node 20 it checks a GitHub timestamp in ~60 ns against ~95 ns for the
 * charCodeAt tests written out (measured on the benchmark log's lines, which are sliced strings:
 * each charCodeAt unwraps the slice again, the regex once).
 */
const DATE_TIME = /\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:\.\d+)?Z?| \d\d:\d\d:\d\d(?:\.\d+)?)/y

/** Index past a date and time that starts at `at`, or -1. */
function dateTimeEnd(s: string, at: number): number {
  DATE_TIME.lastIndex = at
  return DATE_TIME.test(s) ? DATE_TIME.lastIndex : -1
}

/**
 * A timestamp at the start of the line `s[from, to)`: its text and style go into `out`, and the
 * index where the payload starts is returned; -1 (and `out` untouched) when there is none. Only
 * called when the first character fits. (The date-and-time pattern cannot pass `to`: no CR or LF
 * matches it.)
 */
function matchStamp(s: string, from: number, to: number, out: CiLineSlot): number {
  const first = s.charCodeAt(from)
  if (first === LBRACKET) {
    // Jenkins timestamper: [2024-01-01T12:34:56.789Z]␠
    let i = dateTimeEnd(s, from + 1)
    if (i === -1 || i === to || s.charCodeAt(from + 11) !== LETTER_T || s.charCodeAt(i) !== RBRACKET) return -1
    out.ts = s.slice(from + 1, i)
    out.style = 'jenkins'
    i++
    if (i < to && s.charCodeAt(i) === SPACE) i++
    return i
  }
  const tsEnd = dateTimeEnd(s, from)
  if (tsEnd === -1) return -1
  if (tsEnd < to && s.charCodeAt(tsEnd) !== SPACE) return -1
  out.ts = s.slice(from, tsEnd)
  if (s.charCodeAt(from + 10) === LETTER_T) {
    const i = tsEnd + 1
    // GitLab FF_TIMESTAMPS: two hex digits of stream number, O|E, then ' ' (new line) or '+' (continued).
    // (Reads stay inside the string: one out-of-bounds charCodeAt, on an empty timestamped line, makes
    // V8 reoptimise every charCodeAt of the inlined CI layer into a builtin call.)
    if (i + 3 < to && isHex(s.charCodeAt(i)) && isHex(s.charCodeAt(i + 1))) {
      const stream = s.charCodeAt(i + 2)
      const cont = s.charCodeAt(i + 3)
      if ((stream === 0x4f || stream === 0x45) && (cont === SPACE || cont === 0x2b)) {
        out.style = 'gitlab'
        return i + 4
      }
    }
    out.style = 'iso'
    return Math.min(i, to)
  }
  out.style = 'plain'
  return Math.min(tsEnd + 1, to)
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
}

const GITHUB_TAGS: ReadonlyMap<string, CiAnnotationLevel | 'group' | 'endgroup'> = new Map<string, CiAnnotationLevel | 'group' | 'endgroup'>([
  ['group', 'group'],
  ['endgroup', 'endgroup'],
  ['error', 'error'],
  ['warning', 'warning'],
  ['notice', 'notice'],
  ['debug', 'debug'],
  ['command', 'command'],
  ['section', 'section'],
])

/** `##[tag]rest` (runner log form) or `::tag params::rest` (workflow command form). */
function matchGithubMarker(s: string): CiMarker | undefined {
  let tag: string
  let rest: string
  if (s.charCodeAt(0) === HASH) {
    if (s.charCodeAt(1) !== HASH || s.charCodeAt(2) !== LBRACKET) return undefined
    const close = s.indexOf(']', 3)
    if (close === -1 || close > 13) return undefined
    tag = s.slice(3, close)
    rest = s.slice(close + 1)
  } else {
    if (s.charCodeAt(1) !== 0x3a) return undefined
    const close = s.indexOf('::', 2)
    if (close === -1) return undefined
    const head = s.slice(2, close)
    const space = head.indexOf(' ')
    tag = space === -1 ? head : head.slice(0, space)
    if (tag.length > 12) return undefined
    rest = s.slice(close + 2)
  }
  const what = GITHUB_TAGS.get(tag)
  if (what === undefined) return undefined
  if (what === 'group') return { kind: 'group-start', name: stripAnsi(rest), title: stripAnsi(rest) }
  if (what === 'endgroup') return { kind: 'group-end', name: '' }
  return { kind: 'annotation', level: what, message: stripAnsi(rest) }
}

const SECTION_START = 'section_start:'
const SECTION_END = 'section_end:'
const CLEAR_LINE = '\x1b[0K'

/** GitLab `section_start:TS:name[opts]\r\e[0Kheader` / `section_end:TS:name\r\e[0K`. */
function matchGitlabSection(s: string, out: CiMarker[]): string | undefined {
  let text = s
  let matched = false
  for (;;) {
    if (text.startsWith(CLEAR_LINE)) text = text.slice(CLEAR_LINE.length)
    const start = text.startsWith(SECTION_START)
    if (!start && !text.startsWith(SECTION_END)) break
    let i = start ? SECTION_START.length : SECTION_END.length
    const tsFrom = i
    while (i < text.length && isDigit(text.charCodeAt(i))) i++
    if (i === tsFrom || text.charCodeAt(i) !== 0x3a) break
    // Unix seconds; more than 15 digits is no time GitLab wrote (and would lose precision).
    const epoch = i - tsFrom <= 15 ? Number(text.slice(tsFrom, i)) : undefined
    i++
    const nameFrom = i
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x0d || c === 0x5b || c === ESC) break
      i++
    }
    const name = text.slice(nameFrom, i)
    if (text.charCodeAt(i) === 0x5b) {
      const close = text.indexOf(']', i)
      i = close === -1 ? text.length : close + 1
    }
    if (text.charCodeAt(i) === 0x0d) i++
    if (text.startsWith(CLEAR_LINE, i)) i += CLEAR_LINE.length
    matched = true
    text = text.slice(i)
    if (start) {
      out.push(epoch === undefined ? { kind: 'group-start', name, title: stripAnsi(text).trim() } : { kind: 'group-start', name, title: stripAnsi(text).trim(), epoch })
      return ''
    }
    out.push(epoch === undefined ? { kind: 'group-end', name } : { kind: 'group-end', name, epoch })
  }
  return matched ? text : undefined
}

/** True when a line starting with `c` could carry a CI prefix or marker. */
function mayStartCiPrefix(c: number): boolean {
  return isDigit(c) || c === LBRACKET || c === HASH || c === 0x3a || c === 0x73 /* s */ || c === ESC
}

/** True when a raw line could carry a CI prefix or marker (first-character check). */
export function mayHaveCiPrefix(raw: string): boolean {
  return raw.length > 0 && mayStartCiPrefix(raw.charCodeAt(0))
}

/**
 * Recognise and remove the CI prefix and markers of one raw line. Returns undefined when the line
 * has none (the common case for plain logs), so callers keep the raw text without a copy.
 */
export function readCiPrefix(raw: string): CiLine | undefined {
  const slot = createCiLineSlot()
  return readCiPrefixAt(raw, 0, raw.length, slot) ? slot : undefined
}

/**
 * {@link readCiPrefix} of the line `source[from, to)`, into a slot the caller reuses for every
 * line: true when the line has a CI prefix or marker, and then `out` holds what was found (`text`
 * cut from `source`); false (and `out` stale) when it has none, and nothing was cut.
 */
export function readCiPrefixAt(source: string, from: number, to: number, out: CiLineSlot): boolean {
  if (from === to) return false
  const first = source.charCodeAt(from)
  if (!mayStartCiPrefix(first)) return false
  out.ts = undefined
  out.style = undefined
  out.markers = undefined
  let at = from
  if (isDigit(first) || first === LBRACKET) {
    const end = matchStamp(source, from, to, out)
    if (end !== -1) at = end
  }
  const c = at === to ? 0 : source.charCodeAt(at)
  // `##[` or `::` (a BuildKit `#5 …` line is cut for nothing otherwise).
  if ((c === HASH || c === 0x3a) && at + 1 < to && source.charCodeAt(at + 1) === c) {
    const marker = matchGithubMarker(source.slice(at, to))
    if (marker !== undefined) {
      out.markers = [marker]
      out.text = ''
      return true
    }
  } else if (c === 0x73 || c === ESC) {
    const found: CiMarker[] = []
    const rest = matchGitlabSection(source.slice(at, to), found)
    if (rest !== undefined) {
      out.markers = found
      out.text = rest
      return true
    }
  }
  if (out.ts === undefined) return false
  out.text = source.slice(at, to)
  return true
}
