/**
 * Bare carriage returns inside a line are terminal redraws: dpkg's
 * `(Reading database ... 5%\r(Reading database ... 10%\r…` under apt's pty, apt's tty progress.
 * What a reader saw is the last frame. This is a primitive, not a splitter step, because a BuildKit
 * line `#5 3.470 (Reading database ... \r(Reading…` must lose its `#5 3.470 ` prefix before its
 * frames are resolved (FORMATS.md §7.3); the docker grammar applies it to the payload.
 * @module
 */

/** True when `text` has a non-whitespace character in `[from, to)`. */
function hasInk(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09) return true
  }
  return false
}

/**
 * The last frame of a line that holds bare CRs: the text after the last CR that has something
 * other than blanks (apt clears its progress line with CR + spaces + CR). Returns the line itself
 * when it has no CR, and `''` when every frame is blank.
 */
export function lastFrame(text: string): string {
  // `indexOf` first: most lines have no CR, and V8's `indexOf` is a fast builtin where
  // `lastIndexOf` is a C++ call that costs ~50 ns on a line without the character.
  if (text.indexOf('\r') === -1) return text
  let end = text.length
  let cr = text.lastIndexOf('\r')
  while (cr !== -1) {
    if (hasInk(text, cr + 1, end)) return text.slice(cr + 1, end)
    end = cr
    cr = end > 0 ? text.lastIndexOf('\r', end - 1) : -1
  }
  return hasInk(text, 0, end) ? text.slice(0, end) : ''
}

/** Number of CR-separated frames in a line (1 when it has no CR). */
export function frameCount(text: string): number {
  let count = 1
  let cr = text.indexOf('\r')
  while (cr !== -1) {
    count++
    cr = text.indexOf('\r', cr + 1)
  }
  return count
}
