/**
 * Every regular expression in src/, found with the TypeScript compiler API (never by grepping):
 *
 * - regex literals (`/^Setting up (\S+) /`);
 * - `RegExp(…)` and `new RegExp(…)` (also `globalThis.RegExp`) with a literal pattern: a string
 *   literal, a template without substitutions, or a regex literal (its flags replaced by a literal
 *   second argument);
 * - `String#match`, `search` and `matchAll` called on a string with a string: the string is
 *   compiled as a regex (`'a.b'.match('.')`), so it is one too.
 *
 * A `RegExp` call or a string pattern whose pattern or flags are not literal cannot be checked
 * statically: it is returned as `dynamic`, for the caller's allow-list.
 * @module
 */

import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'

/** How the regex is written. */
export type RegexHow = 'literal' | 'RegExp' | 'string-pattern'

/** A regex with a known pattern and flags, where it is written. */
export interface RegexSite {
  /** Path relative to the root given to `regexInventory`, with `/`. */
  readonly file: string
  /** 1-based line of the expression. */
  readonly line: number
  readonly how: RegexHow
  /** The pattern as `RegExp` sees it (`source`). */
  readonly source: string
  readonly flags: string
}

/** A regex built at run time: a pattern or flags that are not literal. */
export interface DynamicSite {
  readonly file: string
  readonly line: number
  readonly how: Exclude<RegexHow, 'literal'>
  /** The call as written, whitespace collapsed: the allow-list key together with `file`. */
  readonly expression: string
}

/** What `regexInventory` found. */
export interface RegexInventory {
  /** Source files read. */
  readonly files: readonly string[]
  readonly regexes: readonly RegexSite[]
  readonly dynamic: readonly DynamicSite[]
}

/** `.ts` files under `dir`, sorted. */
export function typeScriptFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts')) out.push(full)
    }
  }
  walk(dir)
  return out.sort()
}

/** Methods of `String.prototype` that compile a string argument into a regex. */
const COMPILING_METHODS: ReadonlySet<string> = new Set(['match', 'matchAll', 'search'])

/** The value of a literal string expression, or undefined when it is not one. */
function literalString(node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return undefined
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isParenthesizedExpression(node)) return literalString(node.expression)
  return undefined
}

/** `/source/flags` of a regex literal. */
function splitLiteral(node: ts.RegularExpressionLiteral): { source: string; flags: string } {
  const text = node.text
  const end = text.lastIndexOf('/')
  return { source: text.slice(1, end), flags: text.slice(end + 1) }
}

/** `RegExp` or `globalThis.RegExp`. */
function isRegExpCallee(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'RegExp'
  return ts.isPropertyAccessExpression(node) && node.name.text === 'RegExp' && ts.isIdentifier(node.expression) && node.expression.text === 'globalThis'
}

const compact = (node: ts.Node, sf: ts.SourceFile): string => node.getText(sf).replace(/\s+/g, ' ')

/**
 * The regexes of `files` (absolute paths), reported relative to `root`. `extra` adds in-memory
 * files (absolute path → text), read before the disk: the self-tests give it sources of their own.
 * One program for all of them, so the type checker can tell a string receiver (`text.match('x')`)
 * from the rule tables' own `match` methods.
 */
export function regexInventory(root: string, files: readonly string[], extra: ReadonlyMap<string, string> = new Map()): RegexInventory {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    // ES2022 only, no Node or DOM types: they would double the time. A receiver typed from them is
    // `any` here and is treated like a string (below), so nothing is missed.
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  }
  const host = ts.createCompilerHost(options, true)
  const getSourceFile = host.getSourceFile.bind(host)
  const fileExists = host.fileExists.bind(host)
  const readFile = host.readFile.bind(host)
  host.getSourceFile = (name, version, onError, create) => {
    const text = extra.get(name)
    return text === undefined ? getSourceFile(name, version, onError, create) : ts.createSourceFile(name, text, version, true)
  }
  host.fileExists = (name) => extra.has(name) || fileExists(name)
  host.readFile = (name) => extra.get(name) ?? readFile(name)
  const all = [...files, ...extra.keys()]
  const program = ts.createProgram({ rootNames: all, options, host })
  const checker = program.getTypeChecker()

  const regexes: RegexSite[] = []
  const dynamic: DynamicSite[] = []
  for (const path of all) {
    const sf = program.getSourceFile(path)
    if (sf === undefined) throw new Error(`${path}: not in the program`)
    const file = relative(root, path).split(sep).join('/')
    const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
    const known = (node: ts.Node, how: RegexHow, source: string, flags: string): void => {
      regexes.push({ file, line: lineOf(node), how, source, flags })
    }
    const unknown = (node: ts.Node, how: DynamicSite['how']): void => {
      dynamic.push({ file, line: lineOf(node), how, expression: compact(node, sf) })
    }
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        // a literal given to `new RegExp(literal, flags)` is reported there, with its real flags
        const parent = node.parent
        const wrapped = (ts.isNewExpression(parent) || ts.isCallExpression(parent)) && isRegExpCallee(parent.expression) && parent.arguments?.[0] === node && parent.arguments.length > 1
        if (!wrapped) {
          const { source, flags } = splitLiteral(node)
          known(node, 'literal', source, flags)
        }
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && isRegExpCallee(node.expression)) {
        const [pattern, flagsArg] = node.arguments ?? []
        const flags = flagsArg === undefined ? '' : literalString(flagsArg)
        if (pattern !== undefined && ts.isRegularExpressionLiteral(pattern)) {
          const own = splitLiteral(pattern)
          if (flagsArg === undefined) {
            // the literal itself is visited below and reported as a literal
          } else if (flags === undefined) unknown(node, 'RegExp')
          else known(node, 'RegExp', own.source, flags)
        } else {
          const source = pattern === undefined ? '(?:)' : literalString(pattern)
          if (source === undefined || flags === undefined) unknown(node, 'RegExp')
          else known(node, 'RegExp', source, flags)
        }
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && COMPILING_METHODS.has(node.expression.name.text)) {
        const receiver = checker.getTypeAtLocation(node.expression.expression)
        const argument = node.arguments[0]
        const maybeString = (receiver.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any)) !== 0
        if (maybeString && argument !== undefined && !ts.isRegularExpressionLiteral(argument)) {
          const type = checker.getTypeAtLocation(argument)
          const isRegExp = type.getSymbol()?.getName() === 'RegExp'
          if (!isRegExp) {
            const source = literalString(argument)
            // matchAll adds `g`; match and search compile with no flags
            if (source === undefined) unknown(node, 'string-pattern')
            else known(node, 'string-pattern', source, node.expression.name.text === 'matchAll' ? 'g' : '')
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return { files: all.map((p) => relative(root, p).split(sep).join('/')), regexes, dynamic }
}
