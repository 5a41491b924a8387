/**
 * The fleet aggregate: what many runs add up to, as a JSON document (`aptlog.fleet/1`) that
 * merges. `merge` is associative and commutative, and `add(run)` is `merge` of a one-run
 * aggregate, so any sharding of the runs, merged in any grouping and order, gives the same
 * `toJSON()` as one aggregate over all of them. Size is bounded: per dimension the `limits.values`
 * smallest values (code-unit order) keep their counts and the rest are counted in `all`; per root
 * cause the `limits.examples` smallest examples (path, then line, then evidence) are kept. Which
 * entries are kept depends only on the union of the runs, never on the merge order.
 * @module
 */

import { compareText, entryFor, insertSmallest, smallestEntries } from './bounded.ts'
import type { FleetInputFailure, FleetRun } from './run.ts'

/** The schema id of the aggregate document. */
export const FLEET_SCHEMA = 'aptlog.fleet/1'

/** How much an aggregate keeps. Merging two aggregates keeps the smaller of each. */
export interface FleetLimits {
  /** Values kept per dimension (kernel versions, mirrors …). */
  readonly values: number
  /** Dimensions kept. */
  readonly dimensions: number
  /** Root-cause kinds kept. */
  readonly causes: number
  /** Example runs kept per root cause. */
  readonly examples: number
  /** Unreadable or crashed inputs listed. */
  readonly inputs: number
}

/** The default and largest limits (a document with larger ones is refused when read). */
export const FLEET_LIMITS: FleetLimits = { values: 1000, dimensions: 200, causes: 1000, examples: 3, inputs: 20 }

/** Runs by outcome. */
export interface OutcomeCounts {
  /** Runs that succeeded. */
  readonly success: number
  /** Runs that failed. */
  readonly failure: number
  /** Runs whose log proved neither. */
  readonly unknown: number
}

/** One value of a dimension and the outcomes of the runs that had it. */
export interface FleetValue extends OutcomeCounts {
  /** The value (`4.4.0-98-generic`). */
  readonly value: string
}

/**
 * One dimension runs vary in: `host:kernel`, `image:base-image` (environment facts, by scope),
 * `apt-generation`, `mirror`, `suite`, `culprit` (the package a root cause names).
 */
export interface FleetDimension {
  /** Dimension name. */
  readonly name: string
  /** Outcomes summed over every value counted, kept or not (`all` minus the kept values is "other"). */
  readonly all: OutcomeCounts
  /** Kept values, in value order. */
  readonly values: readonly FleetValue[]
}

/** A run that shows a root cause. */
export interface FleetExample {
  /** The log. */
  readonly path: string
  /** The root cause's line. */
  readonly line: number
  /** That line's text (`''` when not kept). */
  readonly evidence: string
}

/** One root-cause kind (with its finer cause) and how often it was the root cause. */
export interface FleetCause {
  /** Problem kind. */
  readonly kind: string
  /** Finer cause, or `null`. */
  readonly cause: string | null
  /** Runs with this root cause. */
  readonly count: number
  /** Failed runs among them. */
  readonly failed: number
  /** The smallest examples (path, line, evidence order). */
  readonly examples: readonly FleetExample[]
}

/** The aggregate document. */
export interface FleetAggregateJSON {
  /** Always {@link FLEET_SCHEMA}. */
  readonly schema: typeof FLEET_SCHEMA
  /** What it keeps. */
  readonly limits: FleetLimits
  /** Runs read. */
  readonly runs: number
  /** Runs by outcome. */
  readonly outcomes: OutcomeCounts
  /** Docker steps over all runs, and those that ended in an error. */
  readonly steps: { readonly total: number; readonly failed: number }
  /** Log lines over all runs. */
  readonly lines: number
  /** Inputs that gave no run. */
  readonly inputs: {
    /** Could not be read (missing, permission, damaged gzip). */
    readonly unreadable: number
    /** The worker reading it threw or died. */
    readonly crashed: number
    /** The worker reading it ran out of memory. */
    readonly outOfMemory: number
    /** The smallest (path, reason, message) of them. */
    readonly examples: readonly FleetInputFailure[]
  }
  /** Root causes. */
  readonly rootCauses: {
    /** Runs with a root cause, kept or not. */
    readonly all: number
    /** Kept kinds, in (kind, cause) order. */
    readonly entries: readonly FleetCause[]
  }
  /** Dimensions, in name order. */
  readonly dimensions: readonly FleetDimension[]
}

/** An aggregate being built. */
export interface FleetAggregate {
  /** Count one run. */
  add(run: FleetRun): void
  /** Count one input that gave no run. */
  addInputFailure(failure: FleetInputFailure): void
  /** Add another aggregate (or its document) into this one. */
  merge(other: FleetAggregate | FleetAggregateJSON): void
  /** The document: canonical (sorted, cut to the limits), so equal aggregates give equal JSON. */
  toJSON(): FleetAggregateJSON
}

interface MutableCounts {
  success: number
  failure: number
  unknown: number
}

interface DimensionState {
  readonly all: MutableCounts
  readonly values: Map<string, MutableCounts>
}

interface CauseState {
  readonly kind: string
  readonly cause: string | null
  count: number
  failed: number
  readonly examples: FleetExample[]
}

type Outcome = keyof OutcomeCounts

const zero = (): MutableCounts => ({ success: 0, failure: 0, unknown: 0 })

function addCounts(into: MutableCounts, from: OutcomeCounts): void {
  into.success += from.success
  into.failure += from.failure
  into.unknown += from.unknown
}

function one(outcome: Outcome): OutcomeCounts {
  return { success: outcome === 'success' ? 1 : 0, failure: outcome === 'failure' ? 1 : 0, unknown: outcome === 'unknown' ? 1 : 0 }
}

const copy = (c: OutcomeCounts): OutcomeCounts => ({ success: c.success, failure: c.failure, unknown: c.unknown })

/** Order of examples: path, line, evidence. */
export function compareExamples(a: FleetExample, b: FleetExample): number {
  return compareText(a.path, b.path) || a.line - b.line || compareText(a.evidence, b.evidence)
}

/** Order of input failures: path, reason, message. */
export function compareInputFailures(a: FleetInputFailure, b: FleetInputFailure): number {
  return compareText(a.path, b.path) || compareText(a.reason, b.reason) || compareText(a.message, b.message)
}

const causeKey = (kind: string, cause: string | null): string => `${kind}\u0000${cause ?? ''}${cause === null ? '' : '\u0001'}`

/** The dimensions and values one run counts in. */
function dimensionsOf(run: FleetRun): [string, string][] {
  const out: [string, string][] = []
  for (const f of run.environment) out.push([`${f.scope}:${f.fact}`, f.value])
  if (run.aptGeneration !== null) out.push(['apt-generation', run.aptGeneration])
  for (const m of run.mirrors) out.push(['mirror', m])
  for (const s of run.suites) out.push(['suite', s])
  if (run.culprit !== null) out.push(['culprit', run.culprit])
  // A run names each value once per dimension, however the record repeated it.
  return [...new Map(out.map((pair) => [`${pair[0]}\u0000${pair[1]}`, pair])).values()]
}

/** Create an empty aggregate, or one holding a document read back (see `readFleetAggregate` for untrusted JSON). */
export function createFleetAggregate(options?: { readonly limits?: Partial<FleetLimits> | undefined }): FleetAggregate {
  let limits: FleetLimits = { ...FLEET_LIMITS, ...options?.limits }
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`createFleetAggregate: limits.${name} must be a positive integer (got ${String(value)})`)
  }
  let runs = 0
  let lines = 0
  const outcomes = zero()
  const steps = { total: 0, failed: 0 }
  const inputs = { unreadable: 0, crashed: 0, outOfMemory: 0, examples: [] as FleetInputFailure[] }
  let causesAll = 0
  const causes = new Map<string, CauseState>()
  const dimensions = new Map<string, DimensionState>()

  function countValue(dimension: string, value: string, counts: OutcomeCounts): void {
    const dim = entryFor(dimensions, dimension, limits.dimensions, () => ({ all: zero(), values: new Map() }))
    addCounts(dim.all, counts)
    addCounts(entryFor(dim.values, value, limits.values, zero), counts)
  }

  function countDimension(d: FleetDimension): void {
    const dim = entryFor(dimensions, d.name, limits.dimensions, () => ({ all: zero(), values: new Map() }))
    addCounts(dim.all, d.all)
    for (const v of d.values) addCounts(entryFor(dim.values, v.value, limits.values, zero), v)
  }

  function countCause(kind: string, cause: string | null, count: number, failed: number, examples: readonly FleetExample[]): void {
    causesAll += count
    const entry = entryFor(causes, causeKey(kind, cause), limits.causes, (): CauseState => ({ kind, cause, count: 0, failed: 0, examples: [] }))
    entry.count += count
    entry.failed += failed
    for (const e of examples) insertSmallest(entry.examples, { path: e.path, line: e.line, evidence: e.evidence }, limits.examples, compareExamples)
  }

  function countInputs(unreadable: number, crashed: number, outOfMemory: number, examples: readonly FleetInputFailure[]): void {
    inputs.unreadable += unreadable
    inputs.crashed += crashed
    inputs.outOfMemory += outOfMemory
    for (const e of examples) insertSmallest(inputs.examples, { path: e.path, reason: e.reason, message: e.message }, limits.inputs, compareInputFailures)
  }

  const aggregate: FleetAggregate = {
    add(run: FleetRun): void {
      runs++
      lines += run.lines
      outcomes[run.outcome]++
      steps.total += run.steps.total
      steps.failed += run.steps.failed
      const counts = one(run.outcome)
      for (const [dimension, value] of dimensionsOf(run)) countValue(dimension, value, counts)
      const root = run.rootCause
      if (root !== null) countCause(root.kind, root.cause, 1, run.outcome === 'failure' ? 1 : 0, [{ path: run.path, line: root.line, evidence: root.evidence }])
    },
    addInputFailure(failure: FleetInputFailure): void {
      countInputs(failure.reason === 'unreadable' ? 1 : 0, failure.reason === 'crashed' ? 1 : 0, failure.reason === 'out-of-memory' ? 1 : 0, [failure])
    },
    merge(other: FleetAggregate | FleetAggregateJSON): void {
      const doc = 'toJSON' in other && typeof other.toJSON === 'function' ? other.toJSON() : (other as FleetAggregateJSON)
      const smaller: Record<string, number> = {}
      for (const [name, value] of Object.entries(limits)) smaller[name] = Math.min(value, doc.limits[name as keyof FleetLimits])
      limits = smaller as unknown as FleetLimits
      runs += doc.runs
      lines += doc.lines
      addCounts(outcomes, doc.outcomes)
      steps.total += doc.steps.total
      steps.failed += doc.steps.failed
      countInputs(doc.inputs.unreadable, doc.inputs.crashed, doc.inputs.outOfMemory, doc.inputs.examples)
      // Root causes the other side dropped are in its `all` only.
      const keptCauses = doc.rootCauses.entries.reduce((sum, c) => sum + c.count, 0)
      causesAll += doc.rootCauses.all - keptCauses
      for (const c of doc.rootCauses.entries) countCause(c.kind, c.cause, c.count, c.failed, c.examples)
      for (const d of doc.dimensions) countDimension(d)
    },
    toJSON(): FleetAggregateJSON {
      return {
        schema: FLEET_SCHEMA,
        limits: { ...limits },
        runs,
        outcomes: copy(outcomes),
        steps: { ...steps },
        lines,
        inputs: { unreadable: inputs.unreadable, crashed: inputs.crashed, outOfMemory: inputs.outOfMemory, examples: inputs.examples.slice(0, limits.inputs) },
        rootCauses: {
          all: causesAll,
          entries: smallestEntries(causes, limits.causes).map(([, c]) => ({ kind: c.kind, cause: c.cause, count: c.count, failed: c.failed, examples: c.examples.slice(0, limits.examples) })),
        },
        dimensions: smallestEntries(dimensions, limits.dimensions).map(([name, d]) => ({
          name,
          all: copy(d.all),
          values: smallestEntries(d.values, limits.values).map(([value, c]) => ({ value, ...copy(c) })),
        })),
      }
    },
  }
  return aggregate
}
