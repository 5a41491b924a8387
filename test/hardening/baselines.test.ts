/**
 * Stored baselines (`aptlog summary --format json`) are data from outside: `aptlog diff` bounds
 * their nesting and size with one-line errors, reads them gzipped or with a BOM, and opens each
 * path once, so a FIFO works as either side.
 * @module
 */

import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createGzip, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { tooDeepAt } from '../../src/cli/stored-summary.ts'
import { FIXTURES } from '../support/fixtures.ts'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const GOOD = join(FIXTURES, 'docker/D30-ci-job-local-legacy-cli20.log')
const BROKEN = join(FIXTURES, 'docker/D31-ci-job-runner-legacy-cli28-broken-base.log')
const TMP = mkdtempSync(join(tmpdir(), 'aptlog-baselines-'))
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

function aptlog(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const STORED = aptlog(['summary', '--format', 'json', GOOD]).stdout
const EXPECTED = aptlog(['diff', '--format', 'json', GOOD, BROKEN]).stdout

function file(name: string, bytes: string | Uint8Array): string {
  const path = join(TMP, name)
  writeFileSync(path, bytes)
  return path
}

/** The stored summary with one more field nesting `levels` arrays (the summary's own object is level 1). */
const withNesting = (levels: number): string => `{"schema":"aptlog.run/1","extra":${'['.repeat(levels)}${']'.repeat(levels)},${STORED.trimStart().slice(1)}`

describe('a baseline is read in any of the ways it is stored', () => {
  const WAYS: readonly { name: string; bytes: () => string | Uint8Array }[] = [
    { name: 'plain', bytes: () => STORED },
    { name: 'gzipped (told by its magic bytes, whatever the name)', bytes: () => gzipSync(STORED) },
    { name: 'with a UTF-8 BOM (a Windows editor saved it)', bytes: () => `\uFEFF${STORED}` },
    { name: 'gzipped, with a BOM inside', bytes: () => gzipSync(`\uFEFF${STORED}`) },
    { name: 'nesting 64 levels deep in a field the diff does not read', bytes: () => withNesting(63) },
    { name: "brackets inside strings don't nest", bytes: () => STORED.replace('"outcome"', `"note": "${'['.repeat(200)}\\"${'{'.repeat(200)}", "outcome"`) },
  ]
  for (const { name, bytes } of WAYS) {
    test(name, () => {
      const r = aptlog(['diff', '--format', 'json', file('baseline.json', bytes()), BROKEN])
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(EXPECTED)
    })
  }

  test('a FIFO as the baseline and as the log: each opened once, read once', () => {
    const fifoA = join(TMP, 'a.fifo')
    const fifoB = join(TMP, 'b.fifo')
    const baseline = file('fifo-baseline.json', STORED)
    const r = spawnSync('sh', ['-c', `mkfifo "$1" "$2" || exit 9; cat "$3" > "$1" & cat "$4" > "$2" & exec "$5" "$6" diff --format json "$1" "$2"`, 'sh', fifoA, fifoB, baseline, BROKEN, process.execPath, CLI], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(EXPECTED)
  })
})

describe('a hostile baseline is refused in one line, exit 2', () => {
  test('200 000 levels of nesting: refused before JSON.parse sees it', () => {
    const path = file('deep.json', withNesting(200_000))
    const r = aptlog(['diff', path, BROKEN])
    expect([r.status, r.stderr]).toEqual([2, `aptlog: ${path}: starts like an aptlog summary but nests deeper than 64 levels (at character 96)\n`])
  })

  test('65 levels: one past the limit (near miss of the 64 above)', () => {
    const r = aptlog(['diff', file('deep65.json', withNesting(64)), BROKEN])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^aptlog: .*deep65\.json: starts like an aptlog summary but nests deeper than 64 levels \(at character \d+\)\n$/)
  })

  test('a gzip that inflates past 128 MiB: refused by size, not read whole', async () => {
    const path = join(TMP, 'huge.json.gz')
    const mebibyte = ' '.repeat(1 << 20)
    await pipeline(
      Readable.from(
        (function* () {
          yield '{"schema":"aptlog.run/1",'
          for (let i = 0; i < 130; i++) yield mebibyte
        })(),
      ),
      createGzip({ level: 1 }),
      createWriteStream(path),
    )
    const r = aptlog(['diff', path, BROKEN])
    expect([r.status, r.stderr]).toEqual([2, `aptlog: ${path}: starts like an aptlog summary but is larger than 128 MiB (decompressed)\n`])
  })
})

describe('the nesting scan', () => {
  const CASES: readonly { name: string; text: string; max: number; at: number }[] = [
    { name: 'flat', text: '{"a":1}', max: 1, at: -1 },
    { name: 'one too deep', text: '{"a":[1]}', max: 1, at: 5 },
    { name: 'brackets in a string', text: '{"a":"[[[{{"}', max: 1, at: -1 },
    { name: 'an escaped quote does not end the string', text: '{"a":"\\"[[["}', max: 1, at: -1 },
    { name: 'an escaped backslash does', text: '{"a":"\\\\","b":[1]}', max: 1, at: 14 },
    { name: 'siblings do not add up', text: '[[],[],[]]', max: 2, at: -1 },
  ]
  for (const { name, text, max, at } of CASES) test(name, () => expect(tooDeepAt(text, max)).toBe(at))
})
