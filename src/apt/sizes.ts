/**
 * apt's size and time strings (FORMATS.md §2.3): `151 kB`, `9,999 kB`, `0 B`, `1min 5s`.
 *
 * Sizes are decimal (factor 1000) with one space before the unit. apt prints one decimal below 100
 * and an integer from 100 to 9999, with the C library's grouping and decimal point of `LC_NUMERIC`
 * (`6,144 kB` en_US, `6.144 kB` and `11,3 kB` de_DE): an English line can carry them when the
 * catalogue lacks its translation (apt 3's `Download size: 1.995 kB` under `LANG=es_ES.UTF-8`).
 * @module
 */

import { isDigit } from '../lines/chars.ts'
import { SIZE_UNIT_FACTOR } from '../locale/numbers.ts'

/** Thousands separators `LC_NUMERIC` gives apt's `%'.0f`: en `,`, de/es/pt_BR `.`, fr/ru narrow or plain no-break space. */
function isGroupSeparator(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x202f || c === 0xa0
}

/**
 * Bytes of an apt size string such as `151 kB`, `8808 B`, `6,144 kB`, `13.8 MB`; `undefined` if it
 * is not one. The number may be in any `LC_NUMERIC` (FORMATS.md §1.4, §5): `6.144 kB` (de),
 * `11,3 kB` (de), `8\u202f902 kB` (fr). `SizeToStr` makes that unambiguous: an integer of up to
 * four digits, grouped in threes (`%'.0f`), or a value below 100 with exactly one decimal
 * (`%'.1f`, never grouped), so three digits after a separator are a group, one is a fraction.
 */
export function parseSize(text: string): number | undefined {
  const n = text.length
  if (n > 40) return undefined
  // One pass, no regex or intermediate strings: this runs once per `Get` line (~40 ns).
  let i = 0
  let whole = 0
  while (i < n && i < 15 && isDigit(text.charCodeAt(i))) whole = whole * 10 + (text.charCodeAt(i++) - 0x30)
  if (i === 0 || i === 15) return undefined
  const leading = i
  let value = whole
  let c = text.charCodeAt(i)
  if (isGroupSeparator(c) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) {
    // Groups of three: `6,144`, `1.995`, `8\u202f902`; at most three digits before the first.
    if (leading > 3) return undefined
    do {
      value = value * 1000 + (text.charCodeAt(i + 1) - 0x30) * 100 + (text.charCodeAt(i + 2) - 0x30) * 10 + (text.charCodeAt(i + 3) - 0x30)
      i += 4
      c = text.charCodeAt(i)
    } while (isGroupSeparator(c) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)))
  } else if ((c === 0x2e || c === 0x2c) && isDigit(text.charCodeAt(i + 1))) {
    // One decimal, point or comma: `79.7`, `11,3`. (797 / 10 is the double nearest to 79.7, as `Number('79.7')`.)
    value = (whole * 10 + (text.charCodeAt(i + 1) - 0x30)) / 10
    i += 2
    c = text.charCodeAt(i)
  }
  if (c !== 0x20 || text.charCodeAt(n - 1) !== 0x42 /* B */) return undefined
  const unit = n - i - 2
  if (unit === 0) return Math.round(value)
  const factor = unit === 1 ? SIZE_UNIT_FACTOR.get(text.charAt(i + 1)) : undefined
  return factor === undefined ? undefined : Math.round(value * factor)
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
