/**
 * `npm run bench`: generate (or reuse) the logs, run every reader in its own child process on the
 * same files, print a table and write the results as JSON to benchmarks/out/results/.
 *
 *   npm run bench                      10 MiB, 100 MiB and 1 GiB mixed logs, hostile inputs, rules, diff, peer
 *   npm run bench -- --quick           10 MiB, fewer runs, smaller bulk hostile cases (under a minute on 2 cores)
 *   npm run bench -- --size 100m,1g    chosen sizes (k, m, g suffixes: KiB, MiB, GiB)
 *   npm run bench -- --out DIR         where generated logs go (default: <os tmpdir>/aptlog-bench)
 *   npm run bench -- --seed 7          generator seed (default 1)
 *   npm run bench -- --no-peer --no-hostile --no-rules --no-diff    leave parts out
 *   npm run bench -- --generate-only   write the logs and stop
 *   npm run bench -- --check           exit 1 when a target of issue #17 is missed (regressions show)
 *   npm run bench -- --no-captures     leave out the concatenated real captures
 * @module
 */

import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ChildReport } from './child.ts'
import { findRoot, loadFixtures } from './fixtures.ts'
import { GENERATOR_VERSION, writeMixedLog, type GeneratedFile } from './generate.ts'
import { writeCapturesLog, type CapturesFile } from './captures.ts'
import { writeHostileCases, type HostileCase } from './hostile.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = findRoot(HERE)
const CHILD = join(HERE, 'child.js')
const MIB = 1 << 20

interface Options {
  quick: boolean
  sizes: number[]
  out: string
  seed: number
  peer: boolean
  hostile: boolean
  rules: boolean
  diff: boolean
  generateOnly: boolean
  peerMaxBytes: number
  check: boolean
  captures: boolean
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(s.trim())
  if (m === null) throw new Error(`--size: cannot read "${s}" (use e.g. 10m, 100m, 1g)`)
  const unit = (m[2] ?? '').toLowerCase()
  const mult = unit === 'g' ? 1 << 30 : unit === 'm' ? MIB : unit === 'k' ? 1024 : 1
  return Math.round(Number(m[1]) * mult)
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    quick: false,
    sizes: [],
    out: join(tmpdir(), 'aptlog-bench'),
    seed: 1,
    peer: true,
    hostile: true,
    rules: true,
    diff: true,
    generateOnly: false,
    peerMaxBytes: 1 << 30,
    check: false,
    captures: true,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--quick') o.quick = true
    else if (a === '--size' || a === '--sizes') o.sizes.push(...value().split(',').map(parseSize))
    else if (a === '--out') o.out = value()
    else if (a === '--seed') o.seed = Number(value())
    else if (a === '--no-peer') o.peer = false
    else if (a === '--no-hostile') o.hostile = false
    else if (a === '--no-rules') o.rules = false
    else if (a === '--no-diff') o.diff = false
    else if (a === '--generate-only') o.generateOnly = true
    else if (a === '--peer-max') o.peerMaxBytes = parseSize(value())
    else if (a === '--check') o.check = true
    else if (a === '--no-captures') o.captures = false
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 16).join('\n'))
      process.exit(0)
    } else throw new Error(`unknown option ${a} (see --help)`)
  }
  if (o.sizes.length === 0) o.sizes = o.quick ? [10 * MIB] : [10 * MIB, 100 * MIB, 1 << 30]
  return o
}

function sizeName(bytes: number): string {
  if (bytes >= 1 << 30 && bytes % (1 << 30) === 0) return `${bytes / (1 << 30)} GiB`
  if (bytes >= MIB) return `${Math.round(bytes / MIB)} MiB`
  return `${Math.round(bytes / 1024)} KiB`
}

const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000)
const f1 = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1))
const f2 = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(2))

function child(args: readonly string[], nodeFlags: readonly string[] = []): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', ...nodeFlags, CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.stderr.on('data', (d: Buffer) => (err += d.toString()))
    p.on('error', reject)
    p.on('close', (code, signal) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ChildReport)
      else reject(new Error(`child ${args.join(' ')} exited with ${code ?? signal}: ${err.trim().slice(-2000)}`))
    })
  })
}

/** A child that may fail: the failure becomes a note (a throw or a crash in the parser is a finding, not a reason to stop). */
async function tryChild(args: readonly string[], nodeFlags: readonly string[] = []): Promise<ChildReport> {
  try {
    return await child(args, nodeFlags)
  } catch (error) {
    return { mode: args[0] as string, maxRssMiB: Number.NaN, skipped: `FAILED: ${String(error).slice(0, 1500)}` }
  }
}

// ---------------------------------------------------------------------------------------------
// The peer: Debian's buildlog-consultant

const PYTHON = '/usr/bin/python3'

interface PeerResult {
  readonly tool: string
  readonly ms?: number
  readonly startupMs?: number
  readonly maxRssMiB?: number
  readonly output?: string
  readonly skipped?: string
}

function peerInstalled(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`
  try {
    execFileSync(PYTHON, ['-c', 'import buildlog_consultant'], { stdio: 'ignore' })
    return undefined
  } catch {
    return 'buildlog-consultant is not installed (apt-get install python3-buildlog-consultant)'
  }
}

// The same entry points as `python3 -m buildlog_consultant.apt FILE` and `analyse-build-log FILE`,
// run through a wrapper that reports the interpreter's peak RSS when it exits.
const PEER_CODE: Record<string, string> = {
  'buildlog_consultant.apt': [
    'import sys, runpy, resource',
    "sys.argv = ['buildlog_consultant.apt', sys.argv[1]]",
    'try:',
    "    runpy.run_module('buildlog_consultant.apt', run_name='__main__')",
    'finally:',
    "    sys.stderr.write('\\nMAXRSS_KB=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
  ].join('\n'),
  'analyse-build-log': [
    'import sys, resource',
    'from buildlog_consultant.common import main',
    'try:',
    '    main([sys.argv[1]])',
    'finally:',
    "    sys.stderr.write('\\nMAXRSS_KB=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
  ].join('\n'),
}

function runPeerOnce(tool: string, file: string): Promise<{ ms: number; rssKb: number; output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const p = spawn(PYTHON, ['-c', PEER_CODE[tool] as string, file], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8' } })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.stderr.on('data', (d: Buffer) => (out += d.toString()))
    p.on('error', reject)
    p.on('close', (code) => {
      const ms = performance.now() - t
      const m = /MAXRSS_KB=(\d+)/.exec(out)
      resolve({ ms, rssKb: m === null ? Number.NaN : Number(m[1]), output: out.replace(/\n?MAXRSS_KB=\d+\n?/, '').trim(), code })
    })
  })
}

async function peer(tool: string, file: string, empty: string): Promise<PeerResult> {
  const startup = await runPeerOnce(tool, empty)
  const r = await runPeerOnce(tool, file)
  if (r.code !== 0) return { tool, skipped: `exited with ${String(r.code)}: ${r.output.slice(-300)}` }
  return { tool, ms: r.ms, startupMs: startup.ms, maxRssMiB: r.rssKb / 1024, output: r.output.split('\n').slice(0, 3).join(' | ').slice(0, 200) }
}

// ---------------------------------------------------------------------------------------------
// Rule tables (src/apt/rules.ts, src/dpkg/rules.ts, src/docker/rules.ts), bundled when they exist

async function bundleRules(outDir: string): Promise<string[]> {
  const entries: Record<string, string> = {}
  const notes: string[] = []
  for (const [name, rel] of [
    ['apt', 'src/apt/rules.ts'],
    ['dpkg', 'src/dpkg/rules.ts'],
    ['docker', 'src/docker/rules.ts'],
  ] as const) {
    if (existsSync(join(ROOT, rel))) entries[name] = join(ROOT, rel)
    else notes.push(`${rel} does not exist yet: its rules are skipped`)
  }
  if (Object.keys(entries).length === 0) return notes
  const { build } = await import('tsup')
  await build({ entry: entries, outDir, format: ['esm'], config: false, silent: true, dts: false, sourcemap: false, clean: true, splitting: false, target: 'node18', platform: 'node' })
  return notes
}

// ---------------------------------------------------------------------------------------------
// The package under test

/**
 * Copy the package as `npm run bench` built it (package.json + benchmarks/out/dist/, JavaScript
 * only: the bench never writes the repository's dist/, which would then lack its .d.ts) to
 * benchmarks/out/node_modules/aptlog and make benchmarks/out its own package scope, so
 * `import('aptlog')` in the readers resolves through the exports map to this copy: every reader of
 * the run measures the same build, even if the bench is rebuilt while the suite runs.
 */
async function snapshotPackage(): Promise<string> {
  const target = join(HERE, 'node_modules', 'aptlog')
  for (let attempt = 0; ; attempt++) {
    rmSync(target, { recursive: true, force: true })
    mkdirSync(target, { recursive: true })
    try {
      cpSync(join(ROOT, 'package.json'), join(target, 'package.json'))
      cpSync(join(HERE, 'dist'), join(target, 'dist'), { recursive: true })
      if (existsSync(join(target, 'dist', 'index.js')) && existsSync(join(target, 'dist', 'node.js'))) break
    } catch {
      // dist/ changed under the copy: try again
    }
    if (attempt >= 20) throw new Error('aptlog benchmarks: no complete benchmarks/out/dist/ to measure; run `npm run bench`')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  writeFileSync(join(HERE, 'package.json'), `${JSON.stringify({ private: true, type: 'module', description: 'benchmark build output (generated)' }, null, 2)}\n`)
  return target
}

interface SizeResult {
  readonly size: number
  readonly file: GeneratedFile
  readonly readers: Record<string, ChildReport>
  readonly pair: ChildReport
  readonly peers: PeerResult[]
}

function machine(): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  let commit = 'unknown'
  let dirty = false
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== ''
  } catch {
    // not a git checkout
  }
  const cpu = cpus()
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / (1 << 30)),
    aptlog: pkg.version,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
    commit: dirty ? `${commit} + uncommitted changes in src/` : commit,
  }
}

function line(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')
}

/**
 * V8 sizes its young generation (up to 3 × 16 MiB semi-spaces on 64-bit) by allocation rate, not by
 * what is live: most of a streaming reader's RSS above the floor is that. The `s` rows run the same
 * readers with the node flag an embedding process would set to cap it.
 */
const SMALL_YOUNG: readonly string[] = ['--max-semi-space-size=2']

/** Readers: result key, label, the child's reader name, node flags. */
const READERS: readonly (readonly [key: string, label: string, reader: string, nodeFlags: readonly string[]])[] = [
  ['floor', '(0) node + aptlog loaded, nothing read', 'floor', []],
  ['baseline', '(1) line split (TextDecoder + indexOf)', 'baseline', []],
  ['readline', '(2) node:readline', 'readline', []],
  ['events', '(3) aptlog events', 'events', []],
  ['parsefile', '(3b) aptlog/node parseFile (async iterator)', 'parsefile', []],
  ['events+run', '(4) aptlog events + run model', 'events+run', []],
  ['problems', "(3p) aptlog, problems only (select: ['problem'])", 'problems', []],
  ['baseline-small-young', '(1s) line split, node --max-semi-space-size=2', 'baseline', SMALL_YOUNG],
  ['events-small-young', '(3s) aptlog events, node --max-semi-space-size=2', 'events', SMALL_YOUNG],
  ['events+run-small-young', '(4s) events + run model, --max-semi-space-size=2', 'events+run', SMALL_YOUNG],
]

async function main(): Promise<void> {
  const started = performance.now()
  const o = parseArgs(process.argv.slice(2))
  const snapshot = await snapshotPackage()
  const info = machine()
  console.log(`aptlog benchmarks — ${new Date().toISOString()}`)
  console.log(`node ${String(info['node'])}, ${String(info['cpu'])} × ${String(info['cores'])}, ${String(info['memoryGiB'])} GiB; aptlog ${String(info['aptlog'])} (${String(info['commit'])}); seed ${o.seed}${o.quick ? '; --quick' : ''}`)
  console.log(`load average ${(info['loadAverageAtStart'] as number[]).join(' ')} (other work on the machine skews every number; the JSON keeps it)`)
  console.log(`package under test: a copy of dist/ as built now, in ${snapshot}`)
  console.log(`generated logs in ${o.out} (kept and reused; never committed)\n`)

  const pool = loadFixtures(ROOT)
  const files: GeneratedFile[] = []
  for (const size of o.sizes) {
    const f = writeMixedLog(o.out, pool, { seed: o.seed, bytes: size })
    files.push(f)
    const e = f.expected
    console.log(
      `mixed ${sizeName(size).padStart(7)}: ${(e.bytes / 1e6).toFixed(1)} MB, ${e.lines} lines, ${e.builds} docker builds (${e.steps} steps), ${f.reused ? 'reused' : `generated in ${(f.ms / 1000).toFixed(1)} s`} → ${f.path}`,
    )
  }
  const hostile: HostileCase[] = o.hostile ? writeHostileCases(o.out, o.seed, readFileSync(join(ROOT, 'fixtures/docker/D11-cli20-buildkit-plain-multistage-concurrent-apt.log'), 'utf8'), o.quick ? 0.25 : 1) : []
  if (o.generateOnly) return

  const notes: string[] = []
  const peerMissing = o.peer ? peerInstalled() : 'left out (--no-peer)'
  if (peerMissing !== undefined) notes.push(`(6) buildlog-consultant: skipped — ${peerMissing}`)
  const empty = join(o.out, 'aptlog-bench-empty.log')
  writeFileSync(empty, '')

  // Mixed logs: every reader in its own process, then (1)/(3)/(4) back to back in one process.
  const sizes: SizeResult[] = []
  for (const [index, f] of files.entries()) {
    const nominal = o.sizes[index] as number
    const big = f.expected.bytes > 512 * MIB
    const mid = f.expected.bytes > 32 * MIB
    const [warm, runs, rounds] = o.quick ? [1, 3, 3] : big ? [0, 1, 1] : mid ? [1, 3, 3] : [1, 5, 5]
    const readers: Record<string, ChildReport> = {}
    for (const [key, , reader, nodeFlags] of READERS) {
      progress(`  ${sizeName(f.expected.bytes)}: ${key} …\r`)
      readers[key] = await tryChild(['read', reader, f.path, String(warm), String(runs)], nodeFlags)
    }
    progress(`  ${sizeName(f.expected.bytes)}: same-process pair …\r`)
    const pair = await tryChild(['pair', f.path, String(rounds)])
    const peers: PeerResult[] = []
    if (peerMissing === undefined) {
      for (const tool of ['buildlog_consultant.apt', 'analyse-build-log']) {
        if (nominal > o.peerMaxBytes) peers.push({ tool, skipped: `not run above ${sizeName(o.peerMaxBytes)} (it reads the whole file into a list of lines first; --peer-max to change)` })
        else {
          progress(`  ${sizeName(f.expected.bytes)}: ${tool} …\r`)
          peers.push(await peer(tool, f.path, empty))
        }
      }
    }
    sizes.push({ size: f.expected.bytes, file: f, readers, pair, peers })
  }
  progress('')

  // The real captures concatenated: the same pair, and the readers whose RSS the targets compare.
  let captures: { file: CapturesFile; readers: Record<string, ChildReport>; pair: ChildReport } | undefined
  if (o.captures) {
    const file = writeCapturesLog(ROOT, o.out)
    const [warm, runs, rounds] = o.quick ? [1, 3, 3] : [1, 5, 5]
    const readers: Record<string, ChildReport> = {}
    for (const key of ['baseline', 'events', 'events+run', 'problems']) {
      progress(`  captures: ${key} …\r`)
      readers[key] = await tryChild(['read', key, file.path, String(warm), String(runs)])
    }
    progress('  captures: same-process pair …\r')
    captures = { file, readers, pair: await tryChild(['pair', file.path, String(rounds)]) }
    progress('')
  }

  // Hostile inputs: aptlog events (and the baseline for reference), each in its own process.
  const hostileResults: { c: HostileCase; events: ChildReport; base: ChildReport }[] = []
  for (const c of hostile) {
    progress(`  hostile ${c.name} …\r`)
    const events = await tryChild(['read', 'events', c.path, '0', o.quick ? '1' : '3'])
    const base = await tryChild(['read', 'baseline', c.path, '0', o.quick ? '1' : '3'])
    hostileResults.push({ c, events, base })
  }

  // Near-miss lines per rule of the grammar tables.
  let rules: ChildReport | undefined
  let rulesParse: ChildReport | undefined
  if (o.rules) {
    progress('  rule tables …')
    const bundleDir = join(HERE, 'rules')
    try {
      notes.push(...(await bundleRules(bundleDir)).map((n) => `rules: ${n}`))
      const file = join(o.out, `aptlog-bench-near-miss-rules-s${o.seed}.log`)
      rules = await tryChild(['rules', bundleDir, ROOT, file, o.quick ? '2' : '7'])
      const written = rules.extra?.['file']
      if (typeof written === 'string') rulesParse = await tryChild(['read', 'events', written, '0', '1'])
    } catch (error) {
      notes.push(`rules: could not bundle the rule tables: ${String(error).slice(0, 500)}`)
    }
  }

  let diff: ChildReport | undefined
  if (o.diff) {
    progress('  diffRuns …')
    diff = await tryChild(['diff', '100000', String(o.seed), o.quick ? '3' : '7'])
  }
  progress('')

  // ------------------------------------------------------------------------------------------
  // Report
  const widths = [8, 46, 8, 9, 11, 10, 9]
  console.log('\nMixed logs — MB/s (10⁶ bytes/s, median), peak RSS of the reader’s own process (MiB)')
  console.log(line(['size', 'reader', 'MB/s', 'RSS MiB', 'lines', 'events', 'runs'], widths))
  const summary: Record<string, unknown>[] = []
  for (const s of sizes) {
    let first = true
    for (const [key, label] of READERS) {
      const r = s.readers[key] as ChildReport
      const speed = r.medianMs === undefined || key === 'floor' ? undefined : mbps(r.bytes ?? s.size, r.medianMs)
      console.log(
        line(
          [first ? sizeName(s.size) : '', label, r.skipped !== undefined ? 'skip' : f1(speed), f1(r.maxRssMiB), String(r.result?.lines ?? '—'), String(r.result?.events ?? '—'), String(r.ms?.length ?? 0)],
          widths,
        ),
      )
      if (r.skipped !== undefined) console.log(`${''.padEnd(10)}  ↳ ${r.skipped}`)
      first = false
      summary.push({ size: s.size, reader: key, mbps: speed, maxRssMiB: r.maxRssMiB, skipped: r.skipped })
    }
    for (const p of s.peers) {
      const label = p.tool === 'analyse-build-log' ? '(6b) buildlog-consultant analyse-build-log' : '(6) buildlog-consultant .apt'
      const speed = p.ms === undefined ? undefined : mbps(s.size, p.ms)
      console.log(line(['', label, p.skipped !== undefined ? 'skip' : f1(speed), f1(p.maxRssMiB), '', '', p.ms === undefined ? '0' : '1'], widths))
      if (p.skipped !== undefined) console.log(`${''.padEnd(10)}  ↳ ${p.skipped}`)
      else console.log(`${''.padEnd(10)}  ↳ wall time ${(p.ms as number / 1000).toFixed(1)} s incl. ${((p.startupMs ?? 0) / 1000).toFixed(2)} s interpreter start; said: ${p.output ?? ''}`)
    }
    const peerApt = s.peers.find((p) => p.tool === 'buildlog_consultant.apt' && p.ms !== undefined)
    printPair(s.size, s.pair, peerApt?.ms === undefined ? undefined : mbps(s.size, peerApt.ms))
    const ev = s.readers['events']?.result
    if (ev?.types !== undefined) {
      const t = ev.types
      const e = s.file.expected
      console.log(
        `${''.padEnd(10)}  parse check: docker.build.start ${t['docker.build.start'] ?? 0}/${e.builds} expected, docker.step.start ${t['docker.step.start'] ?? 0}/${e.steps}, lines ${String(ev.stats?.['lines'] ?? '—')}/${e.lines}, truncated ${String(ev.stats?.['truncated'] ?? '—')}, unrecognized ${String(ev.stats?.['unrecognized'] ?? '—')} (${pct(ev.stats?.['unrecognized'], ev.stats?.['lines'])})`,
      )
    }
  }

  if (captures !== undefined) {
    const c = captures
    console.log(`\nReal captures of fixtures/ concatenated (${c.file.captures} captures × ${c.file.repetitions}, ${(c.file.bytes / 1e6).toFixed(1)} MB) — MB/s (median), peak RSS (MiB)`)
    for (const [key, r] of Object.entries(c.readers)) {
      const speed = r.medianMs === undefined ? undefined : mbps(c.file.bytes, r.medianMs)
      console.log(line(['', key, r.skipped !== undefined ? 'skip' : f1(speed), f1(r.maxRssMiB), String(r.result?.lines ?? '—'), String(r.result?.events ?? '—'), String(r.ms?.length ?? 0)], widths))
      if (r.skipped !== undefined) console.log(`${''.padEnd(10)}  ↳ ${r.skipped}`)
    }
    printPair(c.file.bytes, c.pair, undefined)
  }

  const reference = [...sizes].reverse().find((s) => s.size <= 128 * MIB) ?? sizes[0]
  const refSpeed = reference?.readers['events']?.medianMs === undefined ? undefined : mbps(reference.size, reference.readers['events'].medianMs)
  // Memory reference: aptlog on the same mixed log as the speed reference (RSS of a Node process
  // settles with the heap's growth policy, so compare like with like).
  const refRss = reference?.readers['events']?.maxRssMiB
  if (hostileResults.length > 0) {
    console.log(`\nHostile inputs — aptlog events vs the ${reference === undefined ? '' : sizeName(reference.size)} mixed log (${f1(refSpeed)} MB/s, RSS ${f1(refRss)} MiB)`)
    const hw = [22, 8, 8, 10, 9, 9, 9, 9, 9]
    console.log(line(['case', 'MB', 'MB/s', 'per-MB ×', 'RSS MiB', 'ΔRSS', 'base MB/s', 'vs base', 'base RSS'], hw))
    for (const { c, events, base } of hostileResults) {
      const speed = events.medianMs === undefined ? undefined : mbps(c.bytes, events.medianMs)
      const bspeed = base.medianMs === undefined ? undefined : mbps(c.bytes, base.medianMs)
      const slow = speed === undefined || refSpeed === undefined ? undefined : refSpeed / speed
      console.log(line([c.name, (c.bytes / 1e6).toFixed(1), f1(speed), f2(slow), f1(events.maxRssMiB), f1(refRss === undefined ? undefined : events.maxRssMiB - refRss), f1(bspeed), f2(speed === undefined || bspeed === undefined ? undefined : speed / bspeed), f1(base.maxRssMiB)], hw))
      const st = events.result?.stats
      if (events.skipped !== undefined) console.log(`  ↳ ${events.skipped}`)
      else console.log(`  ↳ ${c.what}; lines ${String(st?.['lines'] ?? '—')}, truncated ${String(st?.['truncated'] ?? '—')}, events ${String(events.result?.events ?? '—')}`)
    }
  }

  if (rules !== undefined) {
    console.log('\nRules — near-miss lines of ~1 MiB against each rule of the grammar tables')
    const x = rules.extra ?? {}
    for (const n of (x['notes'] as string[] | undefined) ?? []) console.log(`  ${n}`)
    if (rules.skipped !== undefined) console.log(`  ${rules.skipped}`)
    if (typeof x['rules'] === 'number' && x['rules'] > 0) {
      console.log(`  ${String((x['tables'] as string[]).join(', '))}: ${String(x['lines'])} lines tried, ${f1(x['totalMs'] as number)} ms in all; slowest:`)
      for (const t of ((x['slowest'] as { table: string; rule: string; shape: string; ms: number; matched: boolean; growth?: number; threw?: string }[]) ?? []).slice(0, 10)) {
        const growth = t.growth === undefined ? '' : `, ×${t.growth.toFixed(1)} for 4× the length${t.growth > 8 ? ' — SUPERLINEAR' : ''}`
        console.log(`    ${t.ms.toFixed(2).padStart(9)} ms  ${t.rule} (${t.shape})${t.matched ? ' matched' : ''}${growth}${t.threw === undefined ? '' : ` THREW ${t.threw}`}`)
      }
      if (rulesParse !== undefined) {
        const speed = rulesParse.medianMs === undefined ? undefined : mbps(rulesParse.bytes ?? 0, rulesParse.medianMs)
        console.log(`  whole parser on one near-miss line per rule (${((rulesParse.bytes ?? 0) / 1e6).toFixed(1)} MB): ${f1(speed)} MB/s (per-MB × ${f2(speed === undefined || refSpeed === undefined ? undefined : refSpeed / speed)}), RSS ${f1(rulesParse.maxRssMiB)} MiB${rulesParse.skipped === undefined ? '' : ` — ${rulesParse.skipped}`}`)
      }
    }
  }
  for (const n of notes.filter((n) => n.startsWith('rules:'))) console.log(`  ${n}`)

  if (diff !== undefined) {
    console.log('\n(5) diffRuns of two runs with 10⁵ packages each')
    if (diff.skipped !== undefined) console.log(`  skipped: ${diff.skipped}`)
    else {
      const x = diff.extra ?? {}
      console.log(`  median ${f1(diff.medianMs)} ms over ${diff.ms?.length ?? 0} runs (target < 100 ms); runs folded with ${String(x['runModel'])}; packages seen by the run model ${JSON.stringify(x['packagesSeenByRunModel'])}; parse + summarise ${JSON.stringify((x['parseAndSummariseMs'] as number[]).map((n) => Math.round(n)))} ms; diff: ${JSON.stringify(x['diff'])}`)
    }
  }

  // Targets (issue #17): measured and reported; `--check` turns a miss into exit status 1.
  console.log(`\nTargets${o.check ? ' (--check: a miss fails the run)' : ' (reported; --check fails the run on a miss)'}`)
  const targets: { target: string; value: string; met: boolean | null }[] = []
  const ratioTargets = (name: string, bytes: number, report: ChildReport | undefined): void => {
    const pair = report?.pair
    const speed = (k: string): number | undefined => (pair?.[k] === undefined ? undefined : mbps(bytes, pair[k].medianMs))
    const base = speed('baseline')
    const honoured = report?.extra?.['selectHonoured'] !== false
    for (const [key, label, goal] of [
      ['events', 'events', 0.5],
      ['events+run', 'events + run model', 0.4],
      ['problems', "problems only (select: ['problem'])", 0.7],
    ] as const) {
      const v = speed(key)
      const ratio = v === undefined || base === undefined ? undefined : v / base
      const note = key === 'problems' && !honoured ? ' (select not honoured by this build)' : ''
      targets.push({ target: `${label} ≥ ${goal}× line split, ${name}`, value: ratio === undefined ? 'n/a' : `${f2(ratio)}×${note}`, met: ratio === undefined ? null : ratio >= goal && note === '' })
    }
  }
  const at100 = sizes.find((s) => s.size >= 90 * MIB && s.size <= 128 * MIB)
  const gib = sizes.find((s) => s.size >= 1 << 30)
  for (const s of sizes) ratioTargets(`mixed ${sizeName(s.size)}`, s.size, s.pair)
  if (captures !== undefined) ratioTargets('real captures', captures.file.bytes, captures.pair)
  for (const s of sizes.filter((x) => x.size >= 90 * MIB)) {
    const split = s.readers['baseline']?.maxRssMiB
    for (const k of ['events', 'events+run']) {
      const rss = s.readers[k]?.maxRssMiB
      const known = rss !== undefined && split !== undefined && Number.isFinite(rss) && Number.isFinite(split)
      targets.push({ target: `peak RSS ≤ line split's + 24 MiB, ${k}, mixed ${sizeName(s.size)}`, value: known ? `${f1(rss)} MiB (split ${f1(split)})` : 'n/a', met: known ? rss <= split + 24 : null })
    }
  }
  for (const k of ['events', 'events+run']) {
    const rss = gib?.readers[k]?.maxRssMiB
    const r100 = at100?.readers[k]?.maxRssMiB
    targets.push({ target: `RSS flat 100 MiB → 1 GiB (±5 %), ${k}`, value: rss === undefined || r100 === undefined ? 'n/a (needs the 100 MiB and 1 GiB runs)' : `${f1(r100)} → ${f1(rss)} MiB`, met: rss === undefined || r100 === undefined ? null : Math.abs(rss - r100) <= r100 * 0.05 })
  }
  {
    const apt = at100?.peers.find((p) => p.tool === 'buildlog_consultant.apt')
    const ev = at100?.readers['events']
    const ours = ev?.medianMs === undefined || at100 === undefined ? undefined : mbps(at100.size, ev.medianMs)
    const theirs = apt?.ms === undefined || at100 === undefined ? undefined : mbps(at100.size, apt.ms)
    targets.push({
      target: '≥ 2× buildlog-consultant (.apt) throughput, mixed 100 MiB',
      value: ours === undefined || theirs === undefined ? `n/a${apt?.skipped === undefined ? '' : ` (${apt.skipped.slice(0, 60)})`}` : `${f2(ours / theirs)}× (${f1(ours)} vs ${f1(theirs)} MB/s; RSS ${f1(ev?.maxRssMiB)} vs ${f1(apt?.maxRssMiB)} MiB)`,
      met: ours === undefined || theirs === undefined ? null : ours / theirs >= 2,
    })
  }
  for (const { c, events } of hostileResults) {
    const speed = events.medianMs === undefined ? undefined : mbps(c.bytes, events.medianMs)
    targets.push({ target: `hostile ${c.name}: per MB ≤ 2× the mixed log`, value: speed === undefined || refSpeed === undefined ? 'n/a' : `${f2(refSpeed / speed)}×`, met: speed === undefined || refSpeed === undefined ? null : refSpeed / speed <= 2 })
    targets.push({ target: `hostile ${c.name}: RSS bounded by the line cap (≤ mixed + 16 MiB)`, value: refRss === undefined ? 'n/a' : `${f1(events.maxRssMiB)} MiB`, met: refRss === undefined || !Number.isFinite(events.maxRssMiB) ? null : events.maxRssMiB <= refRss + 16 })
  }
  targets.push({ target: 'diffRuns, 10⁵ packages each, < 100 ms', value: diff?.medianMs === undefined ? `n/a${diff?.skipped === undefined ? '' : ' (skipped)'}` : `${f1(diff.medianMs)} ms`, met: diff?.medianMs === undefined ? null : diff.medianMs < 100 })
  for (const t of targets) console.log(`  ${t.met === null ? '·   ' : t.met ? 'met ' : 'MISS'}  ${t.target.padEnd(74)} ${t.value}`)
  const missed = targets.filter((t) => t.met === false).length
  if (o.check && missed > 0) {
    console.log(`\n--check: ${missed} of ${targets.length} targets missed`)
    process.exitCode = 1
  }

  for (const n of notes.filter((n) => !n.startsWith('rules:'))) console.log(`\nnote: ${n}`)
  const seconds = (performance.now() - started) / 1000
  info['loadAverageAtEnd'] = loadavg().map((n) => Number(n.toFixed(2)))
  const resultsDir = join(HERE, 'results')
  mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const json = {
    date: new Date().toISOString(),
    machine: info,
    options: { ...o, generatorVersion: GENERATOR_VERSION, fixtures: pool.digest },
    seconds,
    mixed: sizes.map((s) => ({ size: s.size, file: s.file.path, expected: s.file.expected, generatedMs: s.file.ms, readers: s.readers, pair: s.pair, peers: s.peers })),
    captures,
    summary,
    hostile: hostileResults.map(({ c, events, base }) => ({ ...c, events, baseline: base })),
    rules: { report: rules, parse: rulesParse },
    diff,
    targets,
    notes,
  }
  const path = join(resultsDir, `bench-${stamp}.json`)
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`)
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`)
  console.log(`\n${seconds.toFixed(1)} s in all; load average at the end ${(info['loadAverageAtEnd'] as number[]).join(' ')}; results: ${path}`)
}

/** The same-process line: (1) split, (3) events, (4) events + run model, (3p) problems only, and their ratios to (1) and to the peer. */
function printPair(bytes: number, report: ChildReport, peerSpeed: number | undefined): void {
  const pair = report.pair
  if (pair === undefined) {
    if (report.skipped !== undefined) console.log(`${''.padEnd(10)}  same-process pair: ${report.skipped}`)
    return
  }
  const speed = (k: string): number | undefined => (pair[k] === undefined ? undefined : mbps(bytes, pair[k].medianMs))
  const base = speed('baseline') as number
  const ratio = (v: number | undefined, to: number | undefined): string => f2(v === undefined || to === undefined ? undefined : v / to)
  const [ev, run, problems] = [speed('events'), speed('events+run'), speed('problems')]
  const honoured = report.extra?.['selectHonoured'] === false ? ' (select not honoured: all events built)' : ''
  console.log(
    `${''.padEnd(10)}  same process, back to back (${pair['baseline']?.ms.length ?? 0} rounds): (1) ${f1(base)} MB/s, (3) ${f1(ev)}, (4) ${f1(run)}, (3p) ${f1(problems)} → (3)/(1) = ${ratio(ev, base)}, (4)/(1) = ${ratio(run, base)}, (3p)/(1) = ${ratio(problems, base)}${honoured}${peerSpeed === undefined ? '' : `, (3)/(6) = ${ratio(ev, peerSpeed)}, (4)/(6) = ${ratio(run, peerSpeed)}`}`,
  )
}

/** A progress line on a terminal (stderr), nothing in a CI log. */
function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text.replace(/\r$/, '').padEnd(70)}\r`)
}

function pct(part: unknown, whole: unknown): string {
  return typeof part === 'number' && typeof whole === 'number' && whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—'
}

await main()
