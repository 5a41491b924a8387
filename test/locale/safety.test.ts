/**
 * LOCALE_RULES and matchLocaleLine run in time linear in the line length, on hostile lines built
 * from real ones (the method of test/hardening/regex-safety.test.ts): a real localized line of
 * fixtures/locale/ is cut after a separator and followed by a long run of one pattern, with or
 * without the rest of the line.
 *
 * Work is counted, never timed (test/hardening/work-counter.ts, with character reads: the matcher
 * walks lines with `indexOf`, `startsWith` and `charCodeAt`). The matcher reads at most 4096
 * characters (longer lines are rejected at once), so each hostile line is built at 256 and at 4096
 * characters and the work per character of the two is compared: the same for a linear match,
 * about 16 times more on the long line when each character costs a walk of the line. No regex may
 * read the line either (a regex's own backtracking is invisible to any count): the characters
 * handed to regexes must not grow with it.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { lastFrame } from '../../src/lines/frames.ts'
import { LOCALE_RULES, matchLocaleLine } from '../../src/locale/matcher.ts'
import type { Rule } from '../../src/grammar/rules.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'
import { countWork } from '../hardening/work-counter.ts'

const SMALL = 256
const BIG = 4096
/**
 * Allowed growth of the work per character from SMALL to BIG. Measured: at most 1.21 over every
 * shape; a quadratic match gives about BIG / SMALL = 16 (a text field backtracking over every
 * occurrence of its closing literal: 21; a word checked for blanks from each of its characters: 23).
 */
const MAX_GROWTH = 2
const FILLS: readonly string[] = ['a', ' ', '1', ' (', ') ', ':', '. ', ', ', '…', ' ...', '%', 'Holen:1 ']

const lines: string[] = allCaptures('locale').flatMap((name) =>
  fixtureText(name)
    .split('\n')
    .map((raw) => lastFrame(raw.endsWith('\r') ? raw.slice(0, -1) : raw)),
)

/** Up to two real lines each rule matches (rules no capture exercises get their template's opening). */
function examples(rule: Rule<unknown>): string[] {
  const found = lines.filter((l) => rule.match(l) !== undefined).slice(0, 2)
  return found.length > 0 ? found : ['', ' ', 'dpkg: ']
}

/** Hostile lines of about `size` characters from one real line. */
function hostile(line: string, size: number): string[] {
  const out: string[] = []
  const cuts = new Set<number>([0, line.length])
  for (let i = 0; i < line.length && cuts.size < 6; i++) if (' :(.,'.includes(line.charAt(i))) cuts.add(i + 1)
  for (const cut of cuts) {
    for (const fill of FILLS) {
      const head = line.slice(0, cut)
      const run = fill.repeat(Math.ceil((size - line.length) / fill.length) + 1).slice(0, Math.max(1, size - line.length))
      out.push(head + run, head + run + line.slice(cut))
    }
  }
  return out
}

/** The work of one match, counting character reads (work-counter.ts), and the characters it handed to a regex. */
function workOf(match: (text: string) => unknown, text: string): { work: number; regexInput: number } {
  const { work, regexInput } = countWork(() => match(text), { characters: true })
  return { work, regexInput }
}

/**
 * How the same hostile shape costs at BIG against SMALL: the growth of the work per character
 * (1 when linear), and whether the characters handed to regexes grew with the line.
 */
function growth(match: (text: string) => unknown, small: string, big: string): { growth: number; regexGrew: boolean; small: number; big: number } {
  const s = workOf(match, small)
  const b = workOf(match, big)
  return { growth: b.work / big.length / (Math.max(s.work, 1) / small.length), regexGrew: b.regexInput > s.regexInput, small: s.work, big: b.work }
}

/** Every hostile shape of every example line, at both sizes: the failures. */
function failuresOf(match: (text: string) => unknown, examples: readonly string[], label: string): string[] {
  const failures: string[] = []
  for (const line of examples) {
    const bigs = hostile(line, BIG)
    const smalls = hostile(line, SMALL)
    bigs.forEach((big, k) => {
      const g = growth(match, smalls[k] as string, big)
      if (g.growth > MAX_GROWTH || g.regexGrew) failures.push(`${label}: work ${g.small} → ${g.big} (${g.growth.toFixed(2)}× per character)${g.regexGrew ? ', a regex reads the line' : ''} on ${JSON.stringify(big.slice(0, 60))}…`)
    })
  }
  return failures
}

describe('locale matcher runs in linear time (work counted, never timed)', () => {
  test('the harness can fail: a match that walks the line again at each character is caught', () => {
    const line = 'Holen:1 http://deb.debian.org/debian bookworm InRelease [151 kB]'
    // linear: one indexOf from each match to the next; quadratic: an indexOf from each character
    const linear = (text: string): number => {
      let n = 0
      for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) n++
      return n
    }
    const quadratic = (text: string): number => {
      let n = 0
      for (let i = 0; i < text.length; i++) if (text.indexOf(']', i) !== -1) n++
      return n
    }
    const byCharacters = (text: string): number => {
      let n = 0
      for (let i = 0; i < text.length; i++) for (let j = i; j < text.length && text.charCodeAt(j) !== 0x5d; j++) n++
      return n
    }
    const regex = (text: string): boolean => /^Holen:\d+ /.test(text)
    // One hostile shape: the line cut after `Holen:1 ` and a run of `a`, then the rest of the line.
    const shape = (size: number): string => `Holen:1 ${'a'.repeat(size - line.length)}${line.slice('Holen:1 '.length)}`
    const verdict = (match: (text: string) => unknown): { tooMuch: boolean; regexGrew: boolean } => {
      const g = growth(match, shape(SMALL), shape(BIG))
      return { tooMuch: g.growth > MAX_GROWTH, regexGrew: g.regexGrew }
    }
    expect(shape(BIG)).toHaveLength(BIG)
    expect(verdict(linear)).toEqual({ tooMuch: false, regexGrew: false })
    expect(verdict(quadratic)).toEqual({ tooMuch: true, regexGrew: false })
    expect(verdict(byCharacters)).toEqual({ tooMuch: true, regexGrew: false })
    expect(verdict(regex).regexGrew).toBe(true)
  })

  test('every rule, on every hostile shape of its real lines', () => {
    const failures = LOCALE_RULES.flatMap((rule) => failuresOf(rule.match, examples(rule), rule.id))
    expect(failures).toEqual([])
  })

  test('matchLocaleLine on the same shapes', () => {
    const sample = lines.filter((l) => matchLocaleLine(l) !== undefined).filter((_, i) => i % 25 === 0)
    expect(sample.length).toBeGreaterThan(10)
    expect(failuresOf(matchLocaleLine, sample, 'matchLocaleLine')).toEqual([])
  })

  test('a line over 4096 characters is rejected without being read', () => {
    const huge = `Holen:1 ${'a'.repeat(1 << 20)}`
    const { work, result } = countWork(() => [matchLocaleLine(huge), ...LOCALE_RULES.map((rule) => rule.match(huge))], { characters: true })
    expect(result.every((m) => m === undefined)).toBe(true)
    // Measured: 192 for matchLocaleLine and every rule together; reading the line once is a million.
    expect(work).toBeLessThan(10_000)
  })

  test('rule ids and first characters fit the rule-table shape', () => {
    const ids = LOCALE_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of LOCALE_RULES) {
      expect(r.id.startsWith('locale.')).toBe(true)
      for (let i = 0; i < r.first.length; i++) expect(r.first.charCodeAt(i)).toBeLessThan(128)
    }
  })
})
