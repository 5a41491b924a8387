/**
 * `(Reading database ... 6096 files and directories currently installed.)` (FORMATS.md §5.3).
 * Under apt's pty the line is a chain of CR frames (`(Reading database ... 5%\r…`) that the stream
 * context has already reduced to its last frame; a last frame that is still a percentage (or the
 * bare `(Reading database ... `) means the log was cut mid-read, and is known noise.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DatabaseFrameLine, DatabaseLine } from './hits.ts'

/** The hit of every frame line (a hit carries nothing else, so one object serves all). */
const DATABASE_FRAME: DatabaseFrameLine = { kind: 'database-frame' }

/**
 * The final frame: `(Reading database ... `, 1 to 12 digits, and the plural or singular tail. One
 * anchored, linear regex: V8's `startsWith`/`endsWith` cost a few ns per character they compare
 * (Node 20), and this line has 40 fixed ones around its count.
 */
const FINAL = /^\(Reading database \.\.\. (\d{1,12}) (?:files and directories|file or directory) currently installed\.\)$/

/** The final frame, plural and singular (`1 file or directory currently installed.)`). */
export const DATABASE_RULE: Rule<DatabaseLine> = {
  id: 'dpkg.database',
  first: '(',
  match(text: string): DatabaseLine | undefined {
    // Testing the last character first rejects the percentage frames (a quarter of the lines of a
    // GitHub Actions log, which splits apt's CR frames into lines) without running the regex.
    if (text.charCodeAt(text.length - 1) !== 0x29 /* ) */) return undefined
    const m = FINAL.exec(text)
    return m === null ? undefined : { kind: 'database', files: Number(m[1]) }
  },
}

/**
 * `(Reading database ...`, maybe ` 45%` (one to three digits), then only blanks. One anchored,
 * linear regex: V8's `startsWith` costs ~3 ns per character it matches (Node 20), so comparing
 * the 22-character head was ~60 ns of a line that only has to be ignored; the regex takes ~20 ns.
 */
const FRAME = /^\(Reading database \.\.\.(?: \d{1,3}%)?\s*$/

/** A progress frame that was never replaced: `(Reading database ... 45%` or `(Reading database ...`. */
export const DATABASE_FRAME_RULE: Rule<DatabaseFrameLine> = {
  id: 'dpkg.database.frame',
  first: '(',
  match: (text: string): DatabaseFrameLine | undefined => (FRAME.test(text) ? DATABASE_FRAME : undefined),
}
