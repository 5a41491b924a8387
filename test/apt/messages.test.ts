import { describe, expect, test } from 'vitest'
import { createAptGrammar } from '../../src/apt/grammar.ts'
import { messageContinuationRule, messageRule } from '../../src/apt/messages.ts'
import { createStreamContext } from '../../src/context/stream-context.ts'
import type { AptLogEvent } from '../../src/events/index.ts'
import { parse } from '../../src/index.ts'
import { runApt, single } from './support.ts'

describe('message prefixes (FORMATS.md §4.1)', () => {
  test.each([
    ['E: Unable to locate package nonexistent-pkg-xyz', 'error', 'E', 'bookworm-f1 (apt-get, all versions)'],
    ['W: Some index files failed to download. They have been ignored, or old ones used instead.', 'warning', 'W', 'bookworm-i1'],
    ['N: See apt-secure(8) manpage for repository creation and user configuration details.', 'notice', 'N', 'tty only (§4.1, apt 2.6.1 run)'],
    ['A: Package x has no Description', 'audit', 'A', 'apt 3 --audit (§4.1)'],
    ['D: Some debug text', 'debug', 'D', '≤ 2.8 debug'],
    ['Error: Unable to locate package nonexistent-pkg-xyz', 'error', 'Error', 'trixie-f6 (apt 3 `apt`)'],
    ['Warning: More space needed than available: 80.0 MB > 50.0 MB, installation may fail', 'warning', 'Warning', 'apt 3 (§3.7)'],
    ['Notice: Some sources can be modernized. Run \'apt modernize-sources\' to do so.', 'notice', 'Notice', 'apt 3 update (§3.8)'],
    ['Audit: Package x has no Description', 'audit', 'Audit', 'apt 3 --audit'],
    ['E:Unable to locate package python-pip', 'error', 'E', 'pasted without the blank (public forum threads; test/apt/message-prefix.test.ts)'],
  ])('%s (%s)', (line, level, prefix) => {
    expect(messageRule.match(line)).toMatchObject({ kind: 'message', level, prefix })
  })

  test.each([
    ['E:\\build', 'a drive path: no blank, no letter after the colon'],
    ['E: ', 'empty text'],
    ['Errors were encountered while processing:', 'dpkg summary header'],
    ['Err:1 http://127.0.0.1:9/debian trixie InRelease', 'acquire line'],
    ['WARNING: apt does not have a stable CLI interface. Use with caution in scripts.', 'banner'],
    ['Fehler: Paket nonexistent-pkg-xyz kann nicht gefunden werden.', 'German apt 3 prefix (counted as apt-like instead)'],
    ['ERROR: failed to solve', 'BuildKit, upper case'],
  ])('%j is not a message (%s)', (line) => {
    expect(messageRule.match(line)).toBeUndefined()
  })

  test('continuation lines are three-space indented (apt ≥ 1.3); deeper indentation is kept', () => {
    expect(messageContinuationRule.match('   Hashes of expected file:')).toBe('Hashes of expected file:')
    expect(messageContinuationRule.match('    - SHA256:31b4')).toBe(' - SHA256:31b4')
    expect(messageContinuationRule.match('  Could not connect')).toBeUndefined()
    expect(messageContinuationRule.match('   ')).toBeUndefined()
  })
})

describe('multi-line messages become one apt.message', () => {
  test('trixie-g1: the --solver 3.0 context with its explanation', () => {
    const { events, verdicts } = runApt([
      'E: The following information from --solver 3.0 may provide additional context:',
      '   Unable to satisfy dependencies. Reached two conflicting decisions:',
      '   1. unmet-libc:amd64=1.0 is selected for install',
      '   2. unmet-libc:amd64 Depends libc6 (>= 99)',
      '      but none of the choices are installable:',
      '      [no choices]',
    ])
    expect(single(events, 'apt.message')).toEqual({
      type: 'apt.message',
      line: 1,
      endLine: 6,
      rule: 'apt.message',
      level: 'error',
      prefix: 'E',
      text: [
        'The following information from --solver 3.0 may provide additional context:',
        'Unable to satisfy dependencies. Reached two conflicting decisions:',
        '1. unmet-libc:amd64=1.0 is selected for install',
        '2. unmet-libc:amd64 Depends libc6 (>= 99)',
        '   but none of the choices are installable:',
        '   [no choices]',
      ].join('\n'),
    })
    expect(verdicts).toEqual([1, 1, 1, 1, 1, 1])
  })

  test('a message leaves when the next non-continuation line arrives, not before (streaming)', () => {
    const events: AptLogEvent[] = []
    const context = createStreamContext((e) => events.push(e), [createAptGrammar])
    const at = (line: number) => ({ line, ts: undefined, step: undefined, stage: undefined })
    context.line('E: Failed to fetch http://127.0.0.1:8765/./hashsum-pkg_1.0_all.deb  Hash Sum mismatch', at(1))
    context.line('   Hashes of expected file:', at(2))
    expect(events).toEqual([])
    context.line('E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?', at(3))
    expect(events.map((e) => e.type)).toEqual(['apt.message', 'problem'])
    expect(events[0]).toMatchObject({ line: 1, endLine: 2 })
    context.flush()
    expect(events.map((e) => e.type)).toEqual(['apt.message', 'problem', 'apt.message', 'problem'])
  })

  test('apt ≤ 1.2 printed a key id on an unindented line after `key IDs:`', () => {
    const { events } = runApt(['W: There is no public key available for the following key IDs:', '1397BC53640DB551', 'Reading package lists...'])
    expect(single(events, 'apt.message')).toMatchObject({ endLine: 2, text: 'There is no public key available for the following key IDs:\n1397BC53640DB551' })
    expect(single(events, 'problem')).toMatchObject({ kind: 'apt.signature-invalid', severity: 'warning' })
  })

  test('a message with a huge number of continuation lines keeps a bounded text', () => {
    const lines = ['E: Failed to fetch http://x/a.deb  Hash Sum mismatch', ...Array.from({ length: 5000 }, (_, i) => `    - SHA256:${i}`)]
    const message = single(runApt(lines).events, 'apt.message')
    expect(message.endLine).toBe(5001)
    expect(message.text.split('\n').length).toBe(500)
  })
})

describe("apt 3's long prefixes are also other tools' words", () => {
  test("node's `Error: Cannot find module` with no apt output before it is not apt's", () => {
    const events = parse("Error: Cannot find module 'express'\n")
    expect(events.filter((e) => e.type === 'apt.message' || e.type === 'problem')).toEqual([])
    expect(events.at(-1)).toMatchObject({ type: 'log.end', unrecognized: 1 })
  })
  test('an apt template with a long prefix is apt’s even as the first line (apt 3.3 prints no banner: sid-l1)', () => {
    const events = parse('Error: Unable to locate package nonexistent-pkg-xyz\n')
    expect(events.filter((e) => e.type === 'problem').map((e) => (e.type === 'problem' ? e.kind : ''))).toEqual(['apt.package-not-found'])
  })
  test('after apt output, an unknown `Error:` is an apt error', () => {
    const events = parse('Reading package lists...\nError: Something apt 3.4 might say\n')
    expect(events.filter((e) => e.type === 'problem').map((e) => (e.type === 'problem' ? e.kind : ''))).toEqual(['apt.other-error'])
  })
  test('the short `E:` prefix is always apt’s', () => {
    const events = parse('E: Something unknown\n')
    expect(events.filter((e) => e.type === 'problem').map((e) => (e.type === 'problem' ? e.kind : ''))).toEqual(['apt.other-error'])
  })
})
