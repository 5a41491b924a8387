import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createParser, parse, type AptLogEvent } from '../../src/index.ts'
import { cutAt, fixedChunks, mixedChunks, randomCuts } from '../support/chunk.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

function parseChunks(chunks: readonly (string | Uint8Array)[]): AptLogEvent[] {
  const events: AptLogEvent[] = []
  const parser = createParser({ onEvent: (e) => events.push(e) })
  for (const chunk of chunks) parser.feed(chunk)
  parser.end()
  return events
}

const captures = allCaptures()
const SMALL = 2_500 // bytes: below this, every single split point is tried

describe('chunking invariance on every capture', () => {
  test('there are captures to test', () => {
    expect(captures.length).toBeGreaterThan(150)
  })

  for (const name of captures) {
    test(name, () => {
      const bytes = fixtureBytes(name)
      const whole = parse(bytes)
      expect(whole.at(-1)).toMatchObject({ type: 'log.end', truncated: 0 })
      if (bytes.length <= SMALL) {
        for (let at = 1; at < bytes.length; at++) expect(parseChunks(cutAt(bytes, [at]))).toEqual(whole)
      }
      expect(parseChunks(fixedChunks(bytes, 1))).toEqual(whole)
      expect(parseChunks(fixedChunks(bytes, 7))).toEqual(whole)
      expect(parseChunks(fixedChunks(bytes, 65_536))).toEqual(whole)
      for (let seed = 1; seed <= 5; seed++) expect(parseChunks(randomCuts(bytes, 40, seed))).toEqual(whole)
      const text = new TextDecoder().decode(bytes)
      expect(parseChunks(mixedChunks(text, 7))).toEqual(parse(text))
    })
  }
})

describe('chunking invariance, property', () => {
  test('any split of any capture gives the same events (fast-check)', () => {
    const inputs = captures.map((name) => fixtureBytes(name)).filter((b) => b.length > 0)
    const wholes = inputs.map((b) => parse(b))
    fc.assert(
      fc.property(fc.nat({ max: inputs.length - 1 }), fc.array(fc.nat(), { maxLength: 30 }), (which, cuts) => {
        const bytes = inputs[which] as Uint8Array
        const offsets = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b)
        expect(parseChunks(cutAt(bytes, offsets))).toEqual(wholes[which])
      }),
      { numRuns: 300, seed: 42 },
    )
  })
})
