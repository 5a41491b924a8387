import { describe, expect, test } from 'vitest'
import { createLineSplitter } from '../../src/lines/splitter.ts'

interface Line {
  text: string
  no: number
  full: number
}

function split(chunks: string[], max?: number): Line[] {
  const lines: Line[] = []
  const splitter = createLineSplitter((text, no, full) => lines.push({ text, no, full }), max)
  for (const chunk of chunks) splitter.push(chunk)
  splitter.end()
  return lines
}

const texts = (lines: Line[]): string[] => lines.map((l) => l.text)

describe('line splitter', () => {
  const cases: { name: string; chunks: string[]; lines: string[] }[] = [
    { name: 'LF ends a line', chunks: ['a\nb\n'], lines: ['a', 'b'] },
    { name: 'CRLF ends a line (dpkg under apt’s pty)', chunks: ['Unpacking x (1) ...\r\n'], lines: ['Unpacking x (1) ...'] },
    { name: 'CRLF split between chunks', chunks: ['Setting up x (1) ...\r', '\nnext\n'], lines: ['Setting up x (1) ...', 'next'] },
    { name: 'CR CR LF (docker context upload) is one terminator', chunks: ['Sending build context to Docker daemon  2.048kB\r\r\n'], lines: ['Sending build context to Docker daemon  2.048kB'] },
    { name: 'bare CR inside a line is kept for the frame resolver', chunks: ['(Reading database ... \r(Reading database ... 5%\r\n'], lines: ['(Reading database ... \r(Reading database ... 5%'] },
    { name: 'a last line without LF is flushed by end()', chunks: ['a\nno newline'], lines: ['a', 'no newline'] },
    { name: 'empty lines count', chunks: ['\n\n'], lines: ['', ''] },
    { name: 'empty input has no line', chunks: [], lines: [] },
    { name: 'a lone CR line is an empty line', chunks: ['\r\n'], lines: [''] },
    { name: 'NUL bytes are ordinary characters', chunks: ['a\u0000b\n'], lines: ['a\u0000b'] },
    { name: 'a line across three chunks', chunks: ['Get:1 http', '://mirror', '.example.com/debian bookworm InRelease\n'], lines: ['Get:1 http://mirror.example.com/debian bookworm InRelease'] },
    { name: 'a CR at the end of input is dropped', chunks: ['tail\r'], lines: ['tail'] },
    // Lines of 13+ characters are copied out of their chunk; the copy keeps every leading character.
    { name: 'a long line keeps its leading spaces', chunks: ['    Package: libc6 (2.36-9)\n'], lines: ['    Package: libc6 (2.36-9)'] },
    { name: 'a long line keeps its leading tab', chunks: ['\tlibc6 libstdc++6 zlib1g\n'], lines: ['\tlibc6 libstdc++6 zlib1g'] },
    { name: 'a long line keeps a leading no-break space', chunks: ['\u00a0Reading package lists...\n'], lines: ['\u00a0Reading package lists...'] },
    { name: 'a long line keeps a leading ideographic space', chunks: ['\u3000正在读取软件包列表... 完成\n'], lines: ['\u3000正在读取软件包列表... 完成'] },
    { name: 'a long line keeps a leading form feed and vertical tab', chunks: ['\f\vSetting up libc6 (2.36-9) ...\n'], lines: ['\f\vSetting up libc6 (2.36-9) ...'] },
    { name: 'a long line keeps a leading ESC', chunks: ['\x1b[0Ksection_end:1700000001:step_script\r\x1b[0K\n'], lines: ['\x1b[0Ksection_end:1700000001:step_script\r\x1b[0K'] },
    { name: 'a long line keeps its trailing spaces', chunks: ['I: Retrieving InRelease \n'], lines: ['I: Retrieving InRelease '] },
    { name: 'a long line with CRLF in the middle of a chunk', chunks: ['Get:1 http://deb.debian.org bookworm InRelease\r\nnext\n'], lines: ['Get:1 http://deb.debian.org bookworm InRelease', 'next'] },
  ]
  for (const c of cases) {
    test(c.name, () => {
      expect(texts(split(c.chunks))).toEqual(c.lines)
    })
  }

  test('lines are numbered from 1 in input order', () => {
    expect(split(['a\nb\r\nc']).map((l) => l.no)).toEqual([1, 2, 3])
  })

  test('a line longer than the cap is cut and reports its full length; whole lines report 0', () => {
    const lines = split(['0123456789', 'abcdef\nok\n'], 8)
    expect(lines[0]).toEqual({ text: '01234567', no: 1, full: 16 })
    expect(lines[1]).toEqual({ text: 'ok', no: 2, full: 0 })
  })

  test('the cap applies to a line inside a single chunk too', () => {
    expect(split(['0123456789\n'], 4)[0]).toEqual({ text: '0123', no: 1, full: 10 })
  })

  test('a CRLF line is not mistaken for a cut one', () => {
    expect(split(['abc\r\n'], 8)[0]).toEqual({ text: 'abc', no: 1, full: 0 })
  })

  test('a cut line inside one chunk loses the CRs before its cut, not the full length with its CRs', () => {
    expect(split(['0123\r\r\r\n'], 5)[0]).toEqual({ text: '0123', no: 1, full: 7 })
  })

  test('a line exactly at the cap is not cut', () => {
    expect(split(['0123\n'], 4)[0]).toEqual({ text: '0123', no: 1, full: 0 })
  })

  test('reset() restarts numbering and drops a pending line', () => {
    const lines: string[] = []
    const splitter = createLineSplitter((text, no) => lines.push(`${no}:${text}`))
    splitter.push('a\npending')
    splitter.reset()
    splitter.push('b\n')
    splitter.end()
    expect(lines).toEqual(['1:a', '1:b'])
  })
})

describe('line splitter blocks and ranges', () => {
  interface Seen {
    how: 'line' | 'range'
    text: string
    no: number
    escape?: boolean
  }

  /** Lines as a range reader sees them, after `switchAt` lines went to the plain callback. */
  function splitRanges(chunks: string[], switchAt = 0, max?: number): Seen[] {
    const seen: Seen[] = []
    const onLine = (text: string, no: number): void => {
      seen.push({ how: 'line', text, no })
    }
    const onRange = (source: string, from: number, to: number, no: number, escape: boolean): void => {
      seen.push({ how: 'range', text: source.slice(from, to), no, escape })
    }
    const splitter = createLineSplitter((text, no, full) => {
      onLine(text, no)
      if (no === switchAt) splitter.redirect(onLine, onRange)
      void full
    }, max)
    if (switchAt === 0) splitter.redirect(onLine, onRange)
    for (const chunk of chunks) splitter.push(chunk)
    splitter.end()
    return seen
  }

  const esc = '\x1b'
  const dpkg = (n: number): string => `2026-11-15T02:58:18.10${String(n).padStart(5, '0')}Z Unpacking libc6:amd64 (2.36-9+deb12u${n}) ...`

  test('lines across several blocks come out whole, in order, numbered', () => {
    const lines = Array.from({ length: 200 }, (_, i) => dpkg(i))
    const seen = splitRanges([lines.join('\r\n') + '\r\n'])
    expect(seen.map((s) => s.text)).toEqual(lines)
    expect(seen.map((s) => s.no)).toEqual(lines.map((_, i) => i + 1))
    expect(seen.every((s) => s.how === 'range')).toBe(true)
  })

  test('the ESC flag is per line, with ESCs in several lines of one block and at a line start and end', () => {
    const lines = ['plain line number one', `${esc}[91mE: Unable to locate package foo${esc}[0m`, 'plain again, no escape here', `${esc}7${esc}[24;0fProgress: [ 45%]${esc}8`, 'x', `ends in escape ${esc}`, '', 'last plain line of the block']
    const seen = splitRanges([lines.join('\n') + '\n'])
    expect(seen.map((s) => [s.text, s.escape])).toEqual(lines.map((l) => [l, l.includes(esc)]))
  })

  test('a reader that takes over in the middle of a block gets the right ESC flags', () => {
    const lines = ['first line goes to onLine', `${esc}[1msecond line goes to onLine`, 'third line is a range', `${esc}[0mfourth line is a range`, 'fifth line is a range']
    const seen = splitRanges([lines.join('\n') + '\n'], 2)
    expect(seen.map((s) => [s.how, s.text, s.escape])).toEqual([
      ['line', lines[0], undefined],
      ['line', lines[1], undefined],
      ['range', lines[2], false],
      ['range', lines[3], true],
      ['range', lines[4], false],
    ])
  })

  test('a line longer than a block goes to onLine whole; a line joined across chunks too', () => {
    const long = 'Get:1 ' + 'x'.repeat(3000)
    const seen = splitRanges([`short one\n${long}\nshort two\nsplit `, 'across chunks\n'])
    expect(seen.map((s) => [s.how, s.text])).toEqual([
      ['range', 'short one'],
      ['line', long],
      ['range', 'short two'],
      ['line', 'split across chunks'],
    ])
  })

  test('with a cap below the block length, no range is longer than the cap and a longer line is cut', () => {
    const seen = splitRanges(['abc\nabcdefgh\nabcd\n'], 0, 4)
    expect(seen.map((s) => [s.how, s.text])).toEqual([
      ['range', 'abc'],
      ['line', 'abcd'],
      ['range', 'abcd'],
    ])
  })
})
