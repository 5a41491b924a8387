/**
 * Named rules with first-character dispatch: a line is only tried against the rules that can
 * start with its first character, in the order the table declares them. Regexes, where a rule
 * needs one, run only after that cheap test.
 * @module
 */

/** One named rule. */
export interface Rule<M> {
  /** Stable id, recorded on every event the rule produces: `apt.acquire.get`. */
  readonly id: string
  /** Characters a matching line can start with; `''` means any character (tried after keyed rules of the same bucket). */
  readonly first: string
  /** Returns the match, or undefined. Must run in time linear in the line length. */
  readonly match: (text: string) => M | undefined
}

/** A rule that matched, with what it found. */
export interface RuleHit<M> {
  /** The rule. */
  readonly rule: Rule<M>
  /** Its match. */
  readonly value: M
}

/** A rule table compiled for dispatch. */
export interface Dispatch<M> {
  /** The first rule (in table order) that matches `text`. */
  match(text: string): RuleHit<M> | undefined
  /** Every rule of the table, in order. */
  readonly rules: readonly Rule<M>[]
}

const ASCII = 128

/** Compile a rule table. Rules keep their declared order within each first-character bucket. */
export function createDispatch<M>(rules: readonly Rule<M>[]): Dispatch<M> {
  const buckets: Rule<M>[][] = []
  for (let c = 0; c < ASCII; c++) buckets.push([])
  const anyFirst: Rule<M>[] = []
  for (const rule of rules) {
    if (rule.first === '') {
      anyFirst.push(rule)
      continue
    }
    for (let i = 0; i < rule.first.length; i++) {
      const c = rule.first.charCodeAt(i)
      if (c >= ASCII) throw new Error(`rule ${rule.id}: first characters must be ASCII`)
      const bucket = buckets[c] as Rule<M>[]
      if (!bucket.includes(rule)) bucket.push(rule)
    }
  }
  for (const bucket of buckets) bucket.push(...anyFirst)
  return {
    rules,
    match(text: string): RuleHit<M> | undefined {
      if (text.length === 0) return undefined
      const c = text.charCodeAt(0)
      const bucket = c < ASCII ? (buckets[c] as Rule<M>[]) : anyFirst
      for (let i = 0; i < bucket.length; i++) {
        const rule = bucket[i] as Rule<M>
        const value = rule.match(text)
        if (value !== undefined) return { rule, value }
      }
      return undefined
    },
  }
}
