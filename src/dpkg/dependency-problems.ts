/**
 * `dpkg: dependency problems prevent configuration of x:` (also `removal of`, `processing
 * triggers for`) + relation lines + two-space reason lines + a blank line (FORMATS.md §5.5,
 * dpkg `src/main/configure.c`, `remove.c`, `trigproc.c`, `packages.c`):
 *
 * ```
 * dpkg: dependency problems prevent configuration of loop2-libc6:amd64:
 *  loop2-libc6:amd64 depends on loop2-libgcc1; however:
 *   Package loop2-libgcc1 is not installed.
 * <blank>
 * ```
 *
 * and the forced form `dpkg: libdb5.3:amd64: dependency problems, but removing anyway as you
 * requested:` + ` libpam-modules:amd64 depends on libdb5.3.` + blank line. The block itself is the
 * detail; the problem comes with the `dependency problems - leaving unconfigured` error after it.
 * @module
 */

import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { DpkgDependencyProblemsEvent, DpkgRelationProblem } from '../events/dpkg.ts'
import type { Rule } from '../grammar/rules.ts'
import { clip, indentOf, MAX_BLOCK_LINES, REJECTED, TAKEN, TAKEN_LAST, type BlockStep, type DpkgSink, type OpenBlock } from './block.ts'
import type { PreventHeaderLine } from './hits.ts'
import { parsePackageRef } from './package-ref.ts'
import { RELATION_RULE } from './relations.ts'
import { isBlank } from '../lines/chars.ts'

const PREVENT: readonly (readonly [string, PreventHeaderLine['operation']])[] = [
  ['dpkg: dependency problems prevent configuration of ', 'configuration'],
  ['dpkg: dependency problems prevent removal of ', 'removal'],
  ['dpkg: dependency problems prevent processing triggers for ', 'triggers'],
]

const FORCED: readonly (readonly [string, PreventHeaderLine['operation']])[] = [
  [': dependency problems, but configuring anyway as you requested:', 'configuration'],
  [': dependency problems, but removing anyway as you requested:', 'removal'],
  [': dependency problems, but processing triggers anyway as you requested:', 'triggers'],
]

/** `dpkg: dependency problems prevent configuration of x:` and its removal/triggers variants. */
export const PREVENT_HEADER_RULE: Rule<PreventHeaderLine> = {
  id: 'dpkg.dependency-problems',
  first: 'd',
  match(text: string): PreventHeaderLine | undefined {
    if (!text.endsWith(':')) return undefined
    for (const [head, operation] of PREVENT) {
      if (!text.startsWith(head)) continue
      const ref = parsePackageRef(text.slice(head.length, -1))
      return ref === undefined ? undefined : { kind: 'prevent-header', ref, operation, forced: false }
    }
    return undefined
  },
}

/** `dpkg: x: dependency problems, but removing anyway as you requested:` (and configuring, processing triggers). */
export const FORCED_HEADER_RULE: Rule<PreventHeaderLine> = {
  id: 'dpkg.dependency-problems.forced',
  first: 'd',
  match(text: string): PreventHeaderLine | undefined {
    if (!text.startsWith('dpkg: ')) return undefined
    for (const [tail, operation] of FORCED) {
      if (!text.endsWith(tail)) continue
      const ref = parsePackageRef(text.slice('dpkg: '.length, text.length - tail.length))
      return ref === undefined ? undefined : { kind: 'prevent-header', ref, operation, forced: true }
    }
    return undefined
  },
}

/** Open the block for a prevent/forced header. `remember` keeps the event for the error that may follow. */
export function openDependencyProblemsBlock(
  hit: PreventHeaderLine,
  ctx: LineContext,
  rule: string,
  sink: DpkgSink,
  remember: (event: DpkgDependencyProblemsEvent) => void,
): OpenBlock {
  const relations: { package: string; version?: string; relation: string; target: string; reasons: string[] }[] = []
  let stored = 0
  let endLine = ctx.line
  return {
    // The block ends with a blank line, then dpkg's error header.
    unfinished: (): boolean => true,
    offer(text: string, lineCtx: LineContext): BlockStep {
      if (isBlank(text)) {
        endLine = lineCtx.line
        return TAKEN_LAST
      }
      const indent = indentOf(text)
      if (indent === 1) {
        const relation = RELATION_RULE.match(text.slice(1))
        if (relation === undefined) return REJECTED
        if (stored++ < MAX_BLOCK_LINES) {
          const entry: (typeof relations)[number] = { package: relation.package, relation: relation.relation, target: relation.target, reasons: [] }
          if (relation.version !== undefined) entry.version = relation.version
          if (relation.status !== undefined) entry.reasons.push(relation.status)
          relations.push(entry)
        }
      } else if (indent >= 2 && relations.length > 0) {
        const last = relations[relations.length - 1]
        if (last !== undefined && stored++ < MAX_BLOCK_LINES) last.reasons.push(clip(text.trimStart()))
      } else {
        return REJECTED
      }
      endLine = lineCtx.line
      return TAKEN
    },
    close(): void {
      const event: { -readonly [K in keyof DpkgDependencyProblemsEvent]: DpkgDependencyProblemsEvent[K] } = {
        type: 'dpkg.dependency-problems',
        ...baseFields(ctx, rule, endLine),
        package: hit.ref.name,
      } as DpkgDependencyProblemsEvent
      if (hit.ref.arch !== undefined) event.arch = hit.ref.arch
      event.operation = hit.operation
      event.relations = relations.map((r): DpkgRelationProblem => r)
      if (hit.forced) event.forced = true
      sink.event(event)
      remember(event)
    },
  }
}
