/**
 * apt's message prefixes (FORMATS.md §4.1), read in one place for every grammar: `E: `, `W: `,
 * `N: `, `A: `, `D: ` and apt 3's (Output-Version 30, the `apt` binary) `Error: `, `Warning: `,
 * `Notice: `, `Audit: `.
 *
 * apt itself always prints a blank after the colon: `cerr << "E: "` (apt 0.x, `apt-pkg/contrib/error.cc`),
 * `out << "E:"` then `out << " "` with the colour codes around them (apt 1.x … 3.x, same file). Lines
 * without it come from excerpts people paste (public issue and forum threads quote
 * `E:Unable to locate package python-pip`, `E:Could not get lock /var/lib/dpkg/lock - open (11:
 * Resource temporarily unavailable)`): such a line is read as the same message when the text
 * after the colon opens with a letter or a quotation mark, so a drive path (`E:\build`, `D:/x`)
 * or a number (`W:10`) is not a message.
 * @module
 */

import type { AptMessageLevel } from '../events/apt.ts'

/** A message line split into its level, its prefix as printed (without colon and blank) and its text. */
export interface MessagePrefix {
  /** Level from the prefix. */
  readonly level: AptMessageLevel
  /** The prefix as printed: `E`, `Error`. */
  readonly prefix: string
  /** The text after the prefix, its colon and the blank (when there was one). */
  readonly text: string
}

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

/** The characters a message line can start with (the first-character dispatch of a rule). */
export const MESSAGE_PREFIX_FIRST = 'EWNAD'

// What may follow a colon with no blank: a letter, or an opening quotation mark (`E:'x' …`, `E:»x« …`).
const TEXT_START = /^[\p{L}'"«»„“‘「『]/u

/**
 * The message `text` is (`E: Unable to locate package x`, `E:Unable to locate package x`,
 * `Error: …`), or `undefined`: no prefix, an empty text, or no blank and no text after the colon.
 */
export function readMessagePrefix(text: string): MessagePrefix | undefined {
  for (const { prefix, level } of PREFIXES) {
    const colon = prefix.length
    if (text.length <= colon + 1 || text.charCodeAt(colon) !== 0x3a || !text.startsWith(prefix)) continue
    const spaced = text.charCodeAt(colon + 1) === 0x20
    if (!spaced && !TEXT_START.test(text.slice(colon + 1, colon + 3))) return undefined
    const body = text.slice(colon + (spaced ? 2 : 1))
    if (body.trim().length === 0) return undefined
    return { level, prefix, text: body }
  }
  return undefined
}
