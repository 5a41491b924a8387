/**
 * Warnings, top-level errors and notices of dpkg's programs, with their continuation lines:
 * dpkg indents the lines after the first of a multi-line report by one space (`dpkg: warning:
 * ignoring request to remove x, only the config` / ` files of which are on the system; …`), and a
 * notice ending in `:` lists indented lines and a blank line (`dpkg: regarding x.deb containing y:`).
 * @module
 */

import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { DpkgErrorEvent, DpkgMessageEvent, DpkgWarningEvent } from '../events/dpkg.ts'
import { clip, MAX_BLOCK_LINES, REJECTED, TAKEN, TAKEN_LAST, type BlockStep, type DpkgSink, type OpenBlock } from './block.ts'
import { isDiskFull } from './classify.ts'
import type { ReportLine } from './hits.ts'
import { isBlank } from '../lines/chars.ts'

/** What report blocks need from the grammar. */
export interface ReportDeps {
  /** Where events go. */
  readonly sink: DpkgSink
  /** Claims the one `disk.full` problem of this dpkg run; false when it was already reported. */
  readonly claimDiskFull: () => boolean
}

/** The warning that a forced pre-dependency was ignored, when no `regarding` block came before it. */
const IGNORING = 'ignoring pre-dependency problem!'

/** Emit a report now (single-line notices) or open a block that gathers its continuation lines. */
export function openReport(hit: ReportLine, ctx: LineContext, rule: string, deps: ReportDeps): OpenBlock | undefined {
  const lines: string[] = [clip(hit.text)]
  let endLine = ctx.line
  let continued = false
  const listsLines = hit.text.endsWith(':')
  const block: OpenBlock = {
    offer(text: string, lineCtx: LineContext): BlockStep {
      if (isBlank(text)) {
        if (hit.kind !== 'message' || !continued) return REJECTED
        endLine = lineCtx.line
        return TAKEN_LAST
      }
      if (text.charCodeAt(0) !== 0x20) return REJECTED
      if (lines.length < MAX_BLOCK_LINES) lines.push(clip(hit.kind === 'fatal' ? text.trimStart() : text.slice(1)))
      continued = true
      endLine = lineCtx.line
      return TAKEN
    },
    close(): void {
      emitReport(hit, ctx, rule, endLine, lines, deps)
    },
  }
  if (hit.kind === 'message' && !listsLines) {
    block.close()
    return undefined
  }
  return block
}

function emitReport(hit: ReportLine, ctx: LineContext, rule: string, endLine: number, lines: readonly string[], deps: ReportDeps): void {
  const base = baseFields(ctx, rule, endLine)
  const diskFull = lines.some(isDiskFull)
  if (hit.kind === 'fatal') {
    const event: DpkgErrorEvent = { type: 'dpkg.error', ...base, subject: 'fatal', program: hit.program, reasons: lines, cause: diskFull ? 'disk-full' : 'other' }
    deps.sink.event(event)
    const message = `${hit.program}: ${hit.text === 'unrecoverable fatal error, aborting:' ? '' : 'error: '}${lines.join(' ')}`
    if (diskFull) {
      if (deps.claimDiskFull()) deps.sink.problem(event, { kind: 'disk.full', severity: 'error', message })
    } else if (hit.program === 'dpkg') {
      // dpkg itself stopped. Errors of the tools it runs (dpkg-deb, update-alternatives …) come
      // back as a per-package `error processing` block, which carries the problem.
      deps.sink.problem(event, { kind: 'dpkg.other-error', severity: 'error', message })
    }
    return
  }
  const text = lines.join('\n')
  if (hit.kind === 'warning') {
    const event: DpkgWarningEvent = { type: 'dpkg.warning', ...base, program: hit.program, text }
    deps.sink.event(event)
    if (hit.program === 'dpkg' && hit.text === IGNORING) {
      deps.sink.problem(event, { kind: 'dpkg.pre-dependency', severity: 'warning', message: IGNORING })
    } else if (diskFull && deps.claimDiskFull()) {
      deps.sink.problem(event, { kind: 'disk.full', severity: 'error', message: `${hit.program}: warning: ${lines.join(' ')}` })
    }
    return
  }
  const event: DpkgMessageEvent = { type: 'dpkg.message', ...base, program: hit.program, text }
  deps.sink.event(event)
  if (diskFull && deps.claimDiskFull()) deps.sink.problem(event, { kind: 'disk.full', severity: 'error', message: `${hit.program}: ${lines.join(' ')}` })
}
