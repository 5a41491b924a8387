/**
 * The log-file grammar never throws, keeps its verdicts honest, and finds the files wherever they
 * are printed: in a plain log, under a CI timestamp, inside a docker step.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { parse } from '../../src/index.ts'
import { dpkgLogLine, ofType, runLogfile, type Input } from './support.ts'

describe('the grammar never throws and keeps its verdicts honest', () => {
  const VOCABULARY: readonly Input[] = [
    'Start-Date: 2026-11-27  23:28:36',
    'Commandline: apt-get -o Dpkg::StopOnError=false install -y loop2-app',
    'Requested-By: alice (1000)',
    'Install: loop2-multiarch-support:amd64 (2.19-18, automatic), loop2-app:amd64 (1.0-1)',
    'Upgrade: dpkg:amd64 (1.21.23, 1.22.22)',
    'Remove: openssh-client:amd64 (1:9.2p1-2+deb12u10)',
    'Disappeared: old-lib:amd64 (0.9), gone',
    'Install: a:amd64 (1.0), b:amd64 (2.',
    'Error: Sub-process /usr/bin/dpkg returned an error code (1)',
    'End-Date: 2026-11-27  23:28:37',
    'Log started: 2026-11-27  23:28:36',
    'Log ended: 2026-11-27  23:28:37',
    dpkgLogLine('2026-11-27 23:04:37 startup archives install'),
    dpkgLogLine('2026-11-27 23:04:37 install base-passwd:amd64 <none> 3.6.1'),
    dpkgLogLine('2026-11-27 23:24:31 status half-installed slow-preinst:all 1.0'),
    dpkgLogLine('2026-11-27 23:20:27 conffile /etc/login.defs keep'),
    '2026-11-27 23:04:38 upgrade dpkg 1.21.23 1.21.23',
    'status installed libc-bin:amd64 2.36-9+deb12u14',
    ['2026-11-27T23:04:37Z', 'configure demo-a:all 2.0-1 <none>'],
    '',
    ' ',
    '__proto__',
    'Install: __proto__:amd64 (1.0)',
  ]

  test('any sequence of real and hostile lines (fast-check)', () => {
    const line = fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 80 }))
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const { events, verdicts } = runLogfile(lines)
        for (const v of verdicts) expect([CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE]).toContain(v)
        for (const e of events) {
          expect(e.line).toBeGreaterThanOrEqual(1)
          expect(e.line).toBeLessThanOrEqual(lines.length)
          if (e.endLine !== undefined) expect(e.endLine).toBeGreaterThan(e.line)
          expect(JSON.parse(JSON.stringify(e))).toEqual(e)
          expect(Object.values(e)).not.toContain(undefined)
        }
        for (let i = 1; i < events.length; i++) {
          const current = events[i]
          const previous = events[i - 1]
          if (current === undefined || previous === undefined) continue
          if (current.type === 'problem') expect([current.line, current.endLine]).toEqual([previous.line, previous.endLine])
          else expect(current.line).toBeGreaterThanOrEqual(previous.line)
        }
        // Every consumed line is covered by exactly the events that claim it.
        const covered = new Set<number>()
        for (const e of events) for (let l = e.line; l <= (e.endLine ?? e.line); l++) covered.add(l)
        verdicts.forEach((v, i) => {
          if (v === CONSUMED) expect(covered.has(i + 1)).toBe(true)
        })
      }),
      { numRuns: 400, seed: 8 },
    )
  })
})

describe('the files wherever they are printed', () => {
  test('inside a BuildKit step (`RUN cat …`), beside another vertex: the stamp stays in the payload, events carry the step', () => {
    const log = [
      '#5 [2/3] RUN cat /var/log/apt/history.log /var/log/dpkg.log',
      '#5 0.301 ',
      '#5 0.301 Start-Date: 2026-11-27  23:28:36',
      '#6 [3/3] RUN echo other',
      '#5 0.301 Commandline: apt-get install -y loop2-app',
      '#6 0.200 Commandline: not history, this vertex has no stanza',
      '#5 0.301 Install: loop2-app:amd64 (1.0-1)',
      '#5 0.301 End-Date: 2026-11-27  23:28:37',
      '#5 0.302 2026-11-27 23:28:36 install loop2-app:amd64 <none> 1.0-1',
      '#5 0.302 2026-11-27 23:28:36 status half-installed loop2-app:amd64 1.0-1',
      '#5 DONE 0.3s',
      '#6 DONE 0.2s',
      '',
    ].join('\n')
    const events = parse(log)
    const stanza = ofType(events, 'apt.history')
    expect(stanza).toHaveLength(1)
    expect(stanza[0]).toMatchObject({ line: 3, endLine: 8, step: '#5', commandline: 'apt-get install -y loop2-app', install: [{ name: 'loop2-app', arch: 'amd64', version: '1.0-1' }] })
    expect(ofType(events, 'dpkg.log.action')).toEqual([
      expect.objectContaining({ line: 9, step: '#5', ts: '2026-11-27 23:28:36', action: 'install', package: 'loop2-app', availableVersion: '1.0-1' }),
    ])
    expect(ofType(events, 'dpkg.log.status')).toEqual([expect.objectContaining({ line: 10, step: '#5', state: 'half-installed' })])
    expect(events.at(-1)).toMatchObject({ type: 'log.end', unrecognized: 1 }) // #6's Commandline line
  })

  test('under GitHub Actions timestamps (`cat /var/log/dpkg.log` in a job)', () => {
    const events = parse(
      [
        '2026-11-28T10:00:00.0000000Z 2026-11-27 23:04:37 startup archives install',
        '2026-11-28T10:00:00.0000000Z 2026-11-27 23:04:37 install base-passwd:amd64 <none> 3.6.1',
        '2026-11-28T10:00:00.0000000Z configure base-passwd:amd64 3.6.1 3.6.1',
        '',
      ].join('\n'),
    )
    expect(events.map((e) => [e.type, e.ts])).toEqual([
      ['dpkg.log.startup', '2026-11-27 23:04:37'],
      ['dpkg.log.action', '2026-11-27 23:04:37'],
      ['log.end', undefined],
    ])
    expect(events.at(-1)).toMatchObject({ unrecognized: 1 })
  })

  test('console output around the files is read by the other grammars as before', () => {
    const events = parse(
      [
        'Setting up libbsd0:amd64 (0.11.7-2) ...',
        '',
        'Start-Date: 2026-11-27  23:28:36',
        'Commandline: apt-get install -y x',
        'End-Date: 2026-11-27  23:28:37',
        'E: Sub-process /usr/bin/dpkg returned an error code (1)',
        '',
      ].join('\n'),
    )
    expect(events.map((e) => e.type)).toEqual(['dpkg.progress', 'apt.history', 'apt.message', 'problem', 'log.end'])
  })
})
