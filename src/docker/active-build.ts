/**
 * What every kind of build being read (legacy/Podman, BuildKit plain, rawjson) offers the router.
 * @module
 */

import type { DockerBuildEndEvent } from '../events/docker.ts'
import type { Verdict } from '../grammar/verdict.ts'
import type { BuildRecord } from './build.ts'
import type { LineAt, StepRef } from './session.ts'

/** The step an error echo block replays (` > [2/5] RUN …:`), and what to do with its lines. */
export interface EchoTarget {
  /** The step the block belongs to. */
  readonly ref: StepRef
  /**
   * Present when the replayed lines are new to the log (the excerpt holds the block but not the
   * vertex's own lines): read one as the step's output. Absent: they repeat lines already read.
   */
  output?(payload: string, at: LineAt): Verdict
  /** The block closed: a step the log had not seen fail ends here, failed. */
  close?(at: LineAt, rule: string): void
}

/** A build being read. */
export interface ActiveBuild {
  /** Its record (number, prefix, failure flags, image and tags). */
  readonly record: BuildRecord
  /** True when no step is running (every BuildKit vertex has completed). */
  idle(): boolean
  /**
   * End the build: every open step ends (inferred), then `docker.build.end`. `outcome` undefined
   * means inferred from what was seen; `at` undefined places the end on the build's last line.
   */
  finish(rule: string, at?: LineAt, outcome?: DockerBuildEndEvent['outcome'], exitCode?: number): void
  /** Emit what earlier lines completed (open apt/dpkg blocks of the open step, held rawjson completions) before a failure line's own events. */
  settle(): void
  /**
   * The step an echo block names (BuildKit): a vertex that failed in this build, or — in an excerpt
   * that lacks its lines or its error — one the block itself proves failed. Undefined when the
   * build cannot hold it (legacy, rawjson without that vertex).
   */
  echoTarget(name: string, at: LineAt, rule: string): EchoTarget | undefined
}
