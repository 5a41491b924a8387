/**
 * The static ReDoS check: recheck (https://makenowjust-labs.github.io/recheck/) decides whether a
 * regex can backtrack super-linearly, from the pattern alone, and gives an attack string when it
 * can. For most patterns it decides exactly (its automaton checker); for patterns too large or with
 * large repeat counts it falls back to fuzzing, which is reported as `safe (fuzz)`.
 *
 * Every time limit of recheck is turned off: with them, a busy machine turned verdicts into
 * `unknown` (the overall timeout) or even `vulnerable` (the fuzzer's attack timeout) — the flakiness
 * this check replaces. Its step limits (characters read by its matcher) stay, so a verdict depends
 * on the pattern only.
 *
 * Checking all of src/ takes about a minute, nearly all of it on a few long patterns. Safe verdicts
 * are therefore kept in `regex-verdicts.json` (pattern, flags, verdict), keyed by the checker's
 * version and these parameters: a pattern found there is not checked again, any other is. Only
 * safe verdicts are ever kept, so a vulnerable regex is always checked, and fails.
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { checkSync, type Diagnostics, type Parameters, type VulnerableDiagnostics } from 'recheck'

const require = createRequire(import.meta.url)

/** The checker and its version, as the record names it. */
export const CHECKER: string = `recheck ${(require('recheck/package.json') as { version: string }).version}`

/** recheck's parameters: no time limits (see the module comment), the default seed. */
export const PARAMS: Readonly<Parameters> = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  randomSeed: 0,
}

/** Check one pattern. Synchronous; seconds for a long pattern. */
export function checkRegex(source: string, flags: string): Diagnostics {
  return checkSync(source, flags, PARAMS)
}

/** How recheck says an attack string is built: `'0.0' + '0'.repeat(54773) + '\x00'`. */
export function attackOf(d: VulnerableDiagnostics): string {
  return d.attack.pattern
}

/** One safe verdict, as the record keeps it. */
export interface SafeVerdict {
  readonly source: string
  readonly flags: string
  /** `linear`, `constant`, `safe (fuzz)`: recheck's summary. */
  readonly complexity: string
}

/** The record file: safe verdicts of one checker version with `PARAMS`. */
interface VerdictFile {
  readonly checker: string
  readonly params: Readonly<Parameters>
  readonly safe: readonly SafeVerdict[]
}

/** Where the safe verdicts are kept. */
export const RECORD: string = fileURLToPath(new URL('regex-verdicts.json', import.meta.url))

/** Record key of a pattern. */
export const keyOf = (source: string, flags: string): string => `${flags}/${source}`

/** The recorded safe verdicts, by `keyOf`; none when the file is missing or was made by another checker version or parameters. */
export function readRecord(path: string = RECORD): Map<string, SafeVerdict> {
  if (!existsSync(path)) return new Map()
  const file = JSON.parse(readFileSync(path, 'utf8')) as VerdictFile
  if (file.checker !== CHECKER || JSON.stringify(file.params) !== JSON.stringify(PARAMS)) return new Map()
  return new Map(file.safe.map((v) => [keyOf(v.source, v.flags), v]))
}

/** The record's text for `verdicts`: sorted by pattern, one verdict a line, so a change is a readable diff. */
export function recordText(verdicts: Iterable<SafeVerdict>): string {
  const sorted = [...verdicts].sort((a, b) => (a.source === b.source ? (a.flags < b.flags ? -1 : 1) : a.source < b.source ? -1 : 1))
  const lines = sorted.map((v) => `    ${JSON.stringify({ source: v.source, flags: v.flags, complexity: v.complexity })}`)
  return `{\n  "checker": ${JSON.stringify(CHECKER)},\n  "params": ${JSON.stringify(PARAMS)},\n  "safe": [\n${lines.join(',\n')}\n  ]\n}\n`
}

/** Write `verdicts` as the record unless it already says exactly that; true when written. */
export function writeRecord(verdicts: Iterable<SafeVerdict>, path: string = RECORD): boolean {
  const text = recordText(verdicts)
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false
  writeFileSync(path, text)
  return true
}
