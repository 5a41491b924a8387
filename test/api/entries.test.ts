/**
 * The package entries export by name: a wildcard (`export * from`, `export type * from`) would
 * publish whatever a module happens to export, and once published a type-only wildcard over a
 * module with values declared a value (`baseFields`) the JavaScript never had.
 */

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const WILDCARD = /^\s*export\s+(?:type\s+)?\*/gm

/** Wildcard re-export lines of a source text. */
const wildcards = (text: string): string[] => Array.from(text.matchAll(WILDCARD), (m) => m[0].trim())

describe('package entries export by name', () => {
  test.each([
    ['export * from', "export * from './format/index.ts'", ['export *']],
    ['export type * from', "export type * from './events/index.ts'", ['export type *']],
    ['export * as a namespace', "export * as format from './format/index.ts'", ['export *']],
    ['named exports', "export { parse } from './parser/parse.ts'\nexport type { Chunk } from './lines/decoder.ts'", []],
    ['a comment that mentions export *', "// not: export * from './x.ts'", []],
  ] as const)('the check: %s', (_name, text, expected) => {
    expect(wildcards(text)).toEqual(expected)
  })

  test.each(['src/index.ts', 'src/adapters/web-stream.ts', 'src/adapters/node.ts'])('%s', (path) => {
    const text = readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8')
    expect(wildcards(text), `${path}: export each public name by name (README "API"), then run npm run api:update`).toEqual([])
  })
})
