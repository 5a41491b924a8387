/**
 * ANSI escape removal by a single left-to-right scan (no regex, so no backtracking): CSI
 * (`ESC [ params intermediates final`, e.g. the legacy builder's red `ESC[91m`), OSC and the other
 * string sequences (`ESC ] … BEL|ESC \`, DCS, SOS, PM, APC), two-character escapes (`ESC7`, `ESC8`,
 * `ESC(B`, `ESC=`), and a lone ESC. A string sequence without terminator runs to the end of the
 * line, because a line is all the scan ever sees.
 * @module
 */

import { BACKSLASH, BEL, ESC, LBRACKET } from './chars.ts'

const OSC_INTRO = 0x5d // ]
const DCS_INTRO = 0x50 // P
const SOS_INTRO = 0x58 // X
const PM_INTRO = 0x5e // ^
const APC_INTRO = 0x5f // _

/** True when the line holds at least one ESC, i.e. {@link stripAnsi} would change it. */
export function hasEscape(text: string): boolean {
  return text.indexOf('\x1b') !== -1
}

/** Index just past the escape sequence that starts with ESC at `at`. */
function skipEscape(text: string, at: number): number {
  const n = text.length
  let i = at + 1
  if (i >= n) return n
  const intro = text.charCodeAt(i)
  if (intro === LBRACKET) {
    i++
    // parameter bytes 0x30–0x3F, then intermediate bytes 0x20–0x2F, then one final byte 0x40–0x7E
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c < 0x30 || c > 0x3f) break
      i++
    }
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c < 0x20 || c > 0x2f) break
      i++
    }
    if (i < n) {
      const c = text.charCodeAt(i)
      if (c >= 0x40 && c <= 0x7e) i++
    }
    return i
  }
  if (intro === OSC_INTRO || intro === DCS_INTRO || intro === SOS_INTRO || intro === PM_INTRO || intro === APC_INTRO) {
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === BEL) return i + 1
      if (c === ESC) return i + 1 < n && text.charCodeAt(i + 1) === BACKSLASH ? i + 2 : i + 1
      i++
    }
    return n
  }
  // nF escapes: intermediates 0x20–0x2F then a final 0x30–0x7E (ESC ( B); Fp/Fe/Fs: one final.
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c > 0x2f) break
    i++
  }
  if (i < n) {
    const c = text.charCodeAt(i)
    if (c >= 0x30 && c <= 0x7e) i++
  }
  return i
}

/** `ESC 7` / `ESC [ s`: save the cursor; `ESC 8` / `ESC [ u`: restore it. */
function cursorSaveOrRestore(text: string, at: number, end: number): 'save' | 'restore' | undefined {
  const length = end - at
  const last = text.charCodeAt(end - 1)
  if (length === 2) return last === 0x37 ? 'save' : last === 0x38 ? 'restore' : undefined
  if (length === 3 && text.charCodeAt(at + 1) === LBRACKET) return last === 0x73 ? 'save' : last === 0x75 ? 'restore' : undefined
  return undefined
}

/**
 * Remove every ANSI escape sequence from one line. Returns the same string when there is none.
 * Text drawn between a cursor save and its restore is dropped: it was painted elsewhere on the
 * screen, as apt's `Progress: [ 45%] [####…]` bar on the last row is (`ESC7 ESC[24;0f … ESC8`),
 * and the dpkg line that follows the restore on the same physical line is the line's real text.
 * A save never restored keeps its text.
 */
export function stripAnsi(text: string): string {
  let esc = text.indexOf('\x1b')
  if (esc === -1) return text
  const parts: string[] = []
  let savedAt = -1 // parts.length at the last cursor save
  let from = 0
  while (esc !== -1) {
    if (esc > from) parts.push(text.slice(from, esc))
    from = skipEscape(text, esc)
    const cursor = cursorSaveOrRestore(text, esc, from)
    if (cursor === 'save') savedAt = parts.length
    else if (cursor === 'restore' && savedAt !== -1) {
      parts.length = savedAt
      savedAt = -1
    }
    esc = from < text.length ? text.indexOf('\x1b', from) : -1
  }
  if (from < text.length) parts.push(text.slice(from))
  return parts.join('')
}
