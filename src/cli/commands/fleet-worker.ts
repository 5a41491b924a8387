/**
 * The worker thread of `aptlog fleet`: the CLI's own script, started with a marker in
 * `workerData`, reads one log per task (plain or gzip, through the CLI's `analyse`) and answers
 * with its fleet record. Tasks are handled one at a time, in order, so when the worker dies the
 * pool knows which log it was reading.
 * @module
 */

import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { fleetRunOf } from '../../fleet/run.ts'
import { analyse } from '../analyse.ts'
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

/** Serve tasks until the pool terminates the thread. */
export function runFleetWorker(): void {
  const port = parentPort
  if (port === null) return
  let queue: Promise<void> = Promise.resolve()
  port.on('message', ({ id, task }: { id: number; task: string }) => {
    queue = queue.then(async () => {
      try {
        const { summary, evidence } = await analyse(task)
        port.postMessage({ id, ok: true, value: fleetRunOf(task, summary, evidence) })
      } catch (error) {
        const message = inputError(error)
        if (message === undefined) throw error
        port.postMessage({ id, ok: false, message })
      }
    })
  })
}
