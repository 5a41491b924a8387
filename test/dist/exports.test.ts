/**
 * What the built declarations promise is what the built JavaScript has: for every entry and both
 * module formats, the value exports of the .d.ts (read with the TypeScript compiler API) equal the
 * runtime exports of the .js / .cjs in a plain Node process. A value declared but missing (a name
 * that typechecks and then fails at import) or shipped but undeclared fails here. dist/ is built by
 * the suite's global setup.
 */

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ENTRIES = ['index', 'stream', 'node'] as const

/** The names a declaration file exports as values (functions, classes, constants), sorted. */
function declaredValues(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, types: [] })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
  if (module === undefined) throw new Error(`${file}: no module`)
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => isValue(checker, symbol))
    .map((symbol) => symbol.name)
    .sort()
}

/** A value export: its target has a value meaning and no link of its alias chain is type-only. */
function isValue(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  let current = symbol
  for (let hops = 0; current.flags & ts.SymbolFlags.Alias; hops++) {
    if (hops > 100) throw new Error(`${symbol.name}: alias chain too long`)
    if ((current.declarations ?? []).some((d) => ts.isTypeOnlyImportOrExportDeclaration(d))) return false
    current = checker.getImmediateAliasedSymbol(current) ?? checker.getAliasedSymbol(current)
  }
  return (current.flags & ts.SymbolFlags.Value) !== 0
}

/** Runtime export names of every entry, ESM (`import()`) and CommonJS (`require`), from a plain Node process. */
function runtimeExports(): Record<string, string[]> {
  const script = [
    "import { createRequire } from 'node:module'",
    `const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})`,
    'const out = {}',
    `for (const entry of ${JSON.stringify(ENTRIES)}) {`,
    `  out[entry + '.js'] = Object.keys(await import(${JSON.stringify(`${ROOT}/dist/`)} + entry + '.js')).sort()`,
    `  out[entry + '.cjs'] = Object.keys(require(${JSON.stringify(`${ROOT}/dist/`)} + entry + '.cjs')).filter((k) => k !== '__esModule').sort()`,
    '}',
    'console.log(JSON.stringify(out))',
  ].join('\n')
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, string[]>
}

const scratch = mkdtempSync(join(tmpdir(), 'aptlog-exports-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('declared value exports', () => {
  // The reader itself, on declarations shaped like the bundler's: values, types, and aliases of both.
  test.each([
    ['a function, a class and a constant', 'declare function f(): void\ndeclare class C {}\ndeclare const k = 1\nexport { f, C, k }', ['C', 'f', 'k']],
    ['interfaces and type aliases are not values', 'interface I { a: 1 }\ntype T = 1\ndeclare function f(): void\nexport { I, T, f }', ['f']],
    ['a class exported type-only is not a value', 'declare class C {}\nexport type { C }', []],
    ['a value renamed by the bundler', 'declare function f(): void\nexport { f as parse }', ['parse']],
    ['a value through another file (the shared chunk)', "export { g as renamed } from './chunk.js'", ['renamed']],
    ['a type through another file', "export { T } from './chunk.js'", []],
  ] as const)('%s', (_name, text, expected) => {
    writeFileSync(join(scratch, 'chunk.d.ts'), 'declare function g(): void\ntype T = 1\nexport { g, T }\n')
    const file = join(scratch, `entry-${expected.length}-${text.length}.d.ts`)
    writeFileSync(file, `${text}\n`)
    expect(declaredValues(file)).toEqual(expected)
  })
})

describe('the built package: declared value exports = runtime exports', () => {
  const runtime = runtimeExports()

  test.each(ENTRIES.flatMap((entry) => [
    [`dist/${entry}.d.ts`, `dist/${entry}.js`],
    [`dist/${entry}.d.cts`, `dist/${entry}.cjs`],
  ]))('%s declares what %s exports', (declarations, javascript) => {
    const declared = declaredValues(join(ROOT, declarations))
    const shipped = runtime[javascript.slice('dist/'.length)] ?? []
    expect(declared.length, `${declarations} declares no value`).toBeGreaterThan(0)
    expect({ declaredButMissing: declared.filter((n) => !shipped.includes(n)), shippedButUndeclared: shipped.filter((n) => !declared.includes(n)) }).toEqual({
      declaredButMissing: [],
      shippedButUndeclared: [],
    })
  })
})
