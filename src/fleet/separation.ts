/**
 * Which values go with failure: for every dimension value, how strongly it separates failing runs
 * from passing ones. The measure is Youden's J (informedness): the share of failing runs that have
 * the value minus the share of passing runs that have it, `f/F − p/P`. It is 1 when every failing
 * run has the value and no passing run does (`kernel 4.4.0-98-generic: 12 of 12 failed; 0 of 30
 * passing`), 0 when the value is as common among passes as among failures, and it does not grow
 * with the fleet's failure rate (a value on 3 of 3 failures among 1000 passes scores as high as on
 * 300 of 300). Runs of unknown outcome count on neither side. docs/fleet.md says why not the
 * failure rate or mutual information.
 * @module
 */

import { compareText } from './bounded.ts'
import type { FleetAggregateJSON } from './aggregate.ts'

/** A value of a dimension that goes with failure. */
export interface FleetSuspect {
  /** Dimension (`host:kernel`). */
  readonly dimension: string
  /** The value. */
  readonly value: string
  /** Failed runs with it. */
  readonly failed: number
  /** Passing runs with it. */
  readonly passed: number
  /** Youden's J, in (0, 1]. */
  readonly score: number
  /** The dimension's other values, most runs first (up to 4): what the passing runs had. */
  readonly others: readonly { readonly value: string; readonly failed: number; readonly passed: number }[]
}

/** Dimensions a suspect is never drawn from: a culprit exists only on failed runs, so it separates by construction. */
const NOT_SUSPECTS: ReadonlySet<string> = new Set(['culprit'])

/**
 * The best separating value of each dimension, strongest first (ties: more failed runs, then
 * dimension and value order). Empty when the fleet has no failing or no passing run.
 */
export function failureSuspects(doc: FleetAggregateJSON, max = 10): FleetSuspect[] {
  const failing = doc.outcomes.failure
  const passing = doc.outcomes.success
  if (failing === 0 || passing === 0) return []
  const out: FleetSuspect[] = []
  for (const dim of doc.dimensions) {
    if (NOT_SUSPECTS.has(dim.name)) continue
    let best: FleetSuspect | undefined
    for (const v of dim.values) {
      const score = v.failure / failing - v.success / passing
      if (v.failure === 0 || score <= 0) continue
      if (best === undefined || score > best.score || (score === best.score && (v.failure > best.failed || (v.failure === best.failed && compareText(v.value, best.value) < 0)))) {
        best = { dimension: dim.name, value: v.value, failed: v.failure, passed: v.success, score, others: [] }
      }
    }
    if (best === undefined) continue
    const chosen = best.value
    const others = dim.values
      .filter((v) => v.value !== chosen && v.success + v.failure > 0)
      .sort((a, b) => b.success + b.failure - (a.success + a.failure) || compareText(a.value, b.value))
      .slice(0, 4)
      .map((v) => ({ value: v.value, failed: v.failure, passed: v.success }))
    out.push({ ...best, others })
  }
  return out.sort((a, b) => b.score - a.score || b.failed - a.failed || compareText(a.dimension, b.dimension) || compareText(a.value, b.value)).slice(0, max)
}
