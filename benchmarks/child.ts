/**
 * One measurement in its own process, so that its peak RSS (`process.resourceUsage().maxRSS`)
 * belongs to one reader only. Prints one JSON line on stdout.
 *
 *   node child.js read <reader> <file> <warmups> <runs>   reader: floor | baseline | readline | events | events+run | problems | parsefile
 *   node child.js pair <file> <rounds>                     baseline, events, events+run, problems back to back, in turns
 *   node child.js diff <packages> <seed> <runs>            diffRuns of two generated runs
 *   node child.js rules <bundle-dir> <fixtures-root> <out-file> <shapes>   per-rule timing on near-miss lines; writes the lines
 * @module
 */

import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadFixtures } from './fixtures.ts'
import { generateAptRun } from './generate.ts'
import { NEAR_MISS_LENGTH, nearMissLines, type RuleLike } from './hostile.ts'
import {
  aptlogEvents,
  aptlogParseFile,
  aptlogProblems,
  baseline,
  detectDiff,
  detectRunModel,
  loadAptlog,
  loadAptlogNode,
  nodeReadline,
  type AptlogApi,
  type PassResult,
  type RunModel,
} from './readers.ts'

/** What a child reports. */
export interface ChildReport {
  readonly mode: string
  readonly reader?: string
  readonly file?: string
  readonly bytes?: number
  /** Milliseconds of each measured run. */
  readonly ms?: readonly number[]
  readonly medianMs?: number
  /** Peak RSS of the process, MiB. */
  readonly maxRssMiB: number
  readonly result?: PassResult
  /** Pair mode: per reader. */
  readonly pair?: Record<string, { ms: number[]; medianMs: number }>
  readonly skipped?: string
  readonly extra?: Record<string, unknown>
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

function rssMiB(): number {
  return process.resourceUsage().maxRSS / 1024
}

async function reader(name: string, api: AptlogApi): Promise<{ run: (path: string) => Promise<PassResult>; skipped?: string }> {
  if (name === 'floor') return { run: async (): Promise<PassResult> => (api.createParser({}).end(), { lines: 0, events: 0 }) }
  if (name === 'baseline') return { run: baseline }
  if (name === 'readline') return { run: nodeReadline }
  if (name === 'events') return { run: (p) => aptlogEvents(api, p) }
  if (name === 'events+run') {
    const model = detectRunModel(api)
    if ('missing' in model) return { run: baseline, skipped: model.missing }
    return { run: (p) => aptlogEvents(api, p, model) }
  }
  if (name === 'problems') return { run: (p) => aptlogProblems(api, p) }
  if (name === 'parsefile') {
    const node = await loadAptlogNode()
    return { run: (p) => aptlogParseFile(node, p) }
  }
  throw new Error(`unknown reader ${name}`)
}

async function read(name: string, path: string, warmups: number, runs: number): Promise<ChildReport> {
  const api = await loadAptlog()
  const r = await reader(name, api)
  if (r.skipped !== undefined) return { mode: 'read', reader: name, file: path, maxRssMiB: rssMiB(), skipped: r.skipped }
  const bytes = statSync(path).size
  for (let i = 0; i < warmups; i++) await r.run(path)
  const ms: number[] = []
  let result: PassResult | undefined
  for (let i = 0; i < runs; i++) {
    gc()
    const t = performance.now()
    result = await r.run(path)
    ms.push(performance.now() - t)
  }
  const report: ChildReport = { mode: 'read', reader: name, file: path, bytes, ms, medianMs: median(ms), maxRssMiB: rssMiB() }
  return result === undefined ? report : { ...report, result }
}

async function pair(path: string, rounds: number): Promise<ChildReport> {
  const api = await loadAptlog()
  const model = detectRunModel(api)
  const readers: [string, (p: string) => Promise<PassResult>][] = [
    ['baseline', baseline],
    ['events', (p) => aptlogEvents(api, p)],
  ]
  if (!('missing' in model)) readers.push(['events+run', (p) => aptlogEvents(api, p, model as RunModel)])
  let selectHonoured = true
  readers.push([
    'problems',
    async (p) => {
      const result = await aptlogProblems(api, p)
      selectHonoured &&= result.selectHonoured
      return result
    },
  ])
  for (const [, run] of readers) await run(path) // warm-up, also warms the page cache
  const times = new Map<string, number[]>(readers.map(([n]) => [n, []]))
  for (let round = 0; round < rounds; round++) {
    // Rotate the order every round so no reader always runs right after the same other one.
    for (let i = 0; i < readers.length; i++) {
      const [name, run] = readers[(i + round) % readers.length] as [string, (p: string) => Promise<PassResult>]
      gc()
      const t = performance.now()
      await run(path)
      ;(times.get(name) as number[]).push(performance.now() - t)
    }
  }
  const out: Record<string, { ms: number[]; medianMs: number }> = {}
  for (const [name, ms] of times) out[name] = { ms, medianMs: median(ms) }
  const report: ChildReport = { mode: 'pair', file: path, bytes: statSync(path).size, pair: out, maxRssMiB: rssMiB(), extra: { selectHonoured } }
  return 'missing' in model ? { ...report, skipped: `events+run: ${model.missing}` } : report
}

async function diff(packages: number, seed: number, runs: number): Promise<ChildReport> {
  const api = await loadAptlog()
  const model = detectRunModel(api)
  const diffRuns = detectDiff(api)
  if ('missing' in model) return { mode: 'diff', maxRssMiB: rssMiB(), skipped: model.missing }
  if ('missing' in diffRuns) return { mode: 'diff', maxRssMiB: rssMiB(), skipped: diffRuns.missing }
  const summarise = (variant: 'before' | 'after'): { run: unknown; bytes: number; parseMs: number } => {
    const { text } = generateAptRun({ seed, packages, variant })
    const t = performance.now()
    const fold = model.start()
    const parser = api.createParser({ onEvent: (e) => fold.add(e) })
    parser.feed(text)
    parser.end()
    const run = fold.finish()
    return { run, bytes: Buffer.byteLength(text), parseMs: performance.now() - t }
  }
  const a = summarise('before')
  const b = summarise('after')
  // Packages the run model holds (RunSummary.transactions[].setUp/unpacked/downloaded), as far as it exposes them.
  const installed = (run: unknown): Record<string, number> => {
    const tx = (run as { transactions?: Record<string, unknown>[] }).transactions ?? []
    const n: Record<string, number> = {}
    for (const t of tx) for (const k of ['setUp', 'unpacked', 'downloaded']) if (Array.isArray(t[k])) n[k] = (n[k] ?? 0) + (t[k] as unknown[]).length
    return n
  }
  let last: unknown
  diffRuns(a.run, b.run) // warm-up
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    gc()
    const t = performance.now()
    last = diffRuns(a.run, b.run)
    ms.push(performance.now() - t)
  }
  const shape: Record<string, unknown> = {}
  if (typeof last === 'object' && last !== null) {
    for (const [k, v] of Object.entries(last as Record<string, unknown>)) {
      if (Array.isArray(v)) shape[k] = v.length
      else if (typeof v === 'object' && v !== null) shape[k] = Object.fromEntries(Object.entries(v).map(([k2, v2]) => [k2, Array.isArray(v2) ? v2.length : typeof v2 === 'object' ? '{…}' : v2]))
      else shape[k] = v
    }
  }
  return {
    mode: 'diff',
    ms,
    medianMs: median(ms),
    maxRssMiB: rssMiB(),
    extra: {
      packagesPerRun: packages,
      runModel: model.via,
      logBytes: [a.bytes, b.bytes],
      parseAndSummariseMs: [a.parseMs, b.parseMs],
      packagesSeenByRunModel: [installed(a.run), installed(b.run)],
      diff: shape,
    },
  }
}

/** Lines the rules see in real logs: apt/dpkg payloads and docker lines, CR frames and ANSI resolved roughly. */
function realLines(root: string): string[] {
  const pool = loadFixtures(root)
  const out: string[] = []
  const clean = (l: string): string => {
    // eslint-disable-next-line no-control-regex
    let t = l.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r+$/, '')
    const cr = t.lastIndexOf('\r')
    if (cr !== -1) t = t.slice(cr + 1)
    return t
  }
  for (const b of pool.bodies) for (const l of b.lines) out.push(clean(l))
  for (const b of pool.builds) {
    for (const l of b.lines) {
      out.push(clean(l))
      const m = /^#\d+ \d+\.\d+ (.*)$/.exec(l)
      if (m !== null) out.push(clean(m[1] as string))
    }
  }
  return out
}

async function rules(bundleDir: string, root: string, outFile: string, shapes: number): Promise<ChildReport> {
  const tables: [string, RuleLike[]][] = []
  const notes: string[] = []
  for (const [file, exportName] of [
    ['apt.js', 'APT_RULES'],
    ['dpkg.js', 'DPKG_RULES'],
    ['docker.js', 'DOCKER_RULES'],
  ] as const) {
    const path = join(bundleDir, file)
    if (!existsSync(path)) {
      notes.push(`${exportName}: table not built (its rules.ts does not exist yet)`)
      continue
    }
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>
    const table = mod[exportName]
    if (!Array.isArray(table)) {
      notes.push(`${exportName}: ${file} exports no such array`)
      continue
    }
    tables.push([exportName, table as RuleLike[]])
  }
  const lines = realLines(root)
  const timings: { table: string; rule: string; shape: string; ms: number; matched: boolean; growth?: number; threw?: string }[] = []
  const file: string[] = []
  for (const [name, table] of tables) {
    for (const rule of table) {
      const misses = nearMissLines(name, rule, lines, NEAR_MISS_LENGTH, shapes)
      for (const miss of misses) {
        let matched = false
        let threw: string | undefined
        // Flatten the built-up string first (V8 would do it inside the first match and bill the rule),
        // and warm the rule on a short line of the same shape.
        const text = miss.text
        void text.indexOf('\u0000')
        const quarter = text.slice(0, text.length >> 2)
        void quarter.indexOf('\u0000')
        try {
          rule.match(text.slice(0, 256))
        } catch {
          // reported below
        }
        // Best of 3: the fastest run is the one least disturbed by GC and other processes.
        const best = (line: string): number => {
          let min = Number.POSITIVE_INFINITY
          for (let i = 0; i < 3; i++) {
            const t = performance.now()
            try {
              matched = rule.match(line) !== undefined
            } catch (error) {
              threw = String(error)
            }
            min = Math.min(min, performance.now() - t)
          }
          return min
        }
        const quarterMs = best(quarter)
        const ms = best(text)
        // Linear time: 4× the length takes about 4× the time; quadratic backtracking shows as ≈ 16×.
        const timing: (typeof timings)[number] = { table: name, rule: rule.id, shape: miss.shape, ms, matched }
        if (ms > 0.2 && threw === undefined) timing.growth = ms / Math.max(quarterMs, 0.01)
        if (threw !== undefined) timing.threw = threw
        timings.push(timing)
      }
      // The parser file holds the most tempting line of each rule (the real-prefix one when there is one).
      const chosen = misses[0]
      if (chosen !== undefined) file.push(chosen.text)
    }
  }
  if (file.length > 0) writeFileSync(outFile, `${file.join('\n')}\n`)
  timings.sort((a, b) => b.ms - a.ms)
  const rulesCount = tables.reduce((n, [, t]) => n + t.length, 0)
  return {
    mode: 'rules',
    maxRssMiB: rssMiB(),
    extra: { tables: tables.map(([n, t]) => `${n} (${t.length})`), rules: rulesCount, lines: timings.length, notes, slowest: timings.slice(0, 15), totalMs: timings.reduce((s, t) => s + t.ms, 0), file: file.length > 0 ? outFile : null },
  }
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2)
  let report: ChildReport
  if (mode === 'read') report = await read(args[0] as string, args[1] as string, Number(args[2] ?? 0), Number(args[3] ?? 1))
  else if (mode === 'pair') report = await pair(args[0] as string, Number(args[1] ?? 3))
  else if (mode === 'diff') report = await diff(Number(args[0] ?? 100_000), Number(args[1] ?? 1), Number(args[2] ?? 5))
  else if (mode === 'rules') report = await rules(args[0] as string, args[1] as string, args[2] as string, Number(args[3] ?? 3))
  else throw new Error(`unknown mode ${String(mode)}`)
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

await main()
