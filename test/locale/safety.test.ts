/**
 * LOCALE_RULES and matchLocaleLine run in time linear in the line length, on hostile lines built
 * from real ones (the method of test/hardening/regex-safety.test.ts, which phase 2 extends to
 * LOCALE_RULES when the grammars use them): a real localized line of fixtures/locale/ is cut after
 * a separator and followed by a long run of one pattern, with or without the rest of the line.
 *
 * The matcher reads at most 4096 characters (longer lines are rejected at once), so growth is
 * measured from 256 to 4096 characters, comparing the same number of characters read on both
 * sides (256-character lines 16 times as often): a linear rule costs the same on both, a
 * quadratic one 16 times more. Best of seven tries, 32 lines per try; 6× is allowed, and a
 * shape fails only when three measurements running say so.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { lastFrame } from '../../src/lines/frames.ts'
import { LOCALE_RULES, matchLocaleLine } from '../../src/locale/matcher.ts'
import type { Rule } from '../../src/grammar/rules.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

const SMALL = 256
const BIG = 4096
const MAX_GROWTH = 6
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

/** True when `big` costs more than MAX_GROWTH times `small` for the same characters read, in three measurements running (a loaded machine makes one noisy). */
function grows(match: (text: string) => unknown, small: string, big: string): { small: number; big: number } | undefined {
  let last = { small: 0, big: 0 }
  for (let round = 0; round < 3; round++) {
    const tBig = cost(() => match(big), 32)
    const tSmall = cost(() => match(small), 32 * (BIG / SMALL))
    last = { small: tSmall, big: tBig }
    if (tBig <= MAX_GROWTH * Math.max(tSmall, 0.2)) return undefined
  }
  return last
}

function cost(run: () => void, times: number): number {
  let best = Infinity
  for (let attempt = 0; attempt < 7; attempt++) {
    const start = performance.now()
    for (let i = 0; i < times; i++) run()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

describe('locale matcher runs in linear time', () => {
  test('every rule, on its worst hostile lines', () => {
    const failures: string[] = []
    for (const rule of LOCALE_RULES) {
      // The worst shapes at the big size first.
      const candidates = examples(rule).flatMap((l) => hostile(l, BIG).map((big, k) => ({ big, small: hostile(l, SMALL)[k] as string })))
      const ranked = candidates
        .map((c) => ({ ...c, t: cost(() => rule.match(c.big), 1) }))
        .sort((a, b) => b.t - a.t)
        .slice(0, 2)
      for (const { big, small } of ranked) {
        const g = grows(rule.match, small, big)
        if (g !== undefined) failures.push(`${rule.id}: ${g.small.toFixed(3)} ms → ${g.big.toFixed(3)} ms on ${JSON.stringify(big.slice(0, 60))}…`)
      }
    }
    expect(failures).toEqual([])
  })

  test('matchLocaleLine on the same shapes', () => {
    const failures: string[] = []
    const sample = lines.filter((l) => matchLocaleLine(l) !== undefined).filter((_, i) => i % 25 === 0)
    for (const line of sample) {
      const bigs = hostile(line, BIG)
      const smalls = hostile(line, SMALL)
      let worst = 0
      let at = 0
      bigs.forEach((b, i) => {
        const t = cost(() => matchLocaleLine(b), 1)
        if (t > worst) {
          worst = t
          at = i
        }
      })
      const big = bigs[at] as string
      const small = smalls[at] as string
      const g = grows(matchLocaleLine, small, big)
      if (g !== undefined) failures.push(`${g.small.toFixed(3)} ms → ${g.big.toFixed(3)} ms on ${JSON.stringify(big.slice(0, 60))}…`)
    }
    expect(failures).toEqual([])
  })

  test('a line over 4096 characters is rejected without being read', () => {
    const huge = `Holen:1 ${'a'.repeat(1 << 20)}`
    const t = cost(() => matchLocaleLine(huge), 100)
    expect(matchLocaleLine(huge)).toBeUndefined()
    for (const rule of LOCALE_RULES) expect(rule.match(huge)).toBeUndefined()
    expect(t).toBeLessThan(50)
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
