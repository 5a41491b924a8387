/**
 * A run model stored as JSON and read back (src/run/stored.ts): what `aptlog diff baseline.json
 * build.log` relies on. Every capture's summary survives the round trip, diffs the same, and a
 * damaged one is named by its first wrong field.
 */
import { describe, expect, test } from 'vitest'
import { checkStoredSummary, diffRuns, isRunSummary, parse, RUN_SUMMARY_SCHEMA, summarize, type RunSummary } from '../../src/index.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

const roundTrip = (s: RunSummary): unknown => JSON.parse(JSON.stringify(s))

describe('every capture\'s run model, stored and read back', () => {
  test('passes the check', () => {
    const names = allCaptures()
    expect(names.length).toBeGreaterThan(200)
    for (const name of names) {
      expect(checkStoredSummary(roundTrip(summarize(parse(fixtureBytes(name))))), name).toBeUndefined()
    }
  })

  test('diffs exactly as the live one (D30 → D31, the incident pair of npm start)', () => {
    const a = summarize(parse(fixtureBytes('docker/D30-ci-job-local-legacy-cli20.log')))
    const b = summarize(parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log')))
    const stored = roundTrip(a)
    expect(isRunSummary(stored)).toBe(true)
    if (!isRunSummary(stored)) return
    expect(diffRuns(stored, b)).toEqual(diffRuns(a, b))
  })
})

describe('a damaged or foreign value is named by its first wrong field', () => {
  const good = roundTrip(summarize(parse(fixtureBytes('apt/bookworm-h1-failing-postinst.log')))) as Record<string, unknown>
  const edit = (change: (s: Record<string, unknown>) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>
    change(copy)
    return copy
  }
  const cases: readonly (readonly [string, unknown, string, string])[] = [
    ['null', null, '', 'an object'],
    ['an array', [], '', 'an object'],
    ['a BuildKit rawjson object', { vertexes: [] }, 'outcome', '"success" | "failure" | "unknown"'],
    ['an outcome aptlog never writes', edit((s) => (s['outcome'] = 'passed')), 'outcome', '"success" | "failure" | "unknown"'],
    ['no steps', edit((s) => delete s['steps']), 'steps', 'an array'],
    ['a planned list that is not a list', edit((s) => (((s['transactions'] as Record<string, unknown>[])[0] as Record<string, Record<string, unknown>>)['planned'] as Record<string, unknown>)['new'] = 'openssh-client'), 'transactions[0].planned.new', 'an array'],
    ['a problem line as text', edit((s) => ((s['problems'] as Record<string, unknown>[])[0] as Record<string, unknown>)['line'] = '16'), 'problems[0].line', 'a number'],
    ['a fact without its scope', edit((s) => delete ((s['environment'] as Record<string, unknown>[])[0] as Record<string, unknown>)['scope']), 'environment[0].scope', '"host" | "image"'],
    ['an essential-packages finding without its packages', edit((s) => (s['findings'] = [{ kind: 'run.essential-packages-planned', message: 'm', lines: [3] }])), 'findings[0].packages', 'an array'],
    ['a dpkg-unfinished finding whose lines are text', edit((s) => (s['findings'] = [{ kind: 'run.dpkg-unfinished', message: 'm', packages: ['x'], lines: ['3'] }])), 'findings[0].lines[0]', 'a number'],
    ['an apt generation aptlog never names', edit((s) => (s['findings'] = [{ kind: 'run.apt-generation', message: 'm', generation: '2.6' }])), 'findings[0].generation', '"1.0" | "1.1-2.x" | "3.x"'],
    ['a finding without its message', edit((s) => (s['findings'] = [{ kind: 'env.kernel-differs' }])), 'findings[0].message', 'a string'],
    ['a schema this aptlog does not know (written by a newer one)', edit((s) => (s['schema'] = 'aptlog.run/2')), 'schema', '"aptlog.run/1"'],
  ]
  for (const [name, value, path, expected] of cases) {
    test(name, () => {
      expect(checkStoredSummary(value)).toEqual({ path, expected })
      expect(isRunSummary(value)).toBe(false)
    })
  }

  test('the schema id the CLI writes is accepted, and so is its absence (a summarize() result)', () => {
    expect(checkStoredSummary(edit((s) => (s['schema'] = RUN_SUMMARY_SCHEMA)))).toBeUndefined()
    expect(checkStoredSummary(good)).toBeUndefined()
  })

  test('a finding kind a newer aptlog may add needs only its kind and message', () => {
    expect(checkStoredSummary(edit((s) => (s['findings'] = [{ kind: 'run.something-new', message: 'm', extra: 1 }])))).toBeUndefined()
    expect(checkStoredSummary(edit((s) => (s['findings'] = [{ kind: '__proto__', message: 'm' }])))).toBeUndefined()
  })

  test('fields a newer aptlog may add are allowed; `__proto__` as a key is plain data', () => {
    expect(checkStoredSummary(edit((s) => (s['schemaHint'] = 'x')))).toBeUndefined()
    expect(checkStoredSummary(JSON.parse(JSON.stringify(good).replace('{', '{"__proto__":{"outcome":"nope"},')))).toBeUndefined()
  })
})
