/**
 * `(Reading database ... 6096 files and directories currently installed.)` (FORMATS.md §5.3).
 * Under apt's pty the line is a chain of CR frames (`(Reading database ... 5%\r…`) that the stream
 * context has already reduced to its last frame; a last frame that is still a percentage (or the
 * bare `(Reading database ... `) means the log was cut mid-read, and is known noise.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DatabaseFrameHit, DatabaseHit } from './hits.ts'

const HEAD = '(Reading database ... '
/** The hit of every frame line (a hit carries nothing else, so one object serves all). */
const DATABASE_FRAME: DatabaseFrameHit = { kind: 'database-frame' }

/** Digits only, 1 to 12 of them. */
function isCount(text: string): boolean {
  if (text.length === 0 || text.length > 12) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** The final frame, plural and singular (`1 file or directory currently installed.)`). */
export const DATABASE_RULE: Rule<DatabaseHit> = {
  id: 'dpkg.database',
  first: '(',
  match(text: string): DatabaseHit | undefined {
    // Both tails end alike; testing the tail first rejects the percentage frames (a quarter of the
    // lines of a GitHub Actions log, which splits apt's CR frames into lines) at their last character.
    if (!text.endsWith(' currently installed.)') || !text.startsWith(HEAD)) return undefined
    const rest = text.slice(HEAD.length)
    const space = rest.indexOf(' ')
    if (space === -1) return undefined
    const count = rest.slice(0, space)
    const tail = rest.slice(space + 1)
    if (!isCount(count)) return undefined
    if (tail !== 'files and directories currently installed.)' && tail !== 'file or directory currently installed.)') return undefined
    return { kind: 'database', files: Number(count) }
  },
}

/**
 * `(Reading database ...`, maybe ` 45%` (one to three digits), then only blanks. One anchored,
 * linear regex: V8's `startsWith` costs ~3 ns per character it matches (Node 20), so comparing
 * the 22-character head was ~60 ns of a line that only has to be ignored; the regex takes ~20 ns.
 */
const FRAME = /^\(Reading database \.\.\.(?: \d{1,3}%)?\s*$/

/** A progress frame that was never replaced: `(Reading database ... 45%` or `(Reading database ...`. */
export const DATABASE_FRAME_RULE: Rule<DatabaseFrameHit> = {
  id: 'dpkg.database.frame',
  first: '(',
  match: (text: string): DatabaseFrameHit | undefined => (FRAME.test(text) ? DATABASE_FRAME : undefined),
}
