/**
 * JSON that is safe to print and to embed: `JSON.stringify` already escapes C0 controls, `"` and
 * `\`; this also escapes DEL, the C1 controls (CSI U+009B reaches a terminal raw otherwise), NEL,
 * U+2028 and U+2029 (line breaks to JavaScript before ES2019 and to some readers) and the bidi
 * overrides as `\uXXXX`, and breaks up `##[` (the legacy GitHub Actions command prefix) as
 * `#\u0023[`. The result parses to the same value.
 * @module
 */

import { isUnsafeTextUnit } from './text.ts'

/**
 * `value` as JSON (`indent` as in `JSON.stringify`), with every character a terminal or a CI log
 * reader could act on escaped. `undefined` (which `JSON.stringify` gives no text for) is `null`.
 */
export function forJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent) as string | undefined
  if (json === undefined) return 'null'
  let out = ''
  let from = 0
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i)
    // Outside strings JSON has only ASCII punctuation, digits, letters and white space: each match is inside a string.
    if (c >= 0x7f && isUnsafeTextUnit(c)) {
      out += `${json.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`
      from = i + 1
    } else if (c === 0x23 && json.charCodeAt(i + 1) === 0x23 && json.charCodeAt(i + 2) === 0x5b) {
      out += `${json.slice(from, i)}#\\u0023`
      i++
      from = i + 1
    }
  }
  return from === 0 ? json : out + json.slice(from)
}
