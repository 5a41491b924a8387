/**
 * The regexes the static check (regex-safety.test.ts) flagged, each with its fix: the old pattern
 * is vulnerable and the new one safe by the same checker, the new one accepts what the old one
 * accepted (real values from the captures) and rejects the near misses, and the parser gives the
 * same events. Nothing is timed.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { isKernelRelease } from '../../src/env/uname.ts'
import { parse, type AptLogEvent } from '../../src/index.ts'
import { checkRegex } from './regex-audit.ts'

const OLD_KERNEL_RELEASE = /^\d+\.\d+[\w.~+-]*$/

describe('isKernelRelease (src/env/uname.ts, issue 18: `$ uname -r` then a long line was quadratic)', () => {
  test('recheck: the old pattern is quadratic, the new one linear', () => {
    const old = checkRegex(OLD_KERNEL_RELEASE.source, '')
    expect(old.status).toBe('vulnerable')
    if (old.status === 'vulnerable') expect(old.complexity).toMatchObject({ type: 'polynomial', degree: 2 })
    expect(checkRegex('^\\d+\\.\\d[\\w.~+-]*$', '').status).toBe('safe')
  })

  // Releases from fixtures/seed/incident-uname-local.txt, incident-uname-runner.txt and
  // fixtures/docker/D31-ci-job-runner-legacy-cli28-broken-base.log (`uname -a`, `Kernel Version:`).
  const cases: readonly (readonly [name: string, token: string, release: boolean])[] = [
    ['Ubuntu 16.04 kernel (incident, local)', '4.4.0-103-generic', true],
    ['Ubuntu 16.04 kernel (incident, runner)', '4.4.0-98-generic', true],
    ['Firecracker kernel (D31)', '6.18.44-fc-v657', true],
    ['two numbers and nothing else', '6.1', true],
    ['the tail may hold every class character', '6.1.0~rc1+deb_12-x', true],
    ['near miss: no dot', '6', false],
    ['near miss: nothing after the dot', '6.', false],
    ['near miss: a letter after the dot', '6.a', false],
    ['near miss: no number before the dot', '.1', false],
    ['near miss: a word first', 'v6.1.0', false],
    ['near miss: a space in the tail', '6.1.0 amd64', false],
    ['near miss: a slash in the tail', '6.1.0/x', false],
    ['near miss: the attack shape, digits then NUL', `0.0${'0'.repeat(1000)}\0`, false],
    ['near miss: the attack shape, digits then a space', `0.0${'0'.repeat(1000)} `, false],
  ]
  for (const [name, token, release] of cases) {
    test(name, () => {
      expect(isKernelRelease(token)).toBe(release)
      expect(OLD_KERNEL_RELEASE.test(token), 'the old pattern agrees').toBe(release)
    })
  }

  const kernelFacts = (events: readonly AptLogEvent[]): string[] => events.flatMap((e) => (e.type === 'env.fact' && e.fact === 'kernel' ? [e.value] : []))

  test('after `$ uname -r`: a release is the kernel fact; a 64 KiB line of the attack shape is not, and every line is counted', () => {
    expect(kernelFacts(parse('$ uname -r\n4.4.0-98-generic\n'))).toEqual(['4.4.0-98-generic'])
    const attack = `0.0${'0'.repeat(64 * 1024)}\0`
    const events = parse(`$ uname -r\n${attack}\n$ uname -r\n6.18.44-fc-v657\n`)
    expect(kernelFacts(events)).toEqual(['6.18.44-fc-v657'])
    expect(events.at(-1)).toMatchObject({ type: 'log.end', lines: 4 })
  })
})
