/**
 * A BuildKit `--progress=rawjson` build being read (FORMATS.md §7.4). rawjson has no `#N`: vertices
 * are numbered here in order of first start, like the plain printer's first-print numbering
 * (progressui ≥ v0.10), so a plain and a rawjson log of the same build give the same step ids where
 * the order allows. Each vertex's base64 log chunks are decoded with its own streaming
 * `TextDecoder` (a UTF-8 character may be split across chunks), re-joined and split into lines by
 * its own line splitter (chunks end mid-line), and fed to its own stream context.
 *
 * The same digest comes back in many updates: a vertex may complete, restart and complete again
 * (`[internal] load build context`), or complete and only in the next update say `cached`. So a
 * completion is held until an update that does not mention the vertex, then emitted on the line
 * that completed it; the duration is the sum of its merged run intervals, as the plain printer's.
 * @module
 */

import type { DockerBuildEndEvent, DockerStepStatus } from '../events/docker.ts'
import { CONSUMED, IGNORED, type Verdict } from '../grammar/verdict.ts'
import { createLineSplitter, type LineSplitter } from '../lines/splitter.ts'
import type { ActiveBuild } from './active-build.ts'
import { decodeBase64, decodeBase64Text } from './base64.ts'
import { addTag, emitBuildEnd, type BuildRecord } from './build.ts'
import { RAWJSON_OBJECT, type SolveStatus } from './rawjson-rules.ts'
import type { DockerSession, LineAt, StepRef } from './session.ts'
import { endStep, startStep, stepInfo, stepOutput, type Step } from './steps.ts'
import { exitCodeIn, parseRfc3339 } from './text.ts'
import { parseVertexName } from './vertex-name.ts'

/** A rawjson build being read. */
export interface RawjsonBuild extends ActiveBuild {
  /** Discriminant. */
  readonly kind: 'rawjson'
  /**
   * True when the update belongs to a new build: rawjson has no build boundary, but every Dockerfile
   * build starts with its `[internal] load build definition from …` vertex, so that vertex coming
   * again after this build's own finished (same digest or not) starts the next build.
   */
  startsNewBuild(status: SolveStatus): boolean
  /** One SolveStatus line. */
  update(status: SolveStatus, at: LineAt): Verdict
  /** A line that starts like a rawjson object but does not parse: a stream cut inside an object, if it is the last. */
  malformed(): void
}

const BUILD_DEFINITION = '[internal] load build definition from '

/** Most run intervals kept per vertex (a vertex restarts a handful of times at most). */
const MAX_INTERVALS = 64

interface PendingEnd {
  readonly status: DockerStepStatus
  readonly error: string | undefined
  readonly at: LineAt
}

interface VertexState {
  readonly digest: string
  name: string
  step: Step | undefined
  /** Run intervals: started ms → completed ms (undefined while running). */
  intervals: Map<number, number | undefined> | undefined
  pending: PendingEnd | undefined
  ended: boolean
  decoder: TextDecoder | undefined
  splitter: LineSplitter | undefined
  /** The JSON line whose log chunk is being split (decoded lines carry its number). */
  logAt: LineAt
  /** Status ids already reported finished. */
  finishedStatuses: Set<string> | undefined
}

const RULE = RAWJSON_OBJECT.id

/** Total length of the union of the intervals, in ms. */
function mergedDuration(intervals: ReadonlyMap<number, number | undefined>): number | undefined {
  const closed: [number, number][] = []
  for (const [start, end] of intervals) if (end !== undefined && end >= start) closed.push([start, end])
  if (closed.length === 0) return undefined
  closed.sort((a, b) => a[0] - b[0])
  let total = 0
  let [from, to] = closed[0] as [number, number]
  for (const [start, end] of closed.slice(1)) {
    if (start > to) {
      total += to - from
      from = start
      to = end
    } else if (end > to) to = end
  }
  return Math.round(total + to - from)
}

/** Create the state of a rawjson build. */
export function createRawjsonBuild(record: BuildRecord, session: DockerSession): RawjsonBuild {
  const vertices = new Map<string, VertexState>()
  const pending = new Set<VertexState>()
  /** Vertices with a started, not yet ended step: the idle check walks these, not every vertex ever seen. */
  const open = new Set<VertexState>()
  /** The last rawjson-looking line did not parse: the stream was cut inside an object. */
  let cut = false
  let numbered = 0
  /** This build's `load build definition` vertex has ended. */
  let definitionLoaded = false

  function state(digest: string, at: LineAt): VertexState {
    let v = vertices.get(digest)
    if (v === undefined) {
      v = { digest, name: '', step: undefined, intervals: undefined, pending: undefined, ended: false, decoder: undefined, splitter: undefined, logAt: at, finishedStatuses: undefined }
      vertices.set(digest, v)
    }
    return v
  }

  function start(v: VertexState, at: LineAt): Step | undefined {
    if (v.ended) return undefined
    if (v.step !== undefined) return v.step
    numbered++
    const parsed = parseVertexName(v.name)
    const ref: StepRef = { id: `${record.prefix}#${numbered}`, stage: parsed.stage }
    v.step = startStep(
      ref,
      { builder: 'rawjson', name: v.name, instruction: parsed.instruction, index: parsed.index, total: parsed.total, internal: parsed.internal, platform: parsed.platform },
      session,
      at,
      RULE,
    )
    open.add(v)
    return v.step
  }

  function splitterOf(v: VertexState): LineSplitter {
    if (v.splitter === undefined) {
      v.splitter = createLineSplitter((text) => {
        if (v.step !== undefined) stepOutput(v.step, text, session, v.logAt)
      }, session.maxLineLength)
    }
    return v.splitter
  }

  function output(v: VertexState, data: string, at: LineAt): void {
    const bytes = decodeBase64(data)
    if (bytes === undefined) return
    v.decoder ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
    v.logAt = at
    splitterOf(v).push(v.decoder.decode(bytes, { stream: true }))
  }

  /** Emit a held completion: the rest of the output first, then the end. */
  function end(v: VertexState, status: DockerStepStatus, error: string | undefined, at: LineAt, inferred: boolean): void {
    pending.delete(v)
    v.pending = undefined
    const step = v.step
    if (step !== undefined) {
      if (v.decoder !== undefined) splitterOf(v).push(v.decoder.decode())
      v.splitter?.end()
      const durationMs = status === 'cached' || v.intervals === undefined ? undefined : mergedDuration(v.intervals)
      const exitCode = status === 'error' && error !== undefined ? exitCodeIn(error) : undefined
      endStep(step, { status, durationMs, exitCode, error, inferred }, session, at, RULE)
    }
    v.ended = true
    open.delete(v)
    if (v.name.startsWith(BUILD_DEFINITION)) definitionLoaded = true
    v.step = undefined
    v.intervals = undefined
    v.decoder = undefined
    v.splitter = undefined
    v.finishedStatuses = undefined
  }

  function flushPending(except: ReadonlySet<string> | undefined): void {
    for (const v of [...pending]) {
      if (v.pending === undefined || except?.has(v.digest) === true) continue
      end(v, v.pending.status, v.pending.error, v.pending.at, false)
    }
  }

  function vertexUpdate(update: SolveStatus['vertexes'][number], at: LineAt, toStart: { v: VertexState; order: number }[]): void {
    const v = state(update.digest, at)
    if (update.name !== undefined) v.name = update.name
    if (v.ended) return
    const startedMs = update.started === undefined ? undefined : parseRfc3339(update.started)
    const completedMs = update.completed === undefined ? undefined : parseRfc3339(update.completed)
    if (startedMs !== undefined) {
      v.intervals ??= new Map()
      if (v.intervals.size < MAX_INTERVALS || v.intervals.has(startedMs)) v.intervals.set(startedMs, completedMs)
    }
    if (v.step === undefined && (update.started !== undefined || update.completed !== undefined)) {
      toStart.push({ v, order: startedMs ?? completedMs ?? Number.POSITIVE_INFINITY })
    }
    if (update.completed !== undefined) {
      let status: DockerStepStatus = update.cached ? 'cached' : 'done'
      if (update.error !== undefined) {
        // As the plain printer: an error ending in "context canceled" is a cancellation.
        status = update.error.endsWith('context canceled') ? 'canceled' : 'error'
        if (status === 'error') record.failed = true
      }
      v.pending = { status, error: update.error, at }
      pending.add(v)
    } else if (update.started !== undefined && v.pending !== undefined) {
      // Restarted after a completion: the earlier completion was not the last.
      v.pending = undefined
      pending.delete(v)
    }
  }

  function statusUpdate(update: SolveStatus['statuses'][number], at: LineAt): boolean {
    if (update.completed === undefined) return false
    const v = state(update.vertex, at)
    if (update.id.startsWith('writing image ')) record.imageId = update.id.slice(14)
    else if (update.id.startsWith('naming to ')) addTag(record, update.id.slice(10))
    if (v.ended) return false
    v.finishedStatuses ??= new Set()
    if (v.finishedStatuses.has(update.id)) return false
    v.finishedStatuses.add(update.id)
    const step = start(v, at)
    if (step !== undefined) stepInfo(step, 'status', update.id, session, at, RULE)
    return true
  }

  function running(): boolean {
    for (const v of open) if (v.step !== undefined && v.pending === undefined) return true
    return false
  }

  return {
    kind: 'rawjson',
    record,
    idle: () => !running(),
    startsNewBuild(status) {
      return definitionLoaded && status.vertexes.some((v) => v.name?.startsWith(BUILD_DEFINITION) === true)
    },
    malformed() {
      cut = true
    },
    update(status, at) {
      record.lastAt = at
      cut = false
      const mentioned = new Set<string>()
      for (const v of status.vertexes) mentioned.add(v.digest)
      for (const s of status.statuses) mentioned.add(s.vertex)
      for (const l of status.logs) mentioned.add(l.vertex)
      for (const w of status.warnings) mentioned.add(w.vertex)
      if (pending.size > 0) flushPending(mentioned)

      let verdict: Verdict = status.vertexes.length + status.logs.length + status.warnings.length > 0 ? CONSUMED : IGNORED
      const toStart: { v: VertexState; order: number }[] = []
      for (const update of status.vertexes) vertexUpdate(update, at, toStart)
      // Within one update, number vertices in the order they started (Array.sort is stable).
      toStart.sort((a, b) => a.order - b.order)
      for (const { v } of toStart) start(v, at)
      for (const update of status.statuses) if (statusUpdate(update, at)) verdict = CONSUMED
      for (const log of status.logs) {
        const v = state(log.vertex, at)
        if (start(v, at) !== undefined) output(v, log.data, at)
      }
      for (const warning of status.warnings) {
        const v = state(warning.vertex, at)
        const step = start(v, at)
        const text = warning.short === undefined ? undefined : decodeBase64Text(warning.short)
        if (step !== undefined && text !== undefined) stepInfo(step, 'warning', text, session, at, RULE)
      }
      return verdict
    },
    finish(rule, at, outcome, exitCode) {
      flushPending(undefined)
      const stillRunning = running()
      // A stream cut inside an object (its last rawjson line did not parse) proves nothing about the end.
      const result: DockerBuildEndEvent['outcome'] = outcome ?? (record.failed ? 'failure' : stillRunning || cut ? 'unknown' : 'success')
      for (const v of vertices.values()) {
        if (v.step !== undefined) end(v, result === 'success' ? 'done' : 'unknown', undefined, v.step.lastAt, true)
      }
      vertices.clear()
      open.clear()
      emitBuildEnd(record, { outcome: result, exitCode, inferred: outcome === undefined, cut: outcome === undefined && cut }, session, at ?? record.lastAt, rule)
    },
    settle: () => flushPending(undefined),
    echoTarget: () => undefined,
  }
}
