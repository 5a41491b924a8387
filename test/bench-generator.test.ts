import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { loadFixtures } from '../benchmarks/fixtures.ts'
import { generateAptRun, generateMixedLogText, type Expected } from '../benchmarks/generate.ts'
import { parse, type AptLogEvent } from '../src/index.ts'
import { fixtureBytes } from './support/fixtures.ts'

// The benchmark generator (benchmarks/generate.ts) builds large logs from fixtures/; its numbers
// are only worth something if the logs are what it says they are.
const pool = loadFixtures()
const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

type Builder = keyof Expected['byBuilder']

/** Docker events per renderer. */
function dockerCounts(events: readonly AptLogEvent[]): Record<string, { builds: number; steps: number }> {
  const out: Record<string, { builds: number; steps: number }> = {}
  for (const e of events) {
    if (e.type !== 'docker.build.start' && e.type !== 'docker.step.start') continue
    const c = (out[e.builder] ??= { builds: 0, steps: 0 })
    if (e.type === 'docker.build.start') c.builds++
    else c.steps++
  }
  return out
}

/** A real capture of each renderer: while the docker grammar does not recognise it yet, its counts are not checked. */
const PROBES: Record<Builder, string> = {
  legacy: 'docker/D05-cli20-legacy-seed-bookworm-no-cache.log',
  buildkit: 'docker/D06-cli20-buildkit-plain-seed-bookworm.log',
  rawjson: 'docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log',
}
const recognised = (builder: Builder): boolean => (dockerCounts(parse(fixtureBytes(PROBES[builder])))[builder]?.builds ?? 0) > 0

describe('benchmark generator', () => {
  const small = generateMixedLogText(pool, { seed: 1, bytes: 2 << 20 })

  test('same seed, same bytes; another seed, other bytes', () => {
    expect(sha(generateMixedLogText(pool, { seed: 1, bytes: 2 << 20 }).text)).toBe(sha(small.text))
    expect(sha(generateMixedLogText(pool, { seed: 2, bytes: 2 << 20 }).text)).not.toBe(sha(small.text))
    expect(generateAptRun({ seed: 3, packages: 500, variant: 'after' }).text).toBe(generateAptRun({ seed: 3, packages: 500, variant: 'after' }).text)
  })

  test('it says how big the log is and how many lines it has', () => {
    const { text, expected } = small
    expect(expected.bytes).toBe(Buffer.byteLength(text))
    expect(expected.bytes).toBeGreaterThanOrEqual(2 << 20)
    expect(text.endsWith('\n')).toBe(true)
    expect(expected.lines).toBe(text.split('\n').length - 1)
    // Every kind of segment and wrapper shows up in a log this size.
    expect(Object.keys(expected.segments).sort()).toEqual(['apt', 'buildkit', 'legacy', 'noise', 'whole'])
    expect(Object.keys(expected.wrappers).sort()).toEqual(['github', 'gitlab', 'jenkins', 'none', 'plain'])
    expect(expected.builds).toBe(expected.byBuilder.legacy.builds + expected.byBuilder.buildkit.builds + expected.byBuilder.rawjson.builds)
  })

  const logs = [1, 2, 3].map((seed) => ({ seed, ...generateMixedLogText(pool, { seed, bytes: 512 * 1024 }) }))

  test.for(logs)('seed $seed parses with no truncated line and every line counted', ({ text, expected }) => {
    const events = parse(text)
    expect(events.filter((e) => e.type === 'line.truncated')).toEqual([])
    const end = events[events.length - 1]
    expect(end?.type).toBe('log.end')
    if (end?.type !== 'log.end') return
    expect(end.truncated).toBe(0)
    expect(end.lines).toBe(expected.lines)
    expect(expected.longestLine).toBeLessThan(1 << 20)
  })

  test.for(['legacy', 'buildkit', 'rawjson'] as const)('%s: the parser finds the docker builds and steps the generator wrote', (builder, ctx) => {
    if (!recognised(builder)) ctx.skip(`the docker grammar does not recognise ${PROBES[builder]} yet`)
    for (const { seed, text, expected } of logs) {
      const found = dockerCounts(parse(text))[builder] ?? { builds: 0, steps: 0 }
      expect(found, `seed ${seed}`).toEqual(expected.byBuilder[builder])
    }
  })
})
