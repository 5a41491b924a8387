/**
 * What the docker rules find on a line: one discriminated union, so a single first-character
 * dispatch table serves every docker format and the router switches on `kind`.
 * @module
 */

import type { DockerErrorEvent, DockerNoticeEvent } from '../events/docker.ts'

/** `#0 building with "default" instance using docker driver` (buildx ≥ 0.11, FORMATS.md §7.3). */
export interface BuildkitDescriptionLine {
  readonly kind: 'bk.description'
  /** The whole text after `#0 `. */
  readonly text: string
}

/** `#5 0.354 Get:1 …`: a vertex's output line; `payload` is the program's text (may be empty, may hold CRs). */
export interface BuildkitLogLine {
  readonly kind: 'bk.log'
  readonly n: number
  readonly payload: string
}

/** `#5 DONE 4.1s` / `#5 DONE`. */
export interface BuildkitDoneLine {
  readonly kind: 'bk.done'
  readonly n: number
  readonly durationMs?: number
}

/** `#5 CACHED`, `#5 CANCELED`, `#5 ...` (the printer leaves a running vertex). */
export interface BuildkitMarkerLine {
  readonly kind: 'bk.cached' | 'bk.canceled' | 'bk.paused'
  readonly n: number
}

/** `#5 ERROR: …`, `#5 WARN: …`, `#5 sha256:<digest>` (v0.8), and any other `#5 text` (a header or a status line, told apart by position). */
export interface BuildkitTextLine {
  readonly kind: 'bk.error' | 'bk.warn' | 'bk.digest' | 'bk.other'
  readonly n: number
  readonly text: string
}

/** `Sending build context to Docker daemon  3.072kB`. */
export interface LegacyContextLine {
  readonly kind: 'legacy.context'
  readonly size: string
  readonly bytes: number
}

/** `Step 2/5 : RUN …` (≥ 1.13) or `Step 2 : RUN …`. */
export interface LegacyStepLine {
  readonly kind: 'legacy.step'
  readonly index: number
  readonly total?: number
  readonly instruction: string
}

/** ` ---> Running in <id>`, ` ---> <image id>`, `Removing intermediate container <id>` / ` ---> Removed intermediate container <id>`, ` ---> [Warning] …`. */
export interface LegacyInfoLine {
  readonly kind: 'legacy.running-in' | 'legacy.image' | 'legacy.removed-container' | 'legacy.warning'
  readonly value: string
}

/** ` ---> Using cache`, `Build cancelled`. */
export interface LegacyMarkerLine {
  readonly kind: 'legacy.using-cache' | 'legacy.cancelled'
}

/** `Successfully built <id>`. */
export interface LegacyBuiltLine {
  readonly kind: 'legacy.built'
  readonly imageId: string
}

/** `Successfully tagged <name:tag>` (legacy builder and Podman). */
export interface LegacyTaggedLine {
  readonly kind: 'legacy.tagged'
  readonly tag: string
}

/** A line that reports a failed step and ends the build (legacy `The command …`, `COPY failed: …`, Podman `Error: building at STEP …`). */
export interface StepFailureLine {
  readonly kind: 'legacy.nonzero' | 'legacy.copy-failed' | 'podman.error'
  readonly form: DockerErrorEvent['form']
  readonly text: string
  readonly exitCode?: number
  readonly command?: string
}

/** Podman/Buildah `[1/2] STEP 2/5: RUN …`, `STEP 2/5: RUN …`, `STEP 2: RUN …`. */
export interface PodmanStepLine {
  readonly kind: 'podman.step'
  /** `1` of `[1/2]` (multi-stage builds). */
  readonly stage?: number
  readonly index: number
  readonly total?: number
  readonly instruction: string
}

/** Podman `--> Using cache <id>`, `--> <id>`, `--> Cache pulled from remote …` / `--> Pushing cache …`, `COMMIT name`, the final image id line. */
export interface PodmanInfoLine {
  readonly kind: 'podman.using-cache' | 'podman.image' | 'podman.cache-transfer' | 'podman.commit' | 'podman.image-id'
  readonly value: string
}

/** A final build error line. */
export interface FinalErrorLine {
  readonly kind: 'final.error'
  readonly form: DockerErrorEvent['form']
  readonly exitCode?: number
  readonly command?: string
}

/** A notice that may go on over indented continuation lines. */
export interface NoticeLine {
  readonly kind: 'notice'
  readonly notice: DockerNoticeEvent['notice']
  /** The first line's text. */
  readonly text: string
  /** Continuation lines start with at least this many spaces (0: none follow). */
  readonly indent: number
  /** Continuation lines start with this text instead (buildx warnings: ` - `). */
  readonly bullet?: string
}

/** `------`: opens BuildKit's error echo block. */
export interface EchoOpenLine {
  readonly kind: 'echo.open'
}

/** `Dockerfile:12`: opens the source excerpt of a failed instruction. */
export interface SourceOpenLine {
  readonly kind: 'source.open'
  readonly file: string
  readonly sourceLine: number
}

/** Everything the dispatched docker rules can find. */
export type DockerLine =
  | BuildkitDescriptionLine
  | BuildkitLogLine
  | BuildkitDoneLine
  | BuildkitMarkerLine
  | BuildkitTextLine
  | LegacyContextLine
  | LegacyStepLine
  | LegacyInfoLine
  | LegacyMarkerLine
  | LegacyBuiltLine
  | LegacyTaggedLine
  | StepFailureLine
  | PodmanStepLine
  | PodmanInfoLine
  | FinalErrorLine
  | NoticeLine
  | EchoOpenLine
  | SourceOpenLine
