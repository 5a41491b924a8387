/**
 * rawjson (FORMATS.md §7.4): D23 is the same Dockerfile as D21 (plain), built with
 * `--progress=rawjson`. Step events and apt/dpkg events must match, timing and line numbers aside.
 */
import { describe, expect, test } from 'vitest'
import { parse, type AptLogEvent } from '../../src/index.ts'
import { fixtureBytes, fixtureText } from '../support/fixtures.ts'
import { ofType, problemKinds, route, stepTable, withoutPosition } from './support.ts'

const D21 = 'docker/D21-cli28-buildx029-plain-seed-bookworm.log'
const D23 = 'docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log'
const HANDMADE = 'docker/handmade-rawjson-failing.log'

function b64(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

const DIGEST = `sha256:${'a'.repeat(64)}`
const vertex = (extra: Record<string, unknown>): string => JSON.stringify({ vertexes: [{ digest: DIGEST, name: '[1/1] RUN apt-get install -y x', ...extra }] })
const log = (data: string | Uint8Array): string => JSON.stringify({ logs: [{ vertex: DIGEST, stream: 1, data: b64(data), timestamp: '2026-11-27T23:32:40Z' }] })

describe('D21 plain and D23 rawjson of the same Dockerfile', () => {
  const plain = parse(fixtureBytes(D21))
  const raw = parse(fixtureBytes(D23))

  test('same steps: ids, names, stages, statuses, output lines (timing aside)', () => {
    const strip = (rows: ReturnType<typeof stepTable>): unknown[] => rows.map(({ durationMs: _d, ...rest }) => rest)
    expect(strip(stepTable(raw))).toEqual(strip(stepTable(plain)))
    expect(stepTable(raw).length).toBe(9)
  })

  test('same step start events, builder and position aside', () => {
    const starts = (events: AptLogEvent[]): unknown[] => ofType(events, 'docker.step.start').map(({ line: _l, rule: _r, builder: _b, ...rest }) => rest)
    expect(starts(raw)).toEqual(starts(plain))
  })

  test('same apt/dpkg events, timing fields and line numbers aside', () => {
    const aptDpkg = (events: AptLogEvent[]): unknown[] =>
      events
        .filter((e) => e.type.startsWith('apt.') || e.type.startsWith('dpkg.'))
        .map(withoutPosition)
        .map(({ seconds: _s, bytesPerSecond: _b, ...rest }) => rest)
    expect(aptDpkg(raw).length).toBeGreaterThan(0)
    expect(aptDpkg(raw)).toEqual(aptDpkg(plain))
    expect(problemKinds(raw)).toEqual(problemKinds(plain))
  })

  test('the RUN vertex receives the same lines, although 18 of its 85 chunks end mid-line', () => {
    const text = fixtureText(D23)
    let chunks = 0
    let midLine = 0
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue
      for (const l of (JSON.parse(line) as { logs?: { data: string }[] }).logs ?? []) {
        chunks++
        if (!atob(l.data).endsWith('\n')) midLine++
      }
    }
    expect([chunks, midLine]).toEqual([85, 18])
    // The two runs differ only in apt's transfer rates.
    const untimed = (line: string): string => line.replace(/\(\d+(?:\.\d+)? [kMG]?B\/s\)$/, '(rate)')
    const fromRaw = route(text).routed.filter((r) => r.ctx.step === '#6').map((r) => untimed(r.text))
    const fromPlain = route(fixtureText(D21)).routed.filter((r) => r.ctx.step === '#6').map((r) => untimed(r.text))
    expect(fromRaw.length).toBe(79)
    expect(fromRaw).toEqual(fromPlain)
  })

  test('decoded lines carry the number of the JSON line whose chunk completed them', () => {
    const routed = route(fixtureText(D23)).routed.filter((r) => r.ctx.step === '#6')
    expect(routed[0]?.ctx.line).toBe(19)
    expect(routed.at(-1)?.ctx.line).toBe(101)
  })
})

describe('rawjson streams', () => {
  test('a UTF-8 character split across two chunks survives (per-vertex streaming decoder)', () => {
    const bytes = new TextEncoder().encode('E: Unable to locate package café\n')
    const cut = bytes.indexOf(0xa9) // inside the two bytes of "é"
    const { routed } = route([vertex({ started: '2026-11-27T23:32:40Z' }), log(bytes.subarray(0, cut)), log(bytes.subarray(cut)), vertex({ started: '2026-11-27T23:32:40Z', completed: '2026-11-27T23:32:41Z' })].join('\n'))
    expect(routed.map((r) => r.text)).toEqual(['E: Unable to locate package café'])
  })

  test('the hand-made failing stream: mid-line and mid-character cuts, stderr chunk, out-of-order starts', () => {
    const { routed, events } = route(fixtureText(HANDMADE))
    expect(routed.filter((r) => r.ctx.step === '#3').map((r) => r.text)).toEqual([
      'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
      'Fetched 151 kB in 0s (1510 kB/s)',
      'Reading package lists...',
      'E: Unable to locate package café-tools',
    ])
    expect(routed.filter((r) => r.ctx.step === '#4').map((r) => r.text)).toEqual(['Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]'])
    expect(ofType(events, 'docker.step.info').filter((e) => e.info === 'warning').map((e) => [e.step, e.value])).toEqual([['#3', 'Empty continuation line found in: RUN apt-get update']])
    // The failed vertex's error text is kept; the canceled one is not a failure.
    const ends = ofType(events, 'docker.step.end')
    expect(ends.find((e) => e.step === '#3')?.error).toBe('process "/bin/sh -c apt-get update && apt-get install -y café-tools" did not complete successfully: exit code: 100')
    expect(problemKinds(events, 'docker.')).toEqual(['docker.step-failed', 'docker.build-failed'])
  })

  test('a completion is held until an update no longer mentions the vertex: a later `cached` wins, a restart cancels it', () => {
    const lines = [
      vertex({ started: '2026-11-27T23:32:40.000Z', completed: '2026-11-27T23:32:40.100Z' }),
      vertex({ started: '2026-11-27T23:32:40.200Z', completed: '2026-11-27T23:32:40.300Z', cached: true }),
      JSON.stringify({ vertexes: [{ digest: `sha256:${'b'.repeat(64)}`, name: '[internal] load build context', started: '2026-11-27T23:32:41Z' }] }),
    ]
    const { events } = route(lines.join('\n'))
    const ends = ofType(events, 'docker.step.end')
    expect(ends.map((e) => [e.step, e.status, e.line])).toEqual([
      ['#1', 'cached', 2],
      ['#2', 'unknown', 3],
    ])
  })

  test('the duration is the union of the run intervals', () => {
    const lines = [
      vertex({ started: '2026-11-27T23:32:40.000Z', completed: '2026-11-27T23:32:41.000Z' }),
      vertex({ started: '2026-11-27T23:32:40.500Z' }),
      vertex({ started: '2026-11-27T23:32:40.500Z', completed: '2026-11-27T23:32:41.500Z' }),
      vertex({ started: '2026-11-27T23:32:43.000Z', completed: '2026-11-27T23:32:43.250Z' }),
    ]
    const { events } = route(lines.join('\n'))
    expect(ofType(events, 'docker.step.end').map((e) => e.durationMs)).toEqual([1750])
  })

  test('a malformed or cut object is an unrecognised line, never a throw, and the build goes on', () => {
    const lines = [vertex({ started: '2026-11-27T23:32:40Z' }), '{"logs":[{"vertex":"sha256:aaa', log('Reading package lists...\n'), vertex({ started: '2026-11-27T23:32:40Z', completed: '2026-11-27T23:32:41Z' })]
    const { verdicts, routed, events } = route(lines.join('\n'))
    expect(verdicts[1]).toBe(0)
    expect(routed.filter((r) => r.ctx.step === '#1').map((r) => r.text)).toEqual(['Reading package lists...'])
    expect(ofType(events, 'docker.build.end').map((e) => e.outcome)).toEqual(['success'])
  })

  test('a log cut inside a JSON object ends cleanly: held output is delivered, the vertex ends unknown', () => {
    const lines = fixtureText(D23).split('\n')
    // Lines 1–59 whole (the RUN vertex's output half done), then half of line 60, a log chunk.
    const cut = `${lines.slice(0, 59).join('\n')}\n${(lines[59] as string).slice(0, 60)}`
    expect(lines[59]).toContain('"logs"')
    const events = parse(cut)
    expect(events.at(-1)?.type).toBe('log.end')
    const run = ofType(events, 'docker.step.end').find((e) => e.step === '#6')
    expect(run?.status).toBe('unknown')
    expect(run?.outputLines).toBeGreaterThan(30)
    expect(ofType(events, 'docker.build.end').map((e) => e.outcome)).toEqual(['unknown'])
  })

  test('text without a final newline at the end of the stream is still a line', () => {
    const { routed } = route([vertex({ started: '2026-11-27T23:32:40Z' }), log('Reading package lists...\nBuilding dependency tree...')].join('\n'))
    expect(routed.map((r) => r.text)).toEqual(['Reading package lists...', 'Building dependency tree...'])
  })

  test('invalid base64 is skipped', () => {
    const { routed } = route([vertex({ started: '2026-11-27T23:32:40Z' }), JSON.stringify({ logs: [{ vertex: DIGEST, data: '!!!not base64' }] }), log('ok\n')].join('\n'))
    expect(routed.map((r) => r.text)).toEqual(['ok'])
  })

  test('`__proto__` and other odd digests or names are data', () => {
    const odd = JSON.stringify({ vertexes: [{ digest: '__proto__', name: '[__proto__ 1/1] RUN x', started: '2026-11-27T23:32:40Z' }], logs: [{ vertex: '__proto__', data: b64('hi\n') }] })
    const { routed, events } = route(odd)
    expect(routed.map((r) => [r.text, r.ctx.stage])).toEqual([['hi', '__proto__']])
    expect(ofType(events, 'docker.step.start').map((e) => e.stage)).toEqual(['__proto__'])
  })
})
