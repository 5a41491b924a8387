import { describe, expect, test } from 'vitest'
import { stripAnsi } from '../../src/lines/ansi.ts'

describe('stripAnsi', () => {
  const cases: { name: string; input: string; output: string }[] = [
    { name: 'legacy builder red stderr (D14)', input: '\x1b[91mE: Unable to locate package nonexistent-pkg-xyz', output: 'E: Unable to locate package nonexistent-pkg-xyz' },
    { name: 'legacy builder reset at the start of the next line', input: "\x1b[0mThe command '/bin/sh -c x' returned a non-zero code: 100", output: "The command '/bin/sh -c x' returned a non-zero code: 100" },
    { name: 'apt 2.1+ bold red prefix on a tty', input: '\x1b[1;31mE: \x1b[0mUnable to locate package x', output: 'E: Unable to locate package x' },
    { name: 'GitLab erase line and 0;m reset', input: '\x1b[0K\x1b[32;1m$ apt-get update\x1b[0;m', output: '$ apt-get update' },
    { name: 'buildx warnings header in plain mode', input: ' \x1b[33m1 warning found (use docker --debug to expand):\x1b[0m', output: ' 1 warning found (use docker --debug to expand):' },
    { name: 'apt fancy progress: save/restore cursor, scroll region', input: '\x1b7\x1b[0;23r\x1b8\x1b[1AProgress: [ 45%]', output: 'Progress: [ 45%]' },
    {
      // apt-pkg/install-progress.cc DrawStatusLine: save, go to the last row, bar, restore; dpkg's next line follows the restore.
      name: 'apt fancy progress bar drawn on the last row: the bar goes, the dpkg line after the restore stays',
      input: '\x1b7\x1b[24;0f\x1b[42m\x1b[30mProgress: [ 20%]\x1b[49m\x1b[39m [###########......................] \x1b8Setting up libbsd0:amd64 (0.11.7-2) ...',
      output: 'Setting up libbsd0:amd64 (0.11.7-2) ...',
    },
    { name: 'the same with the SCO save/restore pair (ESC[s, ESC[u)', input: 'a\x1b[sdrawn elsewhere\x1b[ub', output: 'ab' },
    { name: 'a cursor save never restored keeps its text', input: '\x1b7Progress: [ 45%]', output: 'Progress: [ 45%]' },
    { name: 'a restore without a save drops nothing', input: 'x\x1b8y', output: 'xy' },
    { name: 'OSC title terminated by BEL', input: '\x1b]0;title\x07text', output: 'text' },
    { name: 'OSC hyperlink terminated by ST', input: '\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\', output: 'link' },
    { name: 'OSC without terminator runs to the end of the line', input: 'a\x1b]0;never ends', output: 'a' },
    { name: 'charset designation ESC ( B', input: '\x1b(Bplain', output: 'plain' },
    { name: 'private-mode CSI hide cursor', input: '\x1b[?25lx\x1b[?25h', output: 'x' },
    { name: 'a lone ESC at the end', input: 'text\x1b', output: 'text' },
    { name: 'CSI cut at the end of the line', input: 'text\x1b[1;3', output: 'text' },
    { name: 'nothing to strip returns the same text', input: 'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]', output: 'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]' },
    { name: 'does not overconsume: a bracket without ESC stays', input: '[1/4] FROM x', output: '[1/4] FROM x' },
    { name: 'does not overconsume: text after the final byte stays', input: '\x1b[0mm', output: 'm' },
  ]
  for (const c of cases) {
    test(c.name, () => {
      expect(stripAnsi(c.input)).toBe(c.output)
    })
  }

  test('a line of nothing but escapes becomes empty', () => {
    expect(stripAnsi('\x1b[0m'.repeat(10_000))).toBe('')
  })
})
