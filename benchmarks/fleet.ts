/**
 * `npm run bench:fleet`: `aptlog fleet` throughput with 1 and 2 workers, and its peak RSS on many
 * logs. The logs are the real captures in fixtures/ (`*.log`, `*.txt`), copied round robin into a
 * temporary tree (100 a directory, every fifth gzipped) until there are enough; nothing is
 * generated. The built CLI (`benchmarks/out/dist/cli.js`, built by `npm run bench:fleet` so that `dist/` keeps its types) runs in a child process; a preloaded hook records the
 * process's peak RSS (`process.resourceUsage().maxRSS`: the main thread and every worker).
 *
 *   npm run bench:fleet                         2 000 logs (1 vs 2 workers, 3 rounds), RSS on 10 000
 *   npm run bench:fleet -- --logs 4000 --rss-logs 20000 --rounds 5 --out DIR
 *
 * Targets (printed, never asserted): ≥ 1.7× from 1 to 2 workers on 2 cores; ≤ 200 MB peak RSS on
 * 10 000 logs.
 * @module
 */

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { findRoot } from './fixtures.ts'

const ROOT = findRoot(new URL('.', import.meta.url).pathname)
const CLI = join(ROOT, 'benchmarks', 'out', 'dist', 'cli.js')

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback)
}
const LOGS = Number(option('--logs', '2000'))
const RSS_LOGS = Number(option('--rss-logs', '10000'))
const ROUNDS = Number(option('--rounds', '3'))
const OUT = option('--out', join(tmpdir(), 'aptlog-fleet-bench'))

function captures(): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(dir, e.name))
      else if (/\.(log|txt)$/.test(e.name)) out.push(join(dir, e.name))
    }
  }
  walk(join(ROOT, 'fixtures'))
  return out
}

/** A tree of `count` logs (reused when it is already there); returns its directory and byte size. */
function tree(count: number): { dir: string; bytes: number } {
  const dir = join(OUT, `logs-${count}`)
  const sources = captures()
  const marker = `${dir}.complete`
  let bytes = 0
  if (existsSync(marker)) return { dir, bytes: Number(readFileSync(marker, 'utf8')) }
  rmSync(dir, { recursive: true, force: true })
  const contents = sources.map((s) => readFileSync(s))
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(4, '0'))
    if (i % 100 === 0) mkdirSync(sub, { recursive: true })
    const source = sources[i % sources.length] as string
    const name = `${i}-${relative(join(ROOT, 'fixtures'), source).replace(/\//g, '_')}`
    const body = contents[i % contents.length] as Buffer
    const data = i % 5 === 4 ? gzipSync(body) : body
    bytes += data.length
    writeFileSync(join(sub, i % 5 === 4 ? `${name}.gz` : name), data)
  }
  writeFileSync(marker, String(bytes))
  return { dir, bytes }
}

const HOOK = join(OUT, 'rss-hook.cjs')

/**
 * One `aptlog fleet` run: wall time (ms), CPU time of the whole process (ms: main thread and
 * workers, user + system), peak RSS (MiB), its exit status and run count. CPU time over wall time
 * shows how many cores the run actually got: on a loaded machine, fewer than its workers.
 */
function fleet(dir: string, jobs: number): { ms: number; cpuMs: number; rssMiB: number; status: number | null; runs: number } {
  const rssFile = join(OUT, 'rss.txt')
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['-r', HOOK, CLI, 'fleet', '--format', 'json', '--jobs', String(jobs), dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, APTLOG_RSS_FILE: rssFile },
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const doc = JSON.parse(r.stdout) as { runs: number }
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number }
  return { ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rssMiB: usage.maxRSS / 1024, status: r.status, runs: doc.runs }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

function main(): void {
  mkdirSync(OUT, { recursive: true })
  writeFileSync(
    HOOK,
    `const { isMainThread } = require('node:worker_threads')\nif (isMainThread) process.on('exit', () => require('node:fs').writeFileSync(process.env.APTLOG_RSS_FILE, JSON.stringify(process.resourceUsage())))\n`,
  )
  if (!existsSync(CLI)) execFileSync('npx', ['tsup', '--silent', '--no-dts'], { cwd: ROOT, stdio: 'inherit' })
  console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const small = tree(LOGS)
  console.log(`${LOGS} logs (${(small.bytes / 1e6).toFixed(1)} MB on disk, ${captures().length} distinct captures, every fifth gzipped) in ${small.dir}`)
  const times: Record<number, number[]> = { 1: [], 2: [] }
  const cpu: Record<number, number[]> = { 1: [], 2: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const jobs of round % 2 === 0 ? [1, 2] : [2, 1]) {
      const r = fleet(small.dir, jobs)
      if (r.runs !== LOGS) throw new Error(`expected ${LOGS} runs, got ${r.runs}`)
      times[jobs]?.push(r.ms)
      cpu[jobs]?.push(r.cpuMs)
      console.log(
        `  round ${round + 1}, ${jobs} worker${jobs === 1 ? '' : 's'}: ${(r.ms / 1000).toFixed(2)} s, ${((LOGS / r.ms) * 1000).toFixed(0)} logs/s, CPU ${(r.cpuMs / 1000).toFixed(2)} s (${(r.cpuMs / r.ms).toFixed(2)} cores busy), ${r.rssMiB.toFixed(0)} MiB peak RSS`,
      )
    }
  }
  const one = median(times[1] as number[])
  const two = median(times[2] as number[])
  const speedup = one / two
  console.log(`median: 1 worker ${((LOGS / one) * 1000).toFixed(0)} logs/s, 2 workers ${((LOGS / two) * 1000).toFixed(0)} logs/s: ${speedup.toFixed(2)}× (target ≥ 1.7×: ${speedup >= 1.7 ? 'met' : 'MISS'})`)
  const cpuOne = median(cpu[1] as number[])
  const cpuTwo = median(cpu[2] as number[])
  // With two idle cores, wall time is CPU time over the cores used: the speed-up two workers can reach.
  console.log(`CPU per log: 1 worker ${((cpuOne / LOGS) * 1000).toFixed(0)} µs, 2 workers ${((cpuTwo / LOGS) * 1000).toFixed(0)} µs: on 2 idle cores at most ${((2 * cpuOne) / cpuTwo).toFixed(2)}×`)
  const big = tree(RSS_LOGS)
  const r = fleet(big.dir, 2)
  console.log(
    `${RSS_LOGS} logs (${(big.bytes / 1e6).toFixed(1)} MB), 2 workers: ${(r.ms / 1000).toFixed(1)} s, ${((RSS_LOGS / r.ms) * 1000).toFixed(0)} logs/s, peak RSS ${r.rssMiB.toFixed(0)} MiB (target ≤ 200 MB: ${r.rssMiB * 1.048576 <= 200 ? 'met' : 'MISS'})`,
  )
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}

main()
