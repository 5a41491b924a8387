/**
 * A fleet worker reads a small log in one call and leaves everything else to the streaming reader
 * (`readWhole`): these are the cases where it must step aside, so that a gzip bomb, a FIFO or an
 * unreadable file behave exactly as `aptlog summary` reads them.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { readWhole } from '../../src/cli/commands/fleet-worker.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const TMP = mkdtempSync(join(tmpdir(), 'aptlog-worker-read-'))
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

const LOG = fixtureBytes('apt/bookworm-h2b-dpkg-i-predepends-nonexistent.log')
const file = (name: string, bytes: Uint8Array): string => {
  const path = join(TMP, name)
  writeFileSync(path, bytes)
  return path
}
const LIMITS = { file: 64 * 1024, inflated: 256 * 1024 }

describe('readWhole', () => {
  test('a small log: its bytes', () => {
    expect(Buffer.from(readWhole(file('plain.log', LOG), LIMITS) ?? [])).toEqual(Buffer.from(LOG))
  })

  test('a small .gz: the inflated bytes', () => {
    expect(Buffer.from(readWhole(file('plain.log.gz', gzipSync(LOG)), LIMITS) ?? [])).toEqual(Buffer.from(LOG))
  })

  test('two gzip members, as `cat a.gz b.gz` makes: both inflated', () => {
    const twice = Buffer.concat([gzipSync(LOG), gzipSync(LOG)])
    expect(Buffer.from(readWhole(file('twice.log.gz', twice), LIMITS) ?? [])).toEqual(Buffer.concat([LOG, LOG]))
  })

  test.each([
    ['a file past the size limit', () => file('large.log', new Uint8Array(LIMITS.file + 1).fill(0x41))],
    ['a .gz that inflates past its limit (a bomb stays bounded)', () => file('bomb.log.gz', gzipSync(new Uint8Array(LIMITS.inflated + 1)))],
    ['a directory', () => {
      const dir = join(TMP, 'dir')
      mkdirSync(dir, { recursive: true })
      return dir
    }],
    ['a missing file (the streaming reader words the error)', () => join(TMP, 'missing.log')],
  ])('%s: streams instead', (_what, make) => {
    expect(readWhole(make(), LIMITS)).toBeUndefined()
  })

  test('a damaged .gz is an error with the code the streaming reader gives (Z_DATA_ERROR)', () => {
    const damaged = Buffer.from(gzipSync(LOG))
    const crc = damaged.length - 8
    damaged.writeUInt8(damaged.readUInt8(crc) ^ 0xff, crc)
    let code: unknown
    try {
      readWhole(file('damaged.log.gz', damaged), LIMITS)
    } catch (error) {
      code = (error as { code?: unknown }).code
    }
    expect(code).toBe('Z_DATA_ERROR')
  })
})
