/**
 * What every fuzz case must satisfy, from bytes to reports: the parser never throws and never
 * reports an `internal` error; `log.end` is last with `lines` equal to the input's line count and
 * `lines = recognized + ignored + unrecognized`; every event's `line..endLine` lies within the
 * input; events survive a JSON round trip; any chunking gives the same events; and the run model,
 * the diff and every report renderer accept the result without throwing.
 *
 * No Node imports: used by the vitest sample and the `npm run fuzz` workers.
 * @module
 */

import {
  createEvidenceCollector,
  createParser,
  diffReport,
  diffRuns,
  explainReport,
  formatGithub,
  formatSarif,
  renderMarkdown,
  renderText,
  summarize,
  summaryReport,
  type AptLogError,
  type AptLogEvent,
  type RunSummary,
} from '../../src/index.ts'
import type { Random } from './mutate.ts'

/** Chunks of a case's input. */
export type Chunks = readonly (string | Uint8Array)[]

/**
 * The number of lines in `bytes` as the splitter counts them: LFs, plus an unterminated last line.
 * A byte order mark at the very start is not input (the decoder drops it).
 */
export function countLines(bytes: Uint8Array): number {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let n = 0
  for (let i = start; i < bytes.length; i++) if (bytes[i] === 0x0a) n++
  if (bytes.length > start && bytes[bytes.length - 1] !== 0x0a) n++
  return n
}

/** Events and errors of one parse. Throws only if the parser does. */
export function parseChunks(chunks: Chunks, maxLineLength?: number): { events: AptLogEvent[]; errors: AptLogError[]; lines: Map<number, string> } {
  const events: AptLogEvent[] = []
  const errors: AptLogError[] = []
  const evidence = createEvidenceCollector()
  const parser = createParser({
    onEvent: (e) => {
      events.push(e)
      evidence.event(e)
    },
    onError: (e) => errors.push(e),
    onLine: (text, n) => evidence.line(text, n),
    maxLineLength,
  })
  for (const chunk of chunks) parser.feed(chunk)
  parser.end()
  return { events, errors, lines: new Map(evidence.lines) }
}

/**
 * The line-accounting invariants of one parse of `bytes`. Returns the first violation, or undefined.
 */
export function accountingViolation(events: readonly AptLogEvent[], bytes: Uint8Array): string | undefined {
  const end = events.at(-1)
  if (end === undefined || end.type !== 'log.end') return `the last event is ${end?.type ?? 'missing'}, not log.end`
  if (events.filter((e) => e.type === 'log.end').length !== 1) return 'more than one log.end'
  const expected = countLines(bytes)
  if (end.lines !== expected) return `log.end.lines = ${end.lines}, the input has ${expected} lines`
  if (end.lines !== end.recognized + end.ignored + end.unrecognized) {
    return `lines ${end.lines} ≠ recognized ${end.recognized} + ignored ${end.ignored} + unrecognized ${end.unrecognized}`
  }
  if (end.unrecognizedAptLike > end.unrecognized) return `unrecognizedAptLike ${end.unrecognizedAptLike} > unrecognized ${end.unrecognized}`
  const truncated = events.filter((e) => e.type === 'line.truncated').length
  if (end.truncated !== truncated) return `log.end.truncated = ${end.truncated}, ${truncated} line.truncated events`
  for (const e of events) {
    if (e.type === 'log.end') continue
    const last = e.endLine ?? e.line
    if (!Number.isInteger(e.line) || e.line < 1 || e.line > end.lines) return `${e.type} (${e.rule}) at line ${e.line}, outside 1..${end.lines}`
    if (!Number.isInteger(last) || last < e.line || last > end.lines) return `${e.type} (${e.rule}) spans ${e.line}..${last}, outside ${e.line}..${end.lines}`
  }
  return undefined
}

/**
 * A value JSON cannot carry faithfully (a non-finite number, a function, a `Map` or class instance
 * that would serialise as `{}`), or, with `strict`, an own property whose value is `undefined`
 * (the event contract: optional fields are absent). Returns its path, or undefined.
 */
export function jsonViolation(value: unknown, strict = true, path = '$'): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`
  if (value === undefined) return strict ? `${path} is undefined` : undefined
  if (typeof value !== 'object') return `${path} is a ${typeof value}`
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null && !Array.isArray(value)) return `${path} is not a plain object or array`
  for (const key of Object.keys(value)) {
    const inner = jsonViolation((value as Record<string, unknown>)[key], strict, `${path}.${key}`)
    if (inner !== undefined) return inner
  }
  return undefined
}

/** Cut `bytes` at random points; every other chunk decoded to a string when `mixed` (at a character boundary). */
export function randomChunks(random: Random, bytes: Uint8Array, mixed: boolean): Chunks {
  const cuts: number[] = []
  const count = 1 + Math.floor(random() * Math.min(64, bytes.length))
  for (let i = 0; i < count; i++) cuts.push(1 + Math.floor(random() * Math.max(1, bytes.length - 1)))
  cuts.sort((a, b) => a - b)
  const out: (string | Uint8Array)[] = []
  let from = 0
  for (const at of cuts) {
    if (at <= from || at >= bytes.length) continue
    out.push(bytes.subarray(from, at))
    from = at
  }
  out.push(bytes.subarray(from))
  if (!mixed) return out
  // Decode every other chunk to a string. A string chunk must hold whole characters: move the cut
  // back to the start of a UTF-8 sequence, and only decode chunks that are valid UTF-8 on their own.
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  const joined: (string | Uint8Array)[] = []
  for (let i = 0; i < out.length; i++) {
    const chunk = out[i] as Uint8Array
    if (i % 2 === 1) {
      try {
        joined.push(fatal.decode(chunk))
        continue
      } catch {
        // not valid UTF-8 on its own: keep the bytes
      }
    }
    joined.push(chunk)
  }
  return joined
}

/** Byte chunks of one byte each. */
export function byteChunks(bytes: Uint8Array): Chunks {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i++) out.push(bytes.subarray(i, i + 1))
  return out
}

/** Options of {@link checkCase}. */
export interface CheckOptions {
  /** The parser's line cap. */
  readonly maxLineLength?: number | undefined
  /** Summaries to diff the case against (both ways). */
  readonly references?: readonly RunSummary[] | undefined
  /** Also parse the input in one-byte chunks (slow on big inputs). */
  readonly byteByByte?: boolean | undefined
}

/** What a case showed. */
export interface CheckResult {
  /** The first invariant broken, or undefined. */
  readonly failure?: string | undefined
  /** The exception, when one was thrown. */
  readonly error?: unknown
}

function message(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack === undefined ? '' : `\n${error.stack.split('\n').slice(1, 6).join('\n')}`}`
  return String(error)
}

const equalJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Run every check on one input. */
export function checkCase(bytes: Uint8Array, random: Random, options: CheckOptions = {}): CheckResult {
  const { maxLineLength, references = [], byteByByte = false } = options
  let stage = 'parse'
  try {
    const whole = parseChunks([bytes], maxLineLength)
    const internal = whole.errors.find((e) => e.code === 'internal')
    if (internal !== undefined) return { failure: `onError internal: ${internal.message}`, error: internal.cause }
    const accounting = accountingViolation(whole.events, bytes)
    if (accounting !== undefined) return { failure: accounting }
    stage = 'json'
    for (const e of whole.events) {
      const bad = jsonViolation(e)
      if (bad !== undefined) return { failure: `${e.type} event: ${bad}` }
    }
    if (!equalJson(JSON.parse(JSON.stringify(whole.events)), whole.events)) return { failure: 'events change in a JSON round trip' }

    stage = 'chunking'
    const mixed = random() < 0.5
    const chunked = parseChunks(randomChunks(random, bytes, mixed), maxLineLength)
    if (!equalJson(chunked.events, whole.events)) return { failure: `${mixed ? 'mixed string/byte' : 'random byte'} chunks give other events: ${firstDifference(whole.events, chunked.events)}` }
    if (byteByByte) {
      stage = 'one-byte chunks'
      const single = parseChunks(byteChunks(bytes), maxLineLength)
      if (!equalJson(single.events, whole.events)) return { failure: `one-byte chunks give other events: ${firstDifference(whole.events, single.events)}` }
    }

    stage = 'summarize'
    const run = summarize(whole.events)
    const runBad = jsonViolation(run, false)
    if (runBad !== undefined) return { failure: `summary: ${runBad}` }
    if (run.lines !== (whole.events.at(-1) as { lines: number }).lines) return { failure: `summary.lines ${run.lines} ≠ log.end.lines` }

    stage = 'reports'
    renderText(summaryReport(run, 'case'))
    renderMarkdown(summaryReport(run))
    renderText(explainReport(run, whole.lines, 'case'), { color: true })
    renderMarkdown(explainReport(run, whole.lines))
    formatGithub(run, 'build.log')
    JSON.stringify(formatSarif(run, 'build.log', '0.0.0'))

    stage = 'diff'
    const pairs: (readonly [RunSummary, RunSummary])[] = [[run, run]]
    for (const other of references) pairs.push([other, run], [run, other])
    for (const [a, b] of pairs) {
      const d = diffRuns(a, b)
      const bad = jsonViolation(d, false)
      if (bad !== undefined) return { failure: `diff: ${bad}` }
      const report = diffReport(d, { a: 'A', b: 'B' })
      if (random() < 0.5) renderText(report)
      else renderMarkdown(report)
    }
    return {}
  } catch (error) {
    return { failure: `threw in ${stage}: ${message(error)}`, error }
  }
}

function firstDifference(a: readonly AptLogEvent[], b: readonly AptLogEvent[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = JSON.stringify(a[i])
    const y = JSON.stringify(b[i])
    if (x !== y) return `event ${i}: ${x?.slice(0, 300)} vs ${y?.slice(0, 300)}`
  }
  return 'none'
}
