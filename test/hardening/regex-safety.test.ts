/**
 * Regex safety, one test for every rule table (APT_RULES, DPKG_RULES, DOCKER_RULES, LOGFILE_RULES,
 * ENV_RULES) and for the whole parser: each rule, and the parser on each rule's worst line, runs in
 * time linear in the line length.
 *
 * Adversarial lines are built from real ones: for every rule, up to two lines of the captures it
 * matches are cut after a separator, and the cut is followed by a long run of one pattern (the
 * character or token that stood there, or a generic filler: blanks, digits, brackets, quotes),
 * with or without the rest of the real line after the run. Such a line makes a backtracking regex
 * try every split of the run. A rule no capture exercises gets lines that start with its `first`
 * characters.
 *
 * Speed is never compared with a wall clock: every candidate line is run at 64 KiB (cheap) to find
 * each rule's worst ones, then their cost is compared at 64 KiB and at 1 MiB in the same run, best
 * of several tries, the 64 KiB cost measured over 16 runs so that both sides read the same number
 * of characters. A linear rule grows about 16× from 64 KiB to 1 MiB, a quadratic one 256×, an
 * exponential one never finishes; the test allows 64× (four times linear), so a loaded 2-core
 * machine does not make it flake.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { APT_RULES } from '../../src/apt/rules.ts'
import { DOCKER_RULES } from '../../src/docker/rules.ts'
import { DPKG_RULES } from '../../src/dpkg/rules.ts'
import { ENV_RULES } from '../../src/env/rules.ts'
import type { Rule } from '../../src/grammar/rules.ts'
import { parse } from '../../src/index.ts'
import { stripAnsi } from '../../src/lines/ansi.ts'
import { readCiPrefix } from '../../src/lines/ci-prefix.ts'
import { lastFrame } from '../../src/lines/frames.ts'
import { LOCALE_RULES } from '../../src/locale/matcher.ts'
import { LOGFILE_RULES } from '../../src/logfiles/rules.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

const KIB = 1024
const SMALL = 64 * KIB
const BIG = 1024 * KIB
/** Linear growth from SMALL to BIG is 16×; allowed: four times that. */
const MAX_GROWTH = 128
/** Lines per rule whose growth is measured (the worst at 64 KiB). */
const WORST_PER_RULE = 2

const TABLES: Readonly<Record<string, readonly Rule<unknown>[]>> = {
  APT_RULES,
  DPKG_RULES,
  DOCKER_RULES,
  LOGFILE_RULES,
  ENV_RULES,
  LOCALE_RULES,
}

/** A line of a capture a rule matches: the text the rule saw, and how the parser saw it. */
interface Example {
  /** What the rule was given (CI prefix, ANSI, docker framing and CR frames removed as far as the rule's layer does). */
  readonly text: string
  /** The raw line's start that the parser strips before the rule sees `text` (CI timestamp, `#5 0.123 `); undefined when `text` is not a suffix of the raw line. */
  readonly frame: string | undefined
  /** Up to 8 raw lines before it, so the parser has the same open blocks and docker step. */
  readonly context: string
}

/** The texts a rule of some layer may be given for a raw line: docker rules see the line, the others the step's payload. */
function candidates(raw: string): string[] {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
  const ci = readCiPrefix(line)
  const text = stripAnsi(ci === undefined ? line : ci.text)
  const out = [text, lastFrame(text)]
  const buildkit = /^#\d+ (?:\d+\.\d+ )?/.exec(text)
  if (buildkit !== null) out.push(lastFrame(text.slice(buildkit[0].length)))
  const replay = /^\d+\.\d+ /.exec(text)
  if (replay !== null) out.push(text.slice(replay[0].length))
  return [...new Set(out)].filter((t) => t.length > 0)
}

function collectExamples(): Map<Rule<unknown>, Example[]> {
  const examples = new Map<Rule<unknown>, Example[]>()
  const seen = new Set<string>()
  for (const name of allCaptures()) {
    const lines = fixtureText(name).split('\n')
    lines.forEach((raw, i) => {
      for (const text of candidates(raw)) {
        for (const rules of Object.values(TABLES)) {
          for (const rule of rules) {
            if (rule.first !== '' && !rule.first.includes(text.charAt(0))) continue
            const list = examples.get(rule) ?? []
            if (list.length >= 2) continue
            const shape = `${rule.id} ${text.replace(/[0-9]+/g, '0').replace(/[a-z]+/g, 'a')}`
            if (seen.has(shape) || rule.match(text) === undefined) continue
            seen.add(shape)
            const bare = raw.endsWith('\r') ? raw.slice(0, -1) : raw
            const frame = bare.endsWith(text) ? bare.slice(0, bare.length - text.length) : undefined
            list.push({ text, frame, context: lines.slice(Math.max(0, i - 8), i).join('\n') })
            examples.set(rule, list)
          }
        }
      }
    })
  }
  return examples
}

/** A recipe for an adversarial line of any length: `seed`, then `fill` repeated, then `tail`. */
interface Recipe {
  readonly seed: string
  readonly fill: string
  readonly tail: string
  /** Where the line came from, for messages. */
  readonly what: string
}

function build(recipe: Recipe, length: number): string {
  const room = Math.max(recipe.fill.length, length - recipe.seed.length - recipe.tail.length)
  return recipe.seed + recipe.fill.repeat(Math.ceil(room / recipe.fill.length)) + recipe.tail
}

const GENERIC_FILLS: readonly string[] = [' ', 'a', '0', ':', ' (', ') ', '[', "'", '"', '\t', 'é', '1.', ', ', '-', '/']
const SEPARATORS = ' :([/,=\'"'

/** Adversarial recipes from one real line: cut after separators, fill with what stood there or a generic filler. */
function recipesFrom(text: string): Recipe[] {
  const cuts = new Set<number>([0, text.length])
  const after: number[] = []
  for (let i = 1; i < text.length; i++) if (SEPARATORS.includes(text.charAt(i - 1))) after.push(i)
  for (let k = 1; k <= 4 && after.length > 0; k++) cuts.add(after[Math.floor(((after.length - 1) * k) / 4)] as number)
  const out: Recipe[] = []
  for (const at of cuts) {
    const seed = text.slice(0, at)
    const rest = text.slice(at)
    let tokenEnd = at + 1
    while (tokenEnd < text.length && !SEPARATORS.includes(text.charAt(tokenEnd))) tokenEnd++
    const own = [text.charAt(at), text.slice(at, tokenEnd + 1)].filter((f) => f.length > 0)
    for (const fill of new Set([...own, ...GENERIC_FILLS])) {
      out.push({ seed, fill, tail: '', what: `${JSON.stringify(seed.slice(0, 60))} + ${JSON.stringify(fill)}…` })
      if (rest.length > 0) out.push({ seed, fill, tail: rest, what: `${JSON.stringify(seed.slice(0, 60))} + ${JSON.stringify(fill)}… + ${JSON.stringify(rest.slice(0, 40))}` })
    }
  }
  return out
}

/** Recipes for a rule no capture exercises: its first characters, then fillers. */
function recipesFromFirst(rule: Rule<unknown>): Recipe[] {
  const firsts = rule.first === '' ? [''] : [...new Set(rule.first)]
  return firsts.flatMap((c) => GENERIC_FILLS.map((fill) => ({ seed: c, fill, tail: '', what: `${JSON.stringify(c)} + ${JSON.stringify(fill)}…` })))
}

/** Best-of-`tries` time of `run` over `times` calls. */
function cost(run: () => void, times: number, tries: number): number {
  let best = Number.POSITIVE_INFINITY
  for (let t = 0; t < tries; t++) {
    const started = performance.now()
    for (let i = 0; i < times; i++) run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

/**
 * How much more one call costs on `big` than on `small` characters, from the same volume of text:
 * the small input is run `big / small` times. Linear: ≈ big / small.
 */
export function growth(run: (text: string) => unknown, make: (length: number) => string, small: number, big: number, tries = 5): number {
  const smallText = make(small)
  const bigText = make(big)
  const times = Math.round(big / small)
  run(smallText) // flatten the strings and warm the code up
  run(bigText)
  const perSmall = cost(() => run(smallText), times, tries) / times
  const perBig = cost(() => run(bigText), 1, tries)
  // A rule that rejects at once costs nothing at either size: that is linear (0 / 0 is no growth).
  const floor = 0.002
  return Math.max(perBig, floor) / Math.max(perSmall, floor / times)
}

/**
 * `growth`, measured again (up to three times) while it looks too high: a busy machine can slow one
 * measurement of the big input, never all three; a super-linear rule exceeds the limit every time.
 */
function confirmedGrowth(run: (text: string) => unknown, make: (length: number) => string, small: number, big: number, tries = 5): number {
  let best = growth(run, make, small, big, tries)
  for (let again = 0; again < 2 && best >= MAX_GROWTH; again++) best = Math.min(best, growth(run, make, small, big, tries))
  return best
}

interface Measured {
  readonly table: string
  readonly rule: Rule<unknown>
  readonly recipe: Recipe
  readonly growth: number
}

const examples = collectExamples()

/** The worst recipes of a rule at 64 KiB: one run each. */
function worstRecipes(rule: Rule<unknown>): Recipe[] {
  const list = examples.get(rule) ?? []
  const recipes = list.length > 0 ? list.flatMap((e) => recipesFrom(e.text)) : recipesFromFirst(rule)
  const timed = recipes.map((recipe) => {
    const text = build(recipe, SMALL)
    const started = performance.now()
    rule.match(text)
    return { recipe, took: performance.now() - started }
  })
  timed.sort((a, b) => b.took - a.took)
  return timed.slice(0, WORST_PER_RULE).map((t) => t.recipe)
}

const worst = new Map<Rule<unknown>, Recipe[]>()
const results: Measured[] = []

describe('regex safety: every rule of every table runs in linear time (64 KiB vs 1 MiB, same run)', () => {
  test('the tables are complete, ids unique across tables, and most rules have a real line to start from', () => {
    const all = Object.values(TABLES).flat()
    expect(all.length).toBeGreaterThan(150)
    const ids = all.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    // rules with no line in any capture still get inputs, from their first characters (the locale
    // templates are matched outside the rule dispatch, so their examples are not collected)
    const dispatched = Object.entries(TABLES).filter(([table]) => table !== 'LOCALE_RULES').flatMap(([, rules]) => rules)
    expect([...examples.keys()].length).toBeGreaterThan(dispatched.length * 0.7)
  })

  for (const [table, rules] of Object.entries(TABLES)) {
    describe(table, () => {
      for (const rule of rules) {
        test(rule.id, () => {
          const recipes = worstRecipes(rule)
          worst.set(rule, recipes)
          for (const recipe of recipes) {
            const g = confirmedGrowth((text) => rule.match(text), (n) => build(recipe, n), SMALL, BIG)
            results.push({ table, rule, recipe, growth: g })
            expect(g, `${rule.id} on ${recipe.what}: ${g.toFixed(1)}× from 64 KiB to 1 MiB`).toBeLessThan(MAX_GROWTH)
          }
        })
      }
    })
  }

  test('per table: the worst growth factor (16 is linear)', () => {
    const byTable = new Map<string, Measured>()
    for (const m of results) if ((byTable.get(m.table)?.growth ?? 0) < m.growth) byTable.set(m.table, m)
    const lines = [...byTable].map(([table, m]) => `${table}: ${m.growth.toFixed(1)}× (${m.rule.id} on ${m.recipe.what})`)
    const top = [...results].sort((a, b) => b.growth - a.growth).slice(0, 6).map((m) => `${m.growth.toFixed(1)}× ${m.rule.id} on ${m.recipe.what}`)
    console.info(`regex safety, worst growth from 64 KiB to 1 MiB per table:\n  ${lines.join('\n  ')}\nworst overall:\n  ${top.join('\n  ')}`)
    expect(byTable.size).toBe(Object.keys(TABLES).length)
  })
})

describe('regex safety: the whole parser on each rule’s worst line, in its real context', () => {
  test('every rule’s worst adversarial line through parse(): linear', () => {
    // Under the parser's 1 MiB line cap (UTF-16 code units), so the rules see the whole line.
    const big = BIG - KIB
    const failures: string[] = []
    let measured = 0
    let worstGrowth = 0
    const done = new Set<string>()
    for (const rules of Object.values(TABLES)) {
      for (const rule of rules) {
        const example = examples.get(rule)?.[0]
        const recipe = (worst.get(rule) ?? worstRecipes(rule))[0]
        if (recipe === undefined) continue
        const frame = example?.frame ?? ''
        const context = example?.frame === undefined ? '' : `${example.context}\n`
        const key = `${context}|${frame}|${recipe.seed}|${recipe.fill}|${recipe.tail}`
        if (done.has(key)) continue
        done.add(key)
        const make = (n: number): string => `${context}${frame}${build(recipe, n - frame.length)}\n`
        const g = confirmedGrowth((text) => parse(text), make, SMALL, big, 3)
        measured++
        worstGrowth = Math.max(worstGrowth, g)
        if (g >= MAX_GROWTH) failures.push(`${rule.id}: ${g.toFixed(1)}× on ${JSON.stringify(frame)} + ${recipe.what}`)
      }
    }
    console.info(`regex safety, whole parser: ${measured} adversarial lines, worst growth ${worstGrowth.toFixed(1)}× from 64 KiB to 1 MiB`)
    expect(measured).toBeGreaterThan(100)
    expect(failures).toEqual([])
    // ~200 lines parsed at 64 KiB and 1 MiB, three times each: seconds on a busy machine. The
    // measure is the growth ratio above, never this time.
  }, 120_000)
})

describe('the harness can fail', () => {
  test('a quadratic regex is caught by the same measure (1 KiB vs 16 KiB: 256× expected)', () => {
    const quadratic = (text: string): boolean => /\s+$/.test(text)
    const g = growth(quadratic, (n) => `${' '.repeat(n - 1)}x`, KIB, 16 * KIB, 3)
    console.info(`harness: quadratic ${g.toFixed(1)}×`)
    expect(g).toBeGreaterThan(MAX_GROWTH)
  })

  test('a linear scan is not flagged', () => {
    const linear = (text: string): number => text.indexOf('x')
    expect(growth(linear, (n) => `${' '.repeat(n - 1)}x`, SMALL, BIG)).toBeLessThan(MAX_GROWTH)
  })
})
