/**
 * Text for a terminal or a CI log: no control character reaches the reader raw. C0 controls
 * (except TAB), DEL, C1 controls, the Unicode line and paragraph separators and the bidi overrides
 * become visible escapes (`\x1b`, `\u009b`, `\r`, `\n`), so a log line cannot clear the screen,
 * write the clipboard (OSC 52), reorder what is shown, or start a new output line.
 * @module
 */

import { guardLineStart } from './github.ts'

/** Hex digits of `code`, lower case, padded to `width`. */
function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0')
}

/** True for a UTF-16 unit {@link forText} shows as an escape. */
export function isUnsafeTextUnit(c: number): boolean {
  if (c < 0x20) return c !== 0x09
  if (c < 0x7f) return false
  if (c <= 0x9f) return true // DEL and C1 (CSI U+009B, OSC U+009D, ST U+009C, NEL U+0085)
  return c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
}

/** The visible escape of an unsafe unit. */
function escapeUnit(c: number): string {
  if (c === 0x0a) return '\\n'
  if (c === 0x0d) return '\\r'
  return c < 0x80 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`
}

/**
 * Text for a terminal or a log: control characters as visible escapes, and `##[` (the legacy
 * GitHub Actions command prefix, honoured anywhere in a line) as `#\x23[`.
 */
export function forText(s: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (isUnsafeTextUnit(c)) {
      out += s.slice(from, i) + escapeUnit(c)
      from = i + 1
    } else if (c === 0x23 && s.charCodeAt(i + 1) === 0x23 && s.charCodeAt(i + 2) === 0x5b) {
      out += `${s.slice(from, i)}#\\x23`
      i++
      from = i + 1
    }
  }
  return from === 0 ? s : out + s.slice(from)
}

/** A text output line that input cannot turn into a workflow command: a leading `::` shows as `\x3a:`. */
export function guardTextLine(line: string): string {
  return guardLineStart(line, '\\x3a')
}
