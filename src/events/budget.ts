/**
 * The byte budget of everything aptlog keeps from a log after the line that held it is gone (the
 * run model's step names, messages and package names; the CLI's evidence lines). A log line may
 * be a mebibyte long and a log may hold thousands of them, so what is kept is bounded twice: each
 * string is clipped to a few KiB with a visible mark, and a {@link RetentionBudget} caps the sum of
 * what one run keeps, so memory stays flat whatever the input.
 * @module
 */

/** Longest string kept from a log (UTF-16 code units): a message, a step name, an evidence line. */
export const MAX_KEPT_TEXT = 4096

/** The start of the mark that ends a clipped string: `…[cut 1048000 chars]`. */
export const CLIP_MARK = '…[cut '

/** Length a string is clipped to once its run's budget is spent: enough to name what it was. */
const SPENT_TEXT = 64

/**
 * `text` cut to its first `max` code units (never inside a surrogate pair) followed by a mark that
 * says how much was dropped; `text` itself when it fits. The result is a fresh flat string: it does
 * not pin the (possibly huge) line it was cut from.
 */
export function clip(text: string, max: number = MAX_KEPT_TEXT): string {
  if (text.length <= max) return text
  const end = cutEnd(text, max)
  // Slicing the concatenation makes V8 copy into a new flat string (a bare slice would keep the line alive).
  return ` ${text.slice(0, end)}${CLIP_MARK}${text.length - end} chars]`.slice(1)
}

/** Where to cut `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cutEnd(text: string, max: number): number {
  if (text.length <= max) return text.length
  const last = text.charCodeAt(max - 1)
  return last >= 0xd800 && last <= 0xdbff ? max - 1 : max
}

/** True when `text` ends with the mark {@link clip} adds. */
export function isClipped(text: string): boolean {
  return text.endsWith(' chars]') && text.lastIndexOf(CLIP_MARK) !== -1
}

/** A running total of the characters one run keeps. */
export interface RetentionBudget {
  /**
   * `text` as it may be kept: clipped to `max` (default {@link MAX_KEPT_TEXT}) while the budget
   * lasts, to a short stub once it is spent; its length is charged either way.
   */
  take(text: string, max?: number): string
  /** Characters charged so far. */
  readonly spent: number
}

/**
 * A budget of `total` characters (default 16 Mi: 16–32 MiB of strings). Real logs keep far less
 * (a build with 5 000 steps and their names keeps under 1 Mi); past it, a run of hostile lines
 * keeps stubs that still say what each string started with.
 */
export function createRetentionBudget(total: number = 16 * 1024 * 1024): RetentionBudget {
  let spent = 0
  return {
    take(text: string, max: number = MAX_KEPT_TEXT): string {
      const kept = clip(text, spent < total ? max : Math.min(max, SPENT_TEXT))
      spent += kept.length
      return kept
    },
    get spent(): number {
      return spent
    },
  }
}
