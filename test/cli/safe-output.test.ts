/**
 * The built CLI on hostile logs (test/format/safe/carriers.ts) and a hostile stored baseline,
 * every command and format: no line the GitHub runner would run as a command we did not write, no
 * raw control character on stdout or stderr, Markdown with no injected heading, table row, fence
 * or mention; in a GitHub Actions job, text output fenced with `::stop-commands::`.
 */

import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { carriers, hostileBaseline, PAYLOAD } from '../format/safe/carriers.ts'
import { injectedCommands, isOwnAnnotation, isOwnFence, markdownShape, rawControls } from '../format/safe/checks.ts'
import { FIXTURES } from '../support/fixtures.ts'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const TMP = mkdtempSync(join(tmpdir(), 'aptlog-safe-'))
const CLEAN = join(FIXTURES, 'buildkit/09-docker28buildx-d28bk-rawjson-failing-pkg.log')

function aptlog(args: string[], githubActions = false): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: githubActions ? 'true' : '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Markdown headings a report writes: the title (`aptlog …`) and section names (letters, digits, parentheses, arrows). */
function expectReportMarkdown(markdown: string): void {
  const shape = markdownShape(markdown)
  expect(shape.foreign).toEqual([])
  expect(shape.notifications).toEqual([])
  expect(shape.raggedTables).toBe(0)
  for (const heading of shape.headings) expect(heading).toMatch(/^2 aptlog (?:summary|explain|diff)|^3 [A-Za-z (),0-9]+$/)
  expect(shape.headings.filter((h) => h.startsWith('2 '))).toHaveLength(1)
}

/** Every command and format on one log (or baseline) path. */
function runs(path: string): [string, string[]][] {
  return [
    ['parse ndjson', ['parse', path]],
    ['parse json', ['parse', '--format', 'json', path]],
    ['parse text', ['parse', '--format', 'text', path]],
    ['parse --unrecognized', ['parse', '--unrecognized', path]],
    ...['text', 'json', 'markdown', 'github', 'gitlab', 'junit'].map((f): [string, string[]] => [`summary ${f}`, ['summary', '--format', f, path]]),
    ...['text', 'json', 'markdown', 'github', 'gitlab', 'sarif'].map((f): [string, string[]] => [`explain ${f}`, ['explain', '--format', f, path]]),
    ...['text', 'json', 'markdown', 'github'].flatMap((f): [string, string[]][] => [
      [`diff ${f} (B hostile)`, ['diff', '--format', f, CLEAN, path]],
      [`diff ${f} (A hostile)`, ['diff', '--format', f, path, CLEAN]],
    ]),
  ]
}

function expectSafe(name: string, stdout: string, stderr: string): void {
  const own = name.includes('github') ? isOwnAnnotation : isOwnFence
  expect(injectedCommands(stdout, own)).toEqual([])
  expect(rawControls(stdout)).toEqual([])
  expect(rawControls(stderr)).toEqual([])
  if (name.includes('markdown')) expectReportMarkdown(stdout)
  if (name.includes('ndjson')) for (const line of stdout.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow()
  else if (name.includes('json') || name.includes('gitlab') || name.includes('sarif')) expect(() => JSON.parse(stdout)).not.toThrow()
}

const files = carriers().map(({ name, log }, i) => {
  const path = join(TMP, `carrier-${i}.log`)
  writeFileSync(path, log)
  return { name, path }
})

describe.each(files)('$name', ({ path }) => {
  test.each(runs(path))('%s', (name, args) => {
    const r = aptlog(args)
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true)
    expectSafe(name, r.stdout, r.stderr)
  })
})

describe('a stored baseline with the payload in every name and message', () => {
  const stored = aptlog(['summary', '--format', 'json', files[0]?.path as string]).stdout
  const baseline = join(TMP, 'baseline.json')
  writeFileSync(baseline, hostileBaseline(stored))
  test('the baseline is read as one (the carrier is real)', () => {
    const r = aptlog(['diff', '--format', 'json', baseline, CLEAN])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('add-mask')
  })
  test.each(runs(baseline).filter(([name]) => name.startsWith('diff')))('%s', (name, args) => {
    const r = aptlog(args)
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true)
    expectSafe(name, r.stdout, r.stderr)
  })
})

describe('error messages quote what they were given without raw bytes', () => {
  test.each([
    ['a malformed baseline (JSON.parse quotes it)', `{"schema": "x\u001b]52;c;SGk=\u0007\u009b2J\r::error::E\n`],
    ['a baseline of the wrong shape', `{"schema": 1, "outcome": "\u001b[2J\r\n::add-mask::M"}`],
  ])('%s', (_, content) => {
    const path = join(TMP, `bad-${content.length}.json`)
    writeFileSync(path, content)
    const r = aptlog(['diff', path, CLEAN])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^aptlog: /)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(rawControls(r.stderr)).toEqual([])
    expect(injectedCommands(r.stderr)).toEqual([])
  })
  test('a file name with control characters', () => {
    const r = aptlog(['summary', `missing\u001b[2J\r::error::F.log`])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('aptlog: missing\\x1b[2J\\r::error::F.log: no such file\n')
  })
})

describe('in a GitHub Actions job (GITHUB_ACTIONS=true)', () => {
  const hostile = files[0]?.path as string
  test.each([
    ['summary text', ['summary', hostile]],
    ['explain text', ['explain', hostile]],
    ['diff text', ['diff', CLEAN, hostile]],
    ['parse text', ['parse', '--format', 'text', hostile]],
    ['parse --unrecognized', ['parse', '--unrecognized', hostile]],
  ])('%s is fenced with ::stop-commands:: and a fresh random token', (_, args) => {
    const first = aptlog(args, true).stdout
    const lines = first.trimEnd().split('\n')
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] as string)?.[1]
    expect(token).toBeDefined()
    expect(lines.at(-1)).toBe(`::${token}::`)
    expect(lines.slice(1, -1).filter((l) => l.includes(token as string))).toEqual([])
    expect(injectedCommands(first, isOwnFence)).toEqual([])
    expect(aptlog(args, true).stdout.split('\n')[0]).not.toBe(lines[0])
  })
  test.each([
    ['summary markdown (goes to $GITHUB_STEP_SUMMARY)', ['summary', '--format', 'markdown', hostile]],
    ['summary json (a baseline file)', ['summary', '--format', 'json', hostile]],
    ['explain github (the annotations must run)', ['explain', '--format', 'github', hostile]],
  ])('%s is not fenced', (_, args) => {
    expect(aptlog(args, true).stdout).not.toContain('::stop-commands::')
  })
  test('outside a job there is no fence', () => {
    expect(aptlog(['summary', hostile]).stdout).not.toContain('::stop-commands::')
  })
  test('the payload itself would be a command: the carrier is real', () => {
    expect(injectedCommands(PAYLOAD).length).toBeGreaterThan(3)
  })
})
