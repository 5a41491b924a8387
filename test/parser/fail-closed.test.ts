/**
 * A consumer's callback that throws closes the parser: the exception reaches the caller, no later
 * event is delivered with shifted line numbers or a lost docker step, and the parser says so until
 * `reset()`.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { AptLogError, createParser, parse, type AptLogEvent, type ParserOptions } from '../../src/index.ts'
import { fixtureText } from '../support/fixtures.ts'

// A legacy build: events carry the step (`2`) the `Step 2/5` line opened.
const LOG = fixtureText('docker/D30-ci-job-local-legacy-cli20.log')
const WHOLE = parse(LOG)

class ConsumerBug extends Error {}

/** A parser over LOG whose `callback` throws on its `nth` call; the events it delivered. */
function throwingParser(callback: 'onEvent' | 'onLine' | 'onUnrecognized' | 'onError', nth: number): { parser: ReturnType<typeof createParser>; events: AptLogEvent[] } {
  const events: AptLogEvent[] = []
  let calls = 0
  const bomb = (): void => {
    if (++calls === nth) throw new ConsumerBug(`${callback} call ${nth}`)
  }
  const options: ParserOptions = { onEvent: (e) => events.push(e), maxLineLength: 64 }
  if (callback === 'onEvent') options.onEvent = (e) => (bomb(), events.push(e))
  else options[callback] = bomb
  return { parser: createParser(options), events }
}

describe('a callback that throws closes the parser', () => {
  // maxLineLength 64 makes onError fire (line-too-long) on this log's long lines.
  const CALLBACKS = [
    { callback: 'onEvent', nth: 40 },
    { callback: 'onLine', nth: 90 },
    { callback: 'onUnrecognized', nth: 3 },
    { callback: 'onError', nth: 2 },
  ] as const

  for (const { callback, nth } of CALLBACKS) {
    test(`${callback}: the exception leaves feed(); later feed() and end() throw 'closed'; reset() reads the log anew`, () => {
      const { parser, events } = throwingParser(callback, nth)
      expect(() => parser.feed(LOG)).toThrow(ConsumerBug)
      const delivered = events.length
      // The rest of the chunk is not read on the quiet: a second feed is refused, by name.
      const refused = ((): unknown => {
        try {
          parser.feed('Step 3/5 : COPY entrypoint.sh /usr/local/bin/entrypoint.sh\n')
        } catch (error) {
          return error
        }
        return undefined
      })()
      expect(refused).toBeInstanceOf(AptLogError)
      expect((refused as AptLogError).code).toBe('closed')
      expect((refused as AptLogError).message).toMatch(/closed after a callback threw; call reset\(\)/)
      expect(() => parser.end()).toThrow(/closed after a callback threw/)
      expect(events.length, 'nothing more is delivered').toBe(delivered)
      parser.reset()
      events.length = 0
      parser.feed(LOG)
      parser.end()
      // After reset the log reads from line 1 with its steps: the same events as a fresh parse (the throw fired once).
      expect(events).toEqual(parse(LOG, { maxLineLength: 64 }))
    })
  }

  test('what was delivered before the throw is right: the first events of the log, with their lines and steps', () => {
    const { parser, events } = throwingParser('onEvent', 40)
    expect(() => parser.feed(LOG)).toThrow(ConsumerBug)
    expect(events).toEqual(parse(LOG, { maxLineLength: 64 }).slice(0, 39))
    expect(events.some((e) => e.step === '2'), 'some delivered events are in step 2').toBe(true)
  })

  test('a throw from onEvent inside end() closes it too: end() again says closed, not "called twice"', () => {
    const parser = createParser({
      onEvent: (e) => {
        if (e.type === 'log.end') throw new ConsumerBug('at the end')
      },
    })
    parser.feed(LOG)
    expect(() => parser.end()).toThrow(ConsumerBug)
    expect(() => parser.end()).toThrow(/closed after a callback threw/)
  })

  test('near miss: callbacks that return normally leave the parser open across any split', () => {
    const events: AptLogEvent[] = []
    const parser = createParser({ onEvent: (e) => events.push(e), onLine: () => undefined, onUnrecognized: () => undefined })
    const cut = LOG.indexOf('Step 3/5')
    parser.feed(LOG.slice(0, cut - 7))
    parser.feed(LOG.slice(cut - 7))
    parser.end()
    expect(events).toEqual(WHOLE)
  })

  test('near miss: a consumer that catches its own exception inside the callback does not close the parser', () => {
    const events: AptLogEvent[] = []
    const parser = createParser({
      onEvent: (e) => {
        try {
          if (e.line === 90) throw new ConsumerBug('handled')
        } catch {
          // the consumer's own business
        }
        events.push(e)
      },
    })
    parser.feed(LOG)
    parser.end()
    expect(events).toEqual(WHOLE)
  })
})
