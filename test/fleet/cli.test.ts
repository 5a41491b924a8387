import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import type { FleetAggregateJSON } from '../../src/fleet/aggregate.ts'
import { fixtureBytes } from '../support/fixtures.ts'

// The built binary, as users run it (the global setup builds dist/ first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const TMP = mkdtempSync(join(tmpdir(), 'aptlog-fleet-'))

function aptlog(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const concat = (...names: string[]): Uint8Array => Buffer.concat(names.map((n) => fixtureBytes(n)))

// The incident, as two kinds of CI jobs would log it: `uname -a` first, then the apt run. The
// runner (kernel 4.4.0-98) fails on the pre-dependency problem; the developer machine (4.4.0-103)
// installs. Real captures, put side by side.
const FLEET = join(TMP, 'fleet')
const RUNNER = concat('seed/incident-uname-runner.txt', 'seed/incident-runner-excerpt.log')
const LOCAL = concat('seed/incident-uname-local.txt', 'apt/bookworm-a-good-update-install-openssh-client-no-recommends.log')
for (let i = 0; i < 4; i++) {
  mkdirSync(join(FLEET, 'runner02', `job${i}`), { recursive: true })
  writeFileSync(join(FLEET, 'runner02', `job${i}`, 'build.log.gz'), gzipSync(RUNNER))
}
for (let i = 0; i < 6; i++) {
  mkdirSync(join(FLEET, 'local'), { recursive: true })
  writeFileSync(join(FLEET, 'local', `job${i}.log`), LOCAL)
}

function fleetJson(args: string[], input?: string): FleetAggregateJSON {
  const r = aptlog(['fleet', '--format', 'json', '--jobs', '2', ...args], input)
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout) as FleetAggregateJSON
}

describe('aptlog fleet', () => {
  test('text: outcomes, and the kernel that goes with failure; exit 1 when a run failed', () => {
    const r = aptlog(['fleet', FLEET])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('10 runs: 4 failed, 6 succeeded, 0 unknown.')
    expect(r.stdout).toContain('kernel (host) 4.4.0-98-generic: 4 of 4 failed; 4.4.0-103-generic: 0 of 6 failed (separation 1.00)')
    expect(r.stdout).toMatch(/dpkg\.pre-dependency.*: 4 runs, 4 failed\n {4}↳ .*runner02\/job0\/build\.log\.gz:19 {2}.*dpkg: error processing archive/)
  })

  test('markdown', () => {
    const r = aptlog(['fleet', '--format', 'markdown', FLEET])
    expect(r.stdout).toMatch(/^## aptlog fleet: 10 runs/)
    expect(r.stdout).toContain('- ❌ kernel (host) 4.4.0-98-generic: 4 of 4 failed; 4.4.0-103-generic: 0 of 6 failed')
    expect(r.stdout).toContain('| libgcc1 | 4 | 4 | 0 | 0 | 100% |')
  })

  test('json is the aggregate document; --runs writes one NDJSON record per log', () => {
    const runs = join(TMP, 'runs.ndjson')
    const doc = fleetJson(['--runs', runs, FLEET])
    expect(doc).toMatchObject({ schema: 'aptlog.fleet/1', runs: 10, outcomes: { success: 6, failure: 4, unknown: 0 } })
    const records = readFileSync(runs, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { path: string; outcome: string; culprit: string | null })
    expect(records).toHaveLength(10)
    expect(records.find((r) => r.path.endsWith('job0/build.log.gz'))).toMatchObject({ outcome: 'failure', culprit: 'libgcc1' })
  })

  test('--jobs 1 and --jobs 2 give the same document; so does a list of paths on stdin', () => {
    const two = fleetJson([FLEET])
    expect(fleetJson(['--jobs', '1', FLEET])).toEqual(two)
    expect(fleetJson(['-'], `${join(FLEET, 'local')}\n${join(FLEET, 'runner02')}\n`)).toEqual(two)
  })

  test('unreadable inputs are counted and listed, the rest is read: exit 3, or 4 with a failed run', () => {
    const damaged = join(TMP, 'damaged.log.gz')
    writeFileSync(damaged, gzipSync(LOCAL).subarray(0, 40))
    const missing = join(TMP, 'missing.log')
    const r = aptlog(['fleet', join(FLEET, 'local'), damaged, missing])
    expect(r.status).toBe(3)
    expect(r.stdout).toContain('2 inputs unreadable')
    expect(r.stdout).toContain(`${missing}: unreadable: ${missing}: no such file`)
    expect(r.stdout).toContain(`${damaged}: unreadable: looks gzip-compressed but is damaged`)
    expect(aptlog(['fleet', FLEET, missing]).status).toBe(4)
    expect(aptlog(['fleet', join(FLEET, 'local')]).status).toBe(0)
  })

  test('a control character in a path is printed escaped, never raw', () => {
    const dir = join(TMP, 'hostile')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a\x1b]0;pwned\x07.log'), RUNNER)
    const r = aptlog(['fleet', dir])
    expect(r.stdout).not.toContain('\x1b')
    expect(r.stdout).toContain('a\\x1b]0;pwned\\x07.log:19')
  })

  test('usage errors exit 2 with one line', () => {
    expect(aptlog(['fleet']).status).toBe(2)
    const r = aptlog(['fleet', '--jobs', '0', FLEET])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe("aptlog: --jobs takes a positive whole number (got '0')\n")
  })
})

describe('aptlog fleet merge', () => {
  test('shards merged give the report of one run over the union, in any order', () => {
    const a = join(TMP, 'a.json')
    const b = join(TMP, 'b.json')
    writeFileSync(a, aptlog(['fleet', '--format', 'json', join(FLEET, 'local')]).stdout)
    writeFileSync(b, aptlog(['fleet', '--format', 'json', join(FLEET, 'runner02')]).stdout)
    const whole = aptlog(['fleet', '--format', 'json', FLEET]).stdout
    const merged = aptlog(['fleet', 'merge', '--format', 'json', b, a])
    expect(merged.status).toBe(1)
    expect(merged.stdout).toBe(whole)
    expect(aptlog(['fleet', 'merge', a, b]).stdout).toBe(aptlog(['fleet', FLEET]).stdout)
  })

  test('a document on standard input', () => {
    const doc = aptlog(['fleet', '--format', 'json', join(FLEET, 'local')]).stdout
    const r = aptlog(['fleet', 'merge', '--format', 'json', '-'], doc)
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(doc)
  })

  test.each([
    [['--jobs', '2'], '--jobs'],
    [['--runs', 'x.ndjson'], '--runs'],
    [['--events', 'x.ndjson', '--worker-memory', '64'], '--events, --worker-memory'],
  ])('options of reading logs are refused, not ignored: %j', (options, named) => {
    const r = aptlog(['fleet', 'merge', ...options, 'a.json'])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`aptlog: fleet merge reads documents, not logs: ${named} does not apply\n`)
  })

  test('--format and --no-color are a merge option too', () => {
    const doc = aptlog(['fleet', '--format', 'json', join(FLEET, 'local')]).stdout
    expect(aptlog(['fleet', 'merge', '--no-color', '--format', 'json', '-'], doc).status).toBe(0)
  })

  test('a document that is not one is named, exit 2', () => {
    const summary = join(TMP, 'summary.json')
    writeFileSync(summary, aptlog(['summary', '--format', 'json', join(FLEET, 'local', 'job0.log')]).stdout)
    const r = aptlog(['fleet', 'merge', summary])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`aptlog: ${summary}: not a fleet document: schema: expected "aptlog.fleet/1" (is this the output of aptlog fleet --format json?)\n`)
  })
})
