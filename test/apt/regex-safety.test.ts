import { describe, expect, test } from 'vitest'
import * as acquire from '../../src/apt/acquire.ts'
import * as messages from '../../src/apt/messages.ts'
import * as notes from '../../src/apt/notes.ts'
import * as phases from '../../src/apt/phases.ts'
import * as planList from '../../src/apt/plan-list.ts'
import * as plan from '../../src/apt/plan.ts'
import { APT_RULES } from '../../src/apt/rules.ts'
import * as solver from '../../src/apt/solver.ts'
import * as unmet from '../../src/apt/unmet.ts'

// Linear time of every rule is checked for all tables at once in test/hardening/regex-safety.test.ts.
describe('the apt rule table', () => {
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
})
