/**
 * Rules for BuildKit `--progress=plain` lines (FORMATS.md §7.3, older printers §7.5). Every line
 * starts with `#<N> `; what follows tells the kind. A header and a status line look alike
 * (`#9 exporting to image` / `#9 exporting layers`): the rule reports both as `bk.other` and the
 * build state decides by position (a header opens each chunk of a vertex's lines).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type {
  BuildkitDescriptionLine,
  BuildkitDoneLine,
  BuildkitLogLine,
  BuildkitMarkerLine,
  BuildkitTextLine,
} from './line-kinds.ts'
import { isHexRange, parseUint, secondsToMs, skipDigits } from './text.ts'

/** Longest vertex number accepted (`#123456789`); more digits is not a BuildKit line. */
const MAX_VERTEX_DIGITS = 9

/**
 * Index of the text after `#<digits> `, or -1: the line needs at least one character after it.
 * `#5` alone, `#5text`, `# comment`, `#!/bin/sh` are not BuildKit lines. An index, not an object:
 * every `#` rule reads it, and the catch-all is tried after nine others.
 */
export function vertexRest(text: string): number {
  if (text.charCodeAt(0) !== 0x23) return -1
  const end = skipDigits(text, 1)
  if (end === 1 || end - 1 > MAX_VERTEX_DIGITS || text.charCodeAt(end) !== 0x20 || end + 1 >= text.length) return -1
  return end + 1
}

/** The vertex number `N` of a line whose text after `#N ` starts at `rest` ({@link vertexRest}). */
export function vertexNumber(text: string, rest: number): number {
  // At most MAX_VERTEX_DIGITS digits, checked by vertexRest: always a number.
  return parseUint(text, 1, rest - 1) as number
}

/**
 * Where the program's text of an output line `#5 0.354 Get:1 …` starts (`text.length` for an
 * empty one), given the index after `#N `; -1 when the line is not an output line.
 */
export function logPayloadAt(text: string, rest: number): number {
  const intEnd = skipDigits(text, rest)
  if (intEnd === rest || text.charCodeAt(intEnd) !== 0x2e) return -1
  const end = skipDigits(text, intEnd + 1)
  // No decimals only in the five-character `%#.4g` form of v0.5–v0.7 (`1235.`).
  if (end === intEnd + 1 && end - rest !== 5) return -1
  if (end === text.length) return end
  return text.charCodeAt(end) === 0x20 ? end + 1 : -1
}

const DESCRIPTION = 'building with "'

/** `#0 building with "default" instance using docker driver`. */
export const BUILDKIT_DESCRIPTION: Rule<BuildkitDescriptionLine> = {
  id: 'docker.buildkit.description',
  first: '#',
  match(text) {
    if (!text.startsWith('#0 ') || !text.startsWith(DESCRIPTION, 3) || !text.endsWith(' driver')) return undefined
    return { kind: 'bk.description', text: text.slice(3) }
  },
}

/**
 * `#5 0.354 Get:1 …`: seconds since the vertex (re)started (3 decimals below 10 s, 2 below 100 s,
 * 1 above; v0.5–v0.7 `1235.`), one space, the program's text. An empty output line is printed as
 * `#5 0.354 ` (a CI that trims trailing blanks leaves `#5 0.354`).
 */
export const BUILDKIT_LOG: Rule<BuildkitLogLine> = {
  id: 'docker.buildkit.log',
  first: '#',
  match(text) {
    const rest = vertexRest(text)
    if (rest === -1) return undefined
    const payload = logPayloadAt(text, rest)
    if (payload === -1) return undefined
    return { kind: 'bk.log', n: vertexNumber(text, rest), payload: payload === text.length ? '' : text.slice(payload) }
  },
}

/** `#5 DONE 4.1s` (`%.1f` of the merged run intervals) or `#5 DONE` (no time). */
export const BUILDKIT_DONE: Rule<BuildkitDoneLine> = {
  id: 'docker.buildkit.done',
  first: '#',
  match(text) {
    const rest = vertexRest(text)
    if (rest === -1 || !text.startsWith('DONE', rest)) return undefined
    const after = rest + 4
    if (after === text.length) return { kind: 'bk.done', n: vertexNumber(text, rest) }
    if (text.charCodeAt(after) !== 0x20 || !text.endsWith('s')) return undefined
    const durationMs = secondsToMs(text.slice(after + 1, -1))
    return durationMs === undefined ? undefined : { kind: 'bk.done', n: vertexNumber(text, rest), durationMs }
  },
}

function markerRule(id: string, word: string, kind: BuildkitMarkerLine['kind']): Rule<BuildkitMarkerLine> {
  return {
    id,
    first: '#',
    match(text) {
      const rest = vertexRest(text)
      if (rest === -1 || text.length !== rest + word.length || !text.startsWith(word, rest)) return undefined
      return { kind, n: vertexNumber(text, rest) }
    },
  }
}

/** `#4 CACHED`. */
export const BUILDKIT_CACHED: Rule<BuildkitMarkerLine> = markerRule('docker.buildkit.cached', 'CACHED', 'bk.cached')
/** `#7 CANCELED` (the vertex's error ended in "context canceled"). */
export const BUILDKIT_CANCELED: Rule<BuildkitMarkerLine> = markerRule('docker.buildkit.canceled', 'CANCELED', 'bk.canceled')
/** `#7 ...`: the printer switches away from a vertex still running; its lines continue after a repeated header. */
export const BUILDKIT_PAUSED: Rule<BuildkitMarkerLine> = markerRule('docker.buildkit.paused', '...', 'bk.paused')

function textRule(id: string, word: string, kind: BuildkitTextLine['kind']): Rule<BuildkitTextLine> {
  return {
    id,
    first: '#',
    match(text) {
      const rest = vertexRest(text)
      if (rest === -1 || !text.startsWith(word, rest)) return undefined
      return { kind, n: vertexNumber(text, rest), text: text.slice(rest + word.length) }
    },
  }
}

/** `#5 ERROR: executor failed running [/bin/sh -c …]: exit code: 100` / `#7 ERROR: process "…" did not complete successfully: exit code: 100`. */
export const BUILDKIT_ERROR: Rule<BuildkitTextLine> = textRule('docker.buildkit.error', 'ERROR: ', 'bk.error')
/** `#3 WARN: …` (progressui ≥ v0.10). */
export const BUILDKIT_WARN: Rule<BuildkitTextLine> = textRule('docker.buildkit.warn', 'WARN: ', 'bk.warn')

const SHA256 = 'sha256:'
const DIGEST_HEX = 64

/** `#5 sha256:a0e4…` alone: the vertex digest the v0.8 printer (Docker 20.10 CLI) prints after every header (§7.5). */
export const BUILDKIT_DIGEST: Rule<BuildkitTextLine> = {
  id: 'docker.buildkit.digest',
  first: '#',
  match(text) {
    const rest = vertexRest(text)
    if (rest === -1 || !text.startsWith(SHA256, rest)) return undefined
    const hex = rest + SHA256.length
    if (text.length !== hex + DIGEST_HEX || !isHexRange(text, hex, text.length)) return undefined
    return { kind: 'bk.digest', n: vertexNumber(text, rest), text: text.slice(rest) }
  },
}

/** Any other `#5 text`: a vertex header (`#5 [2/4] RUN …`, `#9 exporting to image`) or a status line (`#9 exporting layers 0.6s done`). */
export const BUILDKIT_OTHER: Rule<BuildkitTextLine> = {
  id: 'docker.buildkit.vertex',
  first: '#',
  match(text) {
    const rest = vertexRest(text)
    return rest === -1 ? undefined : { kind: 'bk.other', n: vertexNumber(text, rest), text: text.slice(rest) }
  },
}

/** The BuildKit plain rules, most specific first (the catch-all `BUILDKIT_OTHER` last). */
export const BUILDKIT_PLAIN_RULES: readonly Rule<PlainRuleLine>[] = [
  BUILDKIT_DESCRIPTION,
  BUILDKIT_LOG,
  BUILDKIT_DONE,
  BUILDKIT_CACHED,
  BUILDKIT_CANCELED,
  BUILDKIT_PAUSED,
  BUILDKIT_ERROR,
  BUILDKIT_WARN,
  BUILDKIT_DIGEST,
  BUILDKIT_OTHER,
]

/** A rule of {@link BUILDKIT_PLAIN_RULES}. */
type PlainRule = (typeof BUILDKIT_PLAIN_RULES)[number]

/** What a BuildKit plain rule finds. */
export type PlainRuleLine = BuildkitDescriptionLine | BuildkitLogLine | BuildkitDoneLine | BuildkitMarkerLine | BuildkitTextLine

/**
 * The characters the text after `#N ` starts with for each rule but the catch-all: its keyword's
 * first, or a digit for an output line's time. A `#N ` line is then tried against one or two
 * rules instead of ten.
 */
const AFTER_PREFIX: ReadonlyMap<PlainRule, string> = new Map<PlainRule, string>([
  [BUILDKIT_DESCRIPTION, 'b'],
  [BUILDKIT_LOG, '0123456789'],
  [BUILDKIT_DONE, 'D'],
  [BUILDKIT_CACHED, 'C'],
  [BUILDKIT_CANCELED, 'C'],
  [BUILDKIT_PAUSED, '.'],
  [BUILDKIT_ERROR, 'E'],
  [BUILDKIT_WARN, 'W'],
  [BUILDKIT_DIGEST, 's'],
])

/** The rules by the first character after `#N ` (below 128), in table order, each list ending with the catch-all. */
const BY_AFTER_PREFIX: readonly (readonly PlainRule[])[] = Array.from({ length: 128 }, (_, c) => [
  ...BUILDKIT_PLAIN_RULES.filter((rule) => AFTER_PREFIX.get(rule)?.includes(String.fromCharCode(c)) === true),
  BUILDKIT_OTHER,
])

const OTHER_ONLY: readonly PlainRule[] = [BUILDKIT_OTHER]

/**
 * The first rule of {@link BUILDKIT_PLAIN_RULES}, in table order, that matches a line whose text
 * after `#N ` starts at `rest` ({@link vertexRest}), with what it found: the table's answer,
 * trying only the rules the character at `rest` allows.
 */
export function matchPlainLine(text: string, rest: number): { readonly rule: PlainRule; readonly value: PlainRuleLine } | undefined {
  const c = text.charCodeAt(rest)
  const rules = c < 128 ? (BY_AFTER_PREFIX[c] as readonly PlainRule[]) : OTHER_ONLY
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as PlainRule
    const value = rule.match(text)
    if (value !== undefined) return { rule, value }
  }
  return undefined
}

/** Parts of a finished status line: `exporting layers 0.6s done` → `exporting layers`. */
export function finishedStatus(text: string): string | undefined {
  if (!text.endsWith(' done')) return undefined
  let end = text.length - 5
  // An optional ` <secs>s` before `done` (printed only above 0.01 s).
  if (text.charCodeAt(end - 1) === 0x73) {
    const space = text.lastIndexOf(' ', end - 1)
    if (space !== -1 && secondsToMs(text.slice(space + 1, end - 1)) !== undefined) end = space
  }
  return text.slice(0, end)
}
