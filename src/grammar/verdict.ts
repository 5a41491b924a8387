/**
 * What a grammar says about a line. Numbers, not strings, because every line gets one.
 * @module
 */

/** No rule knew the line. */
export const UNRECOGNIZED = 0
/** The line is part of an event (emitted now or when its block closes). */
export const CONSUMED = 1
/** The line is known and deliberately produces no event (blank line, progress noise, `#N ...`). */
export const IGNORED = 2
/** No rule knew the line, but it looks like apt/dpkg output (unsupported version or locale). */
export const UNRECOGNIZED_APT_LIKE = 3

/** One of the four verdicts. */
export type Verdict = typeof UNRECOGNIZED | typeof CONSUMED | typeof IGNORED | typeof UNRECOGNIZED_APT_LIKE
