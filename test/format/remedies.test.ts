import { describe, expect, test } from 'vitest'
import { explainReport, parse, remedyFor, renderText, summarize } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

describe('remedies by cause', () => {
  test('a cause with a remedy of its own replaces the kind’s remedy; the title stays the kind’s', () => {
    expect(remedyFor('apt.fetch-failed', 'hash-mismatch')).toEqual({ title: 'download failed', remedy: expect.stringMatching(/^The file does not match the checksum/) })
    expect(remedyFor('apt.fetch-failed', 'no-such-cause')).toEqual(remedyFor('apt.fetch-failed'))
    expect(remedyFor('apt.lock-held', 'held')).toEqual(remedyFor('apt.lock-held'))
  })

  test.each([
    ['apt/bookworm-i8-hash-sum-mismatch.log', 'hash-mismatch', /Retrying the same mirror rarely helps/],
    ['apt/bookworm-i3-stale-lists-404-failed-to-fetch.log', 'http-404', /the package lists are older than the archive/],
    ['apt/trixie-i6-dns-resolution-failure-update.log', 'dns', /could not resolve the mirror's name/],
    ['apt/bookworm-i5-archive-fetch-connection-refused-via-proxy.log', 'connection-refused', /could not be reached from the builder/],
  ])('explain %s: the root cause is a %s, and the remedy is that cause’s', (capture, cause, remedy) => {
    const run = summarize(parse(fixtureBytes(capture)))
    expect(run.rootCause).toMatchObject({ kind: 'apt.fetch-failed', cause })
    expect(renderText(explainReport(run, new Map())).replace(/\s+/g, ' ')).toMatch(remedy)
  })
})
