/**
 * `diffRuns(a, b)`: what changed between two runs of the same build (A: the good one, B: the one
 * to explain), step by step, and what it means.
 * @module
 */

import type { Problem } from '../events/index.ts'
import type { AptGeneration, AptSource, Finding, PlanCounts, RunSummary, Step, Transaction } from '../run/types.ts'
import { formatBytes, formatDuration } from '../run/units.ts'
import { align, stepKey } from './align.ts'
import { compareEnvironments, environmentFindings, type EnvComparison } from './environment.ts'
import { diffPackages, installedPackages, type PackageDiff, type PackageSet } from './packages.ts'

/** A value in run A and in run B. */
export interface Pair<T> {
  /** In run A. */
  readonly a: T
  /** In run B. */
  readonly b: T
}

/** The comparison of one aligned step. */
export interface StepDiff {
  /** The alignment key: the instruction (`RUN apt-get update && …`), or the vertex name. */
  readonly key: string
  /** The step in A (null: only in B). */
  readonly a: Step | null
  /** The step in B (null: only in A). */
  readonly b: Step | null
  /** `added` / `removed` when only one run has it; `changed` when something below differs. */
  readonly change: 'same' | 'added' | 'removed' | 'changed'
  /** Packages installed by the step's apt/dpkg runs; empty when the step was cached in one run (see `cached`). */
  readonly packages: PackageDiff
  /** Summed summary counts, when either run printed some. */
  readonly counts?: Pair<PlanCounts | null> | undefined
  /** Download sizes, when either run printed one. */
  readonly downloadBytes?: Pair<number | null> | undefined
  /** Repositories used by B and not A, and the reverse. */
  readonly sources?: { readonly added: readonly AptSource[]; readonly removed: readonly AptSource[] } | undefined
  /** Cached in one run and not in the other. */
  readonly cached?: Pair<boolean> | undefined
  /** Durations, when both runs have one. */
  readonly durationMs?: Pair<number> | undefined
  /** apt's download rate in bytes/s (`Fetched X in Ys`, summed over the step's apt runs), when either run printed one. */
  readonly fetchRate?: Pair<number | null> | undefined
  /** Statuses when they differ. */
  readonly status?: Pair<Step['status']> | undefined
}

/** The diff of two runs. */
export interface RunDiff {
  /** Outcomes. */
  readonly outcome: Pair<RunSummary['outcome']>
  /** Aligned steps, in order. */
  readonly steps: readonly StepDiff[]
  /** Packages over the whole run (steps cached in one run and rebuilt in the other left out: see `StepDiff.cached`). */
  readonly packages: PackageDiff
  /** Problems of B that A does not have (same kind and package), and the reverse. */
  readonly problems: { readonly new: readonly Problem[]; readonly resolved: readonly Problem[] }
  /** What the differences mean, most important first. Kind ids are stable (docs/run-model.md). */
  readonly findings: readonly Finding[]
  /** B's root cause. */
  readonly rootCause: Problem | null
  /** apt generations. */
  readonly aptGeneration: Pair<AptGeneration | null>
  /** Every environment fact either run printed, compared (docs/environment.md). */
  readonly environment: readonly EnvComparison[]
}

const sourceKey = (s: AptSource): string => `${s.uri} ${s.suite} ${s.component}`

/** Each run's transactions by step id (`null`: outside steps), built once: filtering per step was quadratic. */
const transactionsByStep = new WeakMap<RunSummary, Map<string | null, Transaction[]>>()

function transactionsOf(run: RunSummary, step: Step | null): readonly Transaction[] {
  if (step === null) return []
  let index = transactionsByStep.get(run)
  if (index === undefined) {
    index = new Map()
    for (const t of run.transactions) {
      const list = index.get(t.step)
      if (list === undefined) index.set(t.step, [t])
      else list.push(t)
    }
    transactionsByStep.set(run, index)
  }
  return index.get(step.id === 'log' ? null : step.id) ?? []
}

function sumCounts(txs: readonly Transaction[]): PlanCounts | null {
  let total: { upgraded: number; newlyInstalled: number; removed: number; notUpgraded: number } | null = null
  for (const t of txs) {
    if (t.counts === null) continue
    total ??= { upgraded: 0, newlyInstalled: 0, removed: 0, notUpgraded: 0 }
    total.upgraded += t.counts.upgraded
    total.newlyInstalled += t.counts.newlyInstalled
    total.removed += t.counts.removed
    total.notUpgraded += t.counts.notUpgraded
  }
  return total
}

function sumDownload(txs: readonly Transaction[]): number | null {
  let total: number | null = null
  for (const t of txs) if (t.downloadBytes !== undefined) total = (total ?? 0) + t.downloadBytes
  return total
}

function sourceDiff(a: readonly Transaction[], b: readonly Transaction[]): { added: AptSource[]; removed: AptSource[] } {
  const sa = new Map(a.flatMap((t) => t.sources).map((s) => [sourceKey(s), s]))
  const sb = new Map(b.flatMap((t) => t.sources).map((s) => [sourceKey(s), s]))
  return { added: [...sb].filter(([k]) => !sa.has(k)).map(([, s]) => s), removed: [...sa].filter(([k]) => !sb.has(k)).map(([, s]) => s) }
}

const sameCounts = (x: PlanCounts | null, y: PlanCounts | null): boolean =>
  x === y || (x !== null && y !== null && x.upgraded === y.upgraded && x.newlyInstalled === y.newlyInstalled && x.removed === y.removed && x.notUpgraded === y.notUpgraded)

/** Package sets by transaction list, so a run whose only apt step is the whole run is not folded twice. */
type SetCache = Map<string, PackageSet>

function packagesOf(run: RunSummary, txs: readonly Transaction[], cache: SetCache, key: string): PackageSet {
  const whole = txs.length === run.transactions.length
  const cacheKey = whole ? '*' : key
  let set = cache.get(cacheKey)
  if (set === undefined) {
    set = installedPackages(whole ? run.transactions : txs)
    cache.set(cacheKey, set)
  }
  return set
}

/** Package diffs by the identity of the two sets: with one apt step per run, the step's diff is the run's. */
interface DiffCache {
  of(x: PackageSet, y: PackageSet): PackageDiff
}

function createDiffCache(): DiffCache {
  const cache = new Map<PackageSet, Map<PackageSet, PackageDiff>>()
  return {
    of(x: PackageSet, y: PackageSet): PackageDiff {
      let inner = cache.get(x)
      if (inner === undefined) cache.set(x, (inner = new Map()))
      let diff = inner.get(y)
      if (diff === undefined) inner.set(y, (diff = diffPackages(x, y)))
      return diff
    },
  }
}

/** The package diff of a step that cannot be compared (cached on one side). */
const NOT_COMPARED: PackageDiff = { added: [], removed: [], changed: [] }

function diffStep(runA: RunSummary, runB: RunSummary, a: Step | null, b: Step | null, cacheA: SetCache, cacheB: SetCache, diffs: DiffCache): StepDiff {
  const ta = transactionsOf(runA, a)
  const tb = transactionsOf(runB, b)
  // A step cached on one side ran no apt there: its packages are in the image, not missing from it.
  const cachedOnOneSide = a !== null && b !== null && (a.status === 'cached') !== (b.status === 'cached')
  const packages = cachedOnOneSide ? NOT_COMPARED : diffs.of(packagesOf(runA, ta, cacheA, a?.id ?? ''), packagesOf(runB, tb, cacheB, b?.id ?? ''))
  const key = stepKey((b ?? a) as Step)
  const diff: { -readonly [K in keyof StepDiff]: StepDiff[K] } = { key, a, b, change: a === null ? 'added' : b === null ? 'removed' : 'same', packages }
  let changed = packages.added.length + packages.removed.length + packages.changed.length > 0
  const counts = { a: sumCounts(ta), b: sumCounts(tb) }
  if (counts.a !== null || counts.b !== null) {
    diff.counts = counts
    if (!sameCounts(counts.a, counts.b)) changed = true
  }
  const download = { a: sumDownload(ta), b: sumDownload(tb) }
  if (download.a !== null || download.b !== null) diff.downloadBytes = download
  const rate = { a: fetchRateOf(ta), b: fetchRateOf(tb) }
  if (rate.a !== null || rate.b !== null) diff.fetchRate = rate
  const sources = sourceDiff(ta, tb)
  if (!cachedOnOneSide && sources.added.length + sources.removed.length > 0) {
    diff.sources = sources
    changed = true
  }
  if (a !== null && b !== null) {
    if ((a.status === 'cached') !== (b.status === 'cached')) {
      diff.cached = { a: a.status === 'cached', b: b.status === 'cached' }
      changed = true
    }
    if (a.durationMs !== undefined && b.durationMs !== undefined) diff.durationMs = { a: a.durationMs, b: b.durationMs }
    if (a.status !== b.status) {
      diff.status = { a: a.status, b: b.status }
      changed = true
    }
  }
  if (diff.change === 'same' && changed) diff.change = 'changed'
  return diff
}

const problemKey = (p: Problem): string => `${p.kind} ${p.package ?? ''}`

/** Bytes per second over the apt runs that printed `Fetched X in Ys` (a run of 0 s adds its bytes only). */
function fetchRateOf(transactions: readonly Transaction[]): number | null {
  let bytes = 0
  let seconds = 0
  for (const t of transactions) {
    if (t.fetched === undefined) continue
    bytes += t.fetched.bytes
    seconds += t.fetched.seconds
  }
  return seconds > 0 && bytes > 0 ? bytes / seconds : null
}

/** A step counts as slower when B took at least twice A's time and at least this much longer. */
const SLOWER_BY_MS = 10_000

/** Why a step took longer in B, from what the diff knows of it: more packages, more bytes, a slower mirror, a cache miss. */
function slowerBecause(s: StepDiff): string[] {
  const reasons: string[] = []
  if (s.cached?.a === true) reasons.push('cached in A, rebuilt in B')
  const na = s.counts?.a?.newlyInstalled
  const nb = s.counts?.b?.newlyInstalled
  if (na !== undefined && nb !== undefined && nb > na) reasons.push(`${nb - na} more package${nb - na === 1 ? '' : 's'} (${na} → ${nb})`)
  const da = s.downloadBytes?.a
  const db = s.downloadBytes?.b
  if (da !== undefined && da !== null && db !== undefined && db !== null && db >= 1.5 * da && db - da >= 1_000_000) reasons.push(`${formatBytes(db - da)} more to download`)
  const ra = s.fetchRate?.a
  const rb = s.fetchRate?.b
  if (ra !== undefined && ra !== null && rb !== undefined && rb !== null && rb * 2 <= ra) reasons.push(`a slower mirror (${formatBytes(Math.round(ra))}/s → ${formatBytes(Math.round(rb))}/s)`)
  return reasons
}


function newlyInstalledTotal(transactions: readonly Transaction[]): number {
  let total = 0
  for (const t of transactions) total += t.counts?.newlyInstalled ?? t.planned.new.length
  return total
}

/**
 * The transactions of a run that can be compared with the other run: a step cached on one side
 * and run on the other installed its packages in a layer this log does not show, so it would
 * read as "B installs nothing" — that is a cache hit (reported as such), not a package change.
 */
function comparable(run: RunSummary, steps: readonly StepDiff[], side: 'a' | 'b'): readonly Transaction[] {
  const skip = new Set<string>()
  for (const s of steps) {
    const step = s[side]
    if (s.cached !== undefined && step !== null) skip.add(step.id)
  }
  return skip.size === 0 ? run.transactions : run.transactions.filter((t) => t.step === null || !skip.has(t.step))
}

function diffFindings(a: RunSummary, b: RunSummary, steps: readonly StepDiff[], packages: PackageDiff, txA: readonly Transaction[], txB: readonly Transaction[]): Finding[] {
  const findings: Finding[] = []
  if (a.outcome !== b.outcome) {
    findings.push({ kind: 'diff.outcome-changed', message: `run A: ${a.outcome}, run B: ${b.outcome}` })
  }
  const newA = newlyInstalledTotal(txA)
  const newB = newlyInstalledTotal(txB)
  if (newA !== newB || packages.added.length > 0) {
    const more = newB - newA
    // What B only upgraded is not "more packages": say it apart, so the count and the list agree.
    const upgradedInB = new Set(txB.flatMap((t) => [...t.planned.upgrade, ...t.planned.downgrade]))
    const onlyNew = packages.added.filter((p) => !upgradedInB.has(p))
    const onlyUpgraded = packages.added.filter((p) => upgradedInB.has(p))
    const sample = (names: readonly string[]): string => names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '')
    const head = more > 0 ? `run B plans ${more} more package${more === 1 ? '' : 's'} than run A (${newB} vs ${newA} newly installed)` : more < 0 ? `run B plans ${-more} fewer package${more === -1 ? '' : 's'} than run A (${newB} vs ${newA} newly installed)` : `run B installs different packages than run A`
    let message = head
    if (onlyNew.length > 0) message += `; only in B: ${sample(onlyNew)}`
    if (onlyUpgraded.length > 0) message += `; upgraded only in B: ${sample(onlyUpgraded)}`
    findings.push({ kind: 'diff.packages-planned', message, packages: packages.added })
  }
  const essentialB = b.findings.find((f) => f.kind === 'run.essential-packages-planned')
  const essentialA = a.findings.find((f) => f.kind === 'run.essential-packages-planned')
  if (essentialB !== undefined && essentialA === undefined) {
    findings.push({ kind: 'diff.essential-packages-planned', message: `only run B plans base-system packages: ${essentialB.message}`, packages: essentialB.packages, lines: essentialB.lines, run: 'b' })
  }
  if (a.aptGeneration !== b.aptGeneration && a.aptGeneration !== null && b.aptGeneration !== null) {
    findings.push({ kind: 'diff.apt-generation-changed', message: `apt generation changed from ${a.aptGeneration} to ${b.aptGeneration}`, generation: b.aptGeneration })
  }
  const sourcesA = new Set(a.transactions.flatMap((t) => t.sources).map((s) => `${s.uri} ${s.suite}`))
  const sourcesB = new Set(b.transactions.flatMap((t) => t.sources).map((s) => `${s.uri} ${s.suite}`))
  const onlyB = [...sourcesB].filter((s) => !sourcesA.has(s))
  const onlyA = [...sourcesA].filter((s) => !sourcesB.has(s))
  if (sourcesA.size > 0 && sourcesB.size > 0 && (onlyA.length > 0 || onlyB.length > 0)) {
    const parts: string[] = []
    if (onlyB.length > 0) parts.push(`only run B uses ${onlyB.join('; ')}`)
    if (onlyA.length > 0) parts.push(`only run A uses ${onlyA.join('; ')}`)
    findings.push({ kind: 'env.apt-sources-differ', message: `apt repositories differ: ${parts.join('; ')}` })
  }
  const cacheMisses = steps.filter((s) => s.cached?.a === true && s.cached.b === false)
  if (cacheMisses.length > 0) {
    findings.push({ kind: 'diff.cache-miss', message: `${cacheMisses.length} step${cacheMisses.length === 1 ? ' was' : 's were'} cached in A and rebuilt in B: ${cacheMisses.map((s) => s.key).slice(0, 3).join('; ')}` })
  }
  // The step that lost the most time, and what the diff knows of why.
  let slowest: StepDiff | undefined
  for (const s of steps) {
    const d = s.durationMs
    if (d === undefined || d.b < 2 * d.a || d.b - d.a < SLOWER_BY_MS) continue
    if (slowest?.durationMs === undefined || d.b - d.a > slowest.durationMs.b - slowest.durationMs.a) slowest = s
  }
  if (slowest?.durationMs !== undefined) {
    const reasons = slowerBecause(slowest)
    const d = slowest.durationMs
    findings.push({ kind: 'diff.step-slower', message: `${slowest.key} took ${formatDuration(d.b)} in B against ${formatDuration(d.a)} in A${reasons.length === 0 ? '' : `: ${reasons.join(', ')}`}` })
  }
  const added = steps.filter((s) => s.change === 'added').length
  const removed = steps.filter((s) => s.change === 'removed').length
  if (added + removed > 0 && a.steps.length > 0 && b.steps.length > 0) {
    findings.push({ kind: 'diff.steps-changed', message: `the builds differ in their steps: ${added} only in B, ${removed} only in A (the Dockerfile or its arguments changed)` })
  }
  return findings
}

/**
 * Compare two runs: A (for example the green run) and B (the run to explain).
 * @example
 * ```ts
 * const diff = diffRuns(summarize(parse(green)), summarize(parse(red)))
 * for (const f of diff.findings) console.log(f.message)
 * ```
 */
export function diffRuns(a: RunSummary, b: RunSummary): RunDiff {
  const pairs = align(a.steps, b.steps, stepKey)
  const cacheA: SetCache = new Map()
  const cacheB: SetCache = new Map()
  const diffs = createDiffCache()
  const steps = pairs.map((pair) => diffStep(a, b, pair.a, pair.b, cacheA, cacheB, diffs))
  const environment = compareEnvironments(a, b)
  const txA = comparable(a, steps, 'a')
  const txB = comparable(b, steps, 'b')
  const packages = diffs.of(packagesOf(a, txA, cacheA, txA === a.transactions ? '*' : '*comparable'), packagesOf(b, txB, cacheB, txB === b.transactions ? '*' : '*comparable'))
  const inA = new Set(a.problems.map(problemKey))
  const inB = new Set(b.problems.map(problemKey))
  const problems = { new: b.problems.filter((p) => !inA.has(problemKey(p))), resolved: a.problems.filter((p) => !inB.has(problemKey(p))) }
  return {
    outcome: { a: a.outcome, b: b.outcome },
    steps,
    packages,
    problems,
    findings: [...diffFindings(a, b, steps, packages, txA, txB), ...environmentFindings(environment)],
    rootCause: b.rootCause,
    aptGeneration: { a: a.aptGeneration, b: b.aptGeneration },
    environment,
  }
}
