/**
 * `Summarizer.snapshot()`: the run model while the log is still arriving. It must change nothing
 * (the final summary is the same with or without snapshots), and it must tell a failure as soon as
 * the lines that prove it are in — the early signal a CI log processor watching a live build needs.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { createSummarizer, parse, summarize, type AptLogEvent } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const CAPTURES = [
  'seed/incident-runner-excerpt.log',
  'docker/D17-cli20-buildkit-plain-predepends-problem.log',
  'docker/D31-ci-job-runner-legacy-cli28-broken-base.log',
  'apt/bookworm-h1b-failing-postinst-with-dependent.log',
  'apt/trixie-b5-bad-status-truncated-update-dist-upgrade.log',
]

describe('snapshot() changes nothing', () => {
  for (const name of CAPTURES) {
    test(`${name}: a snapshot after every event, then finish(), gives the summary of a plain fold`, () => {
      const events = parse(fixtureBytes(name))
      const summarizer = createSummarizer()
      for (const event of events) {
        summarizer.add(event)
        summarizer.snapshot()
      }
      expect(summarizer.finish()).toEqual(summarize(events))
    })
  }

  test('after finish(), snapshot() and finish() return that same summary', () => {
    const summarizer = createSummarizer()
    for (const event of parse(fixtureBytes(CAPTURES[0] as string))) summarizer.add(event)
    const done = summarizer.finish()
    expect(summarizer.finish()).toBe(done)
    expect(summarizer.snapshot()).toBe(done)
  })
})

describe('snapshot() while the log arrives', () => {
  test('the incident: the root cause is known as soon as the pre-dependency block is in, before the log ends', () => {
    const events = parse(fixtureBytes('seed/incident-runner-excerpt.log'))
    const final = summarize(events)
    expect(final.rootCause?.kind).toBe('dpkg.pre-dependency')
    const summarizer = createSummarizer()
    let firstKnown: AptLogEvent | undefined
    for (const event of events) {
      summarizer.add(event)
      if (firstKnown === undefined && summarizer.snapshot().rootCause?.kind === 'dpkg.pre-dependency') firstKnown = event
    }
    expect(firstKnown?.type).toBe('problem')
    expect(firstKnown?.line).toBeLessThan(final.lines)
  })

  test('an apt run still open is in the snapshot, with what it planned so far', () => {
    const events = parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log'))
    const at = events.findIndex((e) => e.type === 'dpkg.progress')
    expect(at).toBeGreaterThan(0)
    const summarizer = createSummarizer()
    for (const event of events.slice(0, at)) summarizer.add(event)
    const early = summarizer.snapshot()
    expect(early.outcome).toBe('unknown')
    expect(early.transactions.at(-1)?.planned.new).toContain('libc6')
    expect(early.transactions.at(-1)?.unpacked).toEqual([])
    expect(summarize(events).transactions.at(-1)?.unpacked.length).toBeGreaterThan(30)
  })

  test('the cap on transactions holds for open ones too', () => {
    const events = parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log'))
    const at = events.findIndex((e) => e.type === 'dpkg.progress')
    const summarizer = createSummarizer({ limits: { transactions: 0 } })
    for (const event of events.slice(0, at)) summarizer.add(event)
    const early = summarizer.snapshot()
    expect(early.transactions).toEqual([])
    expect(early.omitted?.transactions).toBeGreaterThan(0)
  })

  test('add() after finish() is a clear error', () => {
    const summarizer = createSummarizer()
    summarizer.finish()
    expect(() => summarizer.add({ type: 'log.end', line: 0, rule: 'log.end', lines: 0, recognized: 0, ignored: 0, unrecognized: 0, unrecognizedAptLike: 0, truncated: 0 })).toThrow(
      /add\(\) called after finish\(\)/,
    )
  })
})
