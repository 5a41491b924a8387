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

interface VertexPrefix {
  readonly n: number
  /** Index of the text after `#N `. */
  readonly rest: number
}

/** `#<digits> ` followed by at least one character. `#5` alone, `#5text`, `# comment`, `#!/bin/sh` are not BuildKit lines. */
export function vertexPrefix(text: string): VertexPrefix | undefined {
  if (text.charCodeAt(0) !== 0x23) return undefined
  const end = skipDigits(text, 1)
  if (end === 1 || end - 1 > MAX_VERTEX_DIGITS || text.charCodeAt(end) !== 0x20 || end + 1 >= text.length) return undefined
  const n = parseUint(text, 1, end)
  return n === undefined ? undefined : { n, rest: end + 1 }
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
    const prefix = vertexPrefix(text)
    if (prefix === undefined) return undefined
    const intEnd = skipDigits(text, prefix.rest)
    if (intEnd === prefix.rest || text.charCodeAt(intEnd) !== 0x2e) return undefined
    const end = skipDigits(text, intEnd + 1)
    // No decimals only in the five-character `%#.4g` form of v0.5–v0.7 (`1235.`).
    if (end === intEnd + 1 && end - prefix.rest !== 5) return undefined
    if (end === text.length) return { kind: 'bk.log', n: prefix.n, payload: '' }
    if (text.charCodeAt(end) !== 0x20) return undefined
    return { kind: 'bk.log', n: prefix.n, payload: text.slice(end + 1) }
  },
}

/** `#5 DONE 4.1s` (`%.1f` of the merged run intervals) or `#5 DONE` (no time). */
export const BUILDKIT_DONE: Rule<BuildkitDoneLine> = {
  id: 'docker.buildkit.done',
  first: '#',
  match(text) {
    const prefix = vertexPrefix(text)
    if (prefix === undefined || !text.startsWith('DONE', prefix.rest)) return undefined
    const after = prefix.rest + 4
    if (after === text.length) return { kind: 'bk.done', n: prefix.n }
    if (text.charCodeAt(after) !== 0x20 || !text.endsWith('s')) return undefined
    const durationMs = secondsToMs(text.slice(after + 1, -1))
    return durationMs === undefined ? undefined : { kind: 'bk.done', n: prefix.n, durationMs }
  },
}

function markerRule(id: string, word: string, kind: BuildkitMarkerLine['kind']): Rule<BuildkitMarkerLine> {
  return {
    id,
    first: '#',
    match(text) {
      const prefix = vertexPrefix(text)
      if (prefix === undefined || text.length !== prefix.rest + word.length || !text.startsWith(word, prefix.rest)) return undefined
      return { kind, n: prefix.n }
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
      const prefix = vertexPrefix(text)
      if (prefix === undefined || !text.startsWith(word, prefix.rest)) return undefined
      return { kind, n: prefix.n, text: text.slice(prefix.rest + word.length) }
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
    const prefix = vertexPrefix(text)
    if (prefix === undefined || !text.startsWith(SHA256, prefix.rest)) return undefined
    const hex = prefix.rest + SHA256.length
    if (text.length !== hex + DIGEST_HEX || !isHexRange(text, hex, text.length)) return undefined
    return { kind: 'bk.digest', n: prefix.n, text: text.slice(prefix.rest) }
  },
}

/** Any other `#5 text`: a vertex header (`#5 [2/4] RUN …`, `#9 exporting to image`) or a status line (`#9 exporting layers 0.6s done`). */
export const BUILDKIT_OTHER: Rule<BuildkitTextLine> = {
  id: 'docker.buildkit.vertex',
  first: '#',
  match(text) {
    const prefix = vertexPrefix(text)
    return prefix === undefined ? undefined : { kind: 'bk.other', n: prefix.n, text: text.slice(prefix.rest) }
  },
}

/** The BuildKit plain rules, most specific first (the catch-all `BUILDKIT_OTHER` last). */
export const BUILDKIT_PLAIN_RULES: readonly Rule<
  BuildkitDescriptionLine | BuildkitLogLine | BuildkitDoneLine | BuildkitMarkerLine | BuildkitTextLine
>[] = [
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
