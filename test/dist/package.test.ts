import { execFileSync, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const LOG = fileURLToPath(new URL('../../fixtures/docker/D17-cli20-buildkit-plain-predepends-problem.log', import.meta.url))

describe('the built package', () => {
  test("CommonJS: require('aptlog') works and parses", () => {
    const out = execFileSync(process.execPath, ['-e', "const a = require('aptlog'); const e = a.parse('x\\n'); console.log(typeof a.createParser, e[e.length - 1].type)"], { cwd: ROOT, encoding: 'utf8' })
    expect(out.trim()).toBe('function log.end')
  })

  test("ESM: import('aptlog') and the subpaths resolve through the exports map", () => {
    const code = "const a = await import('aptlog'); const s = await import('aptlog/stream'); const n = await import('aptlog/node'); console.log(typeof a.parse, typeof s.AptLogStream, typeof n.parseFile)"
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' })
    expect(out.trim()).toBe('function function function')
  })

  test('CommonJS subpaths resolve too', () => {
    const require = createRequire(`${ROOT}/package.json`)
    expect(typeof (require('aptlog/stream') as { AptLogStream: unknown }).AptLogStream).toBe('function')
  })

  test('every exports condition names its own types file', async () => {
    const { readFileSync, existsSync } = await import('node:fs')
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { exports: Record<string, unknown> }
    for (const [subpath, conditions] of Object.entries(pkg.exports)) {
      if (typeof conditions === 'string') continue
      for (const [condition, target] of Object.entries(conditions as Record<string, { types: string; default: string }>)) {
        expect(existsSync(`${ROOT}/${target.types}`), `${subpath} ${condition} types`).toBe(true)
        expect(existsSync(`${ROOT}/${target.default}`), `${subpath} ${condition} default`).toBe(true)
        expect(target.types.endsWith(condition === 'require' ? '.d.cts' : '.d.ts')).toBe(true)
      }
    }
  })

  test('the CLI prints NDJSON for a real capture', () => {
    const result = spawnSync(process.execPath, [CLI, 'parse', LOG], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ type: 'log.end', lines: 125 })
  })

  test('the CLI says what is wrong with a missing file, exit 2, no stack trace', () => {
    const result = spawnSync(process.execPath, [CLI, 'parse', '/nonexistent/build.log'], { encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('aptlog: /nonexistent/build.log: no such file\n')
  })
})
