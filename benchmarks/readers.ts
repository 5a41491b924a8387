/**
 * The readers measured on the same bytes. Each reads the file as a stream of 64 KiB chunks
 * (Node's default for file streams), so they differ only in what they do with the chunks.
 *
 * aptlog is loaded from the built package (`import('aptlog')`, resolved through the exports map
 * to the bench's own build of it, benchmarks/out/dist/): benchmarks measure what ships. Its API is typed here structurally, and the run model
 * and the diff are feature-detected, so the suite runs (with a note) on a build that lacks them.
 * @module
 */

import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

/** A parse event, as far as the benchmarks look at it. */
export interface EventLike {
  readonly type: string
  readonly [field: string]: unknown
}

/** The parts of the built package the benchmarks use. */
export interface AptlogApi {
  createParser(options: { onEvent?: (event: EventLike) => void; maxLineLength?: number; select?: readonly string[] }): { feed(chunk: Uint8Array | string): void; end(): void }
  readonly [name: string]: unknown
}

/** `aptlog/node`. */
export interface AptlogNodeApi {
  parseFile(path: string): AsyncIterable<EventLike>
}

/** A run model fold, whatever the package calls it. */
export interface RunFold {
  add(event: EventLike): void
  finish(): unknown
}

/** How the run model was found in the package. */
export interface RunModel {
  /** `createSummarizer().add/finish`, `createRunBuilder().add/finish`, or a whole-list fold. */
  readonly via: string
  start(): RunFold
}

// Specifiers in variables: the type checker must not resolve the built package (dist/ may not
// exist yet when `npm run typecheck` runs); esbuild leaves such imports to Node at run time.
const PACKAGE = 'aptlog'
const PACKAGE_NODE = 'aptlog/node'

/** Load the built package. */
export async function loadAptlog(): Promise<AptlogApi> {
  return (await import(PACKAGE)) as AptlogApi
}

/** Load `aptlog/node`. */
export async function loadAptlogNode(): Promise<AptlogNodeApi> {
  return (await import(PACKAGE_NODE)) as AptlogNodeApi
}

const ADD = ['add', 'push', 'feed', 'event', 'write'] as const
const FINISH = ['finish', 'end', 'result', 'summary', 'done'] as const

function foldOf(value: unknown, via: string): RunFold | undefined {
  if (typeof value === 'function') return { add: value as (e: EventLike) => void, finish: (): unknown => undefined }
  if (typeof value !== 'object' || value === null) return undefined
  const o = value as Record<string, unknown>
  const add = ADD.find((k) => typeof o[k] === 'function')
  const finish = FINISH.find((k) => typeof o[k] === 'function')
  if (add === undefined || finish === undefined) return undefined
  void via
  return { add: (e: EventLike): void => void (o[add] as (e: EventLike) => void).call(o, e), finish: (): unknown => (o[finish] as () => unknown).call(o) }
}

/** Find the run model in the built package: `createSummarizer`, else `createRunBuilder`, else `summarize`/`collectRun` over a buffered list. */
export function detectRunModel(api: AptlogApi): RunModel | { readonly missing: string } {
  for (const name of ['createSummarizer', 'createRunBuilder']) {
    const factory = api[name]
    if (typeof factory !== 'function') continue
    const probe = foldOf((factory as () => unknown)(), name)
    if (probe !== undefined) return { via: `${name}()`, start: (): RunFold => foldOf((factory as () => unknown)(), name) as RunFold }
  }
  for (const name of ['summarize', 'collectRun']) {
    const fold = api[name]
    if (typeof fold !== 'function') continue
    return {
      via: `${name}(events[]) (events buffered: no streaming fold exported)`,
      start: (): RunFold => {
        const events: EventLike[] = []
        return { add: (e: EventLike): void => void events.push(e), finish: (): unknown => (fold as (e: EventLike[]) => unknown)(events) }
      },
    }
  }
  return { missing: 'no run model in the built package (none of createSummarizer, createRunBuilder, summarize, collectRun is exported)' }
}

/** Find `diffRuns`. */
export function detectDiff(api: AptlogApi): ((a: unknown, b: unknown) => unknown) | { readonly missing: string } {
  const diff = api['diffRuns']
  return typeof diff === 'function' ? (diff as (a: unknown, b: unknown) => unknown) : { missing: 'no diffRuns in the built package' }
}

/** What one pass of a reader saw. */
export interface PassResult {
  /** Lines the reader delivered (readline also ends lines at a bare CR). */
  lines: number
  /** Events (aptlog readers). */
  events: number
  /** UTF-16 code units in the lines (the baselines' only work besides splitting). */
  chars?: number
  /** Events per type (aptlog readers). */
  types?: Record<string, number>
  /** aptlog's `log.end` counts. */
  stats?: Record<string, unknown>
  /** The run model's result, summarised (outcome, counts). */
  run?: Record<string, unknown>
}

const CHUNK = 64 * 1024

function chunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>
}

/** (1) The line-split baseline: a streaming TextDecoder and `indexOf('\n')`, unfinished lines kept as pieces. */
export async function baseline(path: string): Promise<PassResult> {
  const decoder = new TextDecoder()
  let pending: string[] = []
  let lines = 0
  let chars = 0
  for await (const chunk of chunks(path)) {
    const text = decoder.decode(chunk, { stream: true })
    let start = 0
    let lf = text.indexOf('\n')
    while (lf !== -1) {
      let line = text.slice(start, lf)
      if (pending.length > 0) {
        pending.push(line)
        line = pending.join('')
        pending = []
      }
      lines++
      chars += line.length
      start = lf + 1
      lf = text.indexOf('\n', start)
    }
    if (start < text.length) pending.push(start === 0 ? text : text.slice(start))
  }
  const rest = decoder.decode() + pending.join('')
  if (rest.length > 0) {
    lines++
    chars += rest.length
  }
  return { lines, events: 0, chars }
}

/** (2) Node's readline over a file stream. */
export async function nodeReadline(path: string): Promise<PassResult> {
  const rl = createInterface({ input: createReadStream(path, { highWaterMark: CHUNK }), crlfDelay: Infinity })
  let lines = 0
  let chars = 0
  rl.on('line', (line: string) => {
    lines++
    chars += line.length
  })
  await new Promise<void>((resolve) => rl.once('close', () => resolve()))
  return { lines, events: 0, chars }
}

function summariseRun(run: unknown): Record<string, unknown> | undefined {
  if (typeof run !== 'object' || run === null) return undefined
  const r = run as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(r)) {
    if (Array.isArray(v)) out[k] = v.length
    else if (typeof v !== 'object' || v === null) out[k] = v
  }
  return out
}

/** (3) aptlog events (`createParser` + `feed`), and (4) with the run model folding every event. */
export async function aptlogEvents(api: AptlogApi, path: string, model?: RunModel): Promise<PassResult> {
  const types = new Map<string, number>()
  let events = 0
  let stats: Record<string, unknown> | undefined
  const fold = model?.start()
  const parser = api.createParser({
    onEvent: (event: EventLike): void => {
      events++
      types.set(event.type, (types.get(event.type) ?? 0) + 1)
      if (event.type === 'log.end') stats = event
      fold?.add(event)
    },
  })
  for await (const chunk of chunks(path)) parser.feed(chunk)
  parser.end()
  const result: PassResult = { lines: Number(stats?.['lines'] ?? 0), events, types: Object.fromEntries([...types].sort()) }
  if (stats !== undefined) result.stats = stats
  if (fold !== undefined) {
    const run = summariseRun(fold.finish())
    if (run !== undefined) result.run = run
  }
  return result
}

/**
 * (3p) A problems-only consumer: `createParser({ select: ['problem'] })`, the option that lets the
 * grammars skip building events nobody asked for. `selectHonoured` is false when the build
 * delivered other types too (a build without `select`): then the speed is not that of the option.
 */
export async function aptlogProblems(api: AptlogApi, path: string): Promise<PassResult & { selectHonoured: boolean }> {
  let events = 0
  let others = 0
  let stats: Record<string, unknown> | undefined
  const parser = api.createParser({
    select: ['problem'],
    onEvent: (event: EventLike): void => {
      if (event.type === 'problem') events++
      else if (event.type === 'log.end') stats = event
      else others++
    },
  })
  for await (const chunk of chunks(path)) parser.feed(chunk)
  parser.end()
  const result: PassResult & { selectHonoured: boolean } = { lines: Number(stats?.['lines'] ?? 0), events, selectHonoured: others === 0 }
  if (stats !== undefined) result.stats = stats
  return result
}

/** (3b) aptlog/node `parseFile`: the async-iterator API over the same file. */
export async function aptlogParseFile(node: AptlogNodeApi, path: string): Promise<PassResult> {
  let events = 0
  let lines = 0
  for await (const event of node.parseFile(path)) {
    events++
    if (event.type === 'log.end') lines = Number(event['lines'] ?? 0)
  }
  return { lines, events }
}
