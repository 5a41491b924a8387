/**
 * Excerpt invariance (issue 16): what a user pastes must give the verdict the whole log gives.
 *
 * - A framing (indentation, a clock or chat prefix, a blank line after every line, a hard wrap at 80
 *   or 120 columns) changes nothing:
 *   outcome, root-cause kind and culprit are those of the unframed text, for every capture and
 *   for every excerpt of it.
 * - An excerpt of a failing capture (the last 20 or 50 lines, the error box, a tty's final screen)
 *   is never a success; when it holds the lines that prove the root cause, it names the same kind
 *   and culprit.
 */
import { describe, expect, test } from 'vitest'
import { parse, summarize } from '../../src/index.ts'
import { errorBox, finalScreen, FRAMINGS, lastLines, linesOf, type Excerpt } from '../support/excerpts.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

interface Verdict {
  readonly outcome: string
  readonly kind: string | undefined
  readonly culprit: string | undefined
}

function verdictOf(text: string): Verdict {
  const run = summarize(parse(text))
  return { outcome: run.outcome, kind: run.rootCause?.kind, culprit: run.rootCause?.package }
}

// paste/ holds pastes already (hard-wrapped copies of captures here): framing them again, or
// cutting their last lines at a physical line that splits a logical one, tests a paste of a paste.
const captures = allCaptures().filter((name) => !name.startsWith('fuzz/') && !name.startsWith('paste/'))

describe('a framing changes no verdict', () => {
  for (const name of captures) {
    test(name, () => {
      const lines = linesOf(fixtureText(name))
      const whole = verdictOf(lines.length === 0 ? '' : lines.join('\n') + '\n')
      for (const framing of FRAMINGS) expect(verdictOf(framing.apply(lines)), framing.name).toEqual(whole)
    })
  }
})

describe('an excerpt of a failing log', () => {
  const failing = captures.filter((name) => verdictOf(fixtureText(name)).outcome === 'failure')

  test('there are failing captures of every kind of source', () => {
    for (const folder of ['apt/', 'docker/', 'buildkit/', 'tty/', 'compose/']) expect(failing.some((n) => n.startsWith(folder)), folder).toBe(true)
  })

  for (const name of failing) {
    test(name, () => {
      const text = fixtureText(name)
      const lines = linesOf(text)
      const run = summarize(parse(text))
      const cause = run.rootCause
      const excerpts: [string, Excerpt | undefined][] = [
        ['last 20 lines', lastLines(lines, 20)],
        ['last 50 lines', lastLines(lines, 50)],
        ['the error box', errorBox(lines)],
        ['the final screen', finalScreen(lines)],
      ]
      for (const [what, excerpt] of excerpts) {
        if (excerpt === undefined) continue
        const got = verdictOf(excerpt.text)
        expect(got.outcome, `${what}: never a success`).not.toBe('success')
        const holdsCause = cause !== null && cause.line >= excerpt.from && (cause.endLine ?? cause.line) <= excerpt.to
        if (holdsCause) expect({ kind: got.kind, culprit: got.culprit }, `${what} holds lines ${cause.line}–${cause.endLine ?? cause.line}`).toEqual({ kind: cause.kind, culprit: cause.package })
        // The framings of the excerpt give the excerpt's own verdict.
        for (const framing of FRAMINGS) expect(verdictOf(framing.apply(linesOf(excerpt.text))), `${what}, ${framing.name}`).toEqual(got)
      }
    })
  }
})
