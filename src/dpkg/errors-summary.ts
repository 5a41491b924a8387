/**
 * The summary at the end of a dpkg run (FORMATS.md §5.5, dpkg `src/main/errors.c`):
 *
 * ```
 * Errors were encountered while processing:
 *  loop2-libc6:amd64
 *  /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb
 * [Processing was halted because there were too many errors.]
 * ```
 *
 * It repeats errors already reported one by one, so it gives an event and never a problem.
 * @module
 */

import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { DpkgErrorsSummaryEvent } from '../events/dpkg.ts'
import type { Rule } from '../grammar/rules.ts'
import { clip, indentOf, isBlank, MAX_BLOCK_LINES, REJECTED, TAKEN, TAKEN_LAST, type BlockStep, type DpkgSink, type OpenBlock } from './block.ts'
import type { NoiseHit, SummaryHeaderHit } from './hits.ts'

/** dpkg's line after the list when it stopped at `--abort-after` errors. */
export const HALTED = 'Processing was halted because there were too many errors.'

/** `Errors were encountered while processing:`. */
export const SUMMARY_HEADER_RULE: Rule<SummaryHeaderHit> = {
  id: 'dpkg.errors-summary',
  first: 'E',
  match: (text: string): SummaryHeaderHit | undefined => (text === 'Errors were encountered while processing:' ? { kind: 'summary-header' } : undefined),
}

/** The halted line on its own (its summary was cut away): known, no event. */
export const HALTED_RULE: Rule<NoiseHit> = {
  id: 'dpkg.errors-summary.halted',
  first: 'P',
  match: (text: string): NoiseHit | undefined => (text === HALTED ? { kind: 'noise' } : undefined),
}

/** Open the block for a summary header. */
export function openSummaryBlock(ctx: LineContext, rule: string, sink: DpkgSink, onClose: () => void): OpenBlock {
  const items: string[] = []
  let halted = false
  let endLine = ctx.line
  return {
    offer(text: string, lineCtx: LineContext): BlockStep {
      if (text === HALTED) {
        halted = true
        endLine = lineCtx.line
        return TAKEN_LAST
      }
      if (indentOf(text) !== 1 || isBlank(text)) return REJECTED
      if (items.length < MAX_BLOCK_LINES) items.push(clip(text.slice(1)))
      endLine = lineCtx.line
      return TAKEN
    },
    close(): void {
      const event: { -readonly [K in keyof DpkgErrorsSummaryEvent]: DpkgErrorsSummaryEvent[K] } = {
        type: 'dpkg.errors-summary',
        ...baseFields(ctx, rule, endLine),
        items,
      } as DpkgErrorsSummaryEvent
      if (halted) event.halted = true
      sink.event(event)
      onClose()
    },
  }
}
