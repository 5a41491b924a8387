/**
 * Small scanners the docker rules share: digits, hex ids, seconds, sizes, exit codes and the
 * command quoted in an error text. Plain loops, no regex, so every one is linear.
 * @module
 */

import { isDigit } from '../lines/chars.ts'

/** True for `0-9a-f` (docker prints ids and digests in lower case). */
export function isLowerHex(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66)
}

/** True when `text[from, to)` is non-empty lower-case hex. */
export function isHexRange(text: string, from: number, to: number): boolean {
  if (to <= from) return false
  for (let i = from; i < to; i++) if (!isLowerHex(text.charCodeAt(i))) return false
  return true
}

/** Index past the ASCII digits that start at `from` (`from` itself when there are none). */
export function skipDigits(text: string, from: number): number {
  let i = from
  while (i < text.length && isDigit(text.charCodeAt(i))) i++
  return i
}

/** Index past the spaces that start at `from`. */
export function skipSpaces(text: string, from: number): number {
  let i = from
  while (i < text.length && text.charCodeAt(i) === 0x20) i++
  return i
}

/** The decimal integer in `text[from, to)`, or undefined when it is not all digits or too long to be exact. */
export function parseUint(text: string, from: number, to: number): number | undefined {
  if (to <= from || to - from > 15) return undefined
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) return undefined
    n = n * 10 + (c - 0x30)
  }
  return n
}


/**
 * End of a decimal number `digits[.digits]` at `from` (BuildKit log times: `0.354`, `12.34`, `123.4`;
 * progressui v0.5–v0.7 printed `%#.4g` cut to five characters, so `1235.` ends with its dot,
 * FORMATS.md §7.5). Returns `from` when there is no number.
 */
export function scanDecimal(text: string, from: number): number {
  const intEnd = skipDigits(text, from)
  if (intEnd === from) return from
  if (text.charCodeAt(intEnd) !== 0x2e) return intEnd
  return skipDigits(text, intEnd + 1)
}

/** Milliseconds of a `%.1f` seconds value such as `4.1` (BuildKit `DONE 4.1s`). */
export function secondsToMs(text: string): number | undefined {
  const end = scanDecimal(text, 0)
  if (end === 0 || end !== text.length) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? Math.round(value * 1000) : undefined
}

const SIZE_UNITS: ReadonlyMap<string, number> = new Map([
  ['B', 1],
  ['kB', 1e3],
  ['MB', 1e6],
  ['GB', 1e9],
  ['TB', 1e12],
  ['PB', 1e15],
])

/** Bytes of a docker `units.HumanSize` string (`3.072kB`, `2.048kB`, `125B`, `1.5MB`: decimal units). */
export function parseHumanSize(size: string): number | undefined {
  const end = scanDecimal(size, 0)
  if (end === 0) return undefined
  const factor = SIZE_UNITS.get(size.slice(end))
  if (factor === undefined) return undefined
  const value = Number(size.slice(0, end))
  return Number.isFinite(value) ? Math.round(value * factor) : undefined
}

/**
 * The exit code at the end of an error text: `…: exit code: 100` (BuildKit, FORMATS.md §7.3),
 * `… exit status 100` (Podman/Buildah, runc).
 */
export function exitCodeIn(text: string): number | undefined {
  for (const marker of ['exit code: ', 'exit status ']) {
    const at = text.lastIndexOf(marker)
    if (at === -1) continue
    const from = at + marker.length
    const end = skipDigits(text, from)
    if (end > from && (end === text.length || !isDigit(text.charCodeAt(end)))) return parseUint(text, from, end)
  }
  return undefined
}

const EXECUTOR = 'executor failed running ['
const EXECUTOR_END = ']: '
const PROCESS = 'process "'
const PROCESS_END = '" did not complete successfully'

/**
 * The failing command named in a BuildKit error text: `executor failed running [/bin/sh -c …]: …`
 * (BuildKit ≤ v0.8, Go `%v` of the argv) or `process "/bin/sh -c …" did not complete successfully`
 * (≥ v0.9, Go `%q`, unquoted here). FORMATS.md §7.3, §7.5.
 */
export function commandIn(text: string): string | undefined {
  const exec = text.indexOf(EXECUTOR)
  if (exec !== -1) {
    const from = exec + EXECUTOR.length
    const end = text.lastIndexOf(EXECUTOR_END)
    if (end >= from) return text.slice(from, end)
  }
  const proc = text.indexOf(PROCESS)
  if (proc !== -1) {
    const from = proc + PROCESS.length
    const end = text.lastIndexOf(PROCESS_END)
    if (end >= from) return unquoteGo(text.slice(from, end))
  }
  return undefined
}

const GO_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['n', '\n'],
  ['t', '\t'],
  ['r', '\r'],
  ['"', '"'],
  ['\\', '\\'],
])

/** The inside of a Go `%q` string with its common escapes resolved (`\"`, `\\`, `\n`, `\t`, `\r`); others kept as printed. */
export function unquoteGo(quoted: string): string {
  if (!quoted.includes('\\')) return quoted
  let out = ''
  for (let i = 0; i < quoted.length; i++) {
    const c = quoted[i] as string
    if (c === '\\' && i + 1 < quoted.length) {
      const resolved = GO_ESCAPES.get(quoted[i + 1] as string)
      if (resolved !== undefined) {
        out += resolved
        i++
        continue
      }
    }
    out += c
  }
  return out
}

/** Milliseconds since the epoch of an RFC 3339 timestamp with up to nanoseconds (rawjson `started`, `completed`). */
export function parseRfc3339(text: string): number | undefined {
  // 2026-11-27T23:32:39.624603017Z or …+01:00; Date.parse is not required to accept nanoseconds.
  if (text.length < 20 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(10) !== 0x54) return undefined
  let i = 19
  let fraction = 0
  if (text.charCodeAt(i) === 0x2e) {
    const end = skipDigits(text, i + 1)
    if (end === i + 1) return undefined
    fraction = Number(`0${text.slice(i, end)}`) * 1000
    i = end
  }
  const whole = Date.parse(`${text.slice(0, 19)}${text.slice(i)}`)
  return Number.isNaN(whole) ? undefined : whole + fraction
}
