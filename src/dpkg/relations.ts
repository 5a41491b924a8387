/**
 * Relation lines inside dpkg's dependency blocks (FORMATS.md §5.5; dpkg `src/main/packages.c`,
 * `depcon.c`), after their one-space indent:
 *
 * - ` loop2-multiarch-support depends on loop2-libc6 (>= 2.3.6-2); however:` (configure, reasons follow)
 * - ` libpam-modules:amd64 depends on libdb5.3.` (forced removal: no reasons)
 * - ` loop2-libgcc1 pre-depends on loop2-multiarch-support` (pre-dependency block, reasons follow)
 * - ` x (1.0) breaks y (<< 2) and is installed.` (Breaks check while configuring)
 * @module
 */

import type { Rule } from '../grammar/rules.ts'

/** One relation line. */
export interface RelationLine {
  /** The depending package as printed (with `:arch` when dpkg printed one). */
  readonly package: string
  /** Its version (Breaks form only). */
  readonly version?: string | undefined
  /** `depends on`, `pre-depends on`, `breaks`, `conflicts with`, `recommends`, `suggests`, `enhances`. */
  readonly relation: string
  /** The target as printed: `loop2-libc6 (>= 2.3.6-2)`. */
  readonly target: string
  /** The Breaks form's status: `installed` from `and is installed.` */
  readonly status?: string | undefined
}

const RELATIONS: readonly string[] = ['depends on', 'pre-depends on', 'conflicts with', 'breaks', 'recommends', 'suggests', 'enhances']

/** The text after the relation keyword, with the line's ending removed. */
function stripEnding(text: string): { target: string; status?: string } {
  if (text.endsWith('; however:')) return { target: text.slice(0, -'; however:'.length) }
  const andIs = text.lastIndexOf(' and is ')
  if (andIs > 0 && text.endsWith('.')) return { target: text.slice(0, andIs), status: text.slice(andIs + ' and is '.length, -1) }
  if (text.endsWith('.')) return { target: text.slice(0, -1) }
  return { target: text }
}

/** A relation line without its indent; undefined when it is not one. */
export const RELATION_RULE: Rule<RelationLine> = {
  id: 'dpkg.relation',
  first: '',
  match(text: string): RelationLine | undefined {
    const space = text.indexOf(' ')
    if (space < 1) return undefined
    const pkg = text.slice(0, space)
    let at = space + 1
    let version: string | undefined
    if (text.charCodeAt(at) === 0x28) {
      const close = text.indexOf(') ', at)
      if (close === -1) return undefined
      version = text.slice(at + 1, close)
      at = close + 2
    }
    const relation = RELATIONS.find((r) => text.startsWith(`${r} `, at))
    if (relation === undefined) return undefined
    const { target, status } = stripEnding(text.slice(at + relation.length + 1))
    if (target.length === 0) return undefined
    const line: { -readonly [K in keyof RelationLine]: RelationLine[K] } = { package: pkg, relation, target }
    if (version !== undefined) line.version = version
    if (status !== undefined) line.status = status
    return line
  },
}
