import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createFleetAggregate, type FleetAggregateJSON } from '../../src/fleet/aggregate.ts'
import type { FleetFact, FleetInputFailure, FleetRun } from '../../src/fleet/run.ts'
import { failureSuspects } from '../../src/fleet/separation.ts'

/** A run record as the CLI writes it; only the fields a case cares about are given. */
function run(path: string, outcome: FleetRun['outcome'], more: Partial<FleetRun> = {}): FleetRun {
  return { path, outcome, rootCause: null, culprit: null, steps: { total: 0, failed: 0 }, aptGeneration: null, environment: [], mirrors: [], suites: [], lines: 10, ...more }
}
const kernel = (value: string): FleetFact => ({ fact: 'kernel', scope: 'host', value })
const cause = (kind: string, line: number, evidence: string): FleetRun['rootCause'] => ({ kind, cause: null, message: evidence, line, evidence })

function aggregateOf(runs: readonly FleetRun[], failures: readonly FleetInputFailure[] = [], limits?: Parameters<typeof createFleetAggregate>[0]): FleetAggregateJSON {
  const a = createFleetAggregate(limits)
  for (const r of runs) a.add(r)
  for (const f of failures) a.addInputFailure(f)
  return a.toJSON()
}

// Small alphabets so that values, paths and examples collide often and the limits are reached.
const arbValue = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '__proto__', 'constructor', '')
const arbRun: fc.Arbitrary<FleetRun> = fc
  .record({
    path: fc.constantFrom('x.log', 'y.log', 'z/1.log', 'z/2.log.gz', 'w.log'),
    outcome: fc.constantFrom('success' as const, 'failure' as const, 'unknown' as const),
    kind: fc.option(fc.constantFrom('apt.package-not-found', 'dpkg.pre-dependency', 'docker.build-failed', 'k1', 'k2', 'k3'), { nil: undefined }),
    line: fc.nat(50),
    evidence: arbValue,
    culprit: fc.option(arbValue, { nil: null }),
    kernel: fc.option(arbValue, { nil: undefined }),
    base: fc.option(arbValue, { nil: undefined }),
    mirrors: fc.array(arbValue, { maxLength: 3 }),
    suites: fc.array(arbValue, { maxLength: 3 }),
    generation: fc.constantFrom(null, '1.0' as const, '3.x' as const),
    steps: fc.nat(5),
    lines: fc.nat(1000),
  })
  .map((r) =>
    run(r.path, r.outcome, {
      rootCause: r.kind === undefined ? null : cause(r.kind, r.line, r.evidence),
      culprit: r.culprit,
      environment: [...(r.kernel === undefined ? [] : [kernel(r.kernel)]), ...(r.base === undefined ? [] : [{ fact: 'base-image', scope: 'image' as const, value: r.base }])],
      mirrors: r.mirrors,
      suites: r.suites,
      aptGeneration: r.generation,
      steps: { total: r.steps, failed: r.steps > 3 ? 1 : 0 },
      lines: r.lines,
    }),
  )
const arbFailure: fc.Arbitrary<FleetInputFailure> = fc.record({
  path: fc.constantFrom('gone.log', 'bad.gz', 'x.log'),
  reason: fc.constantFrom('unreadable' as const, 'crashed' as const, 'out-of-memory' as const),
  message: arbValue,
})

describe('merge: any sharding, grouping and order gives the aggregate of the union', () => {
  for (const [name, limits] of [
    ['default limits', undefined],
    ['limits small enough to drop values, kinds, examples and inputs', { limits: { values: 3, dimensions: 4, causes: 2, examples: 2, inputs: 2 } }],
  ] as const) {
    test(name, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(arbRun, fc.nat(4)), { maxLength: 60 }),
          fc.array(fc.tuple(arbFailure, fc.nat(4)), { maxLength: 8 }),
          fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
          (runs, failures, choices) => {
            const whole = aggregateOf(
              runs.map(([r]) => r),
              failures.map(([f]) => f),
              limits,
            )
            // Five shards, each filled in its own order, then merged pairwise in a random tree.
            const shards = Array.from({ length: 5 }, () => createFleetAggregate(limits))
            runs.forEach(([r, s]) => shards[s]?.add(r))
            failures.forEach(([f, s]) => shards[s]?.addInputFailure(f))
            const pool = [...shards]
            let c = 0
            while (pool.length > 1) {
              const i = (choices[c++ % choices.length] as number) % pool.length
              const [a] = pool.splice(i, 1)
              const j = (choices[c++ % choices.length] as number) % pool.length
              const b = pool[j]
              if (a === undefined || b === undefined) throw new Error('unreachable')
              // Half the time through the JSON document, as `aptlog fleet merge` does.
              if ((choices[c++ % choices.length] as number) % 2 === 0) b.merge(a)
              else b.merge(JSON.parse(JSON.stringify(a.toJSON())) as FleetAggregateJSON)
            }
            expect(pool[0]?.toJSON()).toEqual(whole)
          },
        ),
        { numRuns: 300 },
      )
    })
  }

  test('merging is not the same as adding twice: a shard merged twice counts twice (the test above can fail)', () => {
    const a = createFleetAggregate()
    a.add(run('x.log', 'failure'))
    const b = createFleetAggregate()
    b.merge(a)
    b.merge(a)
    expect(b.toJSON().runs).toBe(2)
    expect(b.toJSON()).not.toEqual(a.toJSON())
  })
})

describe('what an aggregate keeps', () => {
  test('outcomes, steps, lines and input failures add up', () => {
    const doc = aggregateOf(
      [run('a.log', 'failure', { steps: { total: 4, failed: 1 } }), run('b.log', 'success', { steps: { total: 3, failed: 0 } }), run('c.log', 'unknown')],
      [{ path: 'gone.log', reason: 'unreadable', message: 'no such file' }, { path: 'big.log', reason: 'out-of-memory', message: 'worker ran out of memory' }],
    )
    expect(doc.outcomes).toEqual({ success: 1, failure: 1, unknown: 1 })
    expect(doc.steps).toEqual({ total: 7, failed: 1 })
    expect(doc.lines).toBe(30)
    expect(doc.inputs).toMatchObject({ unreadable: 1, crashed: 0, outOfMemory: 1 })
    expect(doc.inputs.examples.map((e) => e.path)).toEqual(['big.log', 'gone.log'])
  })

  test('root-cause examples: the smallest paths, whatever order runs came in', () => {
    const runs = ['d.log', 'b.log', 'a.log', 'c.log'].map((p, i) => run(p, 'failure', { rootCause: cause('apt.package-not-found', i + 1, `E: Unable to locate package x${i}`) }))
    const forward = aggregateOf(runs)
    expect(forward.rootCauses.entries[0]?.examples.map((e) => e.path)).toEqual(['a.log', 'b.log', 'c.log'])
    expect(forward.rootCauses.entries[0]?.count).toBe(4)
    expect(aggregateOf([...runs].reverse())).toEqual(forward)
  })

  test('a value past the limit is counted in `all`, not dropped from the totals', () => {
    const doc = aggregateOf(
      ['v1', 'v2', 'v3', 'v4'].map((v) => run(`${v}.log`, 'failure', { environment: [kernel(v)] })),
      [],
      { limits: { values: 2 } },
    )
    const dim = doc.dimensions.find((d) => d.name === 'host:kernel')
    expect(dim?.values.map((v) => v.value)).toEqual(['v1', 'v2'])
    expect(dim?.all.failure).toBe(4)
  })

  test('log-derived names that are Object.prototype keys are plain values', () => {
    const doc = aggregateOf([run('a.log', 'failure', { culprit: '__proto__', mirrors: ['constructor'] })])
    expect(doc.dimensions.map((d) => [d.name, d.values.map((v) => v.value)])).toEqual([
      ['culprit', ['__proto__']],
      ['mirror', ['constructor']],
    ])
  })

  test('a run repeating a mirror counts it once', () => {
    const doc = aggregateOf([run('a.log', 'success', { mirrors: ['http://deb.debian.org/debian', 'http://deb.debian.org/debian'] })])
    expect(doc.dimensions[0]?.values[0]).toEqual({ value: 'http://deb.debian.org/debian', success: 1, failure: 0, unknown: 0 })
  })

  test('limits must be positive integers (API misuse is a clear error)', () => {
    expect(() => createFleetAggregate({ limits: { values: 0 } })).toThrow(/limits\.values must be a positive integer/)
  })
})

describe('failure suspects: values that separate failing from passing runs', () => {
  const incident = [
    ...Array.from({ length: 12 }, (_, i) => run(`runner/${i}.log`, 'failure', { environment: [kernel('4.4.0-98-generic')], mirrors: ['http://deb.debian.org/debian'] })),
    ...Array.from({ length: 30 }, (_, i) => run(`local/${i}.log`, 'success', { environment: [kernel('4.4.0-103-generic')], mirrors: ['http://deb.debian.org/debian'] })),
  ]
  test('the incident: every failing run on one kernel, every passing run on another', () => {
    const [first, ...rest] = failureSuspects(aggregateOf(incident))
    expect(first).toEqual({
      dimension: 'host:kernel',
      value: '4.4.0-98-generic',
      failed: 12,
      passed: 0,
      score: 1,
      others: [{ value: '4.4.0-103-generic', failed: 0, passed: 30 }],
    })
    // The mirror every run used separates nothing.
    expect(rest).toEqual([])
  })
  test.each([
    ['a value as common among passes as among failures', [run('a', 'failure', { environment: [kernel('k')] }), run('b', 'success', { environment: [kernel('k')] })]],
    ['no passing run: nothing to compare with', [run('a', 'failure', { environment: [kernel('k1')] }), run('b', 'failure', { environment: [kernel('k2')] })]],
    ['only unknown outcomes besides failures', [run('a', 'failure', { environment: [kernel('k1')] }), run('b', 'unknown', { environment: [kernel('k2')] })]],
    ['a culprit (only failed runs have one)', [run('a', 'failure', { culprit: 'libc6' }), run('b', 'success')]],
  ])('no suspect: %s', (_, runs) => {
    expect(failureSuspects(aggregateOf(runs))).toEqual([])
  })
  test('a partial separation ranks below a clean one', () => {
    const runs = [
      run('1', 'failure', { environment: [kernel('k98')], aptGeneration: '3.x' }),
      run('2', 'failure', { environment: [kernel('k98')], aptGeneration: '1.1-2.x' }),
      run('3', 'success', { environment: [kernel('k103')], aptGeneration: '3.x' }),
      run('4', 'success', { environment: [kernel('k103')], aptGeneration: '1.1-2.x' }),
      run('5', 'success', { environment: [kernel('k103')], aptGeneration: '1.1-2.x' }),
    ]
    expect(failureSuspects(aggregateOf(runs)).map((s) => [s.dimension, s.value, s.score.toFixed(2)])).toEqual([
      ['host:kernel', 'k98', '1.00'],
      ['apt-generation', '3.x', '0.17'],
    ])
  })
})
