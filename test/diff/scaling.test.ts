/**
 * `diffRuns` is linear in the steps and transactions of its runs (a stored baseline may hold any
 * number): the work counted for 80 000 steps is about four times that for 20 000, never sixteen.
 * Counted, not timed (test/hardening/work-counter.ts).
 * @module
 */

import { describe, expect, test } from 'vitest'
import { diffRuns, parse, summarize, type RunSummary, type Step } from '../../src/index.ts'
import { countWork } from '../hardening/work-counter.ts'
import { fixtureText } from '../support/fixtures.ts'

// A real legacy build's run model, its steps and transactions multiplied.
const BASE = summarize(parse(fixtureText('docker/D30-ci-job-local-legacy-cli20.log')))
const TX = BASE.transactions[0]

/** `n` steps, each with its own apt run; `sameKey`: every step runs the same instruction (one alignment key). */
function runOf(n: number, sameKey: boolean): RunSummary {
  const steps: Step[] = Array.from({ length: n }, (_, i) => ({ id: String(i + 1), instruction: sameKey ? 'RUN apt-get update' : `RUN echo ${i}`, status: 'done', line: i + 1 }))
  if (TX === undefined) throw new Error('the fixture has an apt run')
  return { ...BASE, steps, transactions: steps.map((s) => ({ ...TX, step: s.id })) }
}

const workFor = (n: number, sameKey: boolean): number => {
  const a = runOf(n, sameKey)
  const b = runOf(n, sameKey)
  return countWork(() => diffRuns(a, b)).work
}

describe('diffRuns is linear in steps', () => {
  for (const sameKey of [true, false]) {
    test(`${sameKey ? 'every step with one key' : 'every step its own key'}: 80 000 steps cost about 4× 20 000`, () => {
      const small = workFor(20_000, sameKey)
      const large = workFor(80_000, sameKey)
      expect(small).toBeGreaterThan(20_000) // the counter sees the work at all
      expect(large / small).toBeLessThan(6) // linear: 4 (plus a sort's log); quadratic: 16
    })
  }
})
