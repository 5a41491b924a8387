/**
 * `aptlog/stream`: a WHATWG `TransformStream` from chunks to events, for browsers, Deno, Bun and
 * Node ≥ 18.
 * @module
 */

import type { AptLogEvent } from '../events/index.ts'
import type { Chunk } from '../lines/decoder.ts'
import { createParser, type AptLogParser } from '../parser/create-parser.ts'
import type { ParseOptions } from '../parser/parse.ts'

export type { AptLogEvent } from '../events/index.ts'
export type { Chunk } from '../lines/decoder.ts'
export type { ParseOptions } from '../parser/parse.ts'

/**
 * Transforms log chunks (`string` or UTF-8 `Uint8Array`) into events.
 * @example
 * ```ts
 * const events = (await fetch(url)).body!.pipeThrough(new AptLogStream())
 * for await (const event of events) console.log(event.type)
 * ```
 */
export class AptLogStream extends TransformStream<Chunk, AptLogEvent> {
  constructor(options?: ParseOptions) {
    let parser: AptLogParser | undefined
    super({
      start(controller): void {
        parser = createParser({ ...options, onEvent: (event) => controller.enqueue(event) })
      },
      transform(chunk): void {
        parser?.feed(chunk)
      },
      flush(): void {
        parser?.end()
      },
    })
  }
}
