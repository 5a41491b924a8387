/**
 * `aptlog diff baseline.json build.log`: either side of a diff may be a run model stored by
 * `aptlog summary --format json` (the last green build's, kept as a CI artifact) instead of a log.
 * Each path is opened once (a FIFO or standard input works) and told apart by its first bytes,
 * after gunzip and a UTF-8 BOM: a summary starts `{"schema":` (since the schema id was added) or
 * `{"outcome":` (before, and a stored `summarize()` result), while the only logs that start with
 * `{` are BuildKit rawjson streams (`{"vertexes":…`, `{"statuses":…`, `{"logs":…`). A stored
 * summary is data from outside: its size and nesting are bounded before `JSON.parse` sees it.
 * @module
 */

import { checkStoredSummary } from '../run/stored.ts'
import type { RunSummary } from '../run/types.ts'
import { analyseInput } from './analyse.ts'
import { CliError, openInput } from './input.ts'

/** Largest stored summary read (decompressed): a real one is a few KB to a few MB. */
export const MAX_SUMMARY_BYTES: number = 128 * 1024 * 1024

/** Deepest nesting of objects and arrays read: a run model nests 4 levels; JSON.parse recurses on each. */
export const MAX_SUMMARY_DEPTH: number = 64

/** Bytes looked at to tell a summary from a log. */
const HEAD_BYTES = 64

const SUMMARY_START = /^\s*\{\s*"(?:schema|outcome)"\s*:/

const BOM = [0xef, 0xbb, 0xbf] as const

const hasBom = (bytes: Uint8Array): boolean => bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]

/**
 * The offset where `text` nests objects and arrays deeper than `max`, or -1. One pass with a
 * counter (no recursion), strings skipped with their escapes, so a hostile file cannot overflow
 * the stack here or in the `JSON.parse` that follows.
 */
export function tooDeepAt(text: string, max: number = MAX_SUMMARY_DEPTH): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return -1
}

/** The run model in `text` (a stored summary's JSON), or a one-line error naming `path`. */
export function parseStoredSummary(path: string, text: string): RunSummary {
  const deep = tooDeepAt(text)
  if (deep !== -1) throw new CliError(`${path}: starts like an aptlog summary but nests deeper than ${MAX_SUMMARY_DEPTH} levels (at character ${deep})`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new CliError(`${path}: starts like an aptlog summary but is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const wrong = checkStoredSummary(value)
  if (wrong !== undefined) throw new CliError(`${path}: not an aptlog summary: ${wrong.path} should be ${wrong.expected}`)
  return value as RunSummary
}

/** The bytes of `chunks` (after `head`), up to {@link MAX_SUMMARY_BYTES}. */
async function readAll(path: string, head: Uint8Array[], rest: AsyncIterator<Uint8Array>): Promise<Uint8Array> {
  const parts = [...head]
  let size = head.reduce((n, c) => n + c.byteLength, 0)
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
    size += next.value.byteLength
    if (size > MAX_SUMMARY_BYTES) {
      await rest.return?.()
      throw new CliError(`${path}: starts like an aptlog summary but is larger than ${MAX_SUMMARY_BYTES / 1024 / 1024} MiB (decompressed)`)
    }
    parts.push(next.value)
  }
  return Buffer.concat(parts, size)
}

/** `head` then the rest of `iterator`. */
async function* prepend(head: readonly Uint8Array[], iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  yield* head
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value
  } finally {
    await iterator.return?.()
  }
}

/**
 * The run of `path` (a log, or a stored summary; plain or gzip; a file, a FIFO, or `-`), opened
 * and read once.
 */
export async function readRun(path: string): Promise<RunSummary> {
  let read = 0
  const input = await openInput(path, (bytes) => (read += bytes))
  const iterator = input[Symbol.asyncIterator]()
  const head: Uint8Array[] = []
  let headBytes = 0
  while (headBytes < HEAD_BYTES) {
    const next = await iterator.next()
    if (next.done === true) break
    head.push(next.value)
    headBytes += next.value.byteLength
  }
  const first = head.length === 1 ? (head[0] as Uint8Array) : Uint8Array.from(head.flatMap((c) => [...c.subarray(0, HEAD_BYTES)]))
  const start = new TextDecoder().decode((hasBom(first) ? first.subarray(3) : first).subarray(0, HEAD_BYTES))
  if (SUMMARY_START.test(start)) {
    const bytes = await readAll(path, head, iterator)
    return parseStoredSummary(path, new TextDecoder().decode(hasBom(bytes) ? bytes.subarray(3) : bytes))
  }
  return (await analyseInput(path, prepend(head, iterator), () => read)).summary
}
