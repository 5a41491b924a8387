import { describe, expect, test } from 'vitest'
import { createChunkDecoder } from '../../src/lines/decoder.ts'

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

describe('chunk decoder', () => {
  test('a UTF-8 character split across chunks is kept whole', () => {
    const d = createChunkDecoder()
    // 一 = E4 B8 80
    expect(d.decode(bytes(0x61, 0xe4)) + d.decode(bytes(0xb8)) + d.decode(bytes(0x80, 0x62)) + d.flush()).toBe('a一b')
  })
  test('invalid UTF-8 becomes U+FFFD, never an exception', () => {
    const d = createChunkDecoder()
    expect(d.decode(bytes(0x61, 0xff, 0x62)) + d.flush()).toBe('a\uFFFDb')
  })
  test('a truncated character at the end of input becomes U+FFFD', () => {
    const d = createChunkDecoder()
    expect(d.decode(bytes(0x61, 0xe4, 0xb8)) + d.flush()).toBe('a\uFFFD')
  })
  test('a string after bytes ends a half-decoded character first', () => {
    const d = createChunkDecoder()
    expect(d.decode(bytes(0x61, 0xe4)) + d.decode('b')).toBe('a\uFFFDb')
  })
  test('a leading byte order mark is dropped, as bytes', () => {
    const d = createChunkDecoder()
    expect(d.decode(bytes(0xef, 0xbb)) + d.decode(bytes(0xbf, 0x61)) + d.flush()).toBe('a')
  })
  test('a leading byte order mark is dropped, as a string', () => {
    expect(createChunkDecoder().decode('\uFEFFa')).toBe('a')
  })
  test('a byte order mark later in the input is kept', () => {
    const d = createChunkDecoder()
    expect(d.decode('a') + d.decode('\uFEFFb')).toBe('a\uFEFFb')
  })
  test('NUL bytes pass through', () => {
    const d = createChunkDecoder()
    expect(d.decode(bytes(0x61, 0x00, 0x62))).toBe('a\u0000b')
  })
})
