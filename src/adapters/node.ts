/**
 * `aptlog/node`: Node adapters. The only library module (besides the CLI) that imports `node:`.
 * @module
 */

import { createReadStream } from 'node:fs'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { createGunzip } from 'node:zlib'
import type { AptLogEvent } from '../events/index.ts'
import { createParser, type AptLogParser } from '../parser/create-parser.ts'
import { parseStream, type ParseOptions } from '../parser/parse.ts'

export type { AptLogEvent } from '../events/index.ts'
export type { ParseOptions } from '../parser/parse.ts'

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
}

/**
 * An object-mode Node `Transform`: write buffers or strings, read events.
 * @example
 * ```ts
 * process.stdin.pipe(createAptLogTransform()).on('data', (event) => console.log(event.type))
 * ```
 */
export function createAptLogTransform(options?: ParseOptions): Transform {
  let parser: AptLogParser
  let sink: Transform
  sink = new Transform({
    writableObjectMode: false,
    readableObjectMode: true,
    transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
      parser.feed(chunk)
      done()
    },
    flush(done: TransformCallback): void {
      parser.end()
      done()
    },
  })
  parser = createParser({ ...options, onEvent: (event: AptLogEvent) => sink.push(event) })
  return sink
}

/**
 * Chunks of a byte stream, gunzipped when it starts with the gzip magic number (whatever the file
 * is called). The first chunk is peeked, so pipes and FIFOs work too.
 */
export async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const iterator = source[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done === true) return
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator }
  if (!isGzip(first.value)) {
    yield first.value
    yield* rest
    return
  }
  const compressed = Readable.from(
    (async function* (): AsyncGenerator<Uint8Array, void, undefined> {
      yield first.value
      yield* rest
    })(),
  )
  const gunzip = createGunzip()
  compressed.on('error', (error) => gunzip.destroy(error))
  yield* compressed.pipe(gunzip) as AsyncIterable<Uint8Array>
}

/** Read a log file's chunks, gunzipped when compressed. */
export function readLogFile(path: string): AsyncGenerator<Uint8Array, void, undefined> {
  return gunzipIfNeeded(createReadStream(path) as AsyncIterable<Uint8Array>)
}

/**
 * Parse a log file (plain or gzip-compressed) as a stream of events.
 * @example
 * ```ts
 * for await (const event of parseFile('build.log.gz')) if (event.type === 'problem') console.log(event.message)
 * ```
 */
export function parseFile(path: string, options?: ParseOptions): AsyncGenerator<AptLogEvent, void, undefined> {
  return parseStream(readLogFile(path), options)
}
