import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runPool, type PoolOutcome } from '../../src/cli/commands/fleet-pool.ts'

// A worker speaking the pool's protocol, with tasks that misbehave on purpose: `throw` throws
// (uncaught, the thread dies), `exit` ends the thread, `oom` allocates until the heap limit,
// `fail` answers with an error (a clean failure, such as an unreadable file); others echo.
const WORKER = `
import { parentPort } from 'node:worker_threads'
parentPort.on('message', ({ id, task }) => {
  if (task === 'throw') throw new Error('boom on ' + task)
  if (task === 'exit') process.exit(7)
  if (task === 'oom') { const hold = []; for (;;) hold.push(new Array(1e6).fill(task)) }
  if (task === 'fail') return parentPort.postMessage({ id, ok: false, message: 'cannot read' })
  parentPort.postMessage({ id, ok: true, value: task.toUpperCase() })
})
`
const DIR = mkdtempSync(join(tmpdir(), 'aptlog-pool-'))
const SCRIPT = join(DIR, 'worker.mjs')
writeFileSync(SCRIPT, WORKER)

async function* from<T>(items: readonly T[], pulled?: { count: number }): AsyncGenerator<T, void, undefined> {
  for (const item of items) {
    if (pulled !== undefined) pulled.count++
    yield item
  }
}

async function runAll(tasks: readonly string[], jobs: number): Promise<Map<string, PoolOutcome<string>>> {
  const done = new Map<string, PoolOutcome<string>>()
  await runPool<string, string>(from(tasks), { script: SCRIPT, jobs, resourceLimits: { maxOldGenerationSizeMb: 32 } }, (task, outcome) => {
    expect(done.has(task)).toBe(false)
    done.set(task, outcome)
  })
  return done
}

describe('worker pool', () => {
  test('every task answered once, by any number of workers', async () => {
    const tasks = Array.from({ length: 40 }, (_, i) => `log${i}`)
    for (const jobs of [1, 3]) {
      const done = await runAll(tasks, jobs)
      expect([...done.keys()].sort()).toEqual([...tasks].sort())
      expect(done.get('log7')).toEqual({ ok: true, value: 'LOG7' })
    }
  })

  test('a worker that throws costs only its task; the tasks queued behind it are still read', async () => {
    const done = await runAll(['a', 'throw', 'b', 'c', 'd', 'throw2', 'e'], 1)
    expect(done.get('throw')).toMatchObject({ ok: false, reason: 'crashed', message: expect.stringMatching(/threw: boom on throw/) })
    expect(['a', 'b', 'c', 'd', 'throw2', 'e'].map((t) => done.get(t))).toEqual(['A', 'B', 'C', 'D', 'THROW2', 'E'].map((value) => ({ ok: true, value })))
  })

  test('a worker that exits is counted as crashed', async () => {
    const done = await runAll(['exit', 'a', 'b'], 2)
    expect(done.get('exit')).toMatchObject({ ok: false, reason: 'crashed', message: 'worker exited with code 7' })
    expect(done.get('b')).toEqual({ ok: true, value: 'B' })
  })

  test('a worker past its heap limit is counted as out of memory', async () => {
    const done = await runAll(['a', 'oom', 'b'], 1)
    expect(done.get('oom')).toMatchObject({ ok: false, reason: 'out-of-memory' })
    expect(done.get('b')).toEqual({ ok: true, value: 'B' })
  })

  test('a clean failure leaves the worker running', async () => {
    const done = await runAll(['fail', 'a'], 1)
    expect(done.get('fail')).toEqual({ ok: false, reason: 'failed', message: 'cannot read' })
    expect(done.get('a')).toEqual({ ok: true, value: 'A' })
  })

  test('a worker script that throws as it starts: every task is reported crashed, and the pool ends', async () => {
    const broken = join(DIR, 'broken.mjs')
    writeFileSync(broken, "throw new Error('cannot start')\n")
    const done = new Map<string, PoolOutcome<string>>()
    await runPool<string, string>(from(['a', 'b', 'c']), { script: broken, jobs: 2 }, (task, outcome) => {
      done.set(task, outcome)
    })
    expect([...done.keys()].sort()).toEqual(['a', 'b', 'c'])
    expect([...done.values()].every((o) => !o.ok && o.reason === 'crashed')).toBe(true)
  })

  test('tasks are pulled only as workers free up (queues stay shallow)', async () => {
    const pulled = { count: 0 }
    let most = 0
    let answered = 0
    await runPool<string, string>(from(Array.from({ length: 200 }, (_, i) => `t${i}`), pulled), { script: SCRIPT, jobs: 2, depth: 2 }, () => {
      answered++
      most = Math.max(most, pulled.count - answered)
    })
    expect(answered).toBe(200)
    // At most jobs × depth tasks in flight, plus the one being pulled.
    expect(most).toBeLessThanOrEqual(5)
  })
})
