/**
 * A BuildKit build printed on a terminal and recorded (FORMATS.md §7.6): a screen repainted many
 * times, not a stream. Each job is a step, started the first time a frame shows it and ended when
 * the build ends, with the state and time its last frame showed. The ` => => # ` lines are a
 * rolling window of a running job's last lines, sampled at each repaint: lines can be skipped and
 * every line is shown several times, so they are not read as the step's output. What the log
 * proves of a failed job's output is the error box printed after the last frame, whose lines are
 * read as that step's output (`echoTarget`).
 * @module
 */

import type { DockerBuildEndEvent, DockerStepStatus } from '../events/docker.ts'
import { CONSUMED, IGNORED, type Verdict } from '../grammar/verdict.ts'
import type { ActiveBuild, EchoTarget } from './active-build.ts'
import { addTag, emitBuildEnd, type BuildRecord } from './build.ts'
import type { TtyDetailLine, TtyHeaderLine, TtyJobLine } from './line-kinds.ts'
import type { DockerSession, LineAt } from './session.ts'
import { closeContext, endStep, startStep, stepOutput, type Step } from './steps.ts'
import { parseVertexName } from './vertex-name.ts'

/** A tty build being read. */
export interface TtyBuild extends ActiveBuild {
  /** Discriminant. */
  readonly kind: 'tty'
  /** True when a header cannot belong to this build: its last frame said FINISHED. */
  startsNewBuild(): boolean
  /** A frame header. */
  header(line: TtyHeaderLine, at: LineAt): Verdict
  /** A job line. */
  job(line: TtyJobLine, at: LineAt, rule: string): Verdict
  /** A status or live-output line of a job. */
  detail(line: TtyDetailLine, at: LineAt, rule: string): Verdict
}

/** Most jobs kept: a real build has tens; a log of endless distinct job lines must not grow without bound. */
const MAX_JOBS = 1000

interface Job {
  readonly step: Step
  status: TtyJobLine['status']
  durationMs: number | undefined
}

/** Prefix of a tty job's step id: jobs are numbered in the order frames first show them. */
const TTY_ID = 'tty.'

/** Create the state of a tty build. */
export function createTtyBuild(record: BuildRecord, session: DockerSession): TtyBuild {
  const jobs = new Map<string, Job>()
  let finishedFrame = false
  /** Jobs known only from an error box (the screen did not show them). */
  let echoed = 0

  function statusAtEnd(job: Job, outcome: DockerBuildEndEvent['outcome']): DockerStepStatus {
    if (job.status !== undefined) return job.status
    // A job shown without a status word is running or done: the build's end tells which.
    return finishedFrame || outcome !== 'unknown' ? 'done' : 'unknown'
  }

  function echoTarget(name: string, at: LineAt, rule: string): EchoTarget {
    const job = jobs.get(name)
    if (job !== undefined) {
      return {
        ref: job.step,
        output: (payload, lineAt) => stepOutput(job.step, payload, session, lineAt),
        // The box's last line is the step's last: its open blocks (an `E:` message) end here, before the build's end.
        close: () => closeContext(job.step, session),
      }
    }
    echoed++
    const parsed = parseVertexName(name)
    const step = startStep(
      { id: `${record.prefix}${TTY_ID}?${echoed}`, stage: parsed.stage },
      { builder: record.builder, name, instruction: parsed.instruction, index: parsed.index, total: parsed.total, internal: parsed.internal, platform: parsed.platform },
      session,
      at,
      rule,
    )
    const boxed: Job = { step, status: 'error', durationMs: undefined }
    if (jobs.size < MAX_JOBS) jobs.set(name, boxed)
    record.failed = true
    return { ref: step, output: (payload, lineAt) => stepOutput(step, payload, session, lineAt), close: () => closeContext(step, session) }
  }

  return {
    kind: 'tty',
    record,
    idle: () => finishedFrame,
    startsNewBuild: () => finishedFrame,
    header(line, at) {
      record.lastAt = at
      if (line.finished) finishedFrame = true
      return IGNORED
    },
    job(line, at, rule) {
      record.lastAt = at
      let job = jobs.get(line.name)
      let verdict: Verdict = IGNORED
      if (job === undefined) {
        if (jobs.size >= MAX_JOBS) return IGNORED
        const parsed = parseVertexName(line.name)
        const step = startStep(
          { id: `${record.prefix}${TTY_ID}${jobs.size + 1}`, stage: parsed.stage },
          { builder: record.builder, name: line.name, instruction: parsed.instruction, index: parsed.index, total: parsed.total, internal: parsed.internal, platform: parsed.platform },
          session,
          at,
          rule,
        )
        job = { step, status: undefined, durationMs: undefined }
        jobs.set(line.name, job)
        verdict = CONSUMED
      }
      job.status = line.status
      if (line.durationMs !== undefined) job.durationMs = line.durationMs
      if (line.status === 'error') record.failed = true
      return verdict
    },
    detail(line, at) {
      record.lastAt = at
      const status = line.status
      if (status !== undefined) {
        if (status.startsWith('writing image ')) record.imageId = status.slice(14)
        else if (status.startsWith('naming to ')) addTag(record, status.slice(10))
      }
      return IGNORED
    },
    finish(rule, at, outcome, exitCode) {
      const end = outcome ?? (record.failed ? 'failure' : finishedFrame ? 'success' : 'unknown')
      const endAt = at ?? record.lastAt
      // The final line's exit code is the failed job's, when one job failed.
      const failedJobs = [...jobs.values()].filter((job) => job.status === 'error').length
      for (const job of jobs.values()) {
        const status = statusAtEnd(job, end)
        const code = status === 'error' && failedJobs === 1 ? exitCode : undefined
        endStep(job.step, { status, durationMs: job.durationMs, exitCode: code, inferred: true }, session, endAt, rule)
      }
      jobs.clear()
      emitBuildEnd(record, { outcome: end, exitCode, inferred: outcome === undefined }, session, endAt, rule)
    },
    settle: () => undefined,
    echoTarget,
  }
}
