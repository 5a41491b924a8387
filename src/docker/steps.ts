/**
 * Steps: one per legacy/Podman `Step`, BuildKit vertex or rawjson vertex, each with its own apt/dpkg
 * stream context so that interleaved vertices never share block state (FORMATS.md §7.3 "Concurrency",
 * §9.2). A step's state is dropped when it ends; only the id and stage survive in events.
 * @module
 */

import type { StreamContext } from '../context/stream-context.ts'
import { clip } from '../events/budget.ts'
import type { DockerStepEndEvent, DockerStepInfoEvent, DockerStepStartEvent, DockerStepStatus } from '../events/docker.ts'
import { baseFields, type LineContext } from '../events/base.ts'
import { startEvent } from '../grammar/event.ts'
import { CONSUMED, type Verdict } from '../grammar/verdict.ts'
import { lastFrame } from '../lines/frames.ts'
import { LOG_CLIPPED, mayEndWithClipMarker } from './log-clipped.ts'
import { fastPaths } from '../lines/fast-path.ts'
import { dockerProblem, lineContext, type DockerSession, type LineAt, type StepRef } from './session.ts'

/** A step that has started and not yet ended. */
export interface Step extends StepRef {
  /** The name as printed (`[2/4] RUN …`, `RUN …`). */
  readonly name: string
  /** Its own apt/dpkg state machine, made on its first output line (and again if it was released). */
  context: StreamContext | undefined
  /** Output lines handed to `context`. */
  outputLines: number
  /** Last line that belonged to the step, and its CI timestamp (an inferred end is placed there). */
  lastAt: LineAt
  /** A cache hit was reported (` ---> Using cache`). */
  cached: boolean
}

/** What a `docker.step.start` says besides its step id and base fields (the event's own fields, documented there). */
export type StepStartFields = Pick<DockerStepStartEvent, 'builder' | 'name' | 'instruction' | 'index' | 'total' | 'internal' | 'platform'>

/** A step without a start event: output of a vertex whose header the log does not hold (it began before the excerpt). */
export function adoptStep(ref: StepRef, name: string, _session: DockerSession, at: LineAt): Step {
  // The step lives until its end line, maybe never: it keeps a clipped copy of a name that may be a mebibyte long.
  return { id: ref.id, stage: ref.stage, name: clip(name), context: undefined, outputLines: 0, lastAt: at, cached: false }
}

/**
 * Most stream contexts alive at once. Real builds run a handful of vertices at a time; past this
 * many, the least recently active step's context is closed (its open blocks emitted) and made
 * again if the step prints more — so memory stays bounded however many vertices a log leaves open
 * (fixtures/fuzz/open-vertices.log).
 */
export const MAX_LIVE_CONTEXTS = 256

/** The step's stream context, made if needed, marked most recently used. */
function contextOf(step: Step, session: DockerSession): StreamContext {
  let context = step.context
  // Already the most recently used: skip the Set update (measured: 6 % of parse time per line).
  if (context !== undefined && session.lastLive === step) return context
  session.lastLive = step
  const live = session.liveContexts
  if (context === undefined) {
    context = session.newContext()
    step.context = context
    if (live.size >= MAX_LIVE_CONTEXTS) {
      const oldest = live.values().next().value
      if (oldest !== undefined) {
        live.delete(oldest)
        oldest.context?.flush()
        oldest.context = undefined
      }
    }
  } else {
    live.delete(step) // re-inserted below: a Set iterates in insertion order
  }
  live.add(step)
  return context
}

/** Close a step's stream context, if it has one: the step ended, or the build did. */
export function closeContext(step: Step, session: DockerSession): void {
  step.context?.flush()
  step.context = undefined
  session.liveContexts.delete(step)
  if (session.lastLive === step) session.lastLive = undefined
}

/** Start a step: emit `docker.step.start` and give it a stream context. */
export function startStep(ref: StepRef, fields: StepStartFields, session: DockerSession, at: LineAt, rule: string): Step {
  // Step events are built by assignment, not spread (grammar/event.ts): one in seven events of the benchmark log.
  const event = startEvent<DockerStepStartEvent>('docker.step.start', lineContext(at, ref), rule)
  event.step = ref.id
  event.builder = fields.builder
  event.name = fields.name
  event.instruction = fields.instruction
  if (fields.index !== undefined) event.index = fields.index
  if (fields.total !== undefined) event.total = fields.total
  event.internal = fields.internal
  if (fields.platform !== undefined) event.platform = fields.platform
  session.emit(event)
  return adoptStep(ref, fields.name, session, at)
}

/**
 * One output line of the step (docker framing removed, CRs still inside): checked for BuildKit's
 * clipping marker, otherwise handed to the step's stream context, whose verdict it returns.
 */
export function stepOutput(step: Step, payload: string, session: DockerSession, at: LineAt): Verdict {
  return stepOutputAt(step, payload, session, at.line, at.ts)
}

/**
 * {@link stepOutput} of line `line` (CI timestamp `ts`): the line's one object is its context in the
 * step, which is also the step's `lastAt`.
 */
export function stepOutputAt(step: Step, payload: string, session: DockerSession, line: number, ts: string | undefined): Verdict {
  const ctx: LineContext = { line, ts, step: step.id, stage: step.stage }
  step.lastAt = ctx
  const limit = mayEndWithClipMarker(payload) || !fastPaths.enabled ? LOG_CLIPPED.match(lastFrame(payload)) : undefined
  if (limit !== undefined) {
    session.emit({ type: 'docker.log-clipped', ...baseFields(ctx, LOG_CLIPPED.id), limit })
    session.emit(
      dockerProblem(ctx, LOG_CLIPPED.id, 'docker.log-clipped', `BuildKit clipped the output of step ${step.id} at its ${limit} log limit: evidence after this line is missing`),
    )
    return CONSUMED
  }
  step.outputLines++
  return contextOf(step, session).line(payload, ctx)
}

/** A `docker.step.info` event for the step. */
export function stepInfo(step: StepRef, info: DockerStepInfoEvent['info'], value: string, session: DockerSession, at: LineAt, rule: string): void {
  const event = startEvent<DockerStepInfoEvent>('docker.step.info', lineContext(at, step), rule)
  event.info = info
  event.value = value
  session.emit(event)
}

/** How a step ends. */
export interface StepEnd {
  /** Outcome. */
  readonly status: DockerStepStatus
  /** Duration, when printed or computed. */
  readonly durationMs?: number | undefined
  /** Exit code of a failed command. */
  readonly exitCode?: number | undefined
  /** Error text of a failed step. */
  readonly error?: string | undefined
  /** No line said so. */
  readonly inferred?: boolean | undefined
}

/**
 * End a step: close its stream context's open blocks (their events come first), emit
 * `docker.step.end` at `at`, and for a failed step the `docker.step-failed` problem — exactly once,
 * since the step is ended only here.
 */
export function endStep(step: Step, end: StepEnd, session: DockerSession, at: LineAt, rule: string): void {
  closeContext(step, session)
  const ctx = lineContext(at, step)
  const event = startEvent<DockerStepEndEvent>('docker.step.end', ctx, rule)
  event.step = step.id
  event.status = end.status
  if (end.durationMs !== undefined) event.durationMs = end.durationMs
  if (end.exitCode !== undefined) event.exitCode = end.exitCode
  if (end.error !== undefined) event.error = end.error
  if (end.inferred === true) event.inferred = true
  event.outputLines = step.outputLines
  session.emit(event)
  if (end.status === 'error') {
    const code = end.exitCode === undefined ? '' : ` with exit code ${end.exitCode}`
    session.emit(dockerProblem(ctx, rule, 'docker.step-failed', `step ${step.id} failed${code}: ${step.name}`))
  }
}
