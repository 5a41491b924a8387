/**
 * The two timestamp shapes of apt's and dpkg's own log files: dpkg.log's `YYYY-MM-DD HH:MM:SS `
 * line prefix (one space, `strftime("%Y-%m-%d %H:%M:%S")`, FORMATS.md §6.1) and the
 * `YYYY-MM-DD  HH:MM:SS` of history.log and term.log (two spaces, `"%F  %T"`, §6.2, §6.3).
 * Character tests only, no regex.
 * @module
 */

import { digitsAt } from '../lines/chars.ts'

const DASH = 0x2d
const COLON = 0x3a
const SPACE = 0x20

/** Length of `YYYY-MM-DD HH:MM:SS`. */
export const STAMP_LENGTH = 19

/** `YYYY-MM-DD` at `at`. */
function dateAt(s: string, at: number): boolean {
  return digitsAt(s, at, 4) && s.charCodeAt(at + 4) === DASH && digitsAt(s, at + 5, 2) && s.charCodeAt(at + 7) === DASH && digitsAt(s, at + 8, 2)
}

/** `HH:MM:SS` at `at`. */
function timeAt(s: string, at: number): boolean {
  return digitsAt(s, at, 2) && s.charCodeAt(at + 2) === COLON && digitsAt(s, at + 3, 2) && s.charCodeAt(at + 5) === COLON && digitsAt(s, at + 6, 2)
}

/** True when `s` starts with dpkg.log's `YYYY-MM-DD HH:MM:SS` (one space). */
export function startsWithStamp(s: string): boolean {
  return dateAt(s, 0) && s.charCodeAt(10) === SPACE && timeAt(s, 11)
}

/** True when `ts` is exactly a dpkg.log stamp: what the line layer passes on as a plain CI timestamp. */
export function isStamp(ts: string): boolean {
  return ts.length === STAMP_LENGTH && startsWithStamp(ts)
}

/**
 * The history.log / term.log date that makes up the whole rest of `s` from `at`
 * (`2026-11-27  23:26:53`, two spaces), normalised to one space; undefined for any other shape.
 */
export function twoSpaceDateAt(s: string, at: number): string | undefined {
  if (s.length !== at + STAMP_LENGTH + 1) return undefined
  if (!dateAt(s, at) || s.charCodeAt(at + 10) !== SPACE || s.charCodeAt(at + 11) !== SPACE || !timeAt(s, at + 12)) return undefined
  return `${s.slice(at, at + 10)} ${s.slice(at + 12)}`
}
