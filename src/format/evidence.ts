/**
 * Keeping the source lines that prove problems, in one pass and bounded memory: a ring of recent
 * lines, copied out when a problem event arrives (problems are emitted right after their lines).
 * Feed it from the parser's `onLine` and `onEvent`.
 * @module
 */

import type { AptLogEvent } from '../events/index.ts'
import { stripAnsi } from '../lines/ansi.ts'
import { lastFrame } from '../lines/frames.ts'

/** Options of {@link createEvidenceCollector}. */
export interface EvidenceOptions {
  /** Lines of context kept before each problem. @defaultValue 5 */
  readonly context?: number | undefined
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
  /** Lines kept, by number, readable: ANSI removed, CR redraws resolved. */
  readonly lines: ReadonlyMap<number, string>
}

/** Create a collector. */
export function createEvidenceCollector(options?: EvidenceOptions): EvidenceCollector {
  const context = options?.context ?? 5
  const window = options?.window ?? 256
  const maxLines = options?.maxLines ?? 5000
  const ring: string[] = new Array<string>(window)
  let last = 0
  const kept = new Map<number, string>()
  return {
    line(text: string, lineNo: number): void {
      ring[lineNo % window] = text
      last = lineNo
    },
    event(event: AptLogEvent): void {
      if (event.type !== 'problem') return
      const end = Math.min(event.endLine ?? event.line, last)
      for (let n = Math.max(1, event.line - context, last - window + 1); n <= end && kept.size < maxLines; n++) {
        if (!kept.has(n)) kept.set(n, lastFrame(stripAnsi(ring[n % window] ?? '')))
      }
    },
    get lines(): ReadonlyMap<number, string> {
      return kept
    },
  }
}
