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

async function* chunksOf(source: ChunkSource): AsyncGenerator<Chunk, void, undefined> {
  if (!isReadableStream(source)) {
    yield* source
    return
  }
  const reader = source.getReader()
  try {
    for (;;) {
      const next = await reader.read()
      if (next.done) return
      yield next.value
    }
  } finally {
    reader.releaseLock()
  }
}

/**
 * Parse a stream of chunks, yielding events as the lines that complete them arrive.
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
