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
  // The common shapes (`79.7 kB`, `994 kB`, `888 B`: no grouping comma) read in place, without the
  // regex's match array, `replaceAll` and a number built from a string: one per `Get` line, and
  // ~180 → ~40 ns. (797 / 10 is the double nearest to 79.7, exactly as `Number('79.7')`.)
  let i = 0
  let whole = 0
  for (; i < text.length && i < 15; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) break
    whole = whole * 10 + (c - 0x30)
  }
  if (i > 0 && i < 15 && text.charCodeAt(i) !== 0x2c) {
    let value = whole
    if (text.charCodeAt(i) === 0x2e) {
      const digit = text.charCodeAt(i + 1)
      if (digit < 0x30 || digit > 0x39) return undefined
      value = (whole * 10 + (digit - 0x30)) / 10
      i += 2
    }
    if (text.charCodeAt(i) !== 0x20 || text.charCodeAt(text.length - 1) !== 0x42 /* B */) return undefined
    const unit = text.length - i - 2
    if (unit === 0) return Math.round(value)
    const factor = unit === 1 ? UNIT_FACTOR.get(text.charAt(i + 1)) : undefined
    return factor === undefined ? undefined : Math.round(value * factor)
  }
  const m = SIZE.exec(text)
  if (m === null) return undefined
  const grouped = (m[1] as string).replaceAll(',', '')
  const value = Number(m[2] === undefined ? grouped : `${grouped}.${m[2]}`)
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
