/**
 * GitHub Actions workflow commands. The runner reads a job's output line by line (a line ends at
 * LF, CR or CRLF), trims the line's leading white space, and runs it as a command when it then
 * starts with `::name` (or, the legacy form, holds `##[name]` anywhere). Values inside our own
 * commands are escaped as the Actions toolkit does (escapeData, escapeProperty); any other output
 * line is kept from starting with `::` ({@link guardLineStart}), and text reports can be fenced
 * off with `::stop-commands::` ({@link stopCommands}).
 * @module
 */

/** A workflow command's message (after `::`): `%`, CR and LF escaped, as the toolkit's escapeData. */
export function forGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A workflow command's property value (`title=…`): also `:` and `,`, as the toolkit's escapeProperty. */
export function forGithubProperty(s: string): string {
  return forGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** White space .NET's `String.TrimStart()` removes (`Char.IsWhiteSpace`): the runner trims it before looking for `::`. */
export function isDotnetWhiteSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

/** True when the runner would read `line` as a workflow command (`::` after leading white space). */
export function startsLikeCommand(line: string): boolean {
  let i = 0
  while (i < line.length && isDotnetWhiteSpace(line.charCodeAt(i))) i++
  return line.startsWith('::', i)
}

/**
 * One output line that must not be a workflow command: when it would start with `::` after its
 * white space, that first `:` becomes `colon` (`\x3a` in text, `\:` in Markdown).
 */
export function guardLineStart(line: string, colon: string): string {
  if (!startsLikeCommand(line)) return line
  const at = line.indexOf('::')
  return `${line.slice(0, at)}${colon}${line.slice(at + 1)}`
}

/** Fills a byte array with random values (`crypto.getRandomValues`). */
export type RandomFill = (bytes: Uint8Array) => Uint8Array

/**
 * A fresh token for {@link stopCommands}: 128 random bits in hex, from `fill` or the platform's
 * `crypto.getRandomValues` (Node ≥ 20, browsers). Throws when neither is there: a guessable token
 * would let the input resume command processing.
 */
export function commandToken(fill?: RandomFill): string {
  const platform = (globalThis as { crypto?: { getRandomValues?: RandomFill } }).crypto
  const random = fill ?? (platform?.getRandomValues === undefined ? undefined : (bytes: Uint8Array) => (platform.getRandomValues as RandomFill).call(platform, bytes))
  if (random === undefined) throw new Error('commandToken needs crypto.getRandomValues: pass a random fill on this platform')
  return [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * `text` between `::stop-commands::TOKEN` and `::TOKEN::`: the runner runs no workflow command in
 * between, whatever the input put there, and only this token (random, never printed before)
 * resumes them. `text` should end with a newline.
 */
export function stopCommands(text: string, token: string): string {
  if (!/^[0-9a-f]{16,}$/.test(token)) throw new Error('stopCommands needs a random hex token (commandToken())')
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}::${token}::\n`
}
