/**
 * The docker rules' dispatch on a line's first two characters. Most lines the router tries the
 * docker rules on are a step's apt or dpkg output that starts like docker framing (`Selecting …`,
 * `Setting up …` share the `S` of `Step 2/5 : …`; `  libfoo` the space of ` ---> …`): keyed on the
 * first character alone, each tries every rule of its bucket. A rule that declares its lines'
 * second characters (`second`) is tried only on lines whose second character is one of them.
 * @module
 */

import type { Rule, RuleHit } from '../grammar/rules.ts'

/** A docker rule; `second`, when present, lists every character its lines' second character can be. */
export interface DockerRule<M> extends Rule<M> {
  /** Characters a matching line's second character can be; absent: any (or none). */
  readonly second?: string
}

/** A rule table compiled for dispatch on the first two characters. */
export interface KeyedDispatch<M> {
  /** The first rule (in table order) that matches `text`: the same answer as a first-character dispatch of the table. */
  match(text: string): RuleHit<M> | undefined
}

const ASCII = 128

/** Index of the rule lists for a second character that is not ASCII, or a line of one character. */
const OTHER_SECOND = ASCII

/**
 * Compile a table of keyed rules (every rule has first characters). Rules keep their declared
 * order within each pair of characters.
 */
export function createKeyedDispatch<M>(rules: readonly DockerRule<M>[]): KeyedDispatch<M> {
  for (const rule of rules) {
    if (rule.first === '') throw new Error(`rule ${rule.id}: a keyed dispatch needs first characters`)
    if (rule.second !== undefined && [...rule.second].some((c) => c.charCodeAt(0) >= ASCII)) throw new Error(`rule ${rule.id}: second characters must be ASCII`)
  }
  /** By first character, by second character (index {@link OTHER_SECOND}: not ASCII, or none); undefined: no rule. */
  const table: (readonly (readonly DockerRule<M>[])[] | undefined)[] = []
  for (let first = 0; first < ASCII; first++) {
    const keyed = rules.filter((rule) => rule.first.includes(String.fromCharCode(first)))
    if (keyed.length === 0) {
      table.push(undefined)
      continue
    }
    // Most second characters get the same list: one array each, shared.
    const lists = new Map<string, readonly DockerRule<M>[]>()
    table.push(
      Array.from({ length: ASCII + 1 }, (_, second) => {
        const list = keyed.filter((rule) => allows(rule, second))
        const key = list.map((rule) => rule.id).join(' ')
        const shared = lists.get(key) ?? list
        lists.set(key, shared)
        return shared
      }),
    )
  }
  return {
    match(text: string): RuleHit<M> | undefined {
      const bySecond = table[text.charCodeAt(0)]
      if (bySecond === undefined) return undefined
      const second = text.charCodeAt(1)
      // NaN (a one-character line) is not below 128 either.
      const bucket = bySecond[second < ASCII ? second : OTHER_SECOND] as readonly DockerRule<M>[]
      for (let i = 0; i < bucket.length; i++) {
        const rule = bucket[i] as DockerRule<M>
        const value = rule.match(text)
        if (value !== undefined) return { rule, value }
      }
      return undefined
    },
  }
}

/** Whether `rule` can match a line whose second character has code `second` ({@link OTHER_SECOND}: not ASCII, or none). */
function allows<M>(rule: DockerRule<M>, second: number): boolean {
  if (rule.second === undefined) return true
  return second !== OTHER_SECOND && rule.second.includes(String.fromCharCode(second))
}
