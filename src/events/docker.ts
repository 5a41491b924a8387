/**
 * Events from `docker build`: the legacy builder, BuildKit `--progress=plain` and
 * `--progress=rawjson`, and Podman/Buildah `STEP i/n:`. FORMATS.md §7.
 * @module
 */

import type { EventBase } from './base.ts'

/** Which renderer printed the build. */
export type DockerBuilder = 'legacy' | 'buildkit' | 'rawjson' | 'podman'

/**
 * Step ids (`step` on every event of a build): `#5` for a BuildKit vertex (rawjson vertices get the
 * same numbering, assigned in order of first start), `5` for legacy `Step 5/12` and Podman
 * `STEP 5/12:`, `2.5` for Podman's `[2/3] STEP 5/12:`. The first build of a log uses them as is; the
 * n-th build prefixes `b<n>.` (`b2.#5`), so ids are unique in the log.
 */
export type DockerStepId = string

/**
 * A build begins (first line that proves it: `Sending build context`, `#0 building with …`,
 * `#1 [internal] …`, `Step 1/5`, `STEP 1/5:`, a rawjson object).
 */
export interface DockerBuildStartEvent extends EventBase<'docker.build.start'> {
  /** Renderer. */
  readonly builder: DockerBuilder
  /** 1-based count of builds in this log. */
  readonly build: number
}

/**
 * A step starts: legacy `Step 2/5 : RUN …`, BuildKit `#5 [2/4] RUN …` (first header of that vertex),
 * a rawjson vertex, Podman `STEP 2/5: RUN …`.
 */
export interface DockerStepStartEvent extends EventBase<'docker.step.start'> {
  /** Step id: `#5` (BuildKit), `5` (legacy, Podman); unique in the log (later builds get a `b2.` prefix). */
  readonly step: DockerStepId
  /** Renderer. */
  readonly builder: DockerBuilder
  /** The vertex or step name as printed: `[builder 2/5] RUN apt-get update`, `RUN apt-get update`. */
  readonly name: string
  /** The Dockerfile instruction (`RUN apt-get update`), `null` for BuildKit internal vertices. */
  readonly instruction: string | null
  /** Position in its stage (`2` of `[2/5]`, `Step 2/5`). */
  readonly index?: number | undefined
  /** Instructions in its stage (`5` of `[2/5]`). */
  readonly total?: number | undefined
  /** True for `[internal] …`, exporter and other non-Dockerfile vertices. */
  readonly internal: boolean
  /** Platform prefix of a multi-platform build: `linux/arm64` of `[linux/arm64 2/5] RUN …`. */
  readonly platform?: string | undefined
}

/**
 * Step information lines: ` ---> Running in 8ad72937455d`, ` ---> Using cache`, ` ---> c7321c6412da`,
 * `#5 sha256:…` (v0.8 vertex digest), `#5 WARN: …`, finished BuildKit status lines
 * (`#9 writing image sha256:… done`; in-progress ones are ignored as progress noise), Podman
 * `--> Using cache …`, `COMMIT x`.
 */
export interface DockerStepInfoEvent extends EventBase<'docker.step.info'> {
  /** What the line says. */
  readonly info: 'running-in' | 'using-cache' | 'image' | 'removed-container' | 'warning' | 'digest' | 'status'
  /** The value: container or image id, digest, status text. */
  readonly value: string
}

/**
 * How a step ended. `unknown`: the input (or the build) ended before anything said how the step
 * ended — a log cut short, a legacy build that stopped without a result line.
 */
export type DockerStepStatus = 'done' | 'cached' | 'error' | 'canceled' | 'unknown'

/** A step ends: `#5 DONE 12.3s`, `#4 CACHED`, `#5 ERROR: …`, `#7 CANCELED`, or inferred (legacy: next step, end of build). */
export interface DockerStepEndEvent extends EventBase<'docker.step.end'> {
  /** Step id. */
  readonly step: DockerStepId
  /** Outcome. */
  readonly status: DockerStepStatus
  /** Duration, from `DONE 12.3s` or rawjson `started`/`completed`. */
  readonly durationMs?: number | undefined
  /** Exit code of a failed RUN, when the error names it. */
  readonly exitCode?: number | undefined
  /** Error text of a failed step. */
  readonly error?: string | undefined
  /** True when no line said so and the end was inferred (legacy builder: the next `Step` or the end of the build). */
  readonly inferred?: boolean | undefined
  /** Output lines of the step handed to its apt/dpkg stream context (BuildKit `#5 1.234 …` lines, legacy RUN output, decoded rawjson lines). */
  readonly outputLines: number
}

/**
 * The build ended: `Successfully built …` (+ tags), a final error line, or inferred (BuildKit prints
 * no end line after a successful build: the end is inferred when every vertex has completed and a
 * line that is not the build's arrives, another build starts, or the input ends).
 */
export interface DockerBuildEndEvent extends EventBase<'docker.build.end'> {
  /** Which build (the counter of its `docker.build.start`). */
  readonly build: number
  /** Renderer. */
  readonly builder: DockerBuilder
  /**
   * Outcome. `unknown`: the build stopped being printed before its outcome (input cut short, a
   * legacy build without `Successfully built`, a BuildKit build with vertices still running).
   */
  readonly outcome: 'success' | 'failure' | 'unknown'
  /** Image id from `Successfully built 1a2b3c4d5e6f` / `writing image sha256:…`. */
  readonly imageId?: string | undefined
  /** Tags from `Successfully tagged x:y` / `naming to …`. */
  readonly tags?: readonly string[] | undefined
  /** Exit code when the final line names one. */
  readonly exitCode?: number | undefined
  /** True when no line closed the build and its end was inferred. */
  readonly inferred?: boolean | undefined
}

/**
 * A build error line: legacy `The command '/bin/sh -c …' returned a non-zero code: 100`, BuildKit
 * `ERROR: failed to solve: …` / buildx `ERROR: failed to build: failed to solve: …`, the docker 20.10
 * CLI's bare `executor failed running […]: exit code: 100`, and other fatal docker errors.
 */
export interface DockerErrorEvent extends EventBase<'docker.error'> {
  /**
   * Shape of the line: `legacy-nonzero` (`The command … returned a non-zero code: N`),
   * `executor-failed` / `process-failed` (the bare error text printed by the docker 20.10 CLI),
   * `failed-to-solve` (`ERROR: failed to solve: …`, buildx ≥ 0.25 `ERROR: failed to build: …`,
   * compose's bare `failed to solve: …`), `building-at-step` (Podman/Buildah
   * `Error: building at STEP "…": …`), `cli` (the docker CLI refused to start the build),
   * `compose` (Docker Compose v1 `Service 'web' failed to build : …`), `other` (legacy `COPY failed: …`).
   */
  readonly form: 'legacy-nonzero' | 'executor-failed' | 'process-failed' | 'failed-to-solve' | 'building-at-step' | 'cli' | 'compose' | 'other'
  /** The error text. */
  readonly text: string
  /** Exit code named in the text. */
  readonly exitCode?: number | undefined
  /** The failing command (`/bin/sh -c apt-get …`), when the text names it. */
  readonly command?: string | undefined
}

/** BuildKit's error echo block (`------` / ` > [2/3] RUN …:` / last lines / `------`): replayed lines, not new evidence. */
export interface DockerErrorEchoEvent extends EventBase<'docker.echo'> {
  /** The vertex name echoed. */
  readonly name: string
  /** Replayed lines inside the block. */
  readonly lines: number
}

/** The Dockerfile excerpt that BuildKit prints for a failed instruction (`Dockerfile:2` + numbered lines). */
export interface DockerSourceEvent extends EventBase<'docker.source'> {
  /** File name. */
  readonly file: string
  /** First line of the failing range. */
  readonly sourceLine: number
  /** The excerpt lines as printed, without their frame. */
  readonly excerpt: readonly string[]
}

/** `[output clipped, log limit 1MiB reached]`: BuildKit dropped step output from here on. */
export interface DockerLogClippedEvent extends EventBase<'docker.log-clipped'> {
  /** The limit: `1MiB`, `2MiB`, `200KiB/s` … */
  readonly limit: string
}

/** `Sending build context to Docker daemon  2.048kB`. */
export interface DockerContextEvent extends EventBase<'docker.context'> {
  /** Context size in bytes (decimal units, as the CLI's `units.HumanSize` prints them). */
  readonly bytes: number
  /** The size as printed: `3.072kB`. */
  readonly size: string
}

/** Notices from the docker CLI about the builder: the legacy-builder `DEPRECATED` banner, `#0 building with "default" instance using docker driver`, warnings. */
export interface DockerNoticeEvent extends EventBase<'docker.notice'> {
  /** Which notice. */
  readonly notice: 'legacy-deprecated' | 'builder-instance' | 'buildx-missing' | 'warning' | 'other'
  /** The text, continuation lines joined with `\n`. */
  readonly text: string
}

/** Every docker event. */
export type DockerEvent =
  | DockerBuildStartEvent
  | DockerStepStartEvent
  | DockerStepInfoEvent
  | DockerStepEndEvent
  | DockerBuildEndEvent
  | DockerErrorEvent
  | DockerErrorEchoEvent
  | DockerSourceEvent
  | DockerLogClippedEvent
  | DockerContextEvent
  | DockerNoticeEvent

/**
 * Problem kinds found in docker output (public API; documented in docs/problems.md):
 * `docker.service-exited` is Docker Compose's `web_1 exited with code 100` — a service's container
 * failed; its cause is in the container's output when the log holds it.
 */
export type DockerProblemKind = 'docker.step-failed' | 'docker.build-failed' | 'docker.log-clipped' | 'docker.service-exited'
