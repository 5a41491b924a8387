/** Helpers for the docker tests: step tables and event filters read off parsed captures, and a router harness with recording stream contexts. */
import type { AptLogEvent, EventOf } from '../../src/index.ts'
import type { StreamContext } from '../../src/context/stream-context.ts'
import { createLineRouter } from '../../src/docker/router.ts'
import type { LineContext } from '../../src/events/base.ts'
import { UNRECOGNIZED, type Verdict } from '../../src/grammar/verdict.ts'
import { stripAnsi } from '../../src/lines/ansi.ts'
import { readCiPrefix } from '../../src/lines/ci-prefix.ts'

/** One step as a row: what its start and end events say. */
export interface StepRow {
  readonly id: string
  readonly stage?: string
  readonly name: string
  readonly status: string
  readonly durationMs?: number
  readonly exitCode?: number
  readonly inferred?: true
  readonly outputLines: number
}

/** The steps of a parse, in order of their start (or end, for a step whose start the log does not hold). */
export function stepTable(events: readonly AptLogEvent[]): StepRow[] {
  const starts = new Map<string, EventOf<'docker.step.start'>>()
  const rows: StepRow[] = []
  for (const e of events) {
    if (e.type === 'docker.step.start') starts.set(e.step, e)
    if (e.type !== 'docker.step.end') continue
    const start = starts.get(e.step)
    const row: { -readonly [K in keyof StepRow]: StepRow[K] } = { id: e.step, name: start?.name ?? '', status: e.status, outputLines: e.outputLines }
    if (start?.stage !== undefined) row.stage = start.stage
    if (e.durationMs !== undefined) row.durationMs = e.durationMs
    if (e.exitCode !== undefined) row.exitCode = e.exitCode
    if (e.inferred === true) row.inferred = true
    rows.push(row)
  }
  return rows
}

/** Events of one type. */
export function ofType<T extends AptLogEvent['type']>(events: readonly AptLogEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type)
}

/** The kinds of the problem events, in order. */
export function problemKinds(events: readonly AptLogEvent[], prefix = ''): string[] {
  return ofType(events, 'problem')
    .map((p) => p.kind)
    .filter((k) => k.startsWith(prefix))
}

/** One build as a row: what its end event says. */
export interface BuildRow {
  readonly build: number
  readonly builder: string
  readonly outcome: string
  readonly imageId?: string
  readonly tags?: readonly string[]
  readonly exitCode?: number
}

/** The builds of a parse, from their end events. */
export function buildRows(events: readonly AptLogEvent[]): BuildRow[] {
  return ofType(events, 'docker.build.end').map((e) => ({
    build: e.build,
    builder: e.builder,
    outcome: e.outcome,
    ...(e.imageId === undefined ? {} : { imageId: e.imageId }),
    ...(e.tags === undefined ? {} : { tags: e.tags }),
    ...(e.exitCode === undefined ? {} : { exitCode: e.exitCode }),
  }))
}

/** An event without its position fields (line numbers, timestamp, step, stage), for comparing two parses of the same output. */
export function withoutPosition(event: AptLogEvent): Record<string, unknown> {
  const { line: _line, endLine: _endLine, ts: _ts, step: _step, stage: _stage, ...rest } = event as AptLogEvent & Record<string, unknown>
  return rest
}

/** One payload a stream context received. */
export interface Routed {
  /** The text as handed over (docker framing removed, CRs still inside). */
  readonly text: string
  /** Its line context. */
  readonly ctx: LineContext
  /** Which context: 0 = the one outside any step, then 1, 2 … in order of creation. */
  readonly context: number
}

/**
 * Run text through the docker router alone, the way the parser feeds it (LF split, trailing CRs
 * dropped, CI prefix and ANSI removed), with recording stream contexts instead of the apt/dpkg
 * grammars: shows exactly which payload reaches which context.
 */
export function route(text: string): { events: AptLogEvent[]; routed: Routed[]; verdicts: Verdict[] } {
  const events: AptLogEvent[] = []
  const routed: Routed[] = []
  let contexts = 0
  const newContext = (): StreamContext => {
    const context = contexts++
    return {
      line(payload: string, ctx: LineContext): Verdict {
        routed.push({ text: payload, ctx, context })
        return UNRECOGNIZED
      },
      flush(): void {},
    }
  }
  const router = createLineRouter((e) => events.push(e), newContext)
  const verdicts: Verdict[] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r+$/, '')
    let ts: string | undefined
    const ci = readCiPrefix(line)
    if (ci !== undefined) {
      ts = ci.ts
      line = ci.text
      if (ci.markers !== undefined && line.length === 0) return
    }
    verdicts.push(router.line(stripAnsi(line), i + 1, ts))
  })
  router.end(lines.length)
  return { events, routed, verdicts }
}
