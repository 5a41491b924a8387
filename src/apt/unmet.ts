/**
 * Unmet dependency blocks (FORMATS.md §4.2 "Dependency problems"):
 * `The following packages have unmet dependencies:` (apt 3 `apt`: `Unsatisfied dependencies:`), then
 * ` pkg : Depends: target (>= v) but reason[ or]`, further relations of the same package indented
 * under the colon, and OR alternatives indented further after a line ending in ` or`.
 * @module
 */

import type { AptUnmetTarget } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import type { UnmetHeaderLine } from './line-kinds.ts'

const HEADER: UnmetHeaderLine = { kind: 'unmet-header' }

/** `The following packages have unmet dependencies:` (en_GB: `.`) and apt 3's `Unsatisfied dependencies:`. */
export const unmetHeaderRule: Rule<UnmetHeaderLine> = {
  id: 'apt.unmet.header',
  first: 'TU',
  match(text: string): UnmetHeaderLine | undefined {
    if (text === 'The following packages have unmet dependencies:' || text === 'The following packages have unmet dependencies.') return HEADER
    return text === 'Unsatisfied dependencies:' ? HEADER : undefined
  },
}

/** One line inside an unmet block. */
export type UnmetLine =
  | { readonly kind: 'package'; readonly package: string; readonly relation: string; readonly target: string }
  | { readonly kind: 'relation'; readonly relation: string; readonly target: string }
  | { readonly kind: 'alternative'; readonly target: string }

// Dependency type names are capitalised words (`Depends`, `PreDepends`, `Breaks` …); package
// names are lower-case, so an indented `Word: ` opens a new relation and anything else continues an OR group.
const PACKAGE_LINE = /^ (\S+) : ([A-Z][A-Za-z-]{0,30}): (\S.*)$/
const RELATION_LINE = /^ {2,}([A-Z][A-Za-z-]{0,30}): (\S.*)$/
const ALTERNATIVE_LINE = /^ {2,}([a-z0-9]\S*(?: .*)?)$/

/** A line of an unmet block: a package's first relation, a further relation, or an OR alternative. */
export const unmetLineRule: Rule<UnmetLine> = {
  id: 'apt.unmet.relation',
  first: ' ',
  match(text: string): UnmetLine | undefined {
    if (text.length > 8192) return undefined
    let m = PACKAGE_LINE.exec(text)
    if (m !== null) return { kind: 'package', package: m[1] as string, relation: m[2] as string, target: m[3] as string }
    m = RELATION_LINE.exec(text)
    if (m !== null) return { kind: 'relation', relation: m[1] as string, target: m[2] as string }
    m = ALTERNATIVE_LINE.exec(text)
    return m === null ? undefined : { kind: 'alternative', target: m[1] as string }
  },
}

/** One target with its constraint and reason, and whether an OR alternative follows (` or` at the end). */
export function parseUnmetTarget(text: string): { target: AptUnmetTarget; or: boolean } {
  let rest = text.trim()
  const or = rest.endsWith(' or')
  if (or) rest = rest.slice(0, -3)
  const space = rest.indexOf(' ')
  const name = space === -1 ? rest : rest.slice(0, space)
  rest = space === -1 ? '' : rest.slice(space + 1)
  let constraint: string | undefined
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')')
    if (close !== -1) {
      constraint = rest.slice(1, close)
      rest = rest.slice(close + 1).trim()
    }
  }
  const target: AptUnmetTarget =
    constraint === undefined
      ? rest === ''
        ? { package: name }
        : { package: name, reason: rest }
      : rest === ''
        ? { package: name, constraint }
        : { package: name, constraint, reason: rest }
  return { target, or }
}

/** A target back in apt's words, for a problem's message: `libc6 (>= 99) but 2.36-9 is to be installed`. */
export function describeTarget(target: AptUnmetTarget): string {
  const constraint = target.constraint === undefined ? '' : ` (${target.constraint})`
  const reason = target.reason === undefined ? '' : ` ${target.reason}`
  return `${target.package}${constraint}${reason}`
}
