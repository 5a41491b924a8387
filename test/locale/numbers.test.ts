/**
 * Sizes and durations of translated lines, read in the line's language (src/locale/numbers.ts).
 * The fields are those the matcher captures from real lines of fixtures/locale/ (the `%s` before
 * the template's `B`: number, blank, unit prefix).
 */
import { describe, expect, test } from 'vitest'
import { parseLocaleBytes, parseLocaleDuration, parseLocaleSize } from '../../src/locale/numbers.ts'
import type { CatalogLocale } from '../../src/locale/catalog.ts'

const NNBSP = '\u202f'

describe('parseLocaleSize', () => {
  test.each<[string, CatalogLocale, number, string]>([
    ['3.934 k', 'de', 3_934_000, '`Es müssen 3.934 kB an Archiven heruntergeladen werden.` (bookworm-de-a)'],
    ['16,8 M', 'de', 16_800_000, '`Es wurden 16,8 MB in 1 s geholt (11,6 MB/s).` (bookworm-de-a)'],
    ['0 ', 'de', 0, '`Es müssen noch 0 B von 792 B …` (bookworm-de-h1)'],
    [`8${NNBSP}902 k`, 'ru', 8_902_000, '`Получено 15,5 MB за 2с (8 902 kB/s)` (bookworm-ru-a, U+202F)'],
    ['3,934 k', 'ja', 3_934_000, '`3,934 kB のアーカイブを取得する必要があります。` (bookworm-ja-a)'],
    ['15.8 M', 'ja', 15_800_000, '`15.8 MB を 9秒 で取得しました` (bookworm-ja-a)'],
    ['17,8 M', 'fr', 17_800_000, '`17,8 Mo réceptionnés en 2s` (bookworm-fr-a: the `o` is the template\'s)'],
    ['16.8 M', 'de', 16_800_000, 'German words with an English LC_NUMERIC: read the C way after the German one'],
  ])('%j in %s = %d bytes — %s', (field, locale, bytes) => {
    expect(parseLocaleSize(field, locale)).toBe(bytes)
  })

  test.each<[string, CatalogLocale, string]>([
    ['3.93 k', 'de', 'two digits after a separator: neither a group nor one decimal'],
    ['3.9345 k', 'de', 'a group of four'],
    ['12345.678 k', 'de', 'more than three digits before a group'],
    ['3.934 q', 'de', 'no such unit prefix'],
    ['', 'de', 'empty'],
    ['k', 'de', 'no number'],
    ['1'.repeat(40) + ' k', 'de', 'absurdly long'],
  ])('%j in %s is not a size (%s)', (field, locale) => {
    expect(parseLocaleSize(field, locale)).toBeUndefined()
  })
})

describe('parseLocaleBytes (inside an acquire line\'s brackets)', () => {
  test.each<[string, CatalogLocale, number]>([
    ['8.790 kB', 'de', 8_790_000],
    ['830 B', 'de', 830],
    ['8,790 kB', 'ja', 8_790_000],
    ['151 kB', 'fr', 151_000],
  ])('%j in %s', (text, locale, bytes) => {
    expect(parseLocaleBytes(text, locale)).toBe(bytes)
  })
  test.each([['8.790 k'], ['8.790kB'], ['B'], ['8.790 KB']])('%j is rejected', (text) => {
    expect(parseLocaleBytes(text, 'de')).toBeUndefined()
  })
})

describe('parseLocaleDuration (TimeToStr, translated)', () => {
  test.each<[string, CatalogLocale, number]>([
    ['1 s', 'de', 1],
    ['2с', 'ru', 2],
    ['0с', 'ru', 0],
    ['9秒', 'ja', 9],
    ['2s', 'fr', 2],
    ['1min 5s', 'de', 65],
  ])('%j in %s = %d s', (text, locale, seconds) => {
    expect(parseLocaleDuration(text, locale)).toBe(seconds)
  })
  test.each([[''], ['s'], ['1 Sekunde'], ['x'.repeat(100)]])('%j is rejected', (text) => {
    expect(parseLocaleDuration(text, 'de')).toBeUndefined()
  })
})
