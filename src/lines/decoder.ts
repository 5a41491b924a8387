/**
 * Chunk decoding: `string` and `Uint8Array` chunks in any split become text. Bytes go through the
 * web-standard `TextDecoder` in streaming mode, so a UTF-8 character split across chunks is kept
 * whole; invalid UTF-8 becomes U+FFFD, never an exception. No Node `Buffer`.
 * @module
 */

import { BOM } from './chars.ts'

/** A chunk the parser accepts. */
export type Chunk = string | Uint8Array

/** Turns chunks into text, keeping state between calls. */
export interface ChunkDecoder {
  /** Decode one chunk; returns the text that is complete so far. */
  decode(chunk: Chunk): string
  /** Flush bytes held back at the end of input (an incomplete character becomes U+FFFD). */
  flush(): string
  /** Forget all state, as if new. */
  reset(): void
}

/**
 * Create a decoder. A leading byte order mark is dropped once, at the very start of the input,
 * whether it arrives as bytes or as a string (GitHub Actions log files may start with one).
 */
export function createChunkDecoder(): ChunkDecoder {
  let bytes: TextDecoder | undefined
  let whole: TextDecoder | undefined
  /** The streaming decoder may hold the first bytes of a character (the last byte chunk did not end in ASCII). */
  let pendingBytes = false
  let atStart = true

  function dropLeadingBom(text: string): string {
    if (!atStart || text.length === 0) return text
    atStart = false
    return text.charCodeAt(0) === BOM ? text.slice(1) : text
  }

  function flushBytes(): string {
    if (!pendingBytes || bytes === undefined) return ''
    pendingBytes = false
    return bytes.decode()
  }

  return {
    decode(chunk: Chunk): string {
      if (typeof chunk === 'string') {
        // A string after bytes ends any half-decoded character first.
        const held = flushBytes()
        return dropLeadingBom(held.length > 0 ? held + chunk : chunk)
      }
      if (chunk.byteLength === 0) return ''
      // A chunk that ends in an ASCII byte ends on a character boundary; when the streaming decoder
      // holds nothing either, it decodes alone, without `stream`: Node ≥ 20 then takes its simdutf
      // path instead of ICU's streaming converter (100 MiB of CI log: ~10 instead of ~60 ms). Invalid
      // bytes become U+FFFD the same way on both paths (WHATWG Encoding).
      // ignoreBOM keeps a decoder from eating a BOM anywhere but where we decide.
      if (!pendingBytes && (chunk[chunk.byteLength - 1] as number) < 0x80) {
        whole ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
        return dropLeadingBom(whole.decode(chunk))
      }
      bytes ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
      // After this chunk the streaming decoder holds nothing if it ended in ASCII.
      pendingBytes = (chunk[chunk.byteLength - 1] as number) >= 0x80
      return dropLeadingBom(bytes.decode(chunk, { stream: true }))
    },
    flush(): string {
      return dropLeadingBom(flushBytes())
    },
    reset(): void {
      bytes = undefined
      pendingBytes = false
      atStart = true
    },
  }
}
