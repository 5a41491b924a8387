/**
 * Auto-detection per line: builds of every kind, one after the other, in CI logs with other output
 * around them; what is docker framing, what is step output, what is outside any step.
 */
import { describe, expect, test } from 'vitest'
import { createLineRouter } from '../../src/docker/router.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED } from '../../src/grammar/verdict.ts'
import { createParser, parse, type AptLogEvent } from '../../src/index.ts'
import { allCaptures, fixtureBytes, fixtureText } from '../support/fixtures.ts'
import { buildRows, ofType, route, stepTable } from './support.ts'

const MIXED = 'docker/handmade-github-mixed-builds.log'

describe('a GitHub Actions job: apt output, a BuildKit build, a legacy build', () => {
  const { routed, events } = route(fixtureText(MIXED))
  const outside = routed.filter((r) => r.ctx.step === undefined)

  test('lines outside any build go to one context with no step', () => {
    expect(new Set(outside.map((r) => r.context))).toEqual(new Set([0]))
    expect(outside.map((r) => r.text)).toEqual([
      'sudo apt-get update && sudo apt-get install -y jq',
      'shell: /usr/bin/bash -e {0}',
      'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
      'Fetched 151 kB in 1s (151 kB/s)',
      'Reading package lists...',
      '# Build the image (a comment echoed by the script, not a BuildKit line)',
      '#!/bin/sh',
      '#5',
      'Step 1: build the image (prose, not a legacy step)',
      'STEP 2/3: tag it (prose, not a Podman step)',
      'Reading package lists...',
      'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
    ])
    expect(outside.every((r) => r.ctx.ts?.startsWith('2026-11-27T10:') === true)).toBe(true)
  })

  test('dpkg progress frames the runner split at bare CRs stay with their vertex (FORMATS.md §8.1)', () => {
    expect(routed.filter((r) => r.ctx.step === '#3').map((r) => r.text)).toEqual([
      'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
      'Fetched 151 kB in 0s (1510 kB/s)',
      'Selecting previously unselected package libbsd0:amd64.',
      '(Reading database ... ',
      '(Reading database ... 5%',
      '(Reading database ... 100%',
      '(Reading database ... 6089 files and directories currently installed.)',
      'Preparing to unpack .../00-libbsd0_0.11.7-2_amd64.deb ...',
      'Unpacking libbsd0:amd64 (0.11.7-2) ...',
      'Setting up libbsd0:amd64 (0.11.7-2) ...',
    ])
  })

  test('the second build gets `b2.` step ids and legacy RUN output goes to its step', () => {
    expect(routed.filter((r) => r.ctx.step === 'b2.2').map((r) => r.text)).toEqual([
      'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
      'Fetched 151 kB in 0s (1510 kB/s)',
      'Reading package lists...',
    ])
    expect(ofType(events, 'docker.build.start').map((e) => [e.build, e.builder, e.line])).toEqual([
      [1, 'buildkit', 14],
      [2, 'legacy', 54],
    ])
  })

  test('the BuildKit build ends (inferred) as soon as a foreign line follows its last vertex', () => {
    const end = ofType(events, 'docker.build.end')[0]
    expect([end?.outcome, end?.inferred, end?.line]).toEqual(['success', true, 50])
    // Emitted before the outside line 52 reached its context: the next event is the legacy build's start.
    const index = events.indexOf(end as AptLogEvent)
    expect(events[index + 1]?.type).toBe('docker.build.start')
  })
})

describe('several builds in one log', () => {
  test('two BuildKit builds back to back: the second starts at its #1 header and gets b2. ids', () => {
    const text = fixtureText('docker/D06-cli20-buildkit-plain-seed-bookworm.log') + fixtureText('docker/D07-cli20-buildkit-plain-seed-bookworm-cache-hit.log')
    const events = parse(text)
    expect(buildRows(events).map((b) => [b.build, b.outcome])).toEqual([
      [1, 'success'],
      [2, 'success'],
    ])
    const ids = stepTable(events).map((r) => r.id)
    expect(ids.slice(0, 9)).toEqual(['#1', '#2', '#3', '#4', '#6', '#5', '#7', '#8', '#9'])
    expect(ids.slice(9)).toEqual(['b2.#1', 'b2.#2', 'b2.#3', 'b2.#4', 'b2.#6', 'b2.#7', 'b2.#5', 'b2.#8', 'b2.#9'])
    expect(new Set(ids).size).toBe(18)
  })

  test('a legacy build, then a BuildKit build, then rawjson', () => {
    const text = [
      fixtureText('docker/D05-cli20-legacy-seed-bookworm-no-cache.log'),
      fixtureText('docker/D21-cli28-buildx029-plain-seed-bookworm.log'),
      fixtureText('docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log'),
    ].join('')
    const events = parse(text)
    expect(buildRows(events).map((b) => [b.build, b.builder, b.outcome])).toEqual([
      [1, 'legacy', 'success'],
      [2, 'buildkit', 'success'],
      [3, 'rawjson', 'success'],
    ])
    expect(stepTable(events).map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `b2.#${n}`), ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `b3.#${n}`)])
  })

  test('two rawjson streams of the same Dockerfile: the second starts at its `load build definition` vertex', () => {
    const d23 = fixtureText('docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log')
    const events = parse(d23 + d23)
    expect(buildRows(events).map((b) => [b.build, b.builder, b.outcome])).toEqual([
      [1, 'rawjson', 'success'],
      [2, 'rawjson', 'success'],
    ])
    const ids = stepTable(events).map((r) => r.id)
    expect(ids.length).toBe(18)
    expect(ids.filter((id) => id.startsWith('b2.#')).length).toBe(9)
    expect(stepTable(events).filter((r) => r.id === 'b2.#6').map((r) => r.outputLines)).toEqual([79])
  })

  test('a legacy `Step 1/N` after a build that never said how it ended starts a new build', () => {
    const text = ['Step 1/2 : FROM debian', ' ---> c7321c6412da', 'Step 2/2 : RUN false', ' ---> Running in 8ad72937455d', 'Step 1/2 : FROM debian', ' ---> c7321c6412da'].join('\n')
    const events = parse(text)
    expect(buildRows(events).map((b) => [b.build, b.outcome])).toEqual([
      [1, 'unknown'],
      [2, 'unknown'],
    ])
    expect(stepTable(events).map((r) => [r.id, r.status])).toEqual([
      ['1', 'done'],
      ['2', 'unknown'],
      ['b2.1', 'done'],
    ])
  })
})

describe('what is not docker framing', () => {
  test('inside a legacy RUN step, BuildKit-like and JSON lines are the step output', () => {
    const text = ['Step 1/1 : RUN ./script', ' ---> Running in 8ad72937455d', '#5 0.5 not a vertex', '#5 [2/3] RUN nested', '{"vertexes":[]}', '------', 'ERROR: failed to solve: x', 'Removing intermediate container 8ad72937455d', ' ---> 82e8ebd1e287', 'Successfully built 82e8ebd1e287'].join('\n')
    const { routed, events } = route(text)
    expect(routed.filter((r) => r.ctx.step === '1').map((r) => r.text)).toEqual(['#5 0.5 not a vertex', '#5 [2/3] RUN nested', '{"vertexes":[]}', '------', 'ERROR: failed to solve: x'])
    expect(ofType(events, 'docker.build.start').length).toBe(1)
  })

  test('but the first vertex of a new BuildKit build ends the legacy build', () => {
    const text = ['Step 1/1 : RUN ./script', ' ---> Running in 8ad72937455d', '#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s'].join('\n')
    const events = parse(text)
    expect(buildRows(events).map((b) => [b.builder, b.outcome])).toEqual([
      ['legacy', 'unknown'],
      ['buildkit', 'success'],
    ])
  })

  test('legacy framing outside a legacy build, and bare `#N text` lines outside a BuildKit build, are ordinary lines', () => {
    const { events, routed } = route([' ---> Running in 8ad72937455d', 'Successfully built 82e8ebd1e287', '#5 not a vertex', '------', 'COMMIT x', 'COPY failed: no source files were specified'].join('\n'))
    expect(events.filter((e) => e.type.startsWith('docker.'))).toEqual([])
    // `------` may open a pasted error box: it is held back as a frame (ignored), not routed.
    expect(routed.map((r) => r.text)).toEqual([' ---> Running in 8ad72937455d', 'Successfully built 82e8ebd1e287', '#5 not a vertex', 'COMMIT x', 'COPY failed: no source files were specified'])
  })

  test('a line only a BuildKit printer writes opens a build even without a header (an excerpt that starts inside a vertex)', () => {
    const { events, routed } = route(['#5 0.354 Get:1 x', '#5 DONE 1.0s'].join('\n'))
    expect(events.filter((e) => e.type.startsWith('docker.')).map((e) => e.type)).toEqual(['docker.build.start', 'docker.step.end', 'docker.build.end'])
    expect(ofType(events, 'docker.step.end')[0]).toMatchObject({ step: '#5', status: 'done', outputLines: 1 })
    expect(routed.map((r) => r.text)).toEqual(['Get:1 x'])
  })

  test('inside a legacy RUN step, a headerless BuildKit line is the step’s output', () => {
    const { events } = route(['Step 2/3 : RUN x', ' ---> Running in 8ad72937455d', '#5 0.354 Get:1 x'].join('\n'))
    expect(ofType(events, 'docker.build.start').map((e) => e.builder)).toEqual(['legacy'])
  })
})

describe('verdicts', () => {
  test('framing lines are consumed, markers and separators ignored, step output gets its context’s verdict', () => {
    const { verdicts } = route(['#1 [1/1] RUN x', '#1 0.100 hello', '#1 ...', '', '#1 [1/1] RUN x', '#1 DONE 0.1s'].join('\n'))
    expect(verdicts).toEqual([CONSUMED, UNRECOGNIZED, IGNORED, IGNORED, CONSUMED, CONSUMED])
  })

  test('in-progress status lines are progress noise; finished ones are step information', () => {
    const { verdicts, events } = route(['#5 [internal] load build context', '#5 transferring context: 1.2MB 0.5s', '#5 transferring context: 62B 0.6s done', '#5 DONE 0.6s'].join('\n'))
    expect(verdicts).toEqual([CONSUMED, IGNORED, CONSUMED, CONSUMED])
    expect(ofType(events, 'docker.step.info').map((e) => [e.info, e.value])).toEqual([['status', 'transferring context: 62B']])
  })
})

describe('names, stages and platforms', () => {
  test('multi-platform and padded vertex names', () => {
    const { events } = route(['#7 [linux/arm64 builder  2/12] RUN make', '#7 DONE 1.0s', '', '#8 [ 3/12] COPY . .', '#8 CACHED'].join('\n'))
    expect(ofType(events, 'docker.step.start').map(({ step, stage, index, total, platform, instruction, internal }) => ({ step, stage, index, total, platform, instruction, internal }))).toEqual([
      { step: '#7', stage: 'builder', index: 2, total: 12, platform: 'linux/arm64', instruction: 'RUN make', internal: false },
      { step: '#8', stage: undefined, index: 3, total: 12, platform: undefined, instruction: 'COPY . .', internal: false },
    ])
    const start = ofType(events, 'docker.step.start')[1]
    expect(start !== undefined && 'stage' in start).toBe(false)
  })

  test('a legacy stage comes from `FROM … AS name` and lasts until the next FROM; `__proto__` is a stage name like any', () => {
    const text = ['Step 1/4 : FROM golang AS __proto__', ' ---> c7321c6412da', 'Step 2/4 : RUN go build', ' ---> Running in 8ad72937455d', 'ok', 'Step 3/4 : FROM debian', ' ---> c7321c6412da', 'Step 4/4 : COPY --from=__proto__ /x /x'].join('\n')
    const { routed, events } = route(text)
    expect(ofType(events, 'docker.step.start').map((e) => [e.step, e.stage])).toEqual([
      ['1', '__proto__'],
      ['2', '__proto__'],
      ['3', undefined],
      ['4', undefined],
    ])
    expect(routed.filter((r) => r.ctx.step === '2').map((r) => [r.text, r.ctx.stage])).toEqual([['ok', '__proto__']])
  })
})

describe('legacy builder details', () => {
  test('daemon ≥ 25 prints ` ---> Removed intermediate container`; a build without -t ends at the next line', () => {
    const text = ['Sending build context to Docker daemon  2.048kB', 'Step 1/1 : RUN true', ' ---> Running in 8ad72937455d', ' ---> Removed intermediate container 8ad72937455d', ' ---> 82e8ebd1e287', 'Successfully built 82e8ebd1e287', '$ docker push'].join('\n')
    const events = parse(text)
    expect(ofType(events, 'docker.step.info').map((e) => e.info)).toEqual(['running-in', 'removed-container', 'image'])
    expect(buildRows(events)).toEqual([{ build: 1, builder: 'legacy', outcome: 'success', imageId: '82e8ebd1e287' }])
    const end = ofType(events, 'docker.build.end')[0]
    expect([end?.line, end?.endLine]).toEqual([6, undefined])
  })

  test('an inferred step end sits on the step’s last line', () => {
    const events = parse(fixtureBytes('docker/D01-legacy-seed-bookworm.log'))
    expect(ofType(events, 'docker.step.end').map((e) => e.line)).toEqual([7, 90, 92, 96, 100])
  })

  test('`Build cancelled` ends the step canceled and the build in failure, without a problem', () => {
    const events = parse(['Step 1/2 : RUN sleep 100', ' ---> Running in 8ad72937455d', 'Build cancelled'].join('\n'))
    expect(stepTable(events).map((r) => r.status)).toEqual(['canceled'])
    expect(buildRows(events).map((b) => b.outcome)).toEqual(['failure'])
    expect(ofType(events, 'problem')).toEqual([])
  })

  test('`COPY failed:` fails the COPY step and the build', () => {
    const events = parse(['Step 1/2 : FROM debian', ' ---> c7321c6412da', 'Step 2/2 : COPY missing /x', 'COPY failed: file not found in build context or excluded by .dockerignore: stat missing: file does not exist'].join('\n'))
    expect(stepTable(events).map((r) => [r.id, r.status])).toEqual([
      ['1', 'done'],
      ['2', 'error'],
    ])
    expect(ofType(events, 'problem').map((p) => p.kind)).toEqual(['docker.step-failed', 'docker.build-failed'])
  })
})

describe('old printers', () => {
  test('v0.3: no completion lines, so the build outcome stays unknown', () => {
    const events = parse(['', '#1 [internal] load build definition from Dockerfile', '#1 transferring dockerfile: 37B done', '', '#2 [1/2] FROM docker.io/library/debian'].join('\n'))
    expect(stepTable(events).map((r) => [r.id, r.status, r.inferred])).toEqual([
      ['#1', 'unknown', true],
      ['#2', 'unknown', true],
    ])
    expect(buildRows(events).map((b) => b.outcome)).toEqual(['unknown'])
  })
})

describe('notices', () => {
  test('the buildx warnings summary is one notice with its bullet lines', () => {
    const text = `${fixtureText('docker/D21-cli28-buildx029-plain-seed-bookworm.log')}\n 2 warnings found (use docker --debug to expand):\n - FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)\n - JSONArgsRecommended: JSON arguments recommended for CMD (line 9)\n`
    const events = parse(text)
    expect(ofType(events, 'docker.notice').map((e) => [e.notice, e.text])).toEqual([
      ['builder-instance', 'building with "default" instance using docker driver'],
      ['warning', "2 warnings found (use docker --debug to expand):\n- FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)\n- JSONArgsRecommended: JSON arguments recommended for CMD (line 9)"],
    ])
  })
})

describe('streaming: events leave when the line that completes them arrives', () => {
  /** Feed a capture line by line; for each docker event, the number of lines fed when it came out. */
  function emittedAt(text: string): { event: AptLogEvent; fed: number }[] {
    const out: { event: AptLogEvent; fed: number }[] = []
    let fed = 0
    const parser = createParser({ onEvent: (event) => out.push({ event, fed }) })
    for (const line of text.split(/(?<=\n)/)) {
      fed++
      parser.feed(line)
    }
    parser.end()
    return out.filter((o) => o.event.type.startsWith('docker.'))
  }

  test('BuildKit plain: every event at its own line', () => {
    for (const { event, fed } of emittedAt(fixtureText('docker/D17-cli20-buildkit-plain-predepends-problem.log'))) {
      if (event.type === 'docker.echo' || event.type === 'docker.build.end' && event.inferred === true) continue
      expect(fed, `${event.type} of line ${event.line}`).toBe(event.line)
    }
  })

  test('legacy: an inferred step end comes with the next step header', () => {
    const ends = emittedAt(fixtureText('docker/D01-legacy-seed-bookworm.log')).filter((o) => o.event.type === 'docker.step.end')
    expect(ends.map((o) => o.fed)).toEqual([8, 91, 93, 97, 101])
  })

  test('rawjson: a completion comes with the next update that does not mention the vertex', () => {
    const ends = emittedAt(fixtureText('docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log')).filter((o) => o.event.type === 'docker.step.end')
    expect(ends.map((o) => [o.event.line, o.fed])).toEqual([
      [5, 6],
      [10, 11],
      [12, 13],
      [15, 16],
      [18, 19],
      [102, 103],
      [104, 105],
      [106, 107],
      [110, 110],
    ])
  })
})

describe('events are plain JSON: no undefined values, no classes', () => {
  for (const name of [...allCaptures('docker'), ...allCaptures('seed')]) {
    test(name, () => {
      for (const event of parse(fixtureBytes(name))) {
        if (!event.type.startsWith('docker.') && !(event.type === 'problem' && event.kind.startsWith('docker.'))) continue
        expect(JSON.parse(JSON.stringify(event))).toEqual(event)
        expect(Object.values(event).includes(undefined)).toBe(false)
        expect(Object.keys(event)[0]).toBe('type')
      }
    })
  }
})

describe('event order', () => {
  test('a block open outside any build is closed before the build starts', () => {
    const trace: string[] = []
    const router = createLineRouter(
      (e) => trace.push(e.type),
      () => ({
        line: () => UNRECOGNIZED,
        flush: () => trace.push('flush'),
      }),
    )
    router.line('E: Unable to locate package x', 1, undefined)
    router.line('#0 building with "default" instance using docker driver', 2, undefined)
    expect(trace).toEqual(['flush', 'docker.build.start', 'docker.notice'])
  })

  test('with the real grammars, events come in line order', () => {
    const events = parse(['E: Unable to locate package x', '#0 building with "default" instance using docker driver', '', '#1 [1/1] RUN x', '#1 DONE 0.1s'].join('\n'))
    const lines = events.map((e) => e.line)
    expect([...lines].sort((a, b) => a - b)).toEqual(lines)
  })
})

describe('compose gutters are bounded', () => {
  test('past 64 services a gutter line goes to the outside context: a line of 10 000 gutters is read flat, with no fault', () => {
    const errors: unknown[] = []
    const services = Array.from({ length: 70 }, (_, i) => `svc${i}_1  | Reading package lists...`)
    const events: AptLogEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e), onError: (e) => errors.push(e) })
    parser.feed([...services, 'x_1  | '.repeat(10_000)].join('\n') + '\n')
    parser.end()
    expect(errors).toEqual([])
    expect(events.at(-1)).toMatchObject({ type: 'log.end', lines: 71 })
  })
})
