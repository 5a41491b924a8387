/**
 * Does an unrecognised line look like dpkg output in a version or locale the rules do not know?
 * Such lines count in `unrecognizedAptLike` (FORMATS.md §1.4: dpkg translates its progress lines,
 * `Entpacken von demo-big (1.0) über (1.0) ...`, `(Lese Datenbank ... 5%`). Only asked about lines
 * no grammar recognised; it never turns a line into an event.
 * @module
 */

/** A `(version)` group: ` (` + a digit + no blank + `)`. */
function hasVersionGroup(text: string): boolean {
  let at = text.indexOf(' (')
  while (at !== -1) {
    const c = text.charCodeAt(at + 2)
    if (c >= 0x30 && c <= 0x39) {
      let i = at + 3
      while (i < text.length && text.charCodeAt(i) !== 0x29 && text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x28) i++
      if (text.charCodeAt(i) === 0x29) return true
    }
    at = text.indexOf(' (', at + 2)
  }
  return false
}

/**
 * True for a line shaped like a dpkg line: database progress, or a line ending in `...` that names
 * a `(version)` or a `.deb` (translations, and dpkg ≤ 1.16's `Preparing to replace x 1.0 (using
 * .../x_2.0_all.deb) ...`).
 */
export function looksLikeDpkg(text: string): boolean {
  const line = text.trimEnd()
  if (line.length < 5) return false
  // `(Reading database ...` in any language: an opening parenthesis and dpkg's ` ...`.
  if (line.charCodeAt(0) === 0x28 && line.includes(' ...')) return true
  if (!line.endsWith('...')) return false
  return line.includes('.deb') || hasVersionGroup(line)
}
