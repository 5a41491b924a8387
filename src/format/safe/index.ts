/**
 * Escaping log-derived text for each output target, at print time.
 *
 * STUB (branch `fleet`): the full sanitisers are written on another branch and replace this file
 * at merge; the names and signatures here are theirs. The stub is conservative: it never lets a
 * control character, a line break or markup through unchanged.
 * @module
 */

/** `\x1b` → `\x1b` written out, and the same for every C0/C1 control, DEL and U+2028/2029 (not tab). */
function visibleControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    const code = c.charCodeAt(0)
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`
  })
}

/** Text for a terminal or a plain file: control characters become visible escapes. */
export function forText(s: string): string {
  return visibleControls(s)
}

/** Inline Markdown: controls made visible, Markdown and HTML punctuation backslash-escaped. */
export function forMarkdown(s: string): string {
  return visibleControls(s).replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`)
}

/** The message part of a GitHub workflow command (`::error …::DATA`). */
export function forGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A property value of a GitHub workflow command (`file=…,title=…`). */
export function forGithubProperty(s: string): string {
  return forGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** JSON text of `value`, with U+2028, U+2029, U+0085 and the C1 controls escaped (safe in JS and to eyes). */
export function forJson(value: unknown): string {
  const text = JSON.stringify(value)
  if (text === undefined) return 'null'
  return text.replace(/[\u0080-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** XML text or attribute content: markup escaped, characters XML 1.0 forbids made visible. */
export function forXml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
