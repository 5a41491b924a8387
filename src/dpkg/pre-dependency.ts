/**
 * The pre-dependency block (FORMATS.md §5.5, dpkg `src/main/unpack.c`, reasons from `depcon.c`):
 *
 * ```
 * dpkg: regarding .../loop2-libgcc1_1%3a4.9.2-10_amd64.deb containing loop2-libgcc1:amd64, pre-dependency problem:
 *  loop2-libgcc1 pre-depends on loop2-multiarch-support
 *   loop2-multiarch-support is unpacked, but has never been configured.
 * <blank>
 * ```
 *
 * What follows decides what it was: `dpkg: error processing archive … (--unpack):` /
 * ` pre-dependency problem - not installing …` (fatal: the error carries the problem), or
 * `dpkg: warning: ignoring pre-dependency problem!` (forced: the block becomes `ignored` and
 * carries a warning problem). So the block stays open for one line after its blank line.
 * @module
 */

import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { DpkgPreDependencyEvent } from '../events/dpkg.ts'
import type { Rule } from '../grammar/rules.ts'
import { clip, indentOf, MAX_BLOCK_LINES, REJECTED, TAKEN, TAKEN_LAST, type BlockStep, type DpkgSink, type OpenBlock } from './block.ts'
import { reasonCause } from './classify.ts'
import { decodeDebPath, type DebNameHints } from './deb-filename.ts'
import type { RegardingLine } from './hits.ts'
import { parsePackageRef } from './package-ref.ts'
import { RELATION_RULE } from './relations.ts'
import { isBlank } from '../lines/chars.ts'

const HEAD = 'dpkg: regarding '
const TAIL = ', pre-dependency problem:'
const CONTAINING = ' containing '

/** The warning dpkg prints instead of failing when the pre-dependency is forced (`--force-depends`). */
export const IGNORING_PRE_DEPENDENCY = 'dpkg: warning: ignoring pre-dependency problem!'

/** `dpkg: regarding <archive> containing <package>, pre-dependency problem:`. */
export const REGARDING_RULE: Rule<RegardingLine> = {
  id: 'dpkg.pre-dependency',
  first: 'd',
  match(text: string): RegardingLine | undefined {
    if (!text.startsWith(HEAD) || !text.endsWith(TAIL)) return undefined
    const body = text.slice(HEAD.length, text.length - TAIL.length)
    const at = body.lastIndexOf(CONTAINING)
    if (at < 1) return undefined
    const ref = parsePackageRef(body.slice(at + CONTAINING.length))
    return ref === undefined ? undefined : { kind: 'regarding', archive: body.slice(0, at), ref }
  },
}

/** Open the block for a `regarding` header. `remember` keeps the event for the error that may follow. */
export function openPreDependencyBlock(
  hit: RegardingLine,
  ctx: LineContext,
  rule: string,
  sink: DpkgSink,
  hints: DebNameHints,
  remember: (event: DpkgPreDependencyEvent) => void,
): OpenBlock {
  const reasons: string[] = []
  let dependsOn: string | undefined
  let sawBlank = false
  let ignored = false
  let endLine = ctx.line
  return {
    // dpkg follows it with its error header, or with `dpkg: warning: ignoring pre-dependency problem!`.
    unfinished: (): boolean => true,
    offer(text: string, lineCtx: LineContext): BlockStep {
      if (text === IGNORING_PRE_DEPENDENCY) {
        ignored = true
        endLine = lineCtx.line
        return TAKEN_LAST
      }
      if (sawBlank) return REJECTED
      if (isBlank(text)) {
        sawBlank = true
      } else {
        const indent = indentOf(text)
        if (indent === 1 && dependsOn === undefined) {
          const relation = RELATION_RULE.match(text.slice(1))
          if (relation === undefined) return REJECTED
          dependsOn = relation.target
        } else if (indent >= 2) {
          if (reasons.length < MAX_BLOCK_LINES) reasons.push(clip(text.trimStart()))
        } else {
          return REJECTED
        }
      }
      endLine = lineCtx.line
      return TAKEN
    },
    close(): void {
      const event: { -readonly [K in keyof DpkgPreDependencyEvent]: DpkgPreDependencyEvent[K] } = {
        type: 'dpkg.pre-dependency',
        ...baseFields(ctx, rule, endLine),
        archive: hit.archive,
        package: hit.ref.name,
      } as DpkgPreDependencyEvent
      if (hit.ref.arch !== undefined) event.arch = hit.ref.arch
      const decoded = decodeDebPath(hit.archive, { ...hints, expectedPackage: hit.ref.name })
      if (decoded !== undefined && decoded.package === hit.ref.name) event.version = decoded.version
      if (dependsOn !== undefined) event.dependsOn = dependsOn
      event.reasons = reasons
      if (ignored) event.ignored = true
      sink.event(event)
      if (ignored) {
        const detail = dependsOn === undefined ? '' : ` (${hit.ref.name} pre-depends on ${dependsOn}${reasons.length > 0 ? `: ${reasons.join(' ')}` : ''})`
        const first = reasons[0]
        sink.problem(event, {
          kind: 'dpkg.pre-dependency',
          severity: 'warning',
          message: `ignoring pre-dependency problem!${detail}`,
          cause: first === undefined ? undefined : reasonCause(first),
          package: hit.ref.name,
        })
      }
      remember(event)
    },
  }
}
