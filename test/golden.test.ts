import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from '../src/index.ts'
import { allCaptures, FIXTURES, fixtureBytes } from './support/fixtures.ts'

/**
 * Every capture against its golden events file (`<capture>.events.jsonl`, one event per line).
 * A golden file is reviewed like code: read its diff before accepting an update (`vitest -u`).
 */
describe('golden events', () => {
  for (const name of allCaptures()) {
    test(name, async () => {
      const events = parse(fixtureBytes(name))
      const jsonl = events.map((e) => JSON.stringify(e)).join('\n') + '\n'
      await expect(jsonl).toMatchFileSnapshot(join(FIXTURES, name.replace(/\.(log|txt)$/, '.events.jsonl')))
    })
  }
})
