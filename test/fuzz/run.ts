/**
 * `npm run fuzz`: a million fuzz cases (mutations of every capture in fixtures/, random bytes)
 * through the parser, the run model, the diff and every report, on all cores.
 *
 * ```sh
 * npm run fuzz                          # 1 000 000 cases, seed 1
 * npm run fuzz -- --cases 50000 --seed 7
 * npm run fuzz -- --seed 1 --case 4711  # reproduce one case: print how it was made, write its bytes
 * ```
 *
 * Each case is made from `(seed, index)` alone (test/fuzz/mutate.ts), so a failure is reproduced
 * by its index. A case fails when anything throws, the parser reports an `internal` error, a line
 * goes missing from the counts, an event points past the input, chunking changes the events, or
 * a report renderer throws (test/fuzz/check.ts). A case that makes no progress for `--hang-ms`,
 * and again for twice that in a fresh worker, is a hang; a worker that exceeds its heap limit is
 * a memory failure. Failing inputs are written to
 * benchmarks/out/fuzz/failures/ (gitignored). Exit status 1 when any case failed.
 *
 * Built like the benchmarks: `tsup` bundles this file (with the library sources) into
 * benchmarks/out/fuzz/run.js, which runs itself as the worker too.
 * @module
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { parse, summarize, type RunSummary } from '../../src/index.ts'
import { checkCase } from './check.ts'
import { caseSeed, makeCase, prng, splitLines, type CaptureLines } from './mutate.ts'

/** The package root: the nearest folder above this script with package.json and fixtures/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir
    const up = dirname(dir)
    if (up === dir) throw new Error('fuzz: cannot find the package root (package.json next to fixtures/)')
    dir = up
  }
}

/** Every capture (`*.log`, `*.txt`) under fixtures/, as lines. */
function loadCorpus(root: string): CaptureLines[] {
  const base = join(root, 'fixtures')
  const out: CaptureLines[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(log|txt)$/.test(entry.name)) out.push({ name: relative(base, full), lines: splitLines(new Uint8Array(readFileSync(full))) })
    }
  }
  walk(base)
  return out.sort((a, b) => (a.name < b.name ? -1 : 1))
}

interface WorkerInput {
  readonly root: string
  readonly seed: number
  readonly from: number
  readonly to: number
  readonly stride: number
  readonly offset: number
  /** Int32Array view: [current case index] per worker. */
  readonly progress: SharedArrayBuffer
  readonly slot: number
}

type WorkerMessage =
  | { readonly kind: 'failure'; readonly index: number; readonly how: string; readonly base: string | undefined; readonly failure: string; readonly bytes: Uint8Array }
  | { readonly kind: 'progress'; readonly done: number; readonly heapUsed: number; readonly bytes: number }
  | { readonly kind: 'done'; readonly done: number; readonly bytes: number }

const REFERENCES = ['docker/D30-ci-job-local-legacy-cli20.log', 'docker/D17-cli20-buildkit-plain-predepends-problem.log', 'aptlogs/bookworm-m1-after-predepends-loop-history.log']

function references(root: string): RunSummary[] {
  return REFERENCES.map((name) => summarize(parse(new Uint8Array(readFileSync(join(root, 'fixtures', name))))))
}

function workerMain(input: WorkerInput): void {
  const port = parentPort
  if (port === null) return
  const corpus = loadCorpus(input.root)
  const refs = references(input.root)
  const progress = new Int32Array(input.progress)
  let done = 0
  let bytes = 0
  for (let index = input.from + input.offset; index < input.to; index += input.stride) {
    Atomics.store(progress, input.slot, index)
    const c = makeCase(input.seed, index, corpus)
    const random = prng(caseSeed(input.seed, index) ^ 0x5bd1e995)
    const result = checkCase(c.bytes, random, { maxLineLength: c.maxLineLength, references: [refs[index % refs.length] as RunSummary], byteByByte: c.bytes.length < 4096 && index % 16 === 0 })
    if (result.failure !== undefined) port.postMessage({ kind: 'failure', index, how: c.how, base: c.base, failure: result.failure, bytes: c.bytes } satisfies WorkerMessage)
    done++
    bytes += c.bytes.length
    if (done % 500 === 0) port.postMessage({ kind: 'progress', done, heapUsed: process.memoryUsage().heapUsed, bytes } satisfies WorkerMessage)
  }
  port.postMessage({ kind: 'done', done, bytes } satisfies WorkerMessage)
}

interface Failure {
  readonly index: number
  readonly how: string
  readonly base: string | undefined
  readonly failure: string
}

/** A failure's signature: its message with numbers and quoted text taken out, so one bug is listed once. */
function signature(failure: string): string {
  return (failure.split('\n')[0] as string).replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 160)
}

function reproduce(root: string, seed: number, index: number): void {
  const corpus = loadCorpus(root)
  const c = makeCase(seed, index, corpus)
  const random = prng(caseSeed(seed, index) ^ 0x5bd1e995)
  const result = checkCase(c.bytes, random, { maxLineLength: c.maxLineLength, references: [references(root)[index % REFERENCES.length] as RunSummary], byteByByte: c.bytes.length < 4096 && index % 16 === 0 })
  const dir = join(root, 'benchmarks', 'out', 'fuzz')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `case-${seed}-${index}.log`)
  writeFileSync(file, c.bytes)
  process.stdout.write(`case ${index} (seed ${seed}): ${c.how}${c.base === undefined ? '' : ` from ${c.base}`}${c.maxLineLength === undefined ? '' : `, maxLineLength ${c.maxLineLength}`}\n`)
  process.stdout.write(`${c.bytes.length} bytes written to ${relative(root, file)}\n`)
  process.stdout.write(result.failure === undefined ? 'ok\n' : `FAILED: ${result.failure}\n`)
  if (result.failure !== undefined) process.exitCode = 1
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string' },
      case: { type: 'string' },
      'hang-ms': { type: 'string', default: '30000' },
      'heap-mb': { type: 'string', default: '1024' },
    },
  })
  const root = findRoot()
  const seed = Number(values.seed)
  if (values.case !== undefined) return reproduce(root, seed, Number(values.case))
  const cases = Number(values.cases)
  const workers = Math.max(1, Number(values.workers ?? availableParallelism()))
  const hangMs = Number(values['hang-ms'])
  const heapMb = Number(values['heap-mb'])
  const outDir = join(root, 'benchmarks', 'out', 'fuzz', 'failures')
  const corpusSize = loadCorpus(root).length
  process.stdout.write(`aptlog fuzz: ${cases} cases, seed ${seed}, ${workers} workers, ${corpusSize} captures, hang limit ${hangMs} ms, heap limit ${heapMb} MB per worker\n`)

  const started = Date.now()
  const progress = new SharedArrayBuffer(4 * workers)
  const current = new Int32Array(progress)
  const failures: Failure[] = []
  const doneBy = new Array<number>(workers).fill(0)
  const bytesBy = new Array<number>(workers).fill(0)
  let maxHeap = 0
  let hangs = 0
  /** Cases that stalled once (see the watchdog). */
  const stalled = new Set<number>()

  const record = (f: Failure, bytes: Uint8Array | undefined): void => {
    failures.push(f)
    if (bytes !== undefined) {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(join(outDir, `case-${seed}-${f.index}.log`), bytes)
    }
    if (failures.filter((g) => signature(g.failure) === signature(f.failure)).length === 1) {
      process.stdout.write(`\nFAILURE case ${f.index} (${f.how}${f.base === undefined ? '' : ` from ${f.base}`}): ${f.failure}\n  reproduce: npm run fuzz -- --seed ${seed} --case ${f.index}\n`)
    }
  }

  // One worker per slot; a worker that hangs or dies is replaced and continues after the bad case.
  const runSlot = (slot: number, from: number): Promise<void> =>
    new Promise((resolve) => {
      Atomics.store(current, slot, from + slot)
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { root, seed, from, to: cases, stride: workers, offset: slot, progress, slot } satisfies WorkerInput,
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      })
      let last = Atomics.load(current, slot)
      let since = Date.now()
      let finished = false
      const base = doneBy[slot] as number
      const baseBytes = bytesBy[slot] as number
      const watchdog = setInterval(() => {
        const now = Atomics.load(current, slot)
        if (now !== last) {
          last = now
          since = Date.now()
        } else if (Date.now() - since > (stalled.has(now) ? 2 * hangMs : hangMs) && !finished) {
          finished = true
          clearInterval(watchdog)
          // A busy machine can stall a case once; it is run again in a fresh worker, with twice the
          // time, and only a second stall is a hang. The clock is a watchdog here, never a result.
          const again = !stalled.has(now)
          stalled.add(now)
          if (!again) {
            hangs++
            record({ index: now, how: 'see --case', base: undefined, failure: `hang: case ${now} made no progress for ${hangMs} ms, then for ${2 * hangMs} ms in a fresh worker` }, undefined)
          }
          void worker.terminate().then(() => resolve(runSlot(slot, again ? now - slot : now - slot + workers)))
        }
      }, 500)
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'failure') record(m, m.bytes)
        else if (m.kind === 'progress') {
          doneBy[slot] = base + m.done
          bytesBy[slot] = baseBytes + m.bytes
          maxHeap = Math.max(maxHeap, m.heapUsed)
        } else {
          doneBy[slot] = base + m.done
          bytesBy[slot] = baseBytes + m.bytes
          finished = true
          clearInterval(watchdog)
          resolve()
        }
      })
      worker.on('error', (error: Error & { code?: string }) => {
        if (finished) return
        finished = true
        clearInterval(watchdog)
        const at = Atomics.load(current, slot)
        const what = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (more than ${heapMb} MB of heap)` : `worker died: ${error.message}`
        record({ index: at, how: 'see --case', base: undefined, failure: `${what} in case ${at}` }, undefined)
        resolve(runSlot(slot, at - slot + workers))
      })
    })

  const ticker = setInterval(() => {
    const done = doneBy.reduce((a, b) => a + b, 0)
    const secs = (Date.now() - started) / 1000
    process.stdout.write(`\r${done} / ${cases} cases, ${(done / Math.max(secs, 0.001)).toFixed(0)}/s, ${failures.length} failures, max worker heap ${(maxHeap / 1e6).toFixed(0)} MB   `)
  }, 2000)
  await Promise.all(Array.from({ length: workers }, (_, slot) => runSlot(slot, 0)))
  clearInterval(ticker)

  const done = doneBy.reduce((a, b) => a + b, 0)
  const secs = (Date.now() - started) / 1000
  const mb = bytesBy.reduce((a, b) => a + b, 0) / 1e6
  const distinct = new Map<string, Failure[]>()
  for (const f of failures) distinct.set(signature(f.failure), [...(distinct.get(signature(f.failure)) ?? []), f])
  process.stdout.write(`\n\n${done} cases (${mb.toFixed(1)} MB of input) in ${secs.toFixed(1)} s, ${(done / secs).toFixed(0)} cases/s; max worker heap ${(maxHeap / 1e6).toFixed(0)} MB; ${hangs} hangs\n`)
  if (failures.length === 0) {
    process.stdout.write('no failures\n')
    return
  }
  process.stdout.write(`${failures.length} failing cases, ${distinct.size} distinct:\n`)
  for (const [sig, list] of distinct) process.stdout.write(`  ${list.length}× ${sig}\n     first: case ${(list[0] as Failure).index}; inputs in ${relative(root, outDir)}\n`)
  process.exitCode = 1
}

if (isMainThread) {
  main().catch((error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
  })
} else {
  workerMain(workerData as WorkerInput)
}
