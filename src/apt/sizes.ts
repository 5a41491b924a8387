/**
 * apt's size and time strings (FORMATS.md §2.3): `151 kB`, `9,999 kB`, `0 B`, `1min 5s`.
 *
 * Sizes are decimal (factor 1000) with one space before the unit. apt prints one decimal below 100
 * and an integer from 100 to 9999, with the C library's thousands grouping (`6,144 kB` in en_US).
 * A decimal comma (`11,3 kB`, de_DE) is not supported: such a string is rejected, so the line that
 * holds it stays unrecognised instead of being misread.
 * @module
 */

const UNIT_FACTOR: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['k', 1e3],
  ['M', 1e6],
  ['G', 1e9],
  ['T', 1e12],
  ['P', 1e15],
  ['E', 1e18],
  ['Z', 1e21],
  ['Y', 1e24],
])

// Integer part: plain digits, or groups of three after a comma (`9,999`). Fraction: exactly one
// digit, as `SizeToStr` prints it; `6.144` (a German thousands dot) is rejected.
const SIZE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d))? ([kMGTPEZY]?)B$/

/** Bytes of an apt size string such as `151 kB`, `8808 B`, `6,144 kB`, `13.8 MB`; `undefined` if it is not one. */
export function parseSize(text: string): number | undefined {
  if (text.length > 40) return undefined
  const m = SIZE.exec(text)
  if (m === null) return undefined
  const whole = (m[1] as string).replaceAll(',', '')
  const value = Number(m[2] === undefined ? whole : `${whole}.${m[2]}`)
  const factor = UNIT_FACTOR.get(m[3] as string) ?? 1
  return Math.round(value * factor)
}

/** Bytes per second of an apt rate such as `6438 kB/s`; `undefined` if it is not one. */
export function parseRate(text: string): number | undefined {
  if (!text.endsWith('/s')) return undefined
  return parseSize(text.slice(0, -2))
}

const DURATION = /^(?:(\d+)d )?(?:(\d+)h )?(?:(\d+)min )?(\d+)s$/

/** Seconds of an apt duration (`TimeToStr`): `0s`, `1min 5s`, `24h 0min 0s`, `21d 14h 58min 2s`. */
export function parseDuration(text: string): number | undefined {
  if (text.length > 60) return undefined
  const m = DURATION.exec(text)
  if (m === null) return undefined
  const days = Number(m[1] ?? 0)
  const hours = Number(m[2] ?? 0)
  const minutes = Number(m[3] ?? 0)
  const seconds = Number(m[4])
  return ((days * 24 + hours) * 60 + minutes) * 60 + seconds
}
