/**
 * A BuildKit `--progress=plain` build being read (FORMATS.md §7.3, §7.5). Vertices interleave: the
 * printer shows one vertex's chunk of lines at a time, each chunk opened by the vertex's header
 * (`#7 [web 2/2] RUN …`, repeated when the printer comes back to a vertex after `#7 ...`), so every
 * vertex keeps its own step and stream context and `#N <t> text` output goes to vertex N's.
 * @module
 */

import { clip } from '../events/budget.ts'
import type { DockerBuildEndEvent } from '../events/docker.ts'
import { CONSUMED, IGNORED, type Verdict } from '../grammar/verdict.ts'
import type { ActiveBuild, EchoTarget } from './active-build.ts'
import { addTag, emitBuildEnd, type BuildRecord } from './build.ts'
import { finishedStatus } from './buildkit-plain-rules.ts'
import type { BuildkitDoneLine, BuildkitLogLine, BuildkitMarkerLine, BuildkitTextLine } from './line-kinds.ts'
import type { DockerSession, LineAt, StepRef } from './session.ts'
import { adoptStep, closeContext, endStep, startStep, stepInfo, stepOutput, stepOutputAt, type Step } from './steps.ts'
import { exitCodeIn } from './text.ts'
import { parseVertexName } from './vertex-name.ts'

/** A BuildKit plain line the build reads. */
export type PlainLine = BuildkitLogLine | BuildkitDoneLine | BuildkitMarkerLine | BuildkitTextLine

/** A BuildKit plain build being read. */
export interface PlainBuild extends ActiveBuild {
  /** Discriminant. */
  readonly kind: 'plain'
  /** True when a header `#n text` cannot belong to this build: vertex n already completed, or is running under another name. */
  startsNewBuild(n: number, text: string): boolean
  /** One `#N …` line. */
  line(line: PlainLine, at: LineAt, rule: string): Verdict
  /** An output line `#N <t> payload` of vertex n at line `line`, already taken apart (the router's fast path for the commonest BuildKit line). */
  log(n: number, payload: string, line: number, ts: string | undefined): Verdict
  /**
   * A line without `#N` right after vertex N's output line: GitHub Actions splits lines at bare CRs
   * (FORMATS.md §8.1), so dpkg's `(Reading database ... 5%` frames arrive as lines of their own.
   * Returns undefined when the previous line was not an output line.
   */
  continuation(text: string, line: number, ts: string | undefined): Verdict | undefined
  /** An empty line: the separator before a header. */
  blank(): void
}

/** What the error echo block needs of a failed vertex once its state is gone. */
type FailedVertex = StepRef

/** Id of a vertex known only from an echo block (its number was never printed): `#?1`, `#?2` … */
const ECHOED_ID = '#?'

/** Create the state of a BuildKit plain build. */
export function createPlainBuild(record: BuildRecord, session: DockerSession): PlainBuild {
  /** Running vertices by number; dropped at their completion line. */
  const running = new Map<number, Step>()
  /** Numbers of completed vertices (a header for one of them belongs to a new build). */
  const completed = new Set<number>()
  /** Contexts for output printed after a vertex's completion line (a garbled log): no second start or end. */
  const late = new Map<number, Step>()
  /** Failed vertices by name, for the echo block. */
  const failed = new Map<string, FailedVertex>()
  /** Failed vertices whose header the log does not hold (an excerpt began inside them), oldest first. */
  const failedUnnamed: FailedVertex[] = []
  /** Vertices known only from an echo block. */
  let echoed = 0
  /** Vertex of the previous line, while its chunk lasts. */
  let current: number | undefined
  /** The previous line was an output line of `current`. */
  let afterOutput = false

  function ref(n: number, stage: string | undefined): StepRef {
    return { id: `${record.prefix}#${n}`, stage }
  }

  /**
   * The step of vertex n for an output or information line: the running one; for a vertex whose
   * header the log does not hold, one adopted without a start event; after its completion line, a
   * late context that never starts or ends (each step id starts and ends once).
   */
  function vertex(n: number, at: LineAt): Step {
    const step = running.get(n)
    if (step !== undefined) return step
    if (completed.has(n)) {
      const after = late.get(n) ?? adoptStep(ref(n, undefined), '', session, at)
      late.set(n, after)
      return after
    }
    const adopted = adoptStep(ref(n, undefined), '', session, at)
    running.set(n, adopted)
    return adopted
  }

  function header(n: number, name: string, at: LineAt, rule: string): Verdict {
    // A repeated header of a running vertex only resumes its chunk (no second start).
    if (running.has(n)) return CONSUMED
    // A header-like line of a completed vertex that does not open a new build: a late status line.
    if (completed.has(n)) return IGNORED
    const parsed = parseVertexName(name)
    const step = startStep(
      ref(n, parsed.stage),
      {
        builder: record.builder,
        name,
        instruction: parsed.instruction,
        index: parsed.index,
        total: parsed.total,
        internal: parsed.internal,
        platform: parsed.platform,
      },
      session,
      at,
      rule,
    )
    running.set(n, step)
    return CONSUMED
  }

  function output(n: number, payload: string, line: number, ts: string | undefined): Verdict {
    current = n
    afterOutput = true
    // A vertex the log has not named yet is adopted at this line (its lastAt is the line's context at once).
    const step = running.get(n) ?? vertex(n, { line, ts })
    const verdict = stepOutputAt(step, payload, session, line, ts)
    record.lastAt = step.lastAt
    return verdict
  }

  function status(step: Step, text: string, at: LineAt, rule: string): Verdict {
    const done = finishedStatus(text)
    // In-progress updates (`#5 sha256:… 12.58MB / 48.48MB 0.4s`) are progress noise.
    if (done === undefined) return IGNORED
    if (done.startsWith('writing image ')) record.imageId = done.slice(14)
    else if (done.startsWith('naming to ')) addTag(record, done.slice(10))
    stepInfo(step, 'status', done, session, at, rule)
    return CONSUMED
  }

  function complete(n: number, at: LineAt, rule: string, end: Parameters<typeof endStep>[1]): Verdict {
    // A second completion line of the same vertex repeats the first.
    if (!running.has(n) && completed.has(n)) return IGNORED
    const step = vertex(n, at)
    running.delete(n)
    completed.add(n)
    if (end.status === 'error') {
      record.failed = true
      if (step.name === '') failedUnnamed.push({ id: step.id, stage: step.stage })
      else failed.set(step.name, { id: step.id, stage: step.stage })
    }
    endStep(step, end, session, at, rule)
    return CONSUMED
  }

  function endOpen(rule: string, outcome: DockerBuildEndEvent['outcome']): void {
    for (const step of late.values()) closeContext(step, session)
    late.clear()
    for (const step of running.values()) {
      endStep(step, { status: outcome === 'success' ? 'done' : 'unknown', inferred: true }, session, step.lastAt, rule)
    }
    running.clear()
  }

  /** The running vertex printed under `name`, if any. */
  function runningNamed(name: string): number | undefined {
    for (const [n, step] of running) if (step.name === name) return n
    return undefined
  }

  function echoTarget(name: string, at: LineAt, rule: string): EchoTarget {
    const key = clip(name) // as steps keep their names (steps.ts)
    const seen = failed.get(key) ?? failedUnnamed.shift()
    if (seen !== undefined) return { ref: seen }
    // The excerpt holds the vertex's lines but not its error line: the block proves it failed.
    const n = runningNamed(key)
    if (n !== undefined) {
      const step = running.get(n) as Step
      return { ref: step, close: (end, endRule) => void complete(n, end, endRule, { status: 'error' }) }
    }
    // Only the box: its lines are all the log has of the vertex.
    echoed++
    const parsed = parseVertexName(name)
    const step = startStep(
      { id: `${record.prefix}${ECHOED_ID}${echoed}`, stage: parsed.stage },
      { builder: record.builder, name, instruction: parsed.instruction, index: parsed.index, total: parsed.total, internal: parsed.internal, platform: parsed.platform },
      session,
      at,
      rule,
    )
    return {
      ref: step,
      output: (payload, lineAt) => stepOutput(step, payload, session, lineAt),
      close(end, endRule) {
        record.failed = true
        failed.set(key, { id: step.id, stage: step.stage })
        endStep(step, { status: 'error' }, session, end, endRule)
      },
    }
  }

  return {
    kind: 'plain',
    record,
    idle: () => running.size === 0,
    startsNewBuild(n, text) {
      if (current === n) return false
      if (completed.has(n)) return true
      const step = running.get(n)
      return step !== undefined && step.name !== '' && step.name !== text
    },
    line(line, at, rule) {
      record.lastAt = at
      const n = line.n
      const wasCurrent = current === n
      current = n
      afterOutput = false
      switch (line.kind) {
        case 'bk.log':
          return output(n, line.payload, at.line, at.ts)
        case 'bk.done':
          current = undefined
          return complete(n, at, rule, { status: 'done', durationMs: line.durationMs })
        case 'bk.cached':
          current = undefined
          return complete(n, at, rule, { status: 'cached' })
        case 'bk.canceled':
          current = undefined
          return complete(n, at, rule, { status: 'canceled' })
        case 'bk.error': {
          current = undefined
          // BuildKit prints CANCELED for errors ending in "context canceled"; older printers print the error.
          if (line.text.endsWith('context canceled')) return complete(n, at, rule, { status: 'canceled', error: line.text })
          return complete(n, at, rule, { status: 'error', exitCode: exitCodeIn(line.text), error: line.text })
        }
        case 'bk.paused':
          current = undefined
          return IGNORED
        case 'bk.warn': {
          const step = vertex(n, at)
          stepInfo(step, 'warning', line.text, session, at, rule)
          return CONSUMED
        }
        case 'bk.digest': {
          stepInfo(vertex(n, at), 'digest', line.text, session, at, rule)
          return CONSUMED
        }
        case 'bk.other':
          // Inside a vertex's chunk a `#N text` line is a status; otherwise it opens a chunk.
          if (wasCurrent && running.has(n)) return status(vertex(n, at), line.text, at, rule)
          return header(n, line.text, at, rule)
      }
    },
    log: output,
    continuation(text, line, ts) {
      if (!afterOutput || current === undefined) return undefined
      const step = running.get(current)
      if (step === undefined) return undefined
      const verdict = stepOutputAt(step, text, session, line, ts)
      record.lastAt = step.lastAt
      return verdict
    },
    blank() {
      current = undefined
      afterOutput = false
    },
    finish(rule, at, outcome, exitCode) {
      const end = outcome ?? (record.failed ? 'failure' : running.size === 0 ? 'success' : 'unknown')
      endOpen(rule, end)
      emitBuildEnd(record, { outcome: end, exitCode, inferred: outcome === undefined }, session, at ?? record.lastAt, rule)
    },
    // Every vertex's context is flushed at its completion line: nothing is held.
    settle: () => undefined,
    echoTarget,
  }
}
