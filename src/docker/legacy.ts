/**
 * Builds printed one step after the other: the legacy builder (`Step 2/5 : RUN …`, FORMATS.md §7.2)
 * and Podman/Buildah (`STEP 2/5: RUN …`). Output lines between a step header and the next framing
 * line are the step's output (legacy RUN output is unprefixed). A step has no end line: its end is
 * inferred at the next step, at `Successfully built`, or at the end of the build or input.
 * @module
 */

import type { DockerBuildEndEvent, DockerStepInfoEvent } from '../events/docker.ts'
import { CONSUMED, type Verdict } from '../grammar/verdict.ts'
import type { ActiveBuild } from './active-build.ts'
import { addTag, emitBuildEnd, type BuildRecord } from './build.ts'
import type { LegacyStepLine, PodmanStepLine, StepFailureLine } from './line-kinds.ts'
import { type DockerSession, type LineAt, type OpenBlock, type StepRef } from './session.ts'
import { endStep, startStep, stepInfo, stepOutputAt, type Step } from './steps.ts'
import { LEGACY_TAGGED } from './legacy-rules.ts'
import { fromStageName, isFromInstruction } from './vertex-name.ts'

/** A legacy or Podman build being read. */
export interface SequentialBuild extends ActiveBuild {
  /** Discriminant. */
  readonly kind: 'sequential'
  /** True when a step header with this position continues the build (it comes after the last step). */
  continues(step: LegacyStepLine | PodmanStepLine): boolean
  /** A step header: the previous step ends, this one starts. */
  step(step: LegacyStepLine | PodmanStepLine, at: LineAt, rule: string): void
  /** True while a step is open (a method: a getter would make the build a slow dictionary object in V8, read on every line). */
  inStep(): boolean
  /** A step information line; undefined when no step is open. */
  info(info: DockerStepInfoEvent['info'], value: string, at: LineAt, rule: string): Verdict | undefined
  /** ` ---> Using cache` / Podman `--> Using cache <id>`; undefined when no step is open. */
  usingCache(value: string, at: LineAt, rule: string): Verdict | undefined
  /** An output line at line `line`: to the open step's stream context, or outside when none is open. */
  output(text: string, line: number, ts: string | undefined): Verdict
  /** A failure line for the open step (`The command … returned a non-zero code`): the step ends with an error. */
  failStep(failure: StepFailureLine, at: LineAt, rule: string): void
  /** A cancellation: the open step ends `canceled`. */
  cancelStep(at: LineAt, rule: string): void
  /** `Successfully built <id>`: the last step ends; returns the block that reads the `Successfully tagged` lines and then ends the build. */
  built(imageId: string, at: LineAt, rule: string): OpenBlock
  /** `Successfully tagged x` outside that block (Podman prints it before its final id line). */
  tagged(tag: string, at: LineAt): void
}

/** Create the state of a legacy (`legacy`) or Podman (`podman`) build. */
export function createSequentialBuild(record: BuildRecord, session: DockerSession): SequentialBuild {
  let current: Step | undefined
  /** The open step's image line (` ---> <id>`) came: it finished. */
  let currentHasResult = false
  let lastStage = 0
  let lastIndex = 0
  let stageName: string | undefined

  function touch(at: LineAt): void {
    record.lastAt = at
    if (current !== undefined) current.lastAt = at
  }

  function endCurrent(rule: string, outcome: DockerBuildEndEvent['outcome'] | 'next'): void {
    if (current === undefined) return
    const step = current
    current = undefined
    // The step's image line (` ---> <id>`) proves it finished; without it only a next step or a success does.
    const finished = currentHasResult || outcome === 'next' || outcome === 'success'
    endStep(step, { status: finished ? (step.cached ? 'cached' : 'done') : 'unknown', inferred: true }, session, step.lastAt, rule)
  }

  function stepId(step: LegacyStepLine | PodmanStepLine): string {
    const stage = step.kind === 'podman.step' ? step.stage : undefined
    return `${record.prefix}${stage === undefined ? '' : `${stage}.`}${step.index}`
  }

  /** `Successfully built <id>` then one `Successfully tagged <name>` per tag: the build ends when another line comes. */
  function successBlock(builtAt: LineAt, rule: string): OpenBlock {
    let lastLine = builtAt.line
    let done = false
    return {
      done: () => done,
      offer(text, at) {
        const tag = LEGACY_TAGGED.match(text)
        if (tag === undefined) return undefined
        build.tagged(tag.tag, at)
        lastLine = at.line
        return CONSUMED
      },
      close() {
        if (done) return
        done = true
        emitBuildEnd(record, { outcome: 'success', endLine: lastLine }, session, builtAt, rule)
      },
    }
  }

  const build: SequentialBuild = {
    kind: 'sequential',
    record,
    inStep: () => current !== undefined,
    idle: () => current === undefined,
    continues(step) {
      if (lastIndex === 0) return true
      const stage = step.kind === 'podman.step' ? (step.stage ?? 0) : 0
      return stage > lastStage || (stage === lastStage && step.index > lastIndex)
    },
    step(step, at, rule) {
      endCurrent(rule, 'next')
      touch(at)
      lastStage = step.kind === 'podman.step' ? (step.stage ?? 0) : 0
      lastIndex = step.index
      // `FROM … AS name` opens a stage; the steps after it belong to it until the next FROM.
      if (isFromInstruction(step.instruction)) stageName = fromStageName(step.instruction)
      const ref: StepRef = { id: stepId(step), stage: stageName }
      const started = startStep(
        ref,
        { builder: record.builder, name: step.instruction, instruction: step.instruction, index: step.index, total: step.total, internal: false },
        session,
        at,
        rule,
      )
      current = started
      currentHasResult = false
    },
    info(info, value, at, rule) {
      if (current === undefined) return undefined
      touch(at)
      if (info === 'image') currentHasResult = true
      stepInfo(current, info, value, session, at, rule)
      return CONSUMED
    },
    usingCache(value, at, rule) {
      if (current === undefined) return undefined
      current.cached = true
      return build.info('using-cache', value, at, rule)
    },
    output(text, line, ts) {
      if (current === undefined) return session.outside.line(text, { line, ts, step: undefined, stage: undefined })
      const step = current
      const verdict = stepOutputAt(step, text, session, line, ts)
      record.lastAt = step.lastAt
      return verdict
    },
    settle() {
      current?.context?.flush()
    },
    failStep(failure, at, rule) {
      record.failed = true
      touch(at)
      if (current === undefined) return
      const step = current
      current = undefined
      endStep(step, { status: 'error', exitCode: failure.exitCode, error: failure.text }, session, at, rule)
    },
    cancelStep(at, rule) {
      touch(at)
      if (current === undefined) return
      const step = current
      current = undefined
      endStep(step, { status: 'canceled' }, session, at, rule)
    },
    built(imageId, at, rule) {
      endCurrent(rule, 'success')
      touch(at)
      record.imageId = imageId
      return successBlock(at, rule)
    },
    tagged(tag, at) {
      record.lastAt = at
      addTag(record, tag)
    },
    finish(rule, at, outcome, exitCode) {
      const end = outcome ?? (record.failed ? 'failure' : 'unknown')
      endCurrent(rule, end)
      emitBuildEnd(record, { outcome: end, exitCode, inferred: outcome === undefined }, session, at ?? record.lastAt, rule)
    },
    echoTarget: () => undefined,
  }
  return build
}
