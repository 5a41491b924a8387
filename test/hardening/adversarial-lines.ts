/**
 * Adversarial lines for the rule tables, built from real ones: for every rule, up to two lines of
 * the captures it matches are cut after a separator, and the cut is followed by a long run of one
 * pattern (the character or token that stood there, or a generic filler: blanks, digits, brackets,
 * quotes), with or without the rest of the real line after the run — the shapes that make a
 * backtracking regex try every split of the run, or a hand-written scanner lose its place. A rule
 * no capture exercises gets lines that start with its `first` characters.
 * @module
 */

import { APT_RULES } from '../../src/apt/rules.ts'
import { DOCKER_RULES } from '../../src/docker/rules.ts'
import { DPKG_RULES } from '../../src/dpkg/rules.ts'
import { ENV_RULES } from '../../src/env/rules.ts'
import type { Rule } from '../../src/grammar/rules.ts'
import { stripAnsi } from '../../src/lines/ansi.ts'
import { readCiPrefix } from '../../src/lines/ci-prefix.ts'
import { lastFrame } from '../../src/lines/frames.ts'
import { LOCALE_RULES } from '../../src/locale/matcher.ts'
import { LOGFILE_RULES } from '../../src/logfiles/rules.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

/** Every rule table, by name. */
export const TABLES: Readonly<Record<string, readonly Rule<unknown>[]>> = {
  APT_RULES,
  DPKG_RULES,
  DOCKER_RULES,
  LOGFILE_RULES,
  ENV_RULES,
  LOCALE_RULES,
}

/** A line of a capture a rule matches: the text the rule saw, and how the parser saw it. */
export interface Example {
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

/** Up to two lines of distinct shapes per rule, from every capture in fixtures/. */
export function collectExamples(): Map<Rule<unknown>, Example[]> {
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
export interface Recipe {
  readonly seed: string
  readonly fill: string
  readonly tail: string
  /** The fill is what stood at the cut in the real line (not a generic filler). */
  readonly own: boolean
  /** Where the line came from, for messages. */
  readonly what: string
}

/** The line of `recipe`, about `length` characters long (never shorter than seed + one fill + tail). */
export function build(recipe: Recipe, length: number): string {
  const room = Math.max(recipe.fill.length, length - recipe.seed.length - recipe.tail.length)
  return recipe.seed + recipe.fill.repeat(Math.ceil(room / recipe.fill.length)) + recipe.tail
}

const GENERIC_FILLS: readonly string[] = [' ', 'a', '0', ':', ' (', ') ', '[', "'", '"', '\t', 'é', '1.', ', ', '-', '/']
const SEPARATORS = ' :([/,=\'"'

/** Adversarial recipes from one real line: cut after separators, fill with what stood there or a generic filler. */
export function recipesFrom(text: string): Recipe[] {
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
    const own = new Set([text.charAt(at), text.slice(at, tokenEnd + 1)].filter((f) => f.length > 0))
    for (const fill of new Set([...own, ...GENERIC_FILLS])) {
      const mine = own.has(fill)
      out.push({ seed, fill, tail: '', own: mine, what: `${JSON.stringify(seed.slice(0, 60))} + ${JSON.stringify(fill)}…` })
      if (rest.length > 0) out.push({ seed, fill, tail: rest, own: mine, what: `${JSON.stringify(seed.slice(0, 60))} + ${JSON.stringify(fill)}… + ${JSON.stringify(rest.slice(0, 40))}` })
    }
  }
  return out
}

/** Recipes for a rule no capture exercises: its first characters, then fillers. */
export function recipesFromFirst(rule: Rule<unknown>): Recipe[] {
  const firsts = rule.first === '' ? [''] : [...new Set(rule.first)]
  return firsts.flatMap((c) => GENERIC_FILLS.map((fill) => ({ seed: c, fill, tail: '', own: false, what: `${JSON.stringify(c)} + ${JSON.stringify(fill)}…` })))
}
