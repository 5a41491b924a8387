/**
 * Leaving `parseStream` early (a `break`, a throw in the loop, `summarizeStream` failing) stops
 * the source: a `ReadableStream` is cancelled and unlocked, an iterator's `return()` is called.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { parseStream, summarizeStream, type AptLogEvent } from '../../src/index.ts'
import { fixtureText } from '../support/fixtures.ts'

const LINES = fixtureText('docker/D30-ci-job-local-legacy-cli20.log').split(/(?<=\n)/)

/** A stream of the log's lines, one per pull, recording whether it was cancelled and how far it was read. */
function lineStream(): { stream: ReadableStream<string>; state: { cancelled: boolean; pulled: number } } {
  const state = { cancelled: false, pulled: 0 }
  const stream = new ReadableStream<string>({
    pull(controller): void {
      const line = LINES[state.pulled++]
      if (line === undefined) controller.close()
      else controller.enqueue(line)
    },
    cancel(): void {
      state.cancelled = true
    },
  })
  return { stream, state }
}

/** An iterator over the log's lines, recording whether `return()` was called. */
function lineIterator(): { source: AsyncIterable<string>; state: { returned: boolean; pulled: number } } {
  const state = { returned: false, pulled: 0 }
  const iterator: AsyncIterator<string> = {
    next: async () => {
      const line = LINES[state.pulled++]
      return line === undefined ? { done: true, value: undefined } : { done: false, value: line }
    },
    return: async () => {
      state.returned = true
      return { done: true, value: undefined }
    },
  }
  return { source: { [Symbol.asyncIterator]: () => iterator }, state }
}

class Stop extends Error {}

const EXITS: readonly { name: string; loop: (events: AsyncIterable<AptLogEvent>) => Promise<void> }[] = [
  {
    name: 'break at the first problem-free step event',
    loop: async (events) => {
      for await (const event of events) if (event.step === '2') break
    },
  },
  {
    name: 'a throw in the loop body',
    loop: async (events) => {
      await expect(
        (async () => {
          for await (const event of events) if (event.step === '2') throw new Stop('consumer')
        })(),
      ).rejects.toThrow(Stop)
    },
  },
  {
    name: 'summarizeStream failing on an event it cannot fold',
    loop: async (events) => {
      async function* thenBroken(): AsyncGenerator<AptLogEvent> {
        for await (const event of events) {
          yield event
          if (event.step === '2') yield null as unknown as AptLogEvent
        }
      }
      await expect(summarizeStream(thenBroken())).rejects.toThrow(TypeError)
    },
  },
]

describe('leaving parseStream early stops its source', () => {
  for (const { name, loop } of EXITS) {
    test(`ReadableStream, ${name}: cancelled, unlocked, not read to the end`, async () => {
      const { stream, state } = lineStream()
      await loop(parseStream(stream))
      expect(state.cancelled).toBe(true)
      expect(stream.locked).toBe(false)
      expect(state.pulled).toBeLessThan(LINES.length)
    })
    test(`async iterator, ${name}: return() called, not read to the end`, async () => {
      const { source, state } = lineIterator()
      await loop(parseStream(source))
      expect(state.returned).toBe(true)
      expect(state.pulled).toBeLessThan(LINES.length)
    })
  }

  test('near miss: a stream read to its end is not cancelled, and gives every event', async () => {
    const { stream, state } = lineStream()
    const events: AptLogEvent[] = []
    for await (const event of parseStream(stream)) events.push(event)
    expect(state.cancelled).toBe(false)
    expect(stream.locked).toBe(false)
    expect(events.at(-1)?.type).toBe('log.end')
  })

  test('near miss: an iterator read to its end gets no return()', async () => {
    const { source, state } = lineIterator()
    let count = 0
    for await (const _ of parseStream(source)) count++
    expect(state.returned).toBe(false)
    expect(count).toBeGreaterThan(0)
  })
})
