import { describe, expect, test } from 'vitest'
import { parseDuration, parseRate, parseSize } from '../../src/apt/sizes.ts'

describe('parseSize (FORMATS.md §2.3)', () => {
  test.each([
    ['0 B', 0, '`Need to get 0 B/896 B of archives.` (bookworm-b6b)'],
    ['8808 B', 8808, '`Get:8 … libkeyutils1 amd64 1.6.3-2 [8808 B]` (bookworm-a)'],
    ['11.3 kB', 11_300, '`Get:1 http://mirrors.aliyun.com/debian/ jessie/main sensible-utils all 0.0.9 [11.3 kB]` (seed runner, apt 1.0)'],
    ['151 kB', 151_000, '`Get:1 … bookworm InRelease [151 kB]` (bookworm-a)'],
    ['6107 kB', 6_107_000, '`Get:2 … bookworm/main Translation-en [6107 kB]` (bookworm-a)'],
    ['14.9 MB', 14_900_000, '`After this operation, 14.9 MB …` (bookworm-a)'],
    ['78.9 GB', 78_900_000_000, '`Space needed: 8254 kB / 78.9 GB available` (trixie-l1)'],
    ['8,997 kB', 8_997_000, '`Need to get 8,997 kB of archives.` (en_US grouping, seen in the wild, §1.4)'],
    ['1 TB', 1e12, 'next unit up'],
    ['1.995 kB', 1_995_000, '`  Download size: 1.995 kB` (trixie-es-l1: the catalogue lacks apt 3\'s summary, LC_NUMERIC is es_ES)'],
    ['80,2 GB', 80_200_000_000, '`  Space needed: 8.254 kB / 80,2 GB available` (trixie-es-l1, decimal comma)'],
    ['8\u202f902 kB', 8_902_000, 'fr_FR grouping, a narrow no-break space (glibc 2.36)'],
    ['6.144 kB', 6_144_000, '`6.144 kB` (de_DE.UTF-8, FORMATS.md §1.4)'],
  ])('%s = %d bytes — %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes)
  })

  test.each([
    ['1.2345 kB', 'a group of four digits'],
    ['1234.567 kB', 'four digits before a group'],
    ['1.23 kB', 'two decimals: SizeToStr prints one'],
    ['9,999,9 kB', 'a decimal after a group'],
    ['6 144 kB', 'an ASCII space groups nothing'],
    ['6144kB', 'no space before the unit'],
    ['6144 KB', 'upper-case K is not apt'],
    ['6144 kb', 'lower-case b'],
    ['1,23 kB', 'a group must have three digits'],
    ['', 'empty'],
    ['kB', 'no number'],
    ['1'.repeat(100) + ' kB', 'absurdly long'],
  ])('%j is rejected (%s)', (text) => {
    expect(parseSize(text)).toBeUndefined()
  })
})

describe('parseRate', () => {
  test.each([
    ['6438 kB/s', 6_438_000],
    ['0 B/s', 0],
    ['13.8 MB/s', 13_800_000],
    ['2,819 kB/s', 2_819_000],
  ])('%s', (text, rate) => {
    expect(parseRate(text)).toBe(rate)
  })
  test('a size without /s is not a rate', () => {
    expect(parseRate('6438 kB')).toBeUndefined()
  })
})

describe('parseDuration (TimeToStr)', () => {
  test.each([
    ['0s', 0],
    ['11s', 11],
    ['1min 5s', 65],
    ['24h 0min 0s', 86_400],
    ['2h 59min 49s', 10_789],
    ['21d 14h 58min 2s', 21 * 86_400 + 14 * 3600 + 58 * 60 + 2],
  ])('%s = %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })
  test.each([['0 s'], ['1 min 5s'], ['5'], ['1min'], ['1h 5s 1min']])('%j is rejected', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})
