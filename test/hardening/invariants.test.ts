/**
 * What must hold on every capture, beyond the golden files: the line accounting of `log.end`, the
 * ranges of events, the JSON contract, and chunking invariance in the forms
 * test/parser/chunking.test.ts does not try (mixed string and byte chunks cut anywhere, mutated
 * inputs where CR, CRLF, escapes and broken UTF-8 sit on the cut, the streaming APIs, a reused
 * parser).
 * @module
 */

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createParser, parse, parseStream, summarize, type AptLogEvent } from '../../src/index.ts'
import { accountingViolation, byteChunks, countLines, jsonViolation, parseChunks, type Chunks } from '../fuzz/check.ts'
import { makeCase, splitLines, type CaptureLines } from '../fuzz/mutate.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

const captures = allCaptures()
const bytesOf = new Map(captures.map((name) => [name, fixtureBytes(name)]))
const json = (events: readonly AptLogEvent[]): string => JSON.stringify(events)

describe('every capture: lines = recognized + ignored + unrecognized, and nothing points past the input', () => {
  for (const name of captures) {
    test(name, () => {
      const bytes = bytesOf.get(name) as Uint8Array
      const { events, errors } = parseChunks([bytes])
      expect(errors).toEqual([])
      expect(accountingViolation(events, bytes)).toBeUndefined()
      const end = events.at(-1) as AptLogEvent & { lines: number }
      expect(end.lines).toBe(countLines(bytes))
      for (const e of events) expect(jsonViolation(e), `${e.type} at line ${e.line}`).toBeUndefined()
      expect(JSON.parse(json(events))).toEqual(events)
      const run = summarize(events)
      expect(jsonViolation(run, false)).toBeUndefined()
      expect(JSON.parse(JSON.stringify(run))).toEqual(run)
      expect(run.lines).toBe(end.lines)
    })
  }
})

describe('every capture: onUnrecognized is called once for each line log.end counts as unrecognised', () => {
  for (const name of captures) {
    test(name, () => {
      const seen: number[] = []
      let aptLike = 0
      const events = parse(bytesOf.get(name) as Uint8Array, {
        onUnrecognized: (_text, no, isAptLike) => {
          seen.push(no)
          if (isAptLike) aptLike++
        },
      })
      const end = events.at(-1) as AptLogEvent & { unrecognized: number; unrecognizedAptLike: number }
      expect([seen.length, aptLike]).toEqual([end.unrecognized, end.unrecognizedAptLike])
      expect(new Set(seen).size).toBe(seen.length)
    })
  }
})

/** Cut `bytes` at `offsets`; chunks whose index is in `asString` are decoded to strings when they hold whole characters. */
function mixedCut(bytes: Uint8Array, offsets: readonly number[], asString: (i: number) => boolean): Chunks {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  const out: (string | Uint8Array)[] = []
  let from = 0
  for (const at of [...offsets, bytes.length]) {
    if (at <= from || at > bytes.length) continue
    const piece = bytes.subarray(from, at)
    let chunk: string | Uint8Array = piece
    if (asString(out.length)) {
      try {
        chunk = strict.decode(piece)
      } catch {
        // cut inside a character: this chunk stays bytes
      }
    }
    out.push(chunk)
    from = at
  }
  return out
}

describe('chunking invariance, beyond test/parser/chunking.test.ts', () => {
  const inputs = captures.map((name) => bytesOf.get(name) as Uint8Array).filter((b) => b.length > 0)
  const wholes = inputs.map((b) => json(parse(b)))

  test('string and byte chunks mixed at any cut, bytes cut inside characters (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat({ max: inputs.length - 1 }), fc.array(fc.nat(), { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 41, maxLength: 41 }), (which, cuts, strings) => {
        const bytes = inputs[which] as Uint8Array
        const offsets = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b)
        const events = parseChunks(mixedCut(bytes, offsets, (i) => strings[i] === true)).events
        expect(json(events)).toBe(wholes[which])
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  test('mutated captures (CR, CRLF, escapes, broken UTF-8, prefixes on the cut): random mixed chunks and one-byte chunks (fast-check)', () => {
    const corpus: CaptureLines[] = captures.map((name) => ({ name, lines: splitLines(bytesOf.get(name) as Uint8Array) }))
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { maxLength: 30 }), fc.array(fc.boolean(), { minLength: 31, maxLength: 31 }), (index, cuts, strings) => {
        const c = makeCase(99, index, corpus)
        const whole = json(parseChunks([c.bytes], c.maxLineLength).events)
        const offsets = c.bytes.length === 0 ? [] : [...new Set(cuts.map((x) => x % c.bytes.length))].sort((a, b) => a - b)
        expect(json(parseChunks(mixedCut(c.bytes, offsets, (i) => strings[i] === true), c.maxLineLength).events)).toBe(whole)
        if (c.bytes.length < 3000) expect(json(parseChunks(byteChunks(c.bytes), c.maxLineLength).events)).toBe(whole)
      }),
      { numRuns: 250, seed: 11 },
    )
  })

  test('parseStream over random chunks gives the events of parse()', async () => {
    let checked = 0
    for (let i = 0; i < inputs.length; i += 9) {
      const bytes = inputs[i] as Uint8Array
      const offsets = Array.from({ length: 12 }, (_, k) => Math.floor((bytes.length * (k * 7 + 3)) / 89)).sort((a, b) => a - b)
      const chunks = mixedCut(bytes, offsets, (k) => k % 2 === 1)
      async function* source(): AsyncGenerator<string | Uint8Array> {
        for (const chunk of chunks) yield chunk
      }
      const events: AptLogEvent[] = []
      for await (const e of parseStream(source())) events.push(e)
      expect(json(events)).toBe(wholes[i])
      checked++
    }
    expect(checked).toBeGreaterThan(15)
  })

  test('one parser reused with reset() reads every capture as a fresh one would', () => {
    let events: AptLogEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e) })
    inputs.forEach((bytes, i) => {
      events = []
      parser.reset()
      const half = Math.floor(bytes.length / 2)
      parser.feed(bytes.subarray(0, half))
      // reset in the middle of a log forgets it entirely
      if (i % 3 === 0) {
        parser.reset()
        events = []
        parser.feed(bytes.subarray(0, half))
      }
      parser.feed(bytes.subarray(half))
      parser.end()
      expect(json(events)).toBe(wholes[i])
    })
  })
})
