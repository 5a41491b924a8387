/**
 * D11: two stages run apt-get at the same time; the printer splits vertex #7's output into two
 * chunks with #6 in between (FORMATS.md §7.3 "Concurrency"). Each vertex's output must reach its
 * own stream context, whole and in order, and give the same apt/dpkg events as the same lines
 * parsed as a plain log.
 */
import { describe, expect, test } from 'vitest'
import { parse, type AptLogEvent } from '../../src/index.ts'
import { fixtureBytes, fixtureText } from '../support/fixtures.ts'
import { ofType, route, withoutPosition } from './support.ts'

const D11 = 'docker/D11-cli20-buildkit-plain-multistage-concurrent-apt.log'

/** The payloads of vertex `n`'s `#n <t> text` lines, taken out of the capture by a regex of their own. */
function payloadsOf(text: string, n: number): string[] {
  const out: string[] = []
  const prefix = new RegExp(`^#${n} \\d+\\.\\d+ ?`)
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r+$/, '')
    const m = prefix.exec(line)
    if (m !== null) out.push(line.slice(m[0].length))
  }
  return out
}

function isAptOrDpkg(e: AptLogEvent): boolean {
  return e.type.startsWith('apt.') || e.type.startsWith('dpkg.') || (e.type === 'problem' && !e.kind.startsWith('docker.'))
}

describe('D11 interleaving oracle', () => {
  const text = fixtureText(D11)
  const { routed } = route(text)
  const events = parse(fixtureBytes(D11))

  for (const n of [5, 7]) {
    describe(`vertex #${n}`, () => {
      const payloads = payloadsOf(text, n)

      test('the capture really holds its output (the oracle is not vacuous)', () => {
        expect(payloads.length).toBe(n === 5 ? 79 : 129)
      })

      test('its stream context receives exactly its payloads, in order, and nothing else', () => {
        const mine = routed.filter((r) => r.ctx.step === `#${n}`)
        expect(mine.map((r) => r.text)).toEqual(payloads)
        // One context for the whole vertex, across the `#7 ...` pause and the repeated header.
        expect(new Set(mine.map((r) => r.context)).size).toBe(1)
        expect(mine.every((r) => r.ctx.stage === (n === 5 ? 'ssh' : 'web'))).toBe(true)
      })

      test('its apt/dpkg events are those of its lines parsed as a plain log', () => {
        const alone = parse(payloads.join('\n') + '\n').filter(isAptOrDpkg).map(withoutPosition)
        const inBuild = events.filter((e) => e.step === `#${n}` && isAptOrDpkg(e)).map(withoutPosition)
        expect(inBuild).toEqual(alone)
      })

      test('the step end counts the routed lines', () => {
        const end = ofType(events, 'docker.step.end').find((e) => e.step === `#${n}`)
        expect(end?.outputLines).toBe(payloads.length)
      })
    })
  }

  test('the two vertices never share a context, and no output line is left outside', () => {
    const contexts5 = new Set(routed.filter((r) => r.ctx.step === '#5').map((r) => r.context))
    const contexts7 = new Set(routed.filter((r) => r.ctx.step === '#7').map((r) => r.context))
    expect([...contexts5].some((c) => contexts7.has(c))).toBe(false)
    expect(routed.filter((r) => r.ctx.step === undefined)).toEqual([])
  })

  test('vertex #7 is split in the capture: its header comes twice and it starts once', () => {
    expect(text.split('\n').filter((l) => l.startsWith('#7 [web 2/2] RUN')).length).toBe(2)
    expect(text).toContain('#7 ...\n')
    expect(ofType(events, 'docker.step.start').filter((e) => e.step === '#7').length).toBe(1)
  })
})

describe('a line-by-line interleaving (a printer switching vertices at every line)', () => {
  test('each vertex keeps its own lines', () => {
    const log = [
      '#1 [a 2/2] RUN apt-get install -y x',
      '#1 0.100 Reading package lists...',
      '#1 ...',
      '',
      '#2 [b 2/2] RUN apt-get install -y y',
      '#2 0.100 Reading package lists...',
      '#2 ...',
      '',
      '#1 [a 2/2] RUN apt-get install -y x',
      '#1 0.200 Building dependency tree...',
      '#1 ...',
      '',
      '#2 [b 2/2] RUN apt-get install -y y',
      '#2 0.200 E: Unable to locate package y',
      '#2 ERROR: process "/bin/sh -c apt-get install -y y" did not complete successfully: exit code: 100',
      '',
      '#1 [a 2/2] RUN apt-get install -y x',
      '#1 0.300 Setting up x (1.0) ...',
      '#1 CANCELED',
    ].join('\n')
    const { routed, events } = route(log)
    expect(routed.filter((r) => r.ctx.step === '#1').map((r) => r.text)).toEqual(['Reading package lists...', 'Building dependency tree...', 'Setting up x (1.0) ...'])
    expect(routed.filter((r) => r.ctx.step === '#2').map((r) => r.text)).toEqual(['Reading package lists...', 'E: Unable to locate package y'])
    expect(ofType(events, 'docker.step.start').map((e) => e.step)).toEqual(['#1', '#2'])
    expect(ofType(events, 'docker.step.end').map((e) => [e.step, e.status])).toEqual([
      ['#2', 'error'],
      ['#1', 'canceled'],
    ])
  })
})
