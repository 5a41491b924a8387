/**
 * A seeded sample of the fuzz run (`npm run fuzz` runs a million cases): mutations of every
 * capture (byte flips, truncation, duplicated and reordered lines, ANSI/CR/NUL, CI and BuildKit
 * prefixes, spliced captures, hostile names, long lines) and random bytes, each through the
 * parser (whole, random chunks, one-byte chunks), the run model, the diff and every report.
 * test/fuzz/check.ts says what a case must satisfy.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { parse, summarize, type RunSummary } from '../../src/index.ts'
import { byteChunks, checkCase, parseChunks, accountingViolation } from '../fuzz/check.ts'
import { caseSeed, makeCase, prng, splitLines, type CaptureLines } from '../fuzz/mutate.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

const SEED = 20261127
const CASES = 1200

const corpus: CaptureLines[] = allCaptures().map((name) => ({ name, lines: splitLines(fixtureBytes(name)) }))
const references: RunSummary[] = ['docker/D30-ci-job-local-legacy-cli20.log', 'docker/D17-cli20-buildkit-plain-predepends-problem.log'].map((name) => summarize(parse(fixtureBytes(name))))

describe('fuzz sample (seeded)', () => {
  test(`${CASES} mutated captures and random inputs: no throw, no internal error, no lost line, same events under any chunking, reports render`, () => {
    const failures: string[] = []
    const kinds = new Map<string, number>()
    for (let index = 0; index < CASES; index++) {
      const c = makeCase(SEED, index, corpus)
      const kind = (c.how.split(/[(×, ]/)[0] as string) || 'other'
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
      const result = checkCase(c.bytes, prng(caseSeed(SEED, index) ^ 0x5bd1e995), {
        maxLineLength: c.maxLineLength,
        references: [references[index % references.length] as RunSummary],
        byteByByte: c.bytes.length < 2048 && index % 8 === 0,
      })
      if (result.failure !== undefined) failures.push(`case ${index} (${c.how}${c.base === undefined ? '' : ` from ${c.base}`}): ${result.failure}\n  reproduce: npm run fuzz -- --seed ${SEED} --case ${index}`)
    }
    expect(failures).toEqual([])
    // the sample exercises every kind of mutation
    for (const kind of ['flip', 'truncate', 'duplicate', 'reorder', 'noise', 'prefix', 'splice', 'fragments', 'names', 'random', 'crlf', 'long-line']) {
      expect([...kinds.keys()].some((k) => k.startsWith(kind)), kind).toBe(true)
    }
  })

  test('pure random bytes in one-byte chunks: the counts still add up', () => {
    const random = prng(SEED)
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(Math.floor(random() * 1500))
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256)
      const whole = parseChunks([bytes])
      const single = parseChunks(byteChunks(bytes))
      expect(whole.errors.filter((e) => e.code === 'internal')).toEqual([])
      expect(accountingViolation(whole.events, bytes)).toBeUndefined()
      expect(JSON.stringify(single.events)).toBe(JSON.stringify(whole.events))
    }
  })
})
