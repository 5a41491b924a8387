/**
 * The worker thread of `aptlog fleet`: the CLI's own script, started with a marker in
 * `workerData`, reads one log per task (plain or gzip) and answers with its fleet record. A
 * small log is read in one synchronous call; a large one, or a small .gz that inflates past a
 * bound, streams through the CLI's `analyse` as `aptlog summary` reads it. Tasks are handled one at a time, in order, so when the worker dies the
 * pool knows which log it was reading.
 * @module
 */

import { readFileSync, statSync } from 'node:fs'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import { isGzip } from '../../adapters/node.ts'
import { fleetRunOf } from '../../fleet/run.ts'
import { analyse, analyseInput, type Analysis } from '../analyse.ts'
import { CliError } from '../input.ts'

/** The `workerData` that makes the CLI script a fleet worker. */
export const FLEET_WORKER_DATA: { readonly aptlogFleetWorker: 1 } = { aptlogFleetWorker: 1 }

/** True in a thread the fleet pool started. */
export function isFleetWorker(): boolean {
  return !isMainThread && (workerData as { aptlogFleetWorker?: unknown } | null)?.aptlogFleetWorker === 1
}

/** A reading error as one line; undefined for errors that are bugs (the worker then dies and the pool counts a crash). */
function inputError(error: unknown): string | undefined {
  if (error instanceof CliError) return error.message
  const code = (error as { code?: unknown }).code
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'looks gzip-compressed but is damaged'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (typeof code === 'string' && code.startsWith('E')) return `cannot read (${code})`
  return undefined
}

/**
 * Logs up to this size (on disk) are read in one synchronous call. A worker has nothing else to do
 * while it waits, and the streaming path's open/stat/read/close round trips through libuv's
 * thread pool left each worker idle about a fifth of the time, which two workers on two cores
 * cannot make up.
 */
const WHOLE_READ_LIMIT = 8 * 1024 * 1024

/** Most a small .gz may inflate to in one call; past it the file streams (memory stays bounded for a gzip bomb). */
const WHOLE_INFLATE_LIMIT = 64 * 1024 * 1024

/** How much a worker reads in one call: the defaults are {@link WHOLE_READ_LIMIT} and {@link WHOLE_INFLATE_LIMIT}. */
export interface WholeReadLimits {
  /** Largest file (bytes on disk) read whole. */
  readonly file: number
  /** Most a .gz may inflate to when read whole. */
  readonly inflated: number
}

const WHOLE_READ: WholeReadLimits = { file: WHOLE_READ_LIMIT, inflated: WHOLE_INFLATE_LIMIT }

/**
 * The bytes of a small log, gunzipped; undefined when it must stream: large, not a regular file,
 * inflating past the bound, or not readable (the streaming path then reports it, in its words).
 */
export function readWhole(path: string, limits: WholeReadLimits = WHOLE_READ): Uint8Array | undefined {
  let bytes: Uint8Array
  try {
    const info = statSync(path)
    if (!info.isFile() || info.size > limits.file) return undefined
    bytes = readFileSync(path)
  } catch {
    return undefined
  }
  if (!isGzip(bytes)) return bytes
  try {
    return gunzipSync(bytes, { maxOutputLength: limits.inflated })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined
    throw error
  }
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes
}

/** One log's analysis: whole when small, streamed otherwise. */
async function analyseLog(path: string): Promise<Analysis> {
  const whole = path === '' ? undefined : readWhole(path)
  if (whole === undefined) return analyse(path)
  return analyseInput(path, once(whole), () => whole.byteLength)
}

/** Serve tasks until the pool terminates the thread. */
export function runFleetWorker(): void {
  const port = parentPort
  if (port === null) return
  let queue: Promise<void> = Promise.resolve()
  port.on('message', ({ id, task }: { id: number; task: string }) => {
    queue = queue.then(async () => {
      try {
        const { summary, evidence } = await analyseLog(task)
        port.postMessage({ id, ok: true, value: fleetRunOf(task, summary, evidence) })
      } catch (error) {
        const message = inputError(error)
        if (message === undefined) throw error
        port.postMessage({ id, ok: false, message })
      }
    })
  })
}
