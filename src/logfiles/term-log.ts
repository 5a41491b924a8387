/**
 * term.log framing (FORMATS.md §6.3): apt writes `Log started: YYYY-MM-DD  HH:MM:SS` before and
 * `Log ended: …` after the dpkg output it copies from its pty. Only the exact shape, date included,
 * is term.log's.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { twoSpaceDateAt } from './dates.ts'
import type { TermLogLine } from './hits.ts'

const STARTED = 'Log started: '
const ENDED = 'Log ended: '

/** `Log started: 2026-11-27  23:28:36`. */
export const TERM_LOG_START_RULE: Rule<TermLogLine> = {
  id: 'apt.term-log.start',
  first: 'L',
  match(text: string): TermLogLine | undefined {
    if (!text.startsWith(STARTED)) return undefined
    const date = twoSpaceDateAt(text, STARTED.length)
    return date === undefined ? undefined : { kind: 'term-start', date }
  },
}

/** `Log ended: 2026-11-27  23:28:37`. */
export const TERM_LOG_END_RULE: Rule<TermLogLine> = {
  id: 'apt.term-log.end',
  first: 'L',
  match(text: string): TermLogLine | undefined {
    if (!text.startsWith(ENDED)) return undefined
    const date = twoSpaceDateAt(text, ENDED.length)
    return date === undefined ? undefined : { kind: 'term-end', date }
  },
}
