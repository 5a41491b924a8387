/**
 * Never throw on input: random sequences of docker-shaped lines (fragments of every format, cut and
 * recombined) parse without an internal error, keep the line counts consistent, and close every
 * step they open.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createParser, type AptLogEvent } from '../../src/index.ts'
import type { AptLogError } from '../../src/parser/errors.ts'
import { fixtureText } from '../support/fixtures.ts'
import { ofType } from './support.ts'

const FRAGMENTS: readonly string[] = [
  '#0 building with "default" instance using docker driver',
  '#1 [internal] load build definition from Dockerfile',
  '#1 ',
  '#2 [base 2/3] RUN apt-get install -y x',
  '#2 0.354 Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
  '#2 3.470 (Reading database ... \r(Reading database ... 5%',
  '#2 ...',
  '#2 DONE 1.0s',
  '#2 CACHED',
  '#2 ERROR: process "/bin/sh -c x" did not complete successfully: exit code: 100',
  '#2 CANCELED',
  '#2 WARN: x',
  '#2 sha256:a0e4d4a62256b16e0c901c612859a66f356dae19745169dc62ef998d081007eb',
  '#2 [output clipped, log limit 1MiB reached]',
  '------',
  ' > [base 2/3] RUN apt-get install -y x:',
  '0.512 E: Unable to locate package x',
  'Dockerfile:2',
  '--------------------',
  '   2 | >>> RUN x',
  'ERROR: failed to build: failed to solve: process "/bin/sh -c x" did not complete successfully: exit code: 100',
  'executor failed running [/bin/sh -c x]: exit code: 100',
  'Sending build context to Docker daemon  2.048kB',
  'Step 1/2 : FROM debian AS __proto__',
  'Step 2/2 : RUN x',
  ' ---> Running in 8ad72937455d',
  ' ---> Using cache',
  ' ---> 82e8ebd1e287',
  'Removing intermediate container 8ad72937455d',
  'Successfully built 82e8ebd1e287',
  'Successfully tagged app:latest',
  "The command '/bin/sh -c x' returned a non-zero code: 100",
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
  '            BuildKit is currently disabled',
  '[1/2] STEP 1/2: FROM debian AS b',
  'STEP 2/2: RUN x',
  '--> 82e8ebd1e287',
  'COMMIT app',
  'Error: building at STEP "RUN x": while running runtime: exit status 1',
  '{"vertexes":[{"digest":"sha256:1","name":"[1/1] RUN x","started":"2026-11-27T23:32:40Z"}]}',
  '{"logs":[{"vertex":"sha256:1","data":"SGVsbG8K"}]}',
  '{"vertexes":[{"digest":"sha256:1","name":"[1/1] RUN x","started":"2026-11-27T23:32:40Z","completed":"2026-11-27T23:32:41Z","error":"x"}]}',
  '{"vertexes":[{"digest":"__proto__"',
  'E: Unable to locate package x',
  'Setting up x (1.0) ...',
  '',
]

const line = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  // A fragment cut short, or two glued together.
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.nat(80)).map(([f, n]) => f.slice(0, n)),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...FRAGMENTS)).map(([a, b]) => a + b),
  fc.string({ maxLength: 40 }),
)

function run(text: string): { events: AptLogEvent[]; errors: AptLogError[] } {
  const events: AptLogEvent[] = []
  const errors: AptLogError[] = []
  const parser = createParser({ onEvent: (e) => events.push(e), onError: (e) => errors.push(e) })
  parser.feed(text)
  parser.end()
  return { events, errors }
}

describe('robustness', () => {
  test('random docker-shaped logs: no internal error, counts add up, every started step ends once', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const { events, errors } = run(lines.join('\n'))
        expect(errors).toEqual([])
        const end = events.at(-1)
        expect(end?.type).toBe('log.end')
        if (end?.type === 'log.end') expect(end.recognized + end.ignored + end.unrecognized).toBe(end.lines)
        const starts = ofType(events, 'docker.step.start').map((e) => e.step)
        const ends = ofType(events, 'docker.step.end').map((e) => e.step)
        for (const id of starts) expect(ends.filter((e) => e === id).length).toBe(1)
        expect(ofType(events, 'docker.build.end').length).toBe(ofType(events, 'docker.build.start').length)
      }),
      { numRuns: 500, seed: 7 },
    )
  })

  test('lines of a vertex after its completion line start and end nothing again', () => {
    const { events } = run(['#2 [x 1/1] RUN y', '#2 0.1 a', '#2 DONE 1.0s', '', '#2 weird status', '#2 0.2 late output', '#2 DONE 2.0s', '#2 ERROR: x'].join('\n'))
    expect(ofType(events, 'docker.step.start').map((e) => e.step)).toEqual(['#2'])
    expect(ofType(events, 'docker.step.end').map((e) => [e.step, e.status, e.outputLines])).toEqual([['#2', 'done', 1]])
    expect(ofType(events, 'problem').filter((p) => p.kind.startsWith('docker.'))).toEqual([])
  })

  test('every prefix of a capture ends cleanly (a log cut anywhere)', () => {
    for (const name of ['docker/D17-cli20-buildkit-plain-predepends-problem.log', 'docker/handmade-rawjson-failing.log', 'docker/handmade-buildx-failing-echo.log', 'docker/D14-cli20-legacy-failing-unknown-package.log']) {
      const text = fixtureText(name)
      for (let at = 0; at <= text.length; at += 97) {
        const { events, errors } = run(text.slice(0, at))
        expect(errors).toEqual([])
        expect(ofType(events, 'docker.build.end').length).toBe(ofType(events, 'docker.build.start').length)
      }
    }
  })

  test('a huge vertex output line is capped, not buffered whole (rawjson)', () => {
    const big = btoa('x'.repeat(3 * 1_048_576))
    const text = [
      '{"vertexes":[{"digest":"sha256:1","name":"[1/1] RUN x","started":"2026-11-27T23:32:40Z"}]}',
      `{"logs":[{"vertex":"sha256:1","data":"${big}"}]}`,
      `{"logs":[{"vertex":"sha256:1","data":"${btoa('\nok\n')}"}]}`,
      '{"vertexes":[{"digest":"sha256:1","name":"[1/1] RUN x","started":"2026-11-27T23:32:40Z","completed":"2026-11-27T23:32:41Z"}]}',
    ].join('\n')
    const events: AptLogEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e), maxLineLength: 8 * 1_048_576 })
    parser.feed(text)
    parser.end()
    expect(ofType(events, 'docker.step.end').map((e) => e.outputLines)).toEqual([2])
  })
})
