/**
 * What a report says when it read nothing it can conclude from: an input of apt or dpkg lines
 * never hears "is it the build log?"; an input with no such line does.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { explainReport, parse, renderText, summarize, summaryReport } from '../../src/index.ts'
import { fixtureText } from '../support/fixtures.ts'

const line = (name: string, n: number): string => fixtureText(name).split('\n')[n - 1] as string
const QUESTION = 'is it the build log?'

function leads(text: string): [string, string] {
  const run = summarize(parse(text))
  return [explainReport(run, new Map()).lead ?? '', summaryReport(run).lead ?? '']
}

describe('the input lead', () => {
  const cases: readonly [name: string, text: string, want: RegExp, question: boolean][] = [
    ['empty', '', /^The input is empty/, false],
    ['a German apt line aptlog cannot read (handmade-de-locale line 5)', `${line('apt/handmade-de-locale.log', 5)}\n`, /they look like apt or dpkg output that aptlog cannot read/, false],
    [
      'a German apt line among other text: how many of them look like apt',
      `${line('apt/handmade-de-locale.log', 5)}\nhello\n`,
      /1 of them look like apt or dpkg output/,
      false,
    ],
    ["only apt's debconf note, read and proving nothing (bookworm-a-good line 31)", `${line('apt/bookworm-a-good-update-install-openssh-client-no-recommends.log', 31)}\n`, /^Every line of this input was read, but none is an apt run/, false],
    ['near miss: text that is not apt output', 'hello\n\nworld\n', /^Nothing in this input was read as docker, apt or dpkg output \(3 lines, 2 not recognised\)/, true],
  ]
  for (const [name, text, want, question] of cases) {
    test(name, () => {
      const [explain, summary] = leads(text)
      expect(explain).toMatch(want)
      expect(explain.includes(QUESTION)).toBe(question)
      expect(summary.includes(QUESTION)).toBe(question)
    })
  }

  test('a run that read apt output has no input lead (bookworm-a-good)', () => {
    const run = summarize(parse(fixtureText('apt/bookworm-a-good-update-install-openssh-client-no-recommends.log')))
    expect(renderText(explainReport(run, new Map()))).not.toContain(QUESTION)
  })
})
