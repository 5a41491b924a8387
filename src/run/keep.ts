/**
 * Copies of the strings the run model keeps. Strings cut from a log line are slices of the
 * decoded 64 KiB chunk that held it, so one kept package name would pin its whole chunk for the
 * life of the run model (measured on 150 MB of generated log: 206 MiB live with slices, 72 MiB
 * with copies). The same names come back in every list of a run (plan, `Get:`, unpacked, set up),
 * so the copies are interned: one string per distinct name. Every string kept is clipped and
 * charged to the run's retention budget (events/budget.ts), and list entries are counted, so a
 * hostile log cannot make the run model grow without bound.
 * @module
 */

import { clip, createRetentionBudget, MAX_KEPT_TEXT, type RetentionBudget } from '../events/budget.ts'

/** An independent copy of `text`, clipped to `max` (concatenating then slicing makes V8 build a fresh flat string). */
export function keep(text: string, max: number = MAX_KEPT_TEXT): string {
  const clipped = clip(text, max)
  return clipped === text ? ` ${text}`.slice(1) : clipped
}

/** Strings longer than this are copied but not interned (names are short; messages are not repeated). */
const MAX_INTERNED = 256

/** List entries (packages, repositories, sources) one run model keeps; past it they are counted, not kept. */
export const MAX_ENTRIES = 500_000

/** Interns strings up to a bound; past it, strings are still copied, just not shared. */
export interface Interner {
  /** The kept copy of `text` (clipped, charged to the budget). */
  of(text: string): string
  /** The kept copy, or undefined. */
  optional(text: string | undefined): string | undefined
  /** True while the run may keep one more list entry (and counts it); false past {@link MAX_ENTRIES}: drop it. */
  admit(): boolean
  /** Entries refused by {@link Interner.admit}. */
  readonly refused: number
}

/** Create an interner holding at most `max` distinct strings, charging what it keeps to `budget`. */
export function createInterner(max: number = 100_000, budget: RetentionBudget = createRetentionBudget(), maxEntries: number = MAX_ENTRIES): Interner {
  const table = new Map<string, string>()
  let entries = 0
  let refused = 0
  const of = (text: string): string => {
    let kept = table.get(text)
    if (kept === undefined) {
      const taken = budget.take(text)
      kept = taken === text ? keep(text) : taken
      if (table.size < max && kept.length <= MAX_INTERNED) table.set(kept, kept)
    }
    return kept
  }
  return {
    of,
    optional: (text) => (text === undefined ? undefined : of(text)),
    admit(): boolean {
      if (entries < maxEntries) {
        entries++
        return true
      }
      refused++
      return false
    },
    get refused(): number {
      return refused
    },
  }
}
