/**
 * What the dpkg grammar's multi-line blocks share: the step protocol, size caps, and the sink
 * through which a closing block emits its events and problems.
 * @module
 */

import type { LineContext, ProblemEvent } from '../events/index.ts'
import type { DpkgEvent } from '../events/dpkg.ts'
import { startEvent } from '../grammar/event.ts'

/** The block took the line and stays open. */
export const TAKEN = 1
/** The block took the line and is complete. */
export const TAKEN_LAST = 2
/** The line is not part of the block: the block closes and the line is dispatched anew. */
export const REJECTED = 0

/** What a block says about a line. */
export type BlockStep = typeof TAKEN | typeof TAKEN_LAST | typeof REJECTED

/** An open multi-line block. */
export interface OpenBlock {
  /** Offer the next line. */
  offer(text: string, ctx: LineContext): BlockStep
  /** Emit the block's events (called once, when it closes for any reason). */
  close(): void
  /**
   * True when dpkg always prints more before such a block ends, and has not yet: the input ending
   * now cuts it (its event gets `cut: true`). Absent: a block that may be the last thing printed.
   */
  readonly unfinished?: (() => boolean) | undefined
}

/** Lines kept per block: a runaway block keeps consuming, but memory stays flat. */
export const MAX_BLOCK_LINES = 200

/** Characters kept per stored line (a line can be up to the parser's 1 MiB cap). */
export const MAX_TEXT_LENGTH = 4096

/** A stored line, cut to {@link MAX_TEXT_LENGTH}. */
export function clip(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text
}


/** Number of leading spaces. */
export function indentOf(text: string): number {
  let i = 0
  while (i < text.length && text.charCodeAt(i) === 0x20) i++
  return i
}

/** The fields of a problem, besides the base fields it shares with its evidence. */
export interface ProblemFields {
  /** Stable kind. */
  readonly kind: ProblemEvent['kind']
  /** `error` or `warning`. */
  readonly severity: ProblemEvent['severity']
  /** One line, in the log's words where possible. */
  readonly message: string
  /** Finer cause. */
  readonly cause?: string | undefined
  /** Package concerned, without `:arch`. */
  readonly package?: string | undefined
}

/** Where blocks and single lines send what they found. */
export interface DpkgSink {
  /** Emit a dpkg event. */
  event(event: DpkgEvent): void
  /** Emit a problem with the same line range and rule as its evidence. */
  problem(evidence: DpkgEvent, fields: ProblemFields): void
}

/** Build a problem event from its evidence's base fields (by assignment: see grammar/event.ts). */
export function problemEvent(evidence: DpkgEvent, fields: ProblemFields): ProblemEvent {
  const ctx: LineContext = { line: evidence.line, ts: evidence.ts, step: evidence.step, stage: evidence.stage }
  const out = startEvent<ProblemEvent>('problem', ctx, evidence.rule, evidence.endLine)
  out.kind = fields.kind
  out.severity = fields.severity
  out.message = fields.message
  if (fields.cause !== undefined) out.cause = fields.cause
  if (fields.package !== undefined) out.package = fields.package
  return out
}
