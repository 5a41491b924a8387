/**
 * `createParser({ select })`: the events delivered are exactly a full parse's, filtered to the
 * selected types (plus `log.end`), whatever the grammars skip building, on every capture and the
 * seeded fuzz sample. A type that does not exist is an error, not a silent empty stream.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { createParser, EVENT_TYPES, type AptLogEvent, type AptLogEventType } from '../../src/index.ts'
import { makeCase, splitLines, type CaptureLines } from '../fuzz/mutate.ts'
import { allCaptures, fixtureBytes } from '../support/fixtures.ts'

function events(bytes: Uint8Array, select?: readonly AptLogEventType[], chunk = bytes.length || 1, maxLineLength?: number): string[] {
  const out: string[] = []
  const parser = createParser({ select, maxLineLength, onEvent: (e: AptLogEvent) => out.push(JSON.stringify(e)) })
  for (let i = 0; i < bytes.length; i += chunk) parser.feed(bytes.subarray(i, i + chunk))
  parser.end()
  return out
}

const filtered = (all: readonly string[], types: readonly AptLogEventType[]): string[] => {
  const keep = new Set<string>([...types, 'log.end'])
  return all.filter((line) => keep.has((JSON.parse(line) as AptLogEvent).type))
}

/** Selections: what a problems-only consumer asks, each type whose building a grammar skips, and a mix. */
const SELECTIONS: readonly (readonly AptLogEventType[])[] = [
  ['problem'],
  ['dpkg.progress'],
  ['dpkg.database', 'apt.acquire'],
  ['apt.acquire', 'problem', 'docker.step.start'],
  [],
]

describe('select delivers a full parse filtered to the selected types', () => {
  const captures = allCaptures()

  test(`every capture (${captures.length}) under ${SELECTIONS.length} selections, whole and in 4093-byte chunks`, () => {
    const failures: string[] = []
    let delivered = 0
    for (const name of captures) {
      const bytes = fixtureBytes(name)
      const all = events(bytes)
      for (const types of SELECTIONS) {
        const expected = filtered(all, types)
        delivered += expected.length
        for (const chunk of [bytes.length || 1, 4093]) {
          const got = events(bytes, types, chunk)
          if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${name} select ${JSON.stringify(types)} chunks of ${chunk}: ${got.length} events, expected ${expected.length}`)
        }
      }
    }
    expect(failures).toEqual([])
    // the selections are not all empty on these captures: the comparison compares something
    expect(delivered).toBeGreaterThan(captures.length * SELECTIONS.length * 2)
  })

  test("300 seeded fuzz mutations, select ['problem'] and ['dpkg.progress']", () => {
    const corpus: CaptureLines[] = captures.map((name) => ({ name, lines: splitLines(fixtureBytes(name)) }))
    const failures: string[] = []
    for (let index = 0; index < 300; index++) {
      const c = makeCase(20261206, index, corpus)
      const all = events(c.bytes, undefined, undefined, c.maxLineLength)
      for (const types of [['problem'], ['dpkg.progress']] as const) {
        const got = events(c.bytes, types, 997, c.maxLineLength)
        if (JSON.stringify(got) !== JSON.stringify(filtered(all, types))) failures.push(`case ${index} (${c.how}) select ${types[0]}`)
      }
    }
    expect(failures).toEqual([])
  })

  test('log.end always arrives, with the counts of the whole log', () => {
    const bytes = fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')
    const all = events(bytes)
    const none = events(bytes, [])
    expect(none).toHaveLength(1)
    expect(none[0]).toBe(all[all.length - 1])
  })
})

describe('select is checked', () => {
  test.each([
    ['a misspelt type', ['problems'], RangeError, /"problems" is not an event type/],
    ['a type of another tool', ['step.start'], RangeError, /not an event type/],
    ['a number', [1], RangeError, /1 is not an event type/],
    ['a string instead of a list', 'problem', TypeError, /array of event types/],
  ])('%s', (_name, select, error, message) => {
    expect(() => createParser({ select: select as never })).toThrow(error)
    expect(() => createParser({ select: select as never })).toThrow(message)
  })

  test('every listed type is accepted', () => {
    expect(() => createParser({ select: EVENT_TYPES })).not.toThrow()
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length)
  })
})
