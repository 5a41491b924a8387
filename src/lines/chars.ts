/**
 * Character codes the line layer and the recognisers compare against. Module constants, not an
 * enum, so the sources stay erasable TypeScript.
 * @module
 */

/** Line feed, `\n`. */
export const LF = 0x0a
/** Carriage return, `\r`. */
export const CR = 0x0d
/** Escape, starts ANSI sequences. */
export const ESC = 0x1b
/** Bell, ends an OSC sequence (xterm style). */
export const BEL = 0x07
/** The C1 control CSI (8-bit form of `ESC [`). */
export const C1_CSI = 0x9b
/** The C1 control OSC (8-bit form of `ESC ]`). */
export const C1_OSC = 0x9d
/** The C1 control ST (8-bit string terminator). */
export const C1_ST = 0x9c
/** Space. */
export const SPACE = 0x20
/** Tab. */
export const TAB = 0x09
/** `#`. */
export const HASH = 0x23
/** `[`. */
export const LBRACKET = 0x5b
/** `]`. */
export const RBRACKET = 0x5d
/** `\`. */
export const BACKSLASH = 0x5c
/** `0`. */
export const DIGIT_0 = 0x30
/** `9`. */
export const DIGIT_9 = 0x39
/** Byte order mark as a UTF-16 code unit. */
export const BOM = 0xfeff

/** True for `0`–`9`. */
export function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9
}

/** True for an empty line or one of spaces and tabs only. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== TAB) return false
  }
  return true
}

/** True when `text` has `count` ASCII digits starting at `from`. */
export function digitsAt(text: string, from: number, count: number): boolean {
  if (from + count > text.length) return false
  for (let i = from; i < from + count; i++) {
    if (!isDigit(text.charCodeAt(i))) return false
  }
  return true
}

/** A character of a Docker Compose service or container name: letters, digits, `_`, `-`, `.`. */
export function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || isDigit(code) || code === 0x5f || code === 0x2d || code === 0x2e
}
