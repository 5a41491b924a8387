/**
 * A pool of worker threads for `aptlog fleet`. Tasks are pulled from an async iterable only as
 * workers free up (each worker holds at most `depth` tasks), so memory stays flat however many
 * logs there are. A worker that throws, exits or runs out of memory (`resourceLimits`) costs only
 * the task it was running: that task is reported as crashed, the tasks queued behind it go back
 * to the pool, and a new worker takes its place.
 *
 * Protocol: the pool posts `{ id, task }`; the worker answers each in order with
 * `{ id, ok: true, value }` or `{ id, ok: false, message }` (a task that failed cleanly, such as an
 * unreadable file).
 * @module
 */

import { Worker, type ResourceLimits } from 'node:worker_threads'

/** How a task ended. */
export type PoolOutcome<R> =
  | { readonly ok: true; readonly value: R }
  | { readonly ok: false; readonly reason: 'failed' | 'crashed' | 'out-of-memory'; readonly message: string }

/** Pool options. */
export interface PoolOptions {
  /** The worker's script (a file path or URL). */
  readonly script: string | URL
  /** `workerData` for each worker. */
  readonly workerData?: unknown
  /** Workers. */
  readonly jobs: number
  /** Tasks posted to a worker ahead of its answers. @defaultValue 2 */
  readonly depth?: number | undefined
  /** Heap limits of each worker. */
  readonly resourceLimits?: ResourceLimits | undefined
}

interface Queued<T> {
  readonly id: number
  readonly task: T
}

interface Answer {
  readonly id: number
  readonly ok: boolean
  readonly value?: unknown
  readonly message?: string
}

/** Run every task of `tasks` on the pool; `onDone` is called once per task (awaited, so a slow consumer slows the pool). */
export async function runPool<T, R>(tasks: AsyncIterable<T>, options: PoolOptions, onDone: (task: T, outcome: PoolOutcome<R>) => void | Promise<void>): Promise<void> {
  const depth = Math.max(1, options.depth ?? 2)
  const source = tasks[Symbol.asyncIterator]()
  const requeued: Queued<T>[] = []
  let exhausted = false
  let nextId = 0
  let pulling: Promise<unknown> = Promise.resolve()

  /** The next task: a requeued one first. Pulls are serialised so two workers never race the iterator. */
  function pull(): Promise<Queued<T> | undefined> {
    const next = pulling.then(async (): Promise<Queued<T> | undefined> => {
      const again = requeued.shift()
      if (again !== undefined) return again
      if (exhausted) return undefined
      const r = await source.next()
      if (r.done === true) {
        exhausted = true
        return undefined
      }
      return { id: nextId++, task: r.value }
    })
    pulling = next
    return next
  }

  /** One worker until it has nothing left to do, or a replacement after it dies. */
  function slot(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.script, { workerData: options.workerData, resourceLimits: options.resourceLimits })
      const inFlight: Queued<T>[] = []
      let filling = false
      let finished = false
      let settled: Promise<void> = Promise.resolve()

      function finish(): void {
        finished = true
        void worker.terminate()
        resolve()
      }

      async function fill(): Promise<void> {
        if (filling || finished) return
        filling = true
        while (inFlight.length < depth) {
          const next = await pull()
          if (next === undefined || finished) {
            if (next !== undefined) requeued.push(next)
            break
          }
          inFlight.push(next)
          worker.postMessage({ id: next.id, task: next.task })
        }
        filling = false
        if (inFlight.length === 0 && !finished) finish()
      }

      function died(reason: 'crashed' | 'out-of-memory', message: string): void {
        if (finished) return
        finished = true
        const blamed = inFlight.shift()
        requeued.push(...inFlight.splice(0))
        settled = settled
          .then(async () => {
            if (blamed !== undefined) await onDone(blamed.task, { ok: false, reason, message })
          })
          // A replacement whenever work may be left: tasks requeued, or a pull still on its way
          // to this worker (it is requeued when it lands).
          .then(() => (blamed === undefined && requeued.length === 0 && !filling ? undefined : slot()))
        settled.then(resolve, reject)
      }

      worker.on('message', (answer: Answer) => {
        const done = inFlight.findIndex((q) => q.id === answer.id)
        if (done === -1) return
        const [queued] = inFlight.splice(done, 1) as [Queued<T>]
        const outcome: PoolOutcome<R> = answer.ok ? { ok: true, value: answer.value as R } : { ok: false, reason: 'failed', message: answer.message ?? 'failed' }
        settled = settled.then(() => onDone(queued.task, outcome)).then(fill)
        settled.catch(reject)
      })
      worker.on('error', (error: Error & { code?: string }) => {
        died(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed', `worker ${error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory' : `threw: ${error.message}`}`)
      })
      worker.on('exit', (code) => died('crashed', `worker exited with code ${code}`))
      void fill()
    })
  }

  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, slot))
}
