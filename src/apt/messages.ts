/**
 * apt's messages (FORMATS.md §4.1): `E: `, `W: `, `N: `, `A: `, `D: ` and apt 3's (Output-Version
 * 30, the `apt` binary only) `Error: `, `Warning: `, `Notice: `, `Audit: `. Since apt 1.3 every line
 * after the first is indented by three spaces; a message ends at the first line that is not.
 * @module
 */

import type { AptMessageLevel } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import type { MessageLine } from './line-kinds.ts'

const PREFIXES: readonly { readonly prefix: string; readonly level: AptMessageLevel }[] = [
  { prefix: 'E', level: 'error' },
  { prefix: 'W', level: 'warning' },
  { prefix: 'N', level: 'notice' },
  { prefix: 'A', level: 'audit' },
  { prefix: 'D', level: 'debug' },
  { prefix: 'Error', level: 'error' },
  { prefix: 'Warning', level: 'warning' },
  { prefix: 'Notice', level: 'notice' },
  { prefix: 'Audit', level: 'audit' },
]

/** The first line of a message: `E: Unable to locate package nonexistent-pkg-xyz`. */
export const messageRule: Rule<MessageLine> = {
  id: 'apt.message',
  first: 'EWNAD',
  match(text: string): MessageLine | undefined {
    for (const { prefix, level } of PREFIXES) {
      if (text.length > prefix.length + 2 && text.startsWith(prefix) && text.charCodeAt(prefix.length) === 0x3a && text.charCodeAt(prefix.length + 1) === 0x20) {
        const body = text.slice(prefix.length + 2)
        if (body.trim().length === 0) return undefined
        return { kind: 'message', level, prefix, text: body }
      }
    }
    return undefined
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
