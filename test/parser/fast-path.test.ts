/**
 * The fast paths are an optimisation, not a second grammar: every capture, and the seeded fuzz
 * sample's mutations of them, give the same events, unrecognised lines and errors with the fast
 * paths on as with them off (src/lines/fast-path.ts), whole and in odd chunks.
 * @module
 */

import { afterEach, describe, expect, test } from 'vitest'
import { createParser } from '../../src/index.ts'
import { fastPaths } from '../../src/lines/fast-path.ts'
import { caseSeed, makeCase, splitLines, type CaptureLines } from '../fuzz/mutate.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

/** Everything a consumer can observe of one parse, one string per callback. */
function observe(bytes: Uint8Array, chunk: number, fast: boolean, maxLineLength?: number): string[] {
  fastPaths.enabled = fast
  const out: string[] = []
  const parser = createParser({
    maxLineLength,
    onEvent: (e) => out.push(JSON.stringify(e)),
    onUnrecognized: (text, line, aptLike) => out.push(`unrecognized ${line} ${String(aptLike)} ${JSON.stringify(text)}`),
    onError: (e) => out.push(`error ${e.code} ${e.line ?? ''} ${e.message}`),
  })
  for (let i = 0; i < bytes.length; i += chunk) parser.feed(bytes.subarray(i, i + chunk))
  parser.end()
  return out
}

/** The first place two observations part, or undefined. */
function firstDifference(slow: readonly string[], fast: readonly string[]): string | undefined {
  const length = Math.max(slow.length, fast.length)
  for (let i = 0; i < length; i++) {
    if (slow[i] !== fast[i]) return `at ${i}:\n  off: ${slow[i] ?? '(none)'}\n  on:  ${fast[i] ?? '(none)'}`
  }
  return undefined
}

afterEach(() => {
  fastPaths.enabled = true
})

describe('fast paths on and off give the same events', () => {
  const captures = allCaptures()

  test('the switch is on by default and the comparison sees a difference when there is one', () => {
    expect(fastPaths.enabled).toBe(true)
    expect(firstDifference(['a', 'b'], ['a', 'c'])).toContain('at 1')
    expect(firstDifference(['a'], ['a', 'b'])).toContain('(none)')
  })

  test(`every capture (${captures.length}), whole and in 4093-byte chunks`, () => {
    const failures: string[] = []
    for (const name of captures) {
      const bytes = fixtureBytes(name)
      const slow = observe(bytes, bytes.length || 1, false)
      for (const chunk of [bytes.length || 1, 4093]) {
        const difference = firstDifference(slow, observe(bytes, chunk, true))
        if (difference !== undefined) failures.push(`${name} (chunks of ${chunk}) ${difference}`)
      }
    }
    expect(failures).toEqual([])
  })

  test('400 seeded fuzz mutations of the captures', () => {
    const corpus: CaptureLines[] = captures.map((name) => ({ name, lines: splitLines(fixtureBytes(name)) }))
    const seed = 20261206
    const failures: string[] = []
    for (let index = 0; index < 400; index++) {
      const c = makeCase(seed, index, corpus)
      const chunk = 1 + (caseSeed(seed, index) % 5000)
      const difference = firstDifference(observe(c.bytes, c.bytes.length || 1, false, c.maxLineLength), observe(c.bytes, chunk, true, c.maxLineLength))
      if (difference !== undefined) failures.push(`case ${index} (${c.how}) ${difference}`)
    }
    expect(failures).toEqual([])
  })
})
