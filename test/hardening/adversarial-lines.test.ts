/**
 * Every rule of every table, and the whole parser, on adversarial lines (adversarial-lines.ts):
 * no rule throws, and the parser keeps its line accounting. Whether a rule's regexes can backtrack
 * is regex-safety.test.ts's question (static, never timed); how the cost grows with the length of
 * such lines is measured by `npm run bench` (its Rules section), never asserted in a test.
 * @module
 */

import { describe, expect, test } from 'vitest'
import type { Rule } from '../../src/grammar/rules.ts'
import type { AptLogError } from '../../src/index.ts'
import { accountingViolation, parseChunks } from '../fuzz/check.ts'
import { build, collectExamples, recipesFrom, recipesFromFirst, TABLES, type Recipe } from './adversarial-lines.ts'

/** Under and over the locale matcher's 4096-character limit. */
const RULE_LENGTHS: readonly number[] = [1000, 5000]
/** Long runs through the parser, under its 1 MiB line cap. */
const PARSER_LENGTH = 64 * 1024
/** Lines per rule given to the whole parser. */
const PARSER_RECIPES_PER_RULE = 4

const examples = collectExamples()

const recipesOf = (rule: Rule<unknown>): Recipe[] => {
  const list = examples.get(rule) ?? []
  return list.length > 0 ? list.flatMap((e) => recipesFrom(e.text)) : recipesFromFirst(rule)
}

test('the tables are complete, ids unique across tables, and most rules have a real line to start from', () => {
  const all = Object.values(TABLES).flat()
  expect(all.length).toBeGreaterThan(150)
  const ids = all.map((r) => r.id)
  expect(new Set(ids).size).toBe(ids.length)
  // rules with no line in any capture still get inputs, from their first characters (the locale
  // templates are matched outside the rule dispatch, so their examples are not collected)
  const dispatched = Object.entries(TABLES)
    .filter(([table]) => table !== 'LOCALE_RULES')
    .flatMap(([, rules]) => rules)
  expect([...examples.keys()].length).toBeGreaterThan(dispatched.length * 0.7)
})

describe('every rule returns (a value or undefined) on every adversarial line, never throws', () => {
  for (const [table, rules] of Object.entries(TABLES)) {
    test(table, () => {
      const thrown: string[] = []
      let lines = 0
      for (const rule of rules) {
        for (const recipe of recipesOf(rule)) {
          for (const length of RULE_LENGTHS) {
            lines++
            try {
              rule.match(build(recipe, length))
            } catch (error) {
              thrown.push(`${rule.id} on ${recipe.what} (${length}): ${String(error)}`)
            }
          }
        }
      }
      expect(lines).toBeGreaterThan(rules.length)
      expect(thrown).toEqual([])
    })
  }
})

describe('the whole parser on each rule’s adversarial lines, in the rule’s real context', () => {
  test('no internal error, and lines = recognized + ignored + unrecognized = the lines given', () => {
    const failures: string[] = []
    const done = new Set<string>()
    for (const rules of Object.values(TABLES)) {
      for (const rule of rules) {
        const example = examples.get(rule)?.[0]
        const recipes = recipesOf(rule)
        // what stood at each cut, run long, with and without the rest of the line: the shapes
        // closest to the real line; a rule with no example gets its first-character lines
        const own = recipes.filter((r) => r.own)
        const chosen = (own.length > 0 ? own : recipes).filter((_, i, list) => i % Math.max(1, Math.floor(list.length / PARSER_RECIPES_PER_RULE)) === 0).slice(0, PARSER_RECIPES_PER_RULE)
        for (const recipe of chosen) {
          const frame = example?.frame ?? ''
          const context = example?.frame === undefined ? '' : `${example.context}\n`
          const key = `${context}|${frame}|${recipe.seed}|${recipe.fill}|${recipe.tail}`
          if (done.has(key)) continue
          done.add(key)
          const bytes = new TextEncoder().encode(`${context}${frame}${build(recipe, PARSER_LENGTH - frame.length)}\n`)
          const { events, errors } = parseChunks([bytes])
          const internal = errors.find((e: AptLogError) => e.code === 'internal')
          const violation = internal === undefined ? accountingViolation(events, bytes) : `internal error: ${internal.message}`
          if (violation !== undefined) failures.push(`${rule.id} on ${JSON.stringify(frame)} + ${recipe.what}: ${violation}`)
        }
      }
    }
    expect(done.size).toBeGreaterThan(300)
    expect(failures).toEqual([])
  })
})
