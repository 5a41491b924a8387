/**
 * Small text helpers shared by the apt rules: indentation, package-name tokens, elisions.
 * @module
 */

/** Number of leading spaces. */
export function indentOf(text: string): number {
  let i = 0
  while (i < text.length && text.charCodeAt(i) === 0x20) i++
  return i
}

/** The text without trailing spaces and tabs (tty output pads lines; `dpkg was interrupted …` ends in a space). */
export function trimEnd(text: string): string {
  let end = text.length
  while (end > 0) {
    const c = text.charCodeAt(end - 1)
    if (c !== 0x20 && c !== 0x09) break
    end--
  }
  return end === text.length ? text : text.slice(0, end)
}

// Debian policy: lower-case letters, digits, `+`, `-`, `.`, starting with a letter or digit; apt
// appends `:arch` for foreign architectures (FORMATS.md §3.2).
const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]*(?::[a-z0-9][a-z0-9-]*)?$/

/** True for a package name as apt prints it in lists: `libc6`, `libc6:i386`, `g++-12`. */
export function isPackageName(token: string): boolean {
  return token.length <= 200 && PACKAGE_NAME.test(token)
}

/** A package name without its `:arch` qualifier. */
export function withoutArch(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(0, colon)
}

/** True for an author's elision inside a pasted list: `...`, `…`. */
export function isEllipsis(token: string): boolean {
  return token === '...' || token === '…' || token === '....' || token === '……'
}

/** One token of a wall-of-text list line: a word, or a whole parenthesised group. */
export interface ListToken {
  /** The token text (a parenthesised group keeps its parentheses and inner spaces). */
  readonly text: string
  /** True for a parenthesised group: `(due to bash)`, `(一共40个软件包)`. */
  readonly group: boolean
}

/**
 * Split a list line at single spaces, keeping a parenthesised group whole (`(due to bash)`, an
 * author's note `(40 packages in total)`). Returns `undefined` when a group is not closed on the line.
 */
export function listTokens(text: string): ListToken[] | undefined {
  const out: ListToken[] = []
  let i = 0
  const n = text.length
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 0x20) i++
    if (i >= n) break
    if (text.charCodeAt(i) === 0x28 /* ( */) {
      const close = text.indexOf(')', i)
      if (close === -1) return undefined
      out.push({ text: text.slice(i, close + 1), group: true })
      i = close + 1
      continue
    }
    let j = i
    while (j < n && text.charCodeAt(j) !== 0x20) j++
    out.push({ text: text.slice(i, j), group: false })
    i = j
  }
  return out
}

/** apt wraps lists at the screen width; a pasted line far longer than that is not a list line. */
const MAX_PASTED_LIST_LINE = 16_384

/**
 * True when every token of an unindented line could belong to a pasted package list: package names
 * (with a purge `*`), `|` of an alternative, elisions, parenthesised notes. Used only right after a
 * list header, for logs whose CI system ate the indentation (`fixtures/seed/incident-runner-excerpt.log`).
 */
export function isListLikeLine(text: string): boolean {
  if (text.length === 0 || text.length > MAX_PASTED_LIST_LINE || text.endsWith(':')) return false
  const tokens = listTokens(text)
  if (tokens === undefined || tokens.length === 0) return false
  let names = 0
  for (const token of tokens) {
    if (token.group || isEllipsis(token.text) || token.text === '|') continue
    const name = token.text.endsWith('*') ? token.text.slice(0, -1) : token.text
    if (!isPackageName(name)) return false
    names++
  }
  // A line of only notes is an elision too (`(40 packages)`), but it must carry one marker at least.
  return names > 0 || tokens.some((t) => t.group || isEllipsis(t.text))
}
