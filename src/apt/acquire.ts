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

const URI_SCHEME = /^[a-z][a-z0-9+.-]*:/

// Index files in descriptions (§2.2), including Ubuntu's DEP-11 metadata (`amd64 DEP-11 Metadata`,
// `DEP-11 48x48 Icons`, `amd64 c-n-f Metadata`) and pdiff items.
function isIndexWord(token: string): boolean {
  return (
    token.startsWith('Packages') ||
    token.startsWith('Sources') ||
    token.startsWith('Translation-') ||
    token.startsWith('Contents-') ||
    token.startsWith('Components') ||
    token.startsWith('Commands-') ||
    token === 'Icons' ||
    token === 'Metadata' ||
    token.endsWith('.diff/Index') ||
    token.endsWith('.pdiff')
  )
}

function isReleaseWord(token: string): boolean {
  return token === 'InRelease' || token === 'Release' || token === 'Release.gpg'
}

const ARCH = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Split `bookworm-security/main` into suite and component at the last slash; a flat `./` stays whole. */
function suiteAndComponent(token: string): { suite: string; component?: string } {
  if (token.endsWith('/')) return { suite: token }
  const slash = token.lastIndexOf('/')
  if (slash <= 0) return { suite: token }
  return { suite: token.slice(0, slash), component: token.slice(slash + 1) }
}

/** The URI (first word; a `cdrom:[label with spaces]/` keeps its label) and the words after it. */
function splitUri(text: string): { uri: string; words: string[] } | undefined {
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
  if (!URI_SCHEME.test(uri)) return undefined
  const words = text
    .slice(uriEnd + 1)
    .split(' ')
    .filter((w) => w.length > 0)
  return { uri, words }
}

/**
 * Parse the description of an acquire line (FORMATS.md §2.2), after the `Get:N ` and before a
 * ` [size]`: `http://host/debian bookworm InRelease`, `… bookworm/main amd64 Packages`,
 * `… bookworm/main amd64 openssh-client amd64 1:9.2p1-2` (1.1+), `… jessie/main pkg all 0.0.9`
 * (1.0, no index architecture), `http://127.0.0.1:8765 ./ stale-pkg 1.0` (flat repository).
 */
export function parseAcquireDescription(text: string): AcquireDescription | undefined {
  const split = splitUri(text)
  if (split === undefined) return undefined
  const { uri, words } = split
  const dist = words[0]
  if (dist === undefined || words.length < 2) return undefined
  const rest = words.slice(1)
  const last = rest[rest.length - 1] as string
  if (rest.length === 1 && isReleaseWord(last)) {
    // A Release line names the whole distribution (`jessie/updates` is a suite, not suite/component).
    return { uri, suite: dist, target: 'release', file: last }
  }
  const { suite, component } = suiteAndComponent(dist)
  const where = component === undefined ? { uri, suite } : { uri, suite, component }
  if (isIndexWord(last) || isReleaseWord(last)) {
    const first = rest[0] as string
    if (rest.length >= 2 && ARCH.test(first)) return { ...where, arch: first, target: 'index', file: rest.slice(1).join(' ') }
    return { ...where, target: 'index', file: rest.join(' ') }
  }
  // `apt-get source`: `hello 2.10-3 (dsc)`.
  if (rest.length === 3 && last.startsWith('(') && last.endsWith(')') && isPackageName(rest[0] as string)) {
    return { ...where, target: 'other', package: rest[0] as string, version: rest[1] as string }
  }
  if (dist.endsWith('/') && rest.length === 2 && isPackageName(rest[0] as string)) {
    return { ...where, target: 'package', package: rest[0] as string, version: rest[1] as string }
  }
  if (rest.length === 4 && ARCH.test(rest[0] as string) && isPackageName(rest[1] as string) && ARCH.test(rest[2] as string)) {
    return { ...where, arch: rest[0] as string, target: 'package', package: rest[1] as string, packageArch: rest[2] as string, version: last }
  }
  if (rest.length === 3 && isPackageName(rest[0] as string) && ARCH.test(rest[1] as string)) {
    return { ...where, target: 'package', package: rest[0] as string, packageArch: rest[1] as string, version: last }
  }
  return { ...where, target: 'other', file: rest.join(' ') }
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
    while (i < text.length && i - start < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
    if (i === start || text.charCodeAt(i) !== 0x20) return undefined
    id = Number(text.slice(start, i))
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
