import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { fleetInputs, type FleetInput } from '../../src/cli/commands/fleet-inputs.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const ROOT = mkdtempSync(join(tmpdir(), 'aptlog-walk-'))
const put = (path: string, bytes: Uint8Array): void => {
  mkdirSync(join(ROOT, path, '..'), { recursive: true })
  writeFileSync(join(ROOT, path), bytes)
}
const LOG = fixtureBytes('seed/incident-runner-excerpt.log')
put('jobs/b/2.log', LOG)
put('jobs/a/1.log.gz', gzipSync(LOG))
put('jobs/a/deeper/3.txt', LOG)
put('jobs/0.log', LOG)
symlinkSync(join(ROOT, 'jobs'), join(ROOT, 'jobs/a/loop'))
symlinkSync(join(ROOT, 'jobs/0.log'), join(ROOT, 'jobs/link.log'))
symlinkSync(join(ROOT, 'nowhere.log'), join(ROOT, 'jobs/dangling.log'))

async function list(args: string[], stdin = ''): Promise<FleetInput[]> {
  const out: FleetInput[] = []
  for await (const input of fleetInputs(args, Readable.from([stdin]))) out.push({ ...input, path: relative(ROOT, input.path) })
  return out
}

describe('fleet inputs', () => {
  test('a directory is walked recursively in name order; .gz files are inputs like any; a link to a directory is not followed', async () => {
    expect((await list([join(ROOT, 'jobs')])).map((i) => i.path)).toEqual(['jobs/0.log', 'jobs/a/1.log.gz', 'jobs/a/deeper/3.txt', 'jobs/b/2.log', 'jobs/link.log'])
  })
  test('a file argument is an input even when missing (its reader says why)', async () => {
    expect(await list([join(ROOT, 'jobs/b/2.log'), join(ROOT, 'missing.log')])).toEqual([{ path: 'jobs/b/2.log' }, { path: 'missing.log' }])
  })
  test('- reads paths from standard input, one a line, directories walked too; blank lines and CR LF are fine', async () => {
    const stdin = `${join(ROOT, 'jobs/b')}\r\n\n${join(ROOT, 'jobs/0.log')}\n`
    expect((await list(['-'], stdin)).map((i) => i.path)).toEqual(['jobs/b/2.log', 'jobs/0.log'])
  })
})
