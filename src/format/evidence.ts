/**
 * Keeping the source lines that prove problems, in one pass and bounded memory: a ring of recent
 * lines, copied out when a problem event arrives (problems are emitted right after their lines),
 * plus a few lines after it as they come. apt's `Err:` blocks are kept too: the run model makes
 * one a problem when only it states the cause of a later failure (run/fetch-causes.ts). Feed it
 * from the parser's `onLine` and `onEvent`.
 * @module
 */

import type { AptLogEvent } from '../events/index.ts'
import { stripAnsi } from '../lines/ansi.ts'
import { lastFrame } from '../lines/frames.ts'

/** Options of {@link createEvidenceCollector}. */
export interface EvidenceOptions {
  /** Lines of context kept before each problem. @defaultValue 5 */
  readonly context?: number | undefined
  /** Lines kept after each problem. @defaultValue 0 */
  readonly after?: number | undefined
  /** Recent lines remembered. @defaultValue 256 */
  readonly window?: number | undefined
  /** Most lines kept in all. @defaultValue 5000 */
  readonly maxLines?: number | undefined
}

/** Collects evidence lines. */
export interface EvidenceCollector {
  /** Give every physical line (the parser's `onLine`). */
  line(text: string, lineNo: number): void
  /** Give every event (the parser's `onEvent`). */
  event(event: AptLogEvent): void
  /** Keep the lines `from`–`to` as well (those still in the window, and those still to come). */
  keep(from: number, to: number): void
  /** Lines kept, by number, readable: ANSI removed, CR redraws resolved. */
  readonly lines: ReadonlyMap<number, string>
}

/** A raw log line as a reader sees it: ANSI removed, the last CR frame. */
export function cleanLine(text: string): string {
  return lastFrame(stripAnsi(text))
}

/** Create a collector. */
export function createEvidenceCollector(options?: EvidenceOptions): EvidenceCollector {
  const context = options?.context ?? 5
  const after = options?.after ?? 0
  const window = options?.window ?? 256
  const maxLines = options?.maxLines ?? 5000
  const ring: string[] = new Array<string>(window)
  let last = 0
  let wantUntil = 0 // lines up to here are kept as they arrive
  const kept = new Map<number, string>()

  function keepRange(from: number, to: number): void {
    const end = Math.min(to, last)
    for (let n = Math.max(1, from, last - window + 1); n <= end && kept.size < maxLines; n++) {
      if (!kept.has(n)) kept.set(n, cleanLine(ring[n % window] ?? ''))
    }
    if (to > last) wantUntil = Math.max(wantUntil, to)
  }

  return {
    line(text: string, lineNo: number): void {
      ring[lineNo % window] = text
      last = lineNo
      if (lineNo <= wantUntil && kept.size < maxLines && !kept.has(lineNo)) kept.set(lineNo, cleanLine(text))
    },
    event(event: AptLogEvent): void {
      if (event.type === 'problem' || (event.type === 'apt.acquire' && event.result === 'err')) keepRange(event.line - context, (event.endLine ?? event.line) + after)
    },
    keep: keepRange,
    get lines(): ReadonlyMap<number, string> {
      return kept
    },
  }
}
