/**
 * The retention budget (events/budget.ts) and the run model's kept strings (run/keep.ts): what is
 * clipped, how it is marked, and what happens once a run's budget or entry count is spent.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { clip, createRetentionBudget, isClipped, MAX_KEPT_TEXT } from '../../src/events/budget.ts'
import { parse, summarize } from '../../src/index.ts'
import { createInterner } from '../../src/run/keep.ts'

describe('clip', () => {
  const CASES: readonly { name: string; text: string; max: number; want: string }[] = [
    { name: 'shorter than the limit: itself', text: 'libc6', max: 8, want: 'libc6' },
    { name: 'exactly the limit: itself (near miss)', text: 'libc6-dev', max: 9, want: 'libc6-dev' },
    { name: 'one over: cut and marked with what was dropped', text: 'libc6-devX', max: 9, want: 'libc6-dev…[cut 1 chars]' },
    { name: 'a surrogate pair at the cut stays whole (dropped, not halved)', text: 'ab😀cd', max: 3, want: 'ab…[cut 4 chars]' },
    { name: 'a mebibyte of quotes', text: '"'.repeat(1 << 20), max: 4, want: `""""…[cut ${(1 << 20) - 4} chars]` },
  ]
  for (const { name, text, max, want } of CASES) {
    test(name, () => {
      expect(clip(text, max)).toBe(want)
      expect(isClipped(clip(text, max))).toBe(want !== text)
    })
  }

  test('the default limit is MAX_KEPT_TEXT', () => {
    expect(clip('x'.repeat(MAX_KEPT_TEXT))).toHaveLength(MAX_KEPT_TEXT)
    expect(clip('x'.repeat(MAX_KEPT_TEXT + 1)).startsWith('x'.repeat(MAX_KEPT_TEXT) + '…[cut 1 chars]')).toBe(true)
  })
})

describe('a retention budget', () => {
  test('clips to the limit while it lasts, to a 64-character stub once spent, and counts what it kept', () => {
    const budget = createRetentionBudget(10_000)
    const first = budget.take('a'.repeat(20_000))
    expect(first.startsWith('a'.repeat(MAX_KEPT_TEXT))).toBe(true)
    budget.take('b'.repeat(20_000))
    budget.take('c'.repeat(20_000)) // 3 × ~4 KiB: past 10 000
    expect(budget.spent).toBeGreaterThan(10_000)
    expect(budget.take('d'.repeat(20_000))).toBe(`${'d'.repeat(64)}…[cut ${20_000 - 64} chars]`)
    expect(budget.take('short')).toBe('short') // a short string is kept whole even then (near miss)
  })
})

describe('the interner', () => {
  test('admits list entries up to its bound, then refuses and counts', () => {
    const strings = createInterner(10, createRetentionBudget(), 3)
    expect([strings.admit(), strings.admit(), strings.admit(), strings.admit(), strings.admit()]).toEqual([true, true, true, false, false])
    expect(strings.refused).toBe(2)
  })
  test('keeps clipped copies; long strings are not interned but still clipped', () => {
    const strings = createInterner()
    const long = 'p'.repeat(10_000)
    expect(strings.of(long)).toBe(clip(long))
    expect(strings.of('libc6')).toBe('libc6')
  })
})

describe('the run model of a log with a 1 MiB error message', () => {
  test('the problem keeps 4096 characters and a mark, and says it is clipped', () => {
    const run = summarize(parse(`E: ${'"'.repeat(1 << 20)}\nE: Unable to locate package foo\n`))
    const [huge, normal] = run.problems
    expect(huge?.message).toHaveLength(MAX_KEPT_TEXT + `…[cut ${(1 << 20) - MAX_KEPT_TEXT} chars]`.length)
    expect(huge?.clipped).toBe(true)
    expect(normal?.clipped, 'a normal message is not marked (near miss)').toBeUndefined()
  })
})
