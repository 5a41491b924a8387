import { describe, expect, test } from 'vitest'
import { createFleetAggregate, type FleetAggregateJSON } from '../../src/fleet/aggregate.ts'
import { FleetDocumentError, readFleetAggregate } from '../../src/fleet/read.ts'

function sample(): FleetAggregateJSON {
  const a = createFleetAggregate()
  a.add({
    path: 'build.log',
    outcome: 'failure',
    rootCause: { kind: 'dpkg.pre-dependency', cause: null, message: 'pre-dependency problem', line: 18, evidence: 'dpkg: error processing archive' },
    culprit: 'libgcc1',
    steps: { total: 3, failed: 1 },
    aptGeneration: '1.1-2.x',
    environment: [{ fact: 'kernel', scope: 'host', value: '4.4.0-98-generic' }],
    mirrors: ['http://deb.debian.org/debian'],
    suites: ['jessie'],
    lines: 19,
  })
  a.addInputFailure({ path: 'gone.log', reason: 'unreadable', message: 'no such file' })
  return a.toJSON()
}

/** The sample with one field changed by `edit`. */
function edited(edit: (doc: Record<string, any>) => void): unknown {
  const doc = JSON.parse(JSON.stringify(sample())) as Record<string, any>
  edit(doc)
  return doc
}

describe('reading a fleet document back', () => {
  test('a document reads back to the same aggregate, from an object or its text', () => {
    expect(readFleetAggregate(sample()).toJSON()).toEqual(sample())
    expect(readFleetAggregate(JSON.stringify(sample())).toJSON()).toEqual(sample())
  })

  test.each([
    ['not JSON', '{"schema":', '', /not JSON/],
    ['an array', [], '', /expected an object/],
    ['another schema (a run summary)', edited((d) => (d['schema'] = 'aptlog.run/1')), 'schema', /expected "aptlog\.fleet\/1"/],
    ['a negative count', edited((d) => (d['outcomes']['failure'] = -1)), 'outcomes.failure', /non-negative integer/],
    ['a count as a string', edited((d) => (d['runs'] = '3')), 'runs', /non-negative integer/],
    ['a fractional count', edited((d) => (d['dimensions'][0]['values'][0]['failure'] = 0.5)), 'dimensions[0].values[0].failure', /non-negative integer/],
    ['limits above the largest', edited((d) => (d['limits']['values'] = 1e9)), 'limits.values', /expected 1 to 1000/],
    ['more examples than its limits', edited((d) => (d['limits']['examples'] = 1) && d['rootCauses']['entries'][0]['examples'].push({ path: 'b', line: 1, evidence: '' })), 'rootCauses.entries[0].examples', /more than 1 entries/],
    ['a value twice', edited((d) => d['dimensions'][0]['values'].push(d['dimensions'][0]['values'][0])), 'dimensions[0].values[1]', /repeats an earlier entry/],
    ['an unknown input reason', edited((d) => (d['inputs']['examples'][0]['reason'] = 'gone')), 'inputs.examples[0].reason', /expected "unreadable"/],
    ['a path longer than a run record keeps', edited((d) => (d['inputs']['examples'][0]['path'] = 'x'.repeat(600))), 'inputs.examples[0].path', /longer than 512/],
    ['a deeply nested value where a count belongs', edited((d) => (d['lines'] = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`))), 'lines', /non-negative integer/],
  ])('refused: %s', (_, value, path, message) => {
    let error: unknown
    try {
      readFleetAggregate(value)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FleetDocumentError)
    expect((error as FleetDocumentError).path).toBe(path)
    expect((error as Error).message).toMatch(message)
  })

  test('a document past the size limit is refused before parsing', () => {
    expect(() => readFleetAggregate(' '.repeat(64 * 1024 * 1024 + 1))).toThrow(/larger than/)
  })
})
