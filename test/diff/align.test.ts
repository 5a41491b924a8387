import { describe, expect, test } from 'vitest'
import { align, stepKey } from '../../src/diff/align.ts'
import type { Step } from '../../src/run/types.ts'

const step = (id: string, instruction: string | null, name?: string): Step => ({ id, instruction, status: 'done', line: 1, ...(name === undefined ? {} : { name }) })

describe('stepKey', () => {
  test('the legacy builder keeps continuation spaces; the key collapses them (seed excerpts)', () => {
    const local = step('5', 'RUN apt-get update     && apt-get install -y --no-install-recommends openssh-client       && apt-get clean       && rm -rf /var/lib/apt/lists/*')
    const runner = step('5', 'RUN apt-get update && apt-get install -y --no-install-recommends openssh-client && apt-get clean && rm -rf /var/lib/apt/lists/*')
    expect(stepKey(local)).toBe(stepKey(runner))
  })
  test('the keyword is upper-cased (legacy keeps the Dockerfile case, BuildKit upper-cases)', () => {
    expect(stepKey(step('2', 'run apt-get update'))).toBe('RUN apt-get update')
  })
  test('arguments keep their case', () => {
    expect(stepKey(step('2', 'COPY --from=ssh /usr/bin/ssh /usr/bin/ssh'))).toBe('COPY --from=ssh /usr/bin/ssh /usr/bin/ssh')
  })
  test('internal vertices are keyed by name', () => {
    expect(stepKey(step('#1', null, '[internal] load build definition from Dockerfile'))).toBe('[internal] load build definition from Dockerfile')
  })
})

describe('align', () => {
  const key = (s: string): string => s
  test('identical sequences pair up', () => {
    expect(align(['FROM', 'RUN a', 'COPY'], ['FROM', 'RUN a', 'COPY'], key).map((p) => [p.a, p.b])).toEqual([
      ['FROM', 'FROM'],
      ['RUN a', 'RUN a'],
      ['COPY', 'COPY'],
    ])
  })
  test('a step inserted in B shifts numbers but not the alignment', () => {
    expect(align(['FROM', 'RUN a', 'COPY'], ['FROM', 'RUN x', 'RUN a', 'COPY'], key).map((p) => [p.a, p.b])).toEqual([
      ['FROM', 'FROM'],
      [null, 'RUN x'],
      ['RUN a', 'RUN a'],
      ['COPY', 'COPY'],
    ])
  })
  test('a changed step appears as removed then added', () => {
    expect(align(['FROM', 'RUN a'], ['FROM', 'RUN b'], key).map((p) => [p.a, p.b])).toEqual([
      ['FROM', 'FROM'],
      ['RUN a', null],
      [null, 'RUN b'],
    ])
  })
  test('repeated instructions pair in order', () => {
    expect(align(['RUN u', 'RUN u'], ['RUN u', 'RUN i', 'RUN u'], key).map((p) => [p.a, p.b])).toEqual([
      ['RUN u', 'RUN u'],
      [null, 'RUN i'],
      ['RUN u', 'RUN u'],
    ])
  })
  test('one side empty', () => {
    expect(align([], ['a'], key)).toEqual([{ a: null, b: 'a' }])
    expect(align(['a'], [], key)).toEqual([{ a: 'a', b: null }])
  })
})

describe('align, order-independent', () => {
  const key = (s: string): string => s
  test('BuildKit completion order: a cached run prints COPY before RUN', () => {
    expect(align(['FROM', 'RUN', 'COPY', 'WORKDIR'], ['FROM', 'COPY', 'RUN', 'WORKDIR'], key).map((p) => [p.a, p.b])).toEqual([
      ['FROM', 'FROM'],
      ['COPY', 'COPY'],
      ['RUN', 'RUN'],
      ['WORKDIR', 'WORKDIR'],
    ])
  })
  test('10⁴ steps align in linear time', () => {
    const as = Array.from({ length: 10_000 }, (_, i) => `RUN ${i}`)
    const bs = [...as].reverse()
    expect(align(as, bs, key).every((p) => p.a === p.b)).toBe(true)
  })
})
