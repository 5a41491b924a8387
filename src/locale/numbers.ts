/**
 * Sizes and durations of localized lines, read with the language's number format and time words.
 *
 * apt prints a size with `SizeToStr` (`%'.0f %c` from 0 to 9999, `%'.1f %c` below 100 of the next
 * unit), so a size field holds an integer of at most four digits, grouped with the locale's
 * thousands separator (`3.934 k` de, `8\u202f902 k` fr, `3,934 k` ja), or one or two digits and
 * exactly one decimal after the locale's decimal point (`16,8 M` de, `15.8 M` ja), then a blank
 * and maybe a unit prefix. The number is read with the line's locale (`CATALOG_NUMBERS`); when
 * that fails it is read the C/English way (`LANGUAGE=de` with an English `LC_NUMERIC` prints
 * German words and `16.8 MB`). The two readings never disagree on a string both accept: a group
 * has three digits, a fraction one.
 *
 * Durations come from `TimeToStr`, whose `%lis`, `%limin %lis` … templates are translated
 * (`1 s` de, `2с` ru, `9秒` ja); they are read against the language's templates and the C ones.
 * @module
 */

import { CATALOG, CATALOG_NUMBERS, CATALOG_TEMPLATES, type CatalogLocale } from './catalog.ts'
import { parsePrintf, type Segment } from './printf.ts'
import { isDigit } from '../lines/chars.ts'

/** Decimal point and thousands separators a language prints (every pinned release). */
interface Format {
  readonly decimal: string
  readonly thousands: readonly string[]
}

/** The C/English reading, tried after the language's own. */
const ENGLISH: Format = { decimal: '.', thousands: [','] }

const FORMATS: ReadonlyMap<CatalogLocale, Format> = new Map(
  (Object.keys(CATALOG) as CatalogLocale[]).map((locale): [CatalogLocale, Format] => {
    const releases = Object.values(CATALOG_NUMBERS[locale])
    const thousands = [...new Set(releases.map((r) => r.thousandsSep).filter((s) => s !== ''))]
    return [locale, { decimal: releases[0]?.decimalPoint ?? '.', thousands }]
  }),
)

/** `SizeToStr`'s unit prefixes (decimal, factor 1000): `''` for bytes, then k, M, G … Y. */
export const SIZE_UNIT_FACTOR: ReadonlyMap<string, number> = new Map([
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

/** Longest number `SizeToStr` prints, separators included (`9.999`, `99,9`), with room to spare. */
const MAX_NUMBER = 12


/** A number as `SizeToStr` prints it in `format`: `3.934`, `792`, `16,8`; `undefined` otherwise. */
function readNumber(text: string, format: Format): number | undefined {
  const n = text.length
  if (n === 0 || n > MAX_NUMBER || !isDigit(text.charCodeAt(0))) return undefined
  let i = 0
  let whole = 0
  while (i < n && isDigit(text.charCodeAt(i))) whole = whole * 10 + (text.charCodeAt(i++) - 0x30)
  const leading = i
  let grouped = false
  for (;;) {
    const sep = format.thousands.find((s) => text.startsWith(s, i))
    if (sep === undefined) break
    const at = i + sep.length
    if (at + 3 > n || !isDigit(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2))) break
    if (at + 3 < n && isDigit(text.charCodeAt(at + 3))) return undefined
    whole = whole * 1000 + (text.charCodeAt(at) - 0x30) * 100 + (text.charCodeAt(at + 1) - 0x30) * 10 + (text.charCodeAt(at + 2) - 0x30)
    i = at + 3
    grouped = true
  }
  if (grouped && leading > 3) return undefined
  if (i === n) return whole
  if (grouped || !text.startsWith(format.decimal, i)) return undefined
  const at = i + format.decimal.length
  // One decimal exactly (`%'.1f`), as `16,8`.
  if (at + 1 !== n || !isDigit(text.charCodeAt(at))) return undefined
  return (whole * 10 + (text.charCodeAt(at) - 0x30)) / 10
}

/**
 * Bytes of a size field of a localized line (the `%s` of a `%sB` template: `3.934 k`, `792 `,
 * `16,8 M`, `8\u202f902 k`), read in `locale`'s number format, or the C/English one; `undefined`
 * when it is neither.
 */
export function parseLocaleSize(field: string, locale: CatalogLocale): number | undefined {
  const text = field.trimEnd()
  const blank = text.lastIndexOf(' ')
  const number = blank === -1 ? text : text.slice(0, blank)
  const unit = blank === -1 ? '' : text.slice(blank + 1)
  const factor = SIZE_UNIT_FACTOR.get(unit)
  if (factor === undefined) return undefined
  const format = FORMATS.get(locale)
  const value = (format === undefined ? undefined : readNumber(number, format)) ?? readNumber(number, ENGLISH)
  return value === undefined ? undefined : Math.round(value * factor)
}

/**
 * Bytes of a whole size with its unit as apt prints it inside a localized acquire line's brackets
 * (`8.790 kB`, `8\u202f790 kB`, `830 B`: the `B` is not translated there).
 */
export function parseLocaleBytes(text: string, locale: CatalogLocale): number | undefined {
  if (!text.endsWith('B') || text.length > MAX_NUMBER + 4) return undefined
  const body = text.slice(0, -1)
  // `830 B` → `830 `; `8.790 kB` → `8.790 k`: the blank before the unit must be there.
  if (body.length < 2 || (body.charCodeAt(body.length - 1) !== 0x20 && body.charCodeAt(body.length - 2) !== 0x20)) return undefined
  return parseLocaleSize(body, locale)
}

/** One `TimeToStr` template: its segments and the seconds each argument stands for. */
interface TimeTemplate {
  readonly segments: readonly Segment[]
  readonly weights: readonly number[]
}

/** Seconds per argument of each `time.*` template (`%lid %lih %limin %lis` → days, hours, minutes, seconds). */
const TIME_WEIGHTS: ReadonlyMap<string, readonly number[]> = new Map([
  ['time.days', [86_400, 3_600, 60, 1]],
  ['time.hours', [3_600, 60, 1]],
  ['time.minutes', [60, 1]],
  ['time.seconds', [1]],
])

let timeTemplates: Map<CatalogLocale, readonly TimeTemplate[]> | undefined

/** Each language's `time.*` texts and the C ones, parsed once. */
function timesOf(locale: CatalogLocale): readonly TimeTemplate[] {
  if (timeTemplates === undefined) {
    timeTemplates = new Map()
    for (const l of Object.keys(CATALOG) as CatalogLocale[]) {
      const list: TimeTemplate[] = []
      const seen = new Set<string>()
      for (const tpl of CATALOG_TEMPLATES) {
        const weights = TIME_WEIGHTS.get(tpl.id)
        if (weights === undefined) continue
        for (const text of [...(CATALOG[l][tpl.id] ?? []).map((t) => t.text), tpl.msgid]) {
          if (seen.has(text)) continue
          seen.add(text)
          const segments = parsePrintf(text)
          if (segments !== undefined) list.push({ segments, weights })
        }
      }
      timeTemplates.set(l, list)
    }
  }
  return timeTemplates.get(locale) ?? []
}

/** Most digits one duration number takes. */
const MAX_TIME_DIGITS = 9

function readTime(text: string, t: TimeTemplate): number | undefined {
  let pos = 0
  let seconds = 0
  for (const seg of t.segments) {
    if (typeof seg === 'string') {
      if (!text.startsWith(seg, pos)) return undefined
      pos += seg.length
      continue
    }
    const start = pos
    let value = 0
    while (pos < text.length && pos - start < MAX_TIME_DIGITS && isDigit(text.charCodeAt(pos))) value = value * 10 + (text.charCodeAt(pos++) - 0x30)
    if (pos === start) return undefined
    const weight = t.weights[seg.arg]
    if (weight === undefined) return undefined
    seconds += value * weight
  }
  return pos === text.length ? seconds : undefined
}

/** Seconds of a duration of a localized line (`1 s`, `2с`, `9秒`, `1 min 5 s`), or `undefined`. */
export function parseLocaleDuration(text: string, locale: CatalogLocale): number | undefined {
  if (text.length === 0 || text.length > 64) return undefined
  for (const t of timesOf(locale)) {
    const seconds = readTime(text, t)
    if (seconds !== undefined) return seconds
  }
  return undefined
}
