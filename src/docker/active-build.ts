/**
 * What every kind of build being read (legacy/Podman, BuildKit plain, rawjson) offers the router.
 * @module
 */

import type { DockerBuildEndEvent } from '../events/docker.ts'
import type { BuildRecord } from './build.ts'
import type { LineAt, StepRef } from './session.ts'

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
  /** The step a replayed echo block names (BuildKit), if it failed in this build. */
  failedStep(name: string): StepRef | undefined
}
