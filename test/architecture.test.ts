import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

/** Import specifiers of a file, static and dynamic, including `import type`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)) found.push(m[1] as string)
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] as string)
  for (const m of text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] as string)
  return found
}

/** Files allowed to use the platform: the Node adapter and the CLI. */
const PLATFORM = (rel: string): boolean => rel === 'adapters/node.ts' || rel.startsWith('cli/')

/**
 * Layers, bottom to top. A file may import from its own layer or a lower one, never a higher one
 * (events are contract types every layer reads).
 */
const LAYERS: readonly string[][] = [
  ['lines', 'events'],
  ['grammar'],
  ['locale'],
  ['apt', 'dpkg', 'logfiles', 'env'],
  ['context'],
  ['docker'],
  ['parser'],
  ['run'],
  ['diff'],
  ['fleet'],
  ['format'],
  ['index.ts'],
  ['adapters'],
  ['cli'],
]
const layerOf = (rel: string): number => LAYERS.findIndex((names) => names.includes(rel.split('/')[0] as string))

describe('architecture', () => {
  const files = sources().map((f) => relative(SRC, f))

  test('every source file belongs to a layer', () => {
    expect(files.filter((f) => layerOf(f) === -1)).toEqual([])
  })

  test('the core imports nothing from node: and no package', () => {
    const offenders = files
      .filter((f) => !PLATFORM(f))
      .flatMap((f) => importsOf(join(SRC, f)).filter((s) => !s.startsWith('.')).map((s) => `${f} → ${s}`))
    expect(offenders).toEqual([])
  })

  test('no source file imports a runtime package (zero dependencies)', () => {
    const offenders = files.flatMap((f) => importsOf(join(SRC, f)).filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => `${f} → ${s}`))
    expect(offenders).toEqual([])
  })

  test('imports only point downward', () => {
    const offenders: string[] = []
    for (const f of files) {
      const from = layerOf(f)
      for (const spec of importsOf(join(SRC, f)).filter((s) => s.startsWith('.'))) {
        const target = relative(SRC, join(SRC, f, '..', spec))
        if (layerOf(target) > from) offenders.push(`${f} → ${target}`)
      }
    }
    expect(offenders).toEqual([])
  })

  test('the checker sees imports (a test that can fail)', () => {
    expect(importsOf(join(SRC, 'adapters/node.ts'))).toContain('node:fs')
  })

  test('package.json has no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as Record<string, unknown>
    expect(pkg['dependencies']).toBeUndefined()
  })
})
