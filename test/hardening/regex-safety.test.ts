/**
 * No regex in src/ can backtrack super-linearly: each one, found in the source with the TypeScript
 * compiler API (regex-inventory.ts), is checked statically by recheck (regex-audit.ts). Nothing is
 * timed: a verdict depends on the pattern only, so a busy machine cannot fail this test and a slow
 * regex cannot pass it.
 *
 * A failure names the file and line of each vulnerable regex, its complexity and recheck's attack
 * string. Safe verdicts are kept in regex-verdicts.json (see regex-audit.ts); outside CI this test
 * rewrites that file when a regex was added or removed, so commit it with the regex. Set
 * APTLOG_REGEX_FULL=1 to check every pattern again, ignoring the record.
 * @module
 */

import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { attackOf, checkRegex, keyOf, readRecord, writeRecord, type SafeVerdict } from './regex-audit.ts'
import { regexInventory, typeScriptFiles, type DynamicSite, type RegexSite } from './regex-inventory.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Regexes built at run time (a `RegExp` call or `String#match`/`search`/`matchAll` with a pattern
 * that is not a literal), which no static check can see: `file: expression` → why it is safe.
 * Empty: src/ builds none.
 */
const DYNAMIC_ALLOWED: ReadonlyMap<string, string> = new Map<string, string>([])

/** A source file of the self-tests, compiled with src/ (one program) but never part of it. */
const SAMPLE_PATH = join(ROOT, 'test/hardening/inventory-sample.virtual.ts')
const SAMPLE = [
  'declare const pattern: string',
  'const text: string = String(pattern)',
  'export const literal = /^(a+)+$/',
  "export const built = new RegExp('^x\\\\d+$', 'i')",
  'export const called = RegExp(`^y$`)',
  "export const reflagged = new RegExp(/z+/g, 'y')",
  'export const runtime = new RegExp(pattern)',
  "export const compiled = text.match('b.')",
  'export const searched = text.search(pattern)',
  "export const all = text.matchAll('c')",
  'const rules = { match: (s: string): string => s }',
  "export const notARegex = [rules.match('(a+)+'), text.replace('(a+)+', ''), text.split('(a+)+')]",
  'export const plain = text.match(/d/)',
  'declare const untyped: any',
  "export const fromAny = untyped.search('e+')",
  '',
].join('\n')

const inventory = regexInventory(ROOT, typeScriptFiles(join(ROOT, 'src')), new Map([[SAMPLE_PATH, SAMPLE]]))
const inSrc = <T extends { file: string }>(sites: readonly T[]): T[] => sites.filter((s) => s.file.startsWith('src/'))
const regexes = inSrc(inventory.regexes)
const dynamic = inSrc(inventory.dynamic)
const where = (s: { file: string; line: number }): string => `${s.file}:${s.line}`

describe('the inventory of regexes in src/', () => {
  test('it reads every source file and finds the regexes the rule tables are made of', () => {
    expect(inventory.files.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(100)
    expect(regexes.length).toBeGreaterThan(60)
    // a known one, where it is written
    expect(regexes).toContainEqual(expect.objectContaining({ file: 'src/dpkg/progress.ts', how: 'literal', source: '^Setting up (\\S+) \\(([^()\\s]+)\\) \\.\\.\\.$' }))
  })

  test('every regex built at run time is allowed, with its reason; no allowance is left over', () => {
    const keyOfSite = (d: DynamicSite): string => `${d.file}: ${d.expression}`
    expect(dynamic.filter((d) => !DYNAMIC_ALLOWED.has(keyOfSite(d))).map((d) => `${where(d)} ${d.expression}`)).toEqual([])
    const keys = new Set(dynamic.map(keyOfSite))
    expect([...DYNAMIC_ALLOWED.keys()].filter((k) => !keys.has(k))).toEqual([])
  })

  test('self-test: literals, RegExp calls and string patterns (on a string or an untyped value) are found; run-time patterns are flagged; methods of other objects are not regexes', () => {
    const sample = inventory.regexes.filter((r) => r.file === 'test/hardening/inventory-sample.virtual.ts')
    expect(sample.map(({ line, how, source, flags }) => [line, how, source, flags])).toEqual([
      [3, 'literal', '^(a+)+$', ''],
      [4, 'RegExp', '^x\\d+$', 'i'],
      [5, 'RegExp', '^y$', ''],
      [6, 'RegExp', 'z+', 'y'],
      [8, 'string-pattern', 'b.', ''],
      [10, 'string-pattern', 'c', 'g'],
      [13, 'literal', 'd', ''],
      [15, 'string-pattern', 'e+', ''],
    ])
    const runtime = inventory.dynamic.filter((d) => d.file === 'test/hardening/inventory-sample.virtual.ts')
    expect(runtime.map(({ line, how, expression }) => [line, how, expression])).toEqual([
      [7, 'RegExp', 'new RegExp(pattern)'],
      [9, 'string-pattern', 'text.search(pattern)'],
    ])
  })
})

describe('no regex in src/ can backtrack super-linearly (recheck, static)', () => {
  test(
    'every regex is safe: linear or constant, never polynomial or exponential',
    () => {
      const full = process.env['APTLOG_REGEX_FULL'] === '1'
      const record = full ? new Map<string, SafeVerdict>() : readRecord()
      const sitesOf = new Map<string, RegexSite[]>()
      for (const r of regexes) sitesOf.set(keyOf(r.source, r.flags), [...(sitesOf.get(keyOf(r.source, r.flags)) ?? []), r])

      const safe: SafeVerdict[] = []
      const checked: string[] = []
      const failures: string[] = []
      for (const [key, sites] of sitesOf) {
        const { source, flags } = sites[0] as RegexSite
        const recorded = record.get(key)
        if (recorded !== undefined) {
          safe.push(recorded)
          continue
        }
        const d = checkRegex(source, flags)
        checked.push(`${where(sites[0] as RegexSite)} /${source}/${flags}: ${d.status === 'unknown' ? d.error.kind : d.complexity.summary}`)
        if (d.status === 'safe') safe.push({ source, flags, complexity: d.complexity.summary })
        else if (d.status === 'vulnerable') for (const s of sites) failures.push(`${where(s)} /${source}/${flags} is ${d.complexity.summary}; attack string: ${attackOf(d)}`)
        else for (const s of sites) failures.push(`${where(s)} /${source}/${flags} could not be checked (${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''}): rewrite it in a form recheck reads`)
      }
      const rewrote = process.env['CI'] === undefined && writeRecord(safe)
      console.info(
        [
          `regex safety: ${regexes.length} regexes in src/ (${sitesOf.size} distinct), ${sitesOf.size - checked.length} safe by the record, ${checked.length} checked now${full ? ' (APTLOG_REGEX_FULL)' : ''}`,
          ...checked.map((c) => `  ${c}`),
          ...(rewrote ? ['  test/hardening/regex-verdicts.json rewritten: commit it with the regexes'] : []),
        ].join('\n'),
      )
      expect(failures).toEqual([])
    },
    // recheck needs seconds for a long pattern; this is room for a run with no record, never a measure
    900_000,
  )
})

describe('the check can fail', () => {
  test('an exponential regex: /^(a+)+$/ (the sample above) is vulnerable, with an attack string', () => {
    const sample = inventory.regexes.find((r) => r.file.endsWith('inventory-sample.virtual.ts') && r.how === 'literal' && r.source === '^(a+)+$')
    expect(sample).toBeDefined()
    const d = checkRegex(sample?.source ?? '', sample?.flags ?? '')
    expect(d.status).toBe('vulnerable')
    if (d.status !== 'vulnerable') return
    expect(d.complexity.type).toBe('exponential')
    // a run of `a` the groups can split every way, then a character that makes the match fail
    expect(d.attack.string).toMatch(/^a{10,}[^a]$/)
    expect(attackOf(d)).toMatch(/'a'\.repeat\(\d+\)/)
  })

  test('a quadratic regex: /\\s+$/ (trailing blanks) is vulnerable, degree 2', () => {
    const d = checkRegex('\\s+$', '')
    expect(d.status).toBe('vulnerable')
    if (d.status === 'vulnerable') expect(d.complexity).toMatchObject({ type: 'polynomial', degree: 2 })
  })

  test('near misses of those are safe: /^a+$/ (one way to read a run of a) and /\\S\\s*$/ (the blanks must follow a non-blank)', () => {
    for (const source of ['^a+$', '\\S\\s*$']) expect(checkRegex(source, '').status, source).toBe('safe')
  })
})
