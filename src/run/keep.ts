/**
 * Copies of the strings the run model keeps. Strings cut from a log line are slices of the
 * decoded 64 KiB chunk that held it, so one kept package name would pin its whole chunk for the
 * life of the run model (measured on 150 MB of generated log: 206 MiB live with slices, 72 MiB
 * with copies). The same names come back in every list of a run (plan, `Get:`, unpacked, set up),
 * so the copies are interned: one string per distinct name.
 * @module
 */

/** An independent copy of `text` (concatenating then slicing makes V8 build a fresh flat string). */
export function keep(text: string): string {
  return ` ${text}`.slice(1)
}

/** Interns strings up to a bound; past it, strings are still copied, just not shared. */
export interface Interner {
  /** The kept copy of `text`. */
  of(text: string): string
  /** The kept copy, or undefined. */
  optional(text: string | undefined): string | undefined
}

/** Create an interner holding at most `max` distinct strings. */
export function createInterner(max = 100_000): Interner {
  const table = new Map<string, string>()
  const of = (text: string): string => {
    let kept = table.get(text)
    if (kept === undefined) {
      kept = keep(text)
      if (table.size < max) table.set(kept, kept)
    }
    return kept
  }
  return { of, optional: (text) => (text === undefined ? undefined : of(text)) }
}
