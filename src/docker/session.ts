/**
 * What the docker layer's parts share while one log is parsed: where events go, the stream
 * context for lines outside any step, and the shape of a multi-line docker block.
 * @module
 */

import type { StreamContext } from '../context/stream-context.ts'
import type { LineContext } from '../events/base.ts'
import type { ProblemEvent } from '../events/problem.ts'
import { startEvent } from '../grammar/event.ts'
import type { Emit } from '../grammar/types.ts'
import type { Verdict } from '../grammar/verdict.ts'

/** The source line being read: its number and CI timestamp. */
export interface LineAt {
  /** 1-based line number. */
  readonly line: number
  /** CI timestamp, if the line had one. */
  readonly ts: string | undefined
}

/** Where a step's events belong: its id and stage. */
export interface StepRef {
  /** Step id (`#5`, `5`, `b2.#5`). */
  readonly id: string
  /** Stage name, when known. */
  readonly stage: string | undefined
}

/** A multi-line docker construct being read (a notice with continuation lines, an echo block …). */
export interface OpenBlock {
  /** Offer the next line: its verdict when the block takes it, undefined when the line is not the block's (the caller then closes the block and reads the line anew). */
  offer(text: string, at: LineAt): Verdict | undefined
  /** True once the block has read its closing line and emitted its event (a method: an object with a getter is a slow dictionary object in V8, and the router asks on every line the block reads). */
  done(): boolean
  /**
   * End of the block without its closing line: emit what it holds. `cut` when the input ended
   * inside it (the event says `cut: true`), not when the next line simply is not the block's.
   */
  close(cut?: boolean): void
}

/** The docker layer's shared state for one parse. */
export interface DockerSession {
  /** Where events go. */
  readonly emit: Emit
  /** The stream context of lines outside any step (before, between and after builds). */
  readonly outside: StreamContext
  /** A new stream context for one step. */
  newContext(): StreamContext
  /** The parser's line cap, for lines re-split from rawjson log data. */
  readonly maxLineLength: number
  /**
   * Steps whose stream context is alive, least recently used first (see `steps.ts`): a context
   * costs a few KB, so a log of endless open vertices must not keep one per vertex.
   */
  readonly liveContexts: Set<{ context: StreamContext | undefined }>
  /** The step that used its context last (most lines belong to the same step as the line before). */
  lastLive: { context: StreamContext | undefined } | undefined
}

/** The line context of a line at `at`, in step `step` (or outside any step). */
export function lineContext(at: LineAt, step?: StepRef): LineContext {
  return { line: at.line, ts: at.ts, step: step?.id, stage: step?.stage }
}

/** A docker problem event. */
export function dockerProblem(
  ctx: LineContext,
  rule: string,
  kind: 'docker.step-failed' | 'docker.build-failed' | 'docker.log-clipped' | 'docker.service-exited',
  message: string,
  endLine?: number,
): ProblemEvent {
  const event = startEvent<ProblemEvent>('problem', ctx, rule, endLine)
  event.kind = kind
  event.severity = kind === 'docker.log-clipped' ? 'warning' : 'error'
  event.message = message
  return event
}
