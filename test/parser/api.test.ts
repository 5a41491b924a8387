import { describe, expect, test } from 'vitest'
import { AptLogError, createParser, parse, parseStream, type AptLogEvent } from '../../src/index.ts'
import { createLineSplitter } from '../../src/lines/splitter.ts'

describe('createParser', () => {
  test('feed after end is a clear error', () => {
    const parser = createParser()
    parser.end()
    expect(() => parser.feed('x')).toThrow(/feed\(\) called after end\(\); call reset\(\)/)
  })

  test('end twice is a clear error', () => {
    const parser = createParser()
    parser.end()
    expect(() => parser.end()).toThrow(/end\(\) called twice/)
  })

  test('reset after end allows a new log, with fresh line numbers', () => {
    const events: AptLogEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e) })
    parser.feed('a\nb\n')
    parser.end()
    parser.reset()
    parser.feed('c\n')
    parser.end()
    const ends = events.filter((e) => e.type === 'log.end')
    expect(ends.map((e) => e.line)).toEqual([2, 1])
  })

  test('a function instead of options is explained', () => {
    expect(() => createParser((() => {}) as never)).toThrow(/takes an options object/)
  })

  test('a bad maxLineLength is rejected', () => {
    expect(() => createParser({ maxLineLength: 0 })).toThrow(RangeError)
    expect(() => createParser({ maxLineLength: 1.5 })).toThrow(RangeError)
  })

  test('feed rejects what is neither string nor bytes', () => {
    expect(() => createParser().feed(42 as never)).toThrow(/string or a Uint8Array/)
  })

  test('log.end is the last event and its counts add up', () => {
    const events = parse('one\n\ntwo\n')
    const last = events.at(-1)
    expect(last?.type).toBe('log.end')
    if (last?.type !== 'log.end') return
    expect(last.lines).toBe(3)
    expect(last.recognized + last.ignored + last.unrecognized).toBe(last.lines)
  })

  test('an empty input gives only log.end with zero lines', () => {
    expect(parse('')).toEqual([{ type: 'log.end', line: 0, rule: 'log.end', lines: 0, recognized: 0, ignored: 0, unrecognized: 0, unrecognizedAptLike: 0, truncated: 0 }])
  })

  test('a long line is truncated, flagged and reported to onError', () => {
    const errors: AptLogError[] = []
    const events: AptLogEvent[] = []
    const parser = createParser({ maxLineLength: 16, onEvent: (e) => events.push(e), onError: (e) => errors.push(e) })
    parser.feed(`${'x'.repeat(100)}\nshort\n`)
    parser.end()
    expect(events[0]).toEqual({ type: 'line.truncated', line: 1, rule: 'line.truncated', length: 100, limit: 16 })
    expect(errors.map((e) => [e.code, e.line])).toEqual([['line-too-long', 1]])
    expect(parser.stats.truncated).toBe(1)
  })

  test('an exception thrown by onEvent reaches the caller', () => {
    const parser = createParser({
      onEvent: () => {
        throw new Error('consumer bug')
      },
    })
    expect(() => parser.end()).toThrow('consumer bug')
  })

  test('onUnrecognized gets exactly the lines log.end counts as unrecognised, prefix and ANSI removed', () => {
    const seen: [number, string, boolean][] = []
    const events: AptLogEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e), onUnrecognized: (text, no, aptLike) => seen.push([no, text, aptLike]) })
    parser.feed('Reading package lists...\n')
    parser.feed('2024-01-01T00:00:00.0000000Z \u001b[31mhello there\u001b[0m\n')
    parser.feed('Paketlisten werden gelesen...\n')
    parser.feed('\n0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n')
    parser.end()
    expect(seen).toEqual([
      [2, 'hello there', false],
      [3, 'Paketlisten werden gelesen...', true],
    ])
    const end = events.at(-1)
    expect(end?.type === 'log.end' && [end.unrecognized, end.unrecognizedAptLike]).toEqual([2, 1])
  })

  test("apt's fancy progress bar on a tty (apt install): the dpkg line printed after it on the same line is read", () => {
    const log = 'Unpacking libbsd0:amd64 (0.11.7-2) ...\n\x1b7\x1b[24;0f\x1b[42m\x1b[30mProgress: [ 20%]\x1b[49m\x1b[39m [#####......] \x1b8Setting up libbsd0:amd64 (0.11.7-2) ...\n'
    expect(parse(log).filter((e) => e.type === 'dpkg.progress').map((e) => (e.type === 'dpkg.progress' ? e.action : ''))).toEqual(['unpack', 'setup'])
  })

  test('GitLab section markers keep the time they carry (epoch, Unix seconds)', () => {
    const events = parse('section_start:1700000000:step_script\r\u001b[0KExecuting "step_script" stage\nsection_end:1700000042:step_script\r\u001b[0K\n')
    expect(events.slice(0, 2)).toEqual([
      { type: 'ci.group.start', line: 1, rule: 'ci.group.start', name: 'step_script', title: 'Executing "step_script" stage', epoch: 1700000000 },
      { type: 'ci.group.end', line: 2, rule: 'ci.group.end', name: 'step_script', epoch: 1700000042 },
    ])
  })

  test('CI markers become events with the timestamp', () => {
    const events = parse('2024-01-01T00:00:00.0000000Z ##[group]Run apt-get update\n2024-01-01T00:00:01.0000000Z ##[endgroup]\n')
    expect(events.slice(0, 2)).toEqual([
      { type: 'ci.group.start', line: 1, ts: '2024-01-01T00:00:00.0000000Z', rule: 'ci.group.start', name: 'Run apt-get update', title: 'Run apt-get update' },
      { type: 'ci.group.end', line: 2, ts: '2024-01-01T00:00:01.0000000Z', rule: 'ci.group.end', name: '' },
    ])
  })
})

describe('memory stays bounded', () => {
  test('a 10 MiB line without newline never holds more than the cap', () => {
    const cap = 1_048_576
    let maxBuffered = 0
    let delivered = 0
    const splitter = createLineSplitter((text, _no, full) => {
      delivered++
      expect(text.length).toBe(cap)
      expect(full).toBe(10 * 1_048_576)
    }, cap)
    const piece = 'y'.repeat(65_536)
    for (let i = 0; i < 160; i++) {
      splitter.push(piece)
      maxBuffered = Math.max(maxBuffered, splitter.buffered)
    }
    splitter.end()
    expect(maxBuffered).toBe(cap)
    expect(delivered).toBe(1)
  })
})

describe('parseStream', () => {
  test('reads an async iterable of mixed chunks', async () => {
    async function* chunks(): AsyncGenerator<string | Uint8Array> {
      yield 'a\n'
      yield new TextEncoder().encode('b\n')
    }
    const types: string[] = []
    for await (const e of parseStream(chunks())) types.push(e.type)
    expect(types).toEqual(['log.end'])
  })

  test('reads a WHATWG ReadableStream', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('line\n'))
        controller.close()
      },
    })
    const events: AptLogEvent[] = []
    for await (const e of parseStream(stream)) events.push(e)
    expect(events.at(-1)).toMatchObject({ type: 'log.end', lines: 1 })
  })
})
