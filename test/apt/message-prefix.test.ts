import { describe, expect, test } from 'vitest'
import { classifyMessageWith, MESSAGE_RULES } from '../../src/apt/classify.ts'
import type { AptPlanListKind } from '../../src/events/apt.ts'
import { readMessagePrefix } from '../../src/grammar/message-prefix.ts'
import { parse } from '../../src/index.ts'
import { MESSAGE_SAMPLES } from './message-samples.ts'

/** The events of a log, without the framing ones. */
function eventsOf(lines: readonly string[]): unknown[] {
  return parse(`${lines.join('\n')}\n`).filter((e) => e.type !== 'log.end')
}

const LISTS: ReadonlySet<AptPlanListKind> = new Set<AptPlanListKind>(['unauthenticated'])

describe('a message prefix with or without its blank: the same message for every rule (grammar/message-prefix.ts)', () => {
  test('every English message rule has a sample', () => {
    const sampled = new Set(MESSAGE_SAMPLES.map((s) => s.rule))
    expect(MESSAGE_RULES.map((r) => r.id).filter((id) => !sampled.has(id))).toEqual([])
  })

  test.each(MESSAGE_SAMPLES.map((s) => [s.rule, s.text, s] as const))('%s: %s', (rule, text, sample) => {
    // The sample is the rule's (a test that cannot drift into proving another rule).
    expect(classifyMessageWith(text, LISTS)?.rule.id).toBe(rule)
    const before = sample.before ?? []
    const spaced = eventsOf([...before, `${sample.letter}: ${text}`])
    const tight = eventsOf([...before, `${sample.letter}:${text}`])
    expect(spaced.filter((e) => (e as { type: string }).type === 'problem')).toHaveLength(1)
    expect(tight).toEqual(spaced)
  })

  test.each([
    ['Error:Unable to locate package nonexistent-pkg-xyz', 'Error: Unable to locate package nonexistent-pkg-xyz'],
    ['Warning:More space needed than available: 80.0 MB > 50.0 MB, installation may fail', 'Warning: More space needed than available: 80.0 MB > 50.0 MB, installation may fail'],
    ["E:'foo' is not a valid DEB package.", "E: 'foo' is not a valid DEB package."],
  ])('apt 3 words and quoted texts too: %s', (tight, spaced) => {
    expect(eventsOf([tight])).toEqual(eventsOf([spaced]))
    expect(readMessagePrefix(tight)).toEqual(readMessagePrefix(spaced))
  })

  test.each([
    ['E:\\build\\apt-cache', 'a Windows drive path'],
    ['D:/a/_work/1/s', 'an Azure agent path'],
    ['W:10', 'a number after the colon'],
    ['E:1 package failed', 'a digit after the colon'],
    ['Err:1 http://127.0.0.1:9/debian trixie InRelease', 'an acquire line'],
    ['Errors were encountered while processing:', 'dpkg summary header'],
    ['  N:See apt-secure(8) manpage', 'indented'],
    ['see N:See apt-secure(8) manpage', 'N: inside other text'],
    ['e:unable to locate package x', 'lower-case letter'],
    ['E:', 'no text'],
    ['E:  ', 'blanks only'],
    ['E: ', 'blank only'],
  ])('%j is no message (%s)', (line) => {
    expect(readMessagePrefix(line)).toBeUndefined()
    // After a line of apt's own, as in a log: an indented line alone would be a paste, its indentation taken off.
    expect(eventsOf(['Reading package lists...', line]).filter((e) => (e as { type: string }).type === 'apt.message')).toEqual([])
  })
})
