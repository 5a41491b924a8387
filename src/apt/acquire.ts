/**
 * apt's download lines: `Get:N`/`Hit:N`/`Ign:N`/`Err:N` (apt 1.1+), apt 1.0's id-less
 * `Hit`/`Ign`/`Err`, the `Err` error text, and `Fetched …` (FORMATS.md §2).
 * @module
 */

import type { AcquireResult } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import type { AcquireDescription, AcquireLine, FetchedLine } from './line-kinds.ts'
import { parseDuration, parseRate, parseSize } from './sizes.ts'
import { isPackageName } from './tokens.ts'

// Index files in descriptions (§2.2), including Ubuntu's DEP-11 metadata (`amd64 DEP-11 Metadata`,
// `DEP-11 48x48 Icons`, `amd64 c-n-f Metadata`) and pdiff items.
function isIndexWord(token: string): boolean {
  // By the first character: every `Get:` line of a package download asks this of its version.
  switch (token.charCodeAt(0)) {
    case 0x50 /* P */:
      if (token.startsWith('Packages')) return true
      break
    case 0x53 /* S */:
      if (token.startsWith('Sources')) return true
      break
    case 0x54 /* T */:
      if (token.startsWith('Translation-')) return true
      break
    case 0x43 /* C */:
      if (token.startsWith('Contents-') || token.startsWith('Components') || token.startsWith('Commands-')) return true
      break
    case 0x49 /* I */:
      if (token === 'Icons') return true
      break
    case 0x4d /* M */:
      if (token === 'Metadata') return true
      break
  }
  const last = token.charCodeAt(token.length - 1)
  return (last === 0x78 /* x */ && token.endsWith('.diff/Index')) || (last === 0x66 /* f */ && token.endsWith('.pdiff'))
}

/**
 * apt-file's Contents indexes name their kind in parentheses: `amd64 Contents (deb)`, `Contents
 * (udeb)`, and their pdiffs `Contents (deb).diff/Index` — not `apt-get source`'s `hello 2.10-3 (dsc)`.
 */
function isQualifiedIndex(words: readonly string[], rest: number): boolean {
  if (rest < 2) return false
  const last = words[rest] as string
  return words[rest - 1] === 'Contents' && last.charCodeAt(0) === 0x28 && (last.endsWith(')') || last.endsWith(').diff/Index'))
}

function isReleaseWord(token: string): boolean {
  return token === 'InRelease' || token === 'Release' || token === 'Release.gpg'
}

/** `^[a-z0-9]+(?:-[a-z0-9]+)*$` as a loop: lower-case alphanumeric words joined by single dashes. */
function isArch(token: string): boolean {
  const n = token.length
  if (n === 0 || token.charCodeAt(0) === 0x2d || token.charCodeAt(n - 1) === 0x2d) return false
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i)
    if (c === 0x2d) {
      if (token.charCodeAt(i + 1) === 0x2d) return false
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false
  }
  return true
}

/** `^[a-z][a-z0-9+.-]*:` as a loop: the URI starts with a scheme. */
function hasUriScheme(uri: string): boolean {
  const first = uri.charCodeAt(0)
  if (!(first >= 0x61 && first <= 0x7a)) return false
  for (let i = 1; i < uri.length; i++) {
    const c = uri.charCodeAt(i)
    if (c === 0x3a) return true
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d)) return false
  }
  return false
}

/** The words of `text` from `from` on, split at spaces (runs of spaces make no empty words). */
function wordsFrom(text: string, from: number): string[] {
  const words: string[] = []
  const n = text.length
  let i = from
  while (i < n) {
    if (text.charCodeAt(i) === 0x20) {
      i++
      continue
    }
    let end = text.indexOf(' ', i)
    if (end === -1) end = n
    words.push(text.slice(i, end))
    i = end
  }
  return words
}

/** `words[from…]` joined by single spaces. */
function joinFrom(words: readonly string[], from: number): string {
  return from === words.length - 1 ? (words[from] as string) : words.slice(from).join(' ')
}

/** An acquire description being filled in, field by field. */
type DescriptionDraft = { -readonly [K in keyof AcquireDescription]?: AcquireDescription[K] }

/**
 * Parse the description of an acquire line (FORMATS.md §2.2), after the `Get:N ` and before a
 * ` [size]`: `http://host/debian bookworm InRelease`, `… bookworm/main amd64 Packages`,
 * `… bookworm/main amd64 openssh-client amd64 1:9.2p1-2` (1.1+), `… jessie/main pkg all 0.0.9`
 * (1.0, no index architecture), `http://127.0.0.1:8765 ./ stale-pkg 1.0` (flat repository).
 *
 * The description is built by assignment in the order the event shows its fields (`uri`, `suite`,
 * `component`, `arch`, `target`, `file`, `package`, `packageArch`, `version`), without
 * `split`/`filter` chains or object spreads: on Node 20 a literal that starts with a spread costs
 * ~0.5 µs per property after it, and this rule ran at ~4 µs per `Get` line (now ~0.4 µs; ~9 % of
 * the whole parse of the 100 MiB benchmark log).
 */
export function parseAcquireDescription(text: string): AcquireDescription | undefined {
  // The URI is the first word; a `cdrom:[label with spaces]/` keeps its label.
  let uriEnd: number
  if (text.startsWith('cdrom:[')) {
    const close = text.indexOf(']', 7)
    if (close === -1) return undefined
    uriEnd = text.indexOf(' ', close)
  } else {
    uriEnd = text.indexOf(' ')
  }
  if (uriEnd === -1) return undefined
  const uri = text.slice(0, uriEnd)
  if (uri.charCodeAt(0) === 0x2f /* / */) return localDebDescription(text, uri, uriEnd)
  if (!hasUriScheme(uri)) return undefined
  // words[0] is the dist, words[1…] the rest.
  const words = wordsFrom(text, uriEnd + 1)
  const rest = words.length - 1
  if (rest < 1) return undefined
  const dist = words[0] as string
  const first = words[1] as string
  const last = words[rest] as string
  const d: DescriptionDraft = { uri }
  if (rest === 1 && isReleaseWord(last)) {
    // A Release line names the whole distribution (`jessie/updates` is a suite, not suite/component).
    d.suite = dist
    d.target = 'release'
    d.file = last
    return d as AcquireDescription
  }
  // `bookworm-security/main` is suite and component, split at the last slash; a flat `./` stays whole.
  const slash = dist.endsWith('/') ? -1 : dist.lastIndexOf('/')
  if (slash <= 0) {
    d.suite = dist
  } else {
    d.suite = dist.slice(0, slash)
    d.component = dist.slice(slash + 1)
  }
  if (isIndexWord(last) || isReleaseWord(last) || isQualifiedIndex(words, rest)) {
    if (rest >= 2 && isArch(first)) {
      d.arch = first
      d.target = 'index'
      d.file = joinFrom(words, 2)
    } else {
      d.target = 'index'
      d.file = joinFrom(words, 1)
    }
  } else if (rest === 3 && last.startsWith('(') && last.endsWith(')') && isPackageName(first)) {
    // `apt-get source`: `hello 2.10-3 (dsc)`.
    d.target = 'other'
    d.package = first
    d.version = words[2] as string
  } else if (dist.endsWith('/') && rest === 2 && isPackageName(first)) {
    d.target = 'package'
    d.package = first
    d.version = words[2] as string
  } else if (rest === 4 && isArch(first) && isPackageName(words[2] as string) && isArch(words[3] as string)) {
    d.arch = first
    d.target = 'package'
    d.package = words[2] as string
    d.packageArch = words[3] as string
    d.version = last
  } else if (rest === 3 && isPackageName(first) && isArch(words[2] as string)) {
    d.target = 'package'
    d.package = first
    d.packageArch = words[2] as string
    d.version = last
  } else {
    d.target = 'other'
    d.file = joinFrom(words, 1)
  }
  return d as AcquireDescription
}

/**
 * A `.deb` file given on the command line (`apt-get install ./pkg.deb`): its path, then the
 * package, its architecture and version — `/tmp/pkgs/broken_1.0_all.deb broken all 1.0`
 * (fixtures/compose … postinst captures, apt 2.6).
 */
function localDebDescription(text: string, path: string, pathEnd: number): AcquireDescription | undefined {
  if (!path.endsWith('.deb')) return undefined
  const words = wordsFrom(text, pathEnd + 1)
  if (words.length !== 3) return undefined
  const [name, arch, version] = words as [string, string, string]
  if (!isPackageName(name) || !isArch(arch)) return undefined
  const d: DescriptionDraft = { uri: path, target: 'package', package: name, packageArch: arch, version }
  return d as AcquireDescription
}

/**
 * Copy a description's fields onto an event under construction, in the description's field order
 * (field by field: a spread of these differently shaped objects is several times slower).
 */
export function assignDescription(event: { -readonly [K in keyof AcquireDescription]?: AcquireDescription[K] | undefined }, d: AcquireDescription): void {
  event.uri = d.uri
  if (d.suite !== undefined) event.suite = d.suite
  if (d.component !== undefined) event.component = d.component
  if (d.arch !== undefined) event.arch = d.arch
  event.target = d.target
  if (d.file !== undefined) event.file = d.file
  if (d.package !== undefined) event.package = d.package
  if (d.packageArch !== undefined) event.packageArch = d.packageArch
  if (d.version !== undefined) event.version = d.version
}

const PREFIXES: readonly { readonly word: string; readonly result: AcquireResult }[] = [
  { word: 'Get', result: 'get' },
  { word: 'Hit', result: 'hit' },
  { word: 'Ign', result: 'ign' },
  { word: 'Err', result: 'err' },
]

// Real descriptions are a few hundred characters; a longer line is not an acquire line.
const MAX_ACQUIRE_LINE = 4096

function matchAcquire(text: string, word: string, result: AcquireResult): AcquireLine | undefined {
  if (!text.startsWith(word) || text.length > MAX_ACQUIRE_LINE) return undefined
  let i = word.length
  let id: number | null = null
  if (text.charCodeAt(i) === 0x3a /* : */) {
    // apt 1.1+: `Get:12 `.
    i++
    const start = i
    let n = 0
    while (i < text.length && i - start < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) {
      n = n * 10 + (text.charCodeAt(i) - 0x30)
      i++
    }
    if (i === start || text.charCodeAt(i) !== 0x20) return undefined
    id = n
  } else if (text.charCodeAt(i) !== 0x20 || result === 'get') {
    // apt 1.0 printed `Hit `, `Ign `, `Err ` without an id; `Get` always had one (§2.1).
    return undefined
  }
  let description = text.slice(i + 1)
  let sizeBytes: number | undefined
  if (description.endsWith(']')) {
    const open = description.lastIndexOf(' [')
    if (open !== -1) {
      sizeBytes = parseSize(description.slice(open + 2, -1))
      if (sizeBytes === undefined) return undefined
      description = description.slice(0, open)
    }
  }
  const parsed = parseAcquireDescription(description)
  if (parsed === undefined) return undefined
  return sizeBytes === undefined
    ? { kind: 'acquire', result, id, description: parsed }
    : { kind: 'acquire', result, id, description: parsed, sizeBytes }
}

/** `Get:N`, `Hit:N`, `Ign:N`, `Err:N` and apt 1.0's `Hit `, `Ign `, `Err `: one rule each. */
export const ACQUIRE_RULES: readonly Rule<AcquireLine>[] = PREFIXES.map(({ word, result }) => ({
  id: `apt.acquire.${result}`,
  first: word.charAt(0),
  match: (text: string): AcquireLine | undefined => matchAcquire(text, word, result),
}))

/**
 * `Fetched 6258 kB in 1s (6438 kB/s)` (FORMATS.md §2.1, §2.3). Parsed with `indexOf`, not a
 * regex with lazy groups, so a hostile line costs linear time.
 */
export const fetchedRule: Rule<FetchedLine> = {
  id: 'apt.fetched',
  first: 'F',
  match(text: string): FetchedLine | undefined {
    if (!text.startsWith('Fetched ') || !text.endsWith('/s)')) return undefined
    const inAt = text.indexOf(' in ', 8)
    if (inAt === -1) return undefined
    const open = text.indexOf(' (', inAt + 4)
    if (open === -1) return undefined
    const bytes = parseSize(text.slice(8, inAt))
    const seconds = parseDuration(text.slice(inAt + 4, open))
    const bytesPerSecond = parseRate(text.slice(open + 2, -1))
    if (bytes === undefined || seconds === undefined || bytesPerSecond === undefined) return undefined
    return { kind: 'fetched', bytes, seconds, bytesPerSecond }
  },
}

/**
 * One line of an `Err:N` block's error text: indented by two spaces (FORMATS.md §2.1); the
 * hash lines of a `Hash Sum mismatch` are indented further. Returns the text without apt's indent.
 */
export const acquireErrorTextRule: Rule<string> = {
  id: 'apt.acquire.err.text',
  first: ' ',
  match(text: string): string | undefined {
    if (!text.startsWith('  ') || text.length <= 2) return undefined
    if (text.trim().length === 0) return undefined
    return text.slice(2)
  },
}
