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
 * It repeats errors already reported one by one, so it gives an event and, as a rule, no problem.
 * When no dpkg error of this run came before it (an excerpt that starts at the summary, or reason
 * lines aptlog could not read), the list is the only proof that dpkg failed: the summary then
 * gives a `dpkg.processing-failed` problem naming the first package listed, the one dpkg failed on
 * first (the others usually fail because of it).
 * @module
 */

import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { DpkgErrorsSummaryEvent } from '../events/dpkg.ts'
import type { Rule } from '../grammar/rules.ts'
import { clip, indentOf, MAX_BLOCK_LINES, REJECTED, TAKEN, TAKEN_LAST, type BlockStep, type DpkgSink, type OpenBlock } from './block.ts'
import { decodeDebPath, type DebNameHints } from './deb-filename.ts'
import type { DpkgNoiseLine, SummaryHeaderLine } from './hits.ts'
import { isBlank } from '../lines/chars.ts'

/** dpkg's line after the list when it stopped at `--abort-after` errors. */
export const HALTED = 'Processing was halted because there were too many errors.'

/** `Errors were encountered while processing:`. */
export const SUMMARY_HEADER_RULE: Rule<SummaryHeaderLine> = {
  id: 'dpkg.errors-summary',
  first: 'E',
  match: (text: string): SummaryHeaderLine | undefined => (text === 'Errors were encountered while processing:' ? { kind: 'summary-header' } : undefined),
}

/** The halted line on its own (its summary was cut away): known, no event. */
export const HALTED_RULE: Rule<DpkgNoiseLine> = {
  id: 'dpkg.errors-summary.halted',
  first: 'P',
  match: (text: string): DpkgNoiseLine | undefined => (text === HALTED ? { kind: 'noise' } : undefined),
}

/** What the summary needs from the dpkg run it closes. */
export interface SummaryDeps {
  /** Where the event (and the problem, when it proves one) go. */
  readonly sink: DpkgSink
  /** True when this dpkg run reported no error before its summary: the list is the only evidence. */
  readonly unexplained: () => boolean
  /** How this run names `.deb` files (apt's numbered links), to read a listed archive's package. */
  readonly hints: DebNameHints
  /** Called once the block closed. */
  readonly onClose: () => void
}

/** The package an item names: `loop2-libc6:amd64` → `loop2-libc6`; an archive path → its package. */
export function packageOfItem(item: string, hints: DebNameHints): string {
  if (item.includes('/') || item.endsWith('.deb')) {
    const decoded = decodeDebPath(item, hints)
    if (decoded !== undefined) return decoded.package
  }
  const colon = item.indexOf(':')
  return colon > 0 ? item.slice(0, colon) : item
}

/** Open the block for a summary header. */
export function openSummaryBlock(ctx: LineContext, rule: string, deps: SummaryDeps): OpenBlock {
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
      deps.sink.event(event)
      const first = items[0]
      if (first !== undefined && deps.unexplained()) {
        const more = items.length > 1 ? ` and ${items.length - 1} more` : ''
        deps.sink.problem(event, {
          kind: 'dpkg.processing-failed',
          severity: 'error',
          message: `Errors were encountered while processing: ${first}${more} (dpkg's reason is not in the log)`,
          package: packageOfItem(first, deps.hints),
        })
      }
      deps.onClose()
    },
  }
}
