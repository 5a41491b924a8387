/**
 * GitHub-flavoured Markdown (pull-request comments, job summaries) from untrusted text. The text
 * stays one inline run: no line break (CR/LF shown as `\r`/`\n`), no heading, list, setext
 * underline, thematic break, fence or indented code at its start, no emphasis, link, image,
 * autolink in brackets, HTML, entity, table pipe, strikethrough or math anywhere (a bare URL stays
 * a URL, which GitHub links as itself: apt logs are full of them), and no notification:
 * GitHub links `@user`, `@org/team` and `#123` in the rendered text (a backslash escape is gone by
 * then), so a word joiner (U+2060) goes after such an `@` or `#`.
 * @module
 */

import { forText } from './text.ts'
import { isDigit } from '../../lines/chars.ts'

/** Punctuation escaped with a backslash wherever it stands. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '$'])

/** Punctuation that starts a block (list, setext underline, thematic break) at the start of the text. */
const AT_START = new Set(['-', '+', '='])

/** Invisible, and no word character: GitHub's mention and issue-reference patterns stop at it. */
export const WORD_JOINER = '\u2060'

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
}


/** Length of a leading ordered-list marker's digits (`12` of `12. x`, not of `1.2.3`), or 0. */
function orderedMarkerDigits(s: string): number {
  let i = 0
  while (i < s.length && i < 10 && isDigit(s.charCodeAt(i))) i++
  const after = s[i + 1]
  return i > 0 && (s[i] === '.' || s[i] === ')') && (after === undefined || after === ' ' || after === '\t') ? i : 0
}

/** Untrusted text as inline GitHub Markdown that renders as the text itself. */
export function forMarkdown(s: string): string {
  const text = forText(s).replace(/^[ \t]+/, '')
  const marker = orderedMarkerDigits(text)
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    const next = text.charCodeAt(i + 1)
    if (ALWAYS.has(ch) || (i === 0 && AT_START.has(ch)) || (marker > 0 && i === marker)) out += `\\${ch}`
    else if (ch === ':' && next === 0x3a) out += '\\:' // `::command` at the start of a line
    else out += ch
    if ((ch === '@' && isAlnum(next)) || (ch === '#' && isDigit(next))) out += WORD_JOINER
  }
  return out
}

/**
 * A line inside a fenced code block (evidence): control characters visible, and no run of three
 * backticks, so it cannot close the fence. GitHub links nothing inside code.
 */
export function forMarkdownCode(s: string): string {
  return forText(s).replace(/`{3,}/g, (run) => "'".repeat(run.length))
}
