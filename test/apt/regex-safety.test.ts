import { beforeAll, describe, expect, test } from 'vitest'
import * as acquire from '../../src/apt/acquire.ts'
import * as messages from '../../src/apt/messages.ts'
import * as notes from '../../src/apt/notes.ts'
import * as phases from '../../src/apt/phases.ts'
import * as planList from '../../src/apt/plan-list.ts'
import * as plan from '../../src/apt/plan.ts'
import { APT_RULES } from '../../src/apt/rules.ts'
import * as solver from '../../src/apt/solver.ts'
import * as unmet from '../../src/apt/unmet.ts'

const MIB = 1_048_576

/** Starts of real apt lines: an adversarial input follows one with a long run of one pattern. */
const SEEDS: readonly string[] = [
  '',
  'Get:1 ',
  'Get:1 http://mirror.example.com/debian ',
  'Get:1 http://mirror.example.com/debian bookworm/main amd64 ',
  'Err:1 http://127.0.0.1:9/debian bookworm InRelease',
  'Ign ',
  'Hit cdrom:[',
  'Fetched ',
  'Fetched 1 kB in ',
  'Reading package lists...',
  'The following NEW packages will be installed:',
  'Suggested packages: ',
  'Installing: ',
  '0 upgraded, ',
  '0 to upgrade, ',
  '  Upgrading: 0, Installing: ',
  'Need to get ',
  'After this operation, ',
  '  Space needed: ',
  '  └─ in ',
  'E: ',
  'E: Failed to fetch http://x/a.deb  ',
  'Error: ',
  '   ',
  ' unmet-libc : Depends: ',
  '                  Depends: ',
  'Unable to satisfy dependencies. Reached two conflicting ',
  'Package ',
  "Note, selecting '",
  'Inst demo-b [',
  'Inst demo-b (',
  'Do you want to continue? [Y/n] ',
  'Waiting for cache lock: ',
  '0% [',
  'Progress: [',
  'x is already the newest version (',
]

/** Patterns repeated to fill the line: blanks, brackets, quotes, digits and the separators the rules look for. */
const FILLS: readonly string[] = [' ', '  ', 'a', 'a ', '0', '1,', '0.', ':', ' : ', "'", '(', ') ', '( ', '[', '] ', '/', ' in ', ' (', ' / ', '...', '|', '*', '=', '\t', 'é']

function adversarial(seed: string, fill: string, length: number): string {
  return seed + fill.repeat(Math.ceil((length - seed.length) / fill.length))
}

describe('regex safety: every apt rule runs in linear time on 1 MiB adversarial lines', () => {
  test('the rule table is exported and complete', () => {
    expect(APT_RULES.length).toBeGreaterThan(40)
    const ids = APT_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(['apt.acquire.get', 'apt.fetched', 'apt.message', 'apt.message.continuation', 'apt.unmet.relation', 'apt.solver', 'apt.plan.list.version']))
  })

  test('every rule object the apt modules export is in APT_RULES', () => {
    const table = new Set<unknown>(APT_RULES)
    const missing: string[] = []
    for (const module of [acquire, messages, notes, phases, planList, plan, solver, unmet]) {
      for (const [name, value] of Object.entries(module)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          const isRule = typeof item === 'object' && item !== null && 'id' in item && 'first' in item && 'match' in item
          if (isRule && !table.has(item)) missing.push(name)
        }
      }
    }
    expect(missing).toEqual([])
  })

  // Each input is built once and given to every rule; the slowest run per rule is kept.
  const slowest = new Map<string, number>()
  beforeAll(() => {
    for (const seed of SEEDS) {
      for (const fill of FILLS) {
        const input = adversarial(seed, fill, MIB)
        for (const rule of APT_RULES) {
          const started = performance.now()
          rule.match(input)
          slowest.set(rule.id, Math.max(slowest.get(rule.id) ?? 0, performance.now() - started))
        }
      }
    }
  }, 300_000)

  for (const rule of APT_RULES) {
    test(rule.id, () => {
      // A linear scan of 1 MiB takes milliseconds; a quadratic one would take minutes.
      expect(slowest.get(rule.id)).toBeLessThan(1000)
    })
  }

  test('the harness can fail: a backtracking regex on a short input is already measurable', () => {
    const exponential = /^(a|a)*b$/
    const started = performance.now()
    exponential.test('a'.repeat(24))
    expect(performance.now() - started).toBeGreaterThan(5)
  })
})
