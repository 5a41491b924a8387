/**
 * The contract between the stream-context machine and the per-source grammars (apt, dpkg).
 * A grammar instance belongs to one stream context (a plain log, or one docker step), so its
 * block state never mixes two interleaved streams.
 * @module
 */

import type { AptLogEvent, AptLogEventType, LineContext } from '../events/index.ts'
import type { Verdict } from './verdict.ts'

/** Where grammars send events. Called synchronously, in source order. */
export interface Emit {
  (event: AptLogEvent): void
  /**
   * The event types the consumer asked for (`createParser({ select })`), or undefined for every
   * type. A grammar may skip building an event of a type not selected, where the event is only
   * output: the line's state changes (what later lines and problems depend on) happen all the same.
   */
  readonly selected?: ReadonlySet<AptLogEventType> | undefined
}

/** Whether events of `type` are wanted by the consumer `emit` delivers to (fixed for a parse: read it once, when a grammar is made). */
export function wants(emit: Emit, type: AptLogEventType): boolean {
  return emit.selected === undefined || emit.selected.has(type)
}

/**
 * A stateful grammar for one source. Lines arrive with CI prefix, ANSI, docker framing and CR
 * redraws already resolved.
 *
 * Per line, the context machine first offers the line to every grammar with an open block
 * (`continueBlock`); a grammar that returns `UNRECOGNIZED` there must have closed its block
 * (emitting its events). Then `recognise` is tried on each grammar in order until one claims it.
 */
export interface Grammar {
  /** True while a multi-line block is open (a list, an `Err:` with its text, a dpkg error block). */
  hasOpenBlock(): boolean
  /** Offer a line to the open block. `UNRECOGNIZED` closes the block; the line is then dispatched anew. */
  continueBlock(text: string, ctx: LineContext): Verdict
  /** Recognise a line that no open block took. */
  recognise(text: string, ctx: LineContext): Verdict
  /** Close any open block (end of the stream context or of the input). */
  flush(): void
  /** For lines nobody recognised: does this look like this grammar's source (an unsupported version or locale)? */
  looksFamiliar(text: string): boolean
}

/** Creates one grammar instance for one stream context. */
export type GrammarFactory = (emit: Emit) => Grammar
