/**
 * XML 1.0 text and attribute values (JUnit, SARIF-as-XML readers): markup characters as entities,
 * characters XML 1.0 cannot hold (C0 controls but TAB, LF, CR; lone surrogates; U+FFFE, U+FFFF)
 * as U+FFFD, and LF, CR, DEL, C1 controls, U+2028/U+2029 and the bidi overrides as character
 * references: the value reads the same to a parser, but no input starts a line of the file or
 * reaches a terminal raw when it is printed. `##[` becomes `#&#35;[` (the legacy GitHub Actions
 * command prefix).
 * @module
 */

import { isUnsafeTextUnit } from './text.ts'

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
])

/** True for a code point XML 1.0 has no character for. */
function notXmlChar(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff
}

/** Untrusted text as XML 1.0 character data or an attribute value (either quote). */
export function forXml(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    const c = s.codePointAt(i) as number
    if (c > 0xffff) {
      out += s.slice(i, i + 2)
      i++
    } else if (notXmlChar(c)) out += '\ufffd'
    else if (isUnsafeTextUnit(c)) out += `&#${c};`
    else if (ch === '#' && s[i + 1] === '#' && s[i + 2] === '[') {
      out += '#&#35;'
      i++
    } else out += ENTITIES.get(ch) ?? ch
  }
  return out
}
