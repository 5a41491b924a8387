/**
 * apt's messages (FORMATS.md §4.1): `E: `, `W: `, `N: `, `A: `, `D: ` and apt 3's (Output-Version
 * 30, the `apt` binary only) `Error: `, `Warning: `, `Notice: `, `Audit: `. Since apt 1.3 every line
 * after the first is indented by three spaces; a message ends at the first line that is not.
 * The prefixes are read in grammar/message-prefix.ts, for every grammar alike.
 * @module
 */

import { MESSAGE_PREFIX_FIRST, readMessagePrefix } from '../grammar/message-prefix.ts'
import type { Rule } from '../grammar/rules.ts'
import type { MessageLine } from './line-kinds.ts'

/**
 * The first line of a message: `E: Unable to locate package nonexistent-pkg-xyz`, or pasted
 * without the blank, `E:Unable to locate package …` (grammar/message-prefix.ts reads both).
 */
export const messageRule: Rule<MessageLine> = {
  id: 'apt.message',
  first: MESSAGE_PREFIX_FIRST,
  match(text: string): MessageLine | undefined {
    const m = readMessagePrefix(text)
    return m === undefined ? undefined : { kind: 'message', level: m.level, prefix: m.prefix, text: m.text }
  },
}

/**
 * A continuation line of a message: three spaces, then text (apt ≥ 1.3). Returns the line without
 * those three spaces, so deeper indentation (` - SHA256:…`, the solver's `   but none of the choices…`) stays.
 */
export const messageContinuationRule: Rule<string> = {
  id: 'apt.message.continuation',
  first: ' ',
  match(text: string): string | undefined {
    if (!text.startsWith('   ') || text.trim().length === 0) return undefined
    return text.slice(3)
  },
}

/** Most continuation lines one message keeps (a hash mismatch has about ten; the solver a few dozen). */
export const MAX_MESSAGE_LINES = 500
