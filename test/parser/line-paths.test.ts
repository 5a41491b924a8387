/**
 * The parser reads a whole line of a log without a paste margin as a range of the splitter's
 * block, and cuts the line out only when a consumer's `onLine` wants it, or when the line was cut
 * at the cap or joined across chunks. Every capture gives the same events, unrecognised lines and
 * errors on each of these paths, and `onLine` sees every physical line as read.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { createParser } from '../../src/index.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

/** Everything a consumer can observe of one parse but the raw lines, one string per callback. */
function observe(bytes: Uint8Array, chunk: number, rawLines?: string[]): string[] {
  const out: string[] = []
  const parser = createParser({
    onEvent: (e) => out.push(JSON.stringify(e)),
    onUnrecognized: (text, line, aptLike) => out.push(`unrecognized ${line} ${String(aptLike)} ${JSON.stringify(text)}`),
    onError: (e) => out.push(`error ${e.code} ${e.line ?? ''} ${e.message}`),
    onLine: rawLines === undefined ? undefined : (text, line) => rawLines.push(`${line} ${text}`),
  })
  for (let i = 0; i < bytes.length; i += chunk) parser.feed(bytes.subarray(i, i + chunk))
  parser.end()
  return out
}

/** The physical lines of a capture as `onLine` documents them: LF-terminated, trailing CRs off. */
function physicalLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.map((line, i) => `${i + 1} ${line.replace(/\r+$/, '')}`)
}

describe('every line path reads the same', () => {
  const captures = allCaptures()

  test(`every capture (${captures.length}): with and without onLine, whole and in 4093-byte chunks`, () => {
    const failures: string[] = []
    for (const name of captures) {
      const bytes = fixtureBytes(name)
      const ranges = observe(bytes, bytes.length || 1)
      const rawLines: string[] = []
      const withRawLines = observe(bytes, bytes.length || 1, rawLines)
      if (JSON.stringify(withRawLines) !== JSON.stringify(ranges)) failures.push(`${name}: onLine changes what is read`)
      if (JSON.stringify(rawLines) !== JSON.stringify(physicalLines(bytes))) failures.push(`${name}: onLine does not see every physical line`)
      if (JSON.stringify(observe(bytes, 4093)) !== JSON.stringify(ranges)) failures.push(`${name}: chunks of 4093 bytes read differently`)
    }
    expect(failures).toEqual([])
  })
})
