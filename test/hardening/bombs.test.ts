/**
 * Gzip bombs against the built CLI: a few hundred KB of .gz that inflate to hundreds of MB of
 * mebibyte-long lines, each kind aimed at something the run model or the evidence keeps (step
 * names, problem messages, the lines before problems, a message of `"` that JSON doubles). The CLI
 * must answer with its report (status 0 or 1), never a stack trace, within 256 MB of peak RSS
 * (before the retention budget: 0.4–1 GB, or a V8 out-of-memory abort). RSS is the child's own
 * `process.resourceUsage().maxRSS` (rss-probe.cjs). No clock.
 * @module
 */

import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createGzip } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MAX_KEPT_TEXT } from '../../src/events/budget.ts'

// APTLOG_BOMBS_CLI: another build to aim at (to see the bombs go off on one without the budget).
const CLI = process.env['APTLOG_BOMBS_CLI'] ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url))
const TMP = mkdtempSync(join(tmpdir(), 'aptlog-bombs-'))
const MAX_RSS_BYTES = 256 * 1024 * 1024

/** A line of almost 1 MiB (the parser's default line cap), of one character. */
const MEBI_LINE = (c: string): string => c.repeat((1 << 20) - 64)

interface Bomb {
  readonly name: string
  /** The log, a piece at a time (the test never holds it whole). */
  readonly pieces: () => Iterable<string>
  /** `summary --format json` of it must show this. */
  readonly check: (summary: { steps: { name?: string }[]; problems: { message: string; clipped?: true }[] }) => void
}

const BOMBS: readonly Bomb[] = [
  {
    name: '250 BuildKit steps named by 1 MiB lines',
    *pieces() {
      for (let i = 1; i <= 250; i++) yield `#${i} [${i}/250] RUN ${MEBI_LINE('x')}\n#${i} DONE 0.1s\n`
    },
    check(summary) {
      expect(summary.steps.length).toBe(250)
      for (const step of summary.steps) expect(step.name?.length ?? 0).toBeLessThan(MAX_KEPT_TEXT + 32)
      expect(summary.steps[0]?.name).toMatch(/…\[cut \d+ chars\]$/)
    },
  },
  {
    name: '200 BuildKit vertices named by 1 MiB lines that never finish (the parser keeps running vertices)',
    *pieces() {
      for (let i = 1; i <= 200; i++) yield `#${i} [${i}/200] RUN ${MEBI_LINE('v')}\n`
    },
    check(summary) {
      expect(summary.steps.length).toBe(200)
      for (const step of summary.steps) expect(step.name?.length ?? 0).toBeLessThan(MAX_KEPT_TEXT + 32)
    },
  },
  {
    name: '200 failed BuildKit vertices named by 1 MiB lines (the parser keeps failed vertices by name)',
    *pieces() {
      for (let i = 1; i <= 200; i++) yield `#${i} [${i}/200] RUN ${MEBI_LINE('f')}${i}\n#${i} ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n`
    },
    check(summary) {
      expect(summary.problems.length).toBeGreaterThan(0)
      for (const p of summary.problems) expect(p.message.length).toBeLessThan(MAX_KEPT_TEXT + 64)
    },
  },
  {
    name: '250 problems, each after a 1 MiB line (evidence keeps the lines before a problem)',
    *pieces() {
      for (let i = 1; i <= 250; i++) yield `${MEBI_LINE('y')}\nE: Unable to locate package p${i}\n`
    },
    check(summary) {
      expect(summary.problems.length).toBe(250)
      expect(summary.problems[0]?.message).toBe('Unable to locate package p1')
    },
  },
  {
    name: "200 E: messages of 1 MiB of '\"' (JSON doubles each)",
    *pieces() {
      for (let i = 1; i <= 200; i++) yield `E: ${MEBI_LINE('"')}\n`
    },
    check(summary) {
      expect(summary.problems.length).toBeGreaterThan(0)
      for (const p of summary.problems) {
        expect(p.message.length).toBeLessThan(MAX_KEPT_TEXT + 32)
        expect(p.clipped).toBe(true)
      }
    },
  },
  {
    name: '200 E: messages of 1 MiB (evidence lines and problem texts)',
    *pieces() {
      for (let i = 1; i <= 200; i++) yield `E: ${MEBI_LINE('z')}\n`
    },
    check(summary) {
      expect(summary.problems.every((p) => p.clipped === true && p.message.endsWith(' chars]'))).toBe(true)
    },
  },
]

const pathOf = (bomb: Bomb): string => join(TMP, `${BOMBS.indexOf(bomb)}.log.gz`)

beforeAll(async () => {
  for (const bomb of BOMBS) await pipeline(Readable.from(bomb.pieces()), createGzip({ level: 1 }), createWriteStream(pathOf(bomb)))
})

afterAll(() => rmSync(TMP, { recursive: true, force: true }))

/** Run the built CLI with the RSS probe; its status, stdout, stderr without the probe's line, and peak RSS in bytes. */
function aptlog(args: string[]): { status: number | null; stdout: string; stderr: string; maxRss: number } {
  const r = spawnSync(process.execPath, ['-r', PROBE, CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } })
  const probe = /\nrss-probe maxRSS=(\d+)\n$/.exec(r.stderr)
  expect(probe, `the probe reported (stderr: ${r.stderr.slice(0, 300)})`).not.toBeNull()
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.slice(0, probe?.index ?? 0), maxRss: Number(probe?.[1]) * 1024 }
}

function expectCalmReport(r: ReturnType<typeof aptlog>): void {
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|heap out of memory|Invalid string length/)
  expect([0, 1]).toContain(r.status)
  expect(r.stdout.length).toBeGreaterThan(0)
  expect(r.maxRss, `peak RSS ${(r.maxRss / 1048576).toFixed(0)} MiB`).toBeLessThanOrEqual(MAX_RSS_BYTES)
}

describe('gzip bombs: the CLI reports in bounded memory', () => {
  for (const bomb of BOMBS) {
    test(`summary: ${bomb.name}`, () => {
      const r = aptlog(['summary', '--format', 'json', pathOf(bomb)])
      expectCalmReport(r)
      bomb.check(JSON.parse(r.stdout))
    })
  }

  test('explain: the evidence of 1 MiB problem lines is clipped', () => {
    const r = aptlog(['explain', '--format', 'json', pathOf(BOMBS[5] as Bomb)])
    expectCalmReport(r)
    // Each quoted line is clipped: no output line carries a whole mebibyte line.
    expect(Math.max(...r.stdout.split('\n').map((line) => line.length))).toBeLessThan(3 * MAX_KEPT_TEXT)
  })

  test('the probe measures: a child that holds 300 MB reports more than the limit (near miss)', () => {
    const r = spawnSync(process.execPath, ['-r', PROBE, '-e', 'globalThis.keep = Buffer.alloc(300 * 1024 * 1024, 1)'], { encoding: 'utf8' })
    const kb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1])
    expect(kb * 1024).toBeGreaterThan(MAX_RSS_BYTES)
  })
})
