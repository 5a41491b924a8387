import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { CAUSE_REMEDY_KEYS, REMEDY_KINDS } from '../src/format/remedies.ts'
import { FINDING_KINDS } from '../src/run/finding-kinds.ts'

const doc = (path: string): string => readFileSync(fileURLToPath(new URL(`../docs/${path}`, import.meta.url)), 'utf8')

describe('docs', () => {
  test('docs/problems/apt.md lists every cause with a remedy of its own', () => {
    const text = doc('problems/apt.md')
    expect(CAUSE_REMEDY_KEYS.filter((k) => !text.includes(`| \`${k}\` |`))).toEqual([])
  })

  test('docs/problems.md lists every problem kind (the kinds are public API)', () => {
    const text = doc('problems.md')
    expect(REMEDY_KINDS.filter((k) => !text.includes(`| \`${k}\` |`))).toEqual([])
  })
  test('every problem kind has a row with a real example in its source table', () => {
    const tables = doc('problems/apt.md') + doc('problems/dpkg.md') + doc('problems/docker.md') + doc('problems/ci.md')
    expect(REMEDY_KINDS.filter((k) => !tables.includes(`\`${k}\``))).toEqual([])
  })
  test('docs/run-model.md documents every finding kind the run model and the diff emit', () => {
    const text = doc('run-model.md')
    expect(FINDING_KINDS.filter((k) => !text.includes(`\`${k}\``))).toEqual([])
  })
})
