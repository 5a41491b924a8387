/**
 * `aptlog fleet PATH…`: many logs on all cores, added up into one report; and
 * `aptlog fleet merge DOC…`: documents of several such runs (other machines, other shards) merged
 * into the report of one run over them all.
 *
 * Exit status: 0 every input read, no run failed; 1 some run failed; 2 usage error (or a merge
 * document that is not one); 3 some input gave no run (unreadable, or its worker crashed or ran
 * out of memory) and no run failed; 4 both.
 * @module
 */

import type { WriteStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createFleetAggregate, type FleetAggregate, type FleetAggregateJSON } from '../../fleet/aggregate.ts'
import { FLEET_DOCUMENT_LIMIT, FleetDocumentError, readFleetAggregate } from '../../fleet/read.ts'
import type { FleetInputFailure, FleetRun } from '../../fleet/run.ts'
import { clip } from '../../fleet/run.ts'
import { renderFleetMarkdown, renderFleetText } from '../../format/fleet-render.ts'
import { forJson } from '../../format/safe/index.ts'
import { CliError } from '../input.ts'
import { decideExitStatus, useColor } from '../output.ts'
import { fleetInputs } from './fleet-inputs.ts'
import { runPool } from './fleet-pool.ts'
import { FLEET_WORKER_DATA } from './fleet-worker.ts'

const FORMATS = ['text', 'markdown', 'json'] as const
type FleetFormat = (typeof FORMATS)[number]

/** Heap limit of each worker, MB, unless `--worker-memory` says otherwise. */
const DEFAULT_WORKER_MEMORY = 512

/**
 * Each worker's young generation, MB. V8 grows it with the allocation rate, not with what is live
 * (benchmarks/README.md, the `s` rows), and a parser allocates fast: uncapped, two workers' young
 * generations are most of the fleet's RSS.
 */
const YOUNG_GENERATION_MB = 8

/** The exit status a fleet document implies. */
export function fleetExitStatus(doc: FleetAggregateJSON): number {
  const failed = doc.outcomes.failure > 0
  const unread = doc.inputs.unreadable + doc.inputs.crashed + doc.inputs.outOfMemory > 0
  return failed && unread ? 4 : unread ? 3 : failed ? 1 : 0
}

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`${flag} takes a positive whole number (got '${value}')`)
  return n
}

/** Options of reading logs, which `fleet merge` (reading documents) refuses rather than ignores. */
const LOG_READING_OPTIONS = ['jobs', 'runs', 'events', 'worker-memory'] as const

function readFleetArgs(args: string[], merging: boolean): { paths: string[]; format: FleetFormat; color: boolean | undefined; jobs: number; runs: string | undefined; workerMemory: number } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      jobs: { type: 'string', short: 'j' },
      runs: { type: 'string' },
      events: { type: 'string' },
      'worker-memory': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  })
  const format = (values.format ?? 'text') as FleetFormat
  if (!FORMATS.includes(format)) throw new CliError(`fleet --format must be one of: ${FORMATS.join(', ')} (got '${values.format ?? ''}')`)
  if (values.runs !== undefined && values.events !== undefined) throw new CliError('fleet takes --runs or its alias --events, not both')
  if (merging) {
    const given = LOG_READING_OPTIONS.filter((name) => values[name] !== undefined)
    if (given.length > 0) throw new CliError(`fleet merge reads documents, not logs: ${given.map((name) => `--${name}`).join(', ')} does not apply`)
  }
  return {
    paths: positionals,
    format,
    color: values['no-color'] === true ? false : values.color === true ? true : undefined,
    jobs: positiveInteger(values.jobs, '--jobs', availableParallelism()),
    runs: values.runs ?? values.events,
    workerMemory: positiveInteger(values['worker-memory'], '--worker-memory', DEFAULT_WORKER_MEMORY),
  }
}

function writeReport(doc: FleetAggregateJSON, format: FleetFormat, color: boolean | undefined): void {
  if (format === 'json') process.stdout.write(`${forJson(doc)}\n`)
  else if (format === 'markdown') process.stdout.write(renderFleetMarkdown(doc))
  else process.stdout.write(renderFleetText(doc, { color: color ?? useColor(process.stdout) }))
}

/** A line of `--runs` output, waiting for the file to drain when it is behind. */
async function writeLine(out: WriteStream, value: unknown): Promise<void> {
  if (!out.write(`${forJson(value)}\n`)) await new Promise<void>((done) => out.once('drain', done))
}

/** The `--runs` file, opened before any work so a bad path fails at once. */
async function openRuns(path: string): Promise<WriteStream> {
  try {
    const stream = (await open(path, 'w')).createWriteStream()
    stream.on('error', (error) => {
      process.stderr.write(`aptlog: ${path}: write failed (${error.message})\n`)
      process.exit(2)
    })
    return stream
  } catch (error) {
    throw new CliError(`--runs ${path}: cannot write (${(error as { code?: string }).code ?? String(error)})`)
  }
}

/** Standard input as text, refused past the document size limit. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > FLEET_DOCUMENT_LIMIT) throw new CliError(`-: larger than ${FLEET_DOCUMENT_LIMIT} bytes, not a fleet document`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** `aptlog fleet merge DOC…` */
async function mergeCommand(args: string[]): Promise<number> {
  const { paths, format, color } = readFleetArgs(args, true)
  if (paths.length === 0) throw new CliError('fleet merge takes one or more documents written by aptlog fleet --format json')
  let merged: FleetAggregate | undefined
  for (const path of paths) {
    let text: string
    try {
      if (path === '-') text = await readStdin()
      else {
        if ((await stat(path)).size > FLEET_DOCUMENT_LIMIT) throw new CliError(`${path}: larger than ${FLEET_DOCUMENT_LIMIT} bytes, not a fleet document`)
        text = await readFile(path, 'utf8')
      }
    } catch (error) {
      if (error instanceof CliError) throw error
      throw new CliError(`${path}: cannot read (${(error as { code?: string }).code ?? String(error)})`)
    }
    let doc: FleetAggregate
    try {
      doc = readFleetAggregate(text)
    } catch (error) {
      if (error instanceof FleetDocumentError) throw new CliError(`${path}: not a fleet document: ${error.message}`)
      throw error
    }
    if (merged === undefined) merged = doc
    else merged.merge(doc)
  }
  const result = (merged as FleetAggregate).toJSON()
  const status = decideExitStatus(fleetExitStatus(result))
  writeReport(result, format, color)
  return status
}

/** Run the command. */
export async function fleetCommand(args: string[]): Promise<number> {
  if (args[0] === 'merge') return mergeCommand(args.slice(1))
  const { paths, format, color, jobs, runs, workerMemory } = readFleetArgs(args, false)
  if (paths.length === 0) throw new CliError('fleet takes one or more files or directories (or - to read a list of paths from standard input)')
  const script = process.argv[1]
  if (script === undefined) throw new CliError('fleet: cannot tell which script to start workers from')
  const aggregate = createFleetAggregate()
  const out = runs === undefined ? undefined : await openRuns(runs)
  const progress = process.stderr.isTTY === true
  const started = Date.now()
  let done = 0
  let failed = 0
  let noRuns = 0
  let lastShown = 0
  const noRun = async (failure: FleetInputFailure): Promise<void> => {
    noRuns++
    aggregate.addInputFailure(failure)
    if (out !== undefined) await writeLine(out, { path: failure.path, outcome: 'no-run', reason: failure.reason, message: failure.message })
  }
  async function* tasks(): AsyncGenerator<string, void, undefined> {
    for await (const input of fleetInputs(paths)) {
      if (input.error === undefined) yield input.path
      else await noRun({ path: clip(input.path), reason: 'unreadable', message: clip(input.error) })
    }
  }
  await runPool<string, FleetRun>(
    tasks(),
    { script: resolve(script), workerData: FLEET_WORKER_DATA, jobs, resourceLimits: { maxOldGenerationSizeMb: workerMemory, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } },
    async (path, outcome) => {
      done++
      if (outcome.ok) {
        aggregate.add(outcome.value)
        if (outcome.value.outcome === 'failure') failed++
        if (out !== undefined) await writeLine(out, outcome.value)
      } else await noRun({ path: clip(path), reason: outcome.reason === 'failed' ? 'unreadable' : outcome.reason, message: clip(outcome.message) })
      if (progress && Date.now() - lastShown > 200) {
        lastShown = Date.now()
        const rate = done / Math.max(0.001, (lastShown - started) / 1000)
        process.stderr.write(`\r\x1b[Kaptlog fleet: ${done} logs read, ${failed} failed, ${noRuns} gave no run (${rate.toFixed(0)} logs/s, ${jobs} workers)`)
      }
    },
  )
  if (progress) process.stderr.write('\r\x1b[K')
  if (out !== undefined) await new Promise<void>((done, failed) => out.end((error?: Error | null) => (error ? failed(error) : done())))
  const doc = aggregate.toJSON()
  const status = decideExitStatus(fleetExitStatus(doc))
  writeReport(doc, format, color)
  return status
}
