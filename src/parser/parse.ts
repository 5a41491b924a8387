/**
 * Whole-input and async-stream conveniences over {@link createParser}.
 * @module
 */

import type { AptLogEvent } from '../events/index.ts'
import type { Chunk } from '../lines/decoder.ts'
import { createParser, type ParserOptions } from './create-parser.ts'

/** Options of {@link parse} and {@link parseStream}. */
export type ParseOptions = Omit<ParserOptions, 'onEvent'>

/**
 * Parse a whole log held in memory.
 * @example
 * ```ts
 * const events = parse(readFileSync('build.log'))
 * const problems = events.filter((e) => e.type === 'problem')
 * ```
 */
export function parse(input: Chunk, options?: ParseOptions): AptLogEvent[] {
  const events: AptLogEvent[] = []
  const parser = createParser({ ...options, onEvent: (event) => events.push(event) })
  parser.feed(input)
  parser.end()
  return events
}

/** A source of chunks: an (async) iterable, or a WHATWG `ReadableStream` (browsers and Safari have no async iteration on it). */
export type ChunkSource = AsyncIterable<Chunk> | Iterable<Chunk> | ReadableStream<Uint8Array> | ReadableStream<string> | ReadableStream<Chunk>

function isReadableStream(source: ChunkSource): source is ReadableStream<Chunk> {
  return typeof (source as { getReader?: unknown }).getReader === 'function'
}

/**
 * The chunks of `source`. Left early (the consumer's loop breaks or throws), a `ReadableStream` is
 * cancelled, so its producer stops (a fetch body's connection closes); an iterator's `return()`
 * is called by `yield*`.
 */
async function* chunksOf(source: ChunkSource): AsyncGenerator<Chunk, void, undefined> {
  if (!isReadableStream(source)) {
    yield* source
    return
  }
  const reader = source.getReader()
  let finished = false
  try {
    for (;;) {
      const next = await reader.read()
      if (next.done) {
        finished = true
        return
      }
      yield next.value
    }
  } finally {
    // A stream that failed or ended needs no cancel; a cancel that rejects has nothing to tell the consumer.
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}

/**
 * Parse a stream of chunks, yielding events as the lines that complete them arrive. Leaving the
 * loop early (`break`, a throw) cancels a `ReadableStream` source, or calls `return()` on an
 * iterator source.
 * @example
 * ```ts
 * for await (const event of parseStream(response.body)) console.log(event.type)
 * ```
 */
export async function* parseStream(
  source: ChunkSource,
  options?: ParseOptions,
): AsyncGenerator<AptLogEvent, void, undefined> {
  let pending: AptLogEvent[] = []
  const parser = createParser({ ...options, onEvent: (event) => pending.push(event) })
  for await (const chunk of chunksOf(source)) {
    parser.feed(chunk)
    if (pending.length > 0) {
      const ready = pending
      pending = []
      yield* ready
    }
  }
  parser.end()
  yield* pending
}
