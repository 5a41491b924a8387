/**
 * Problems: every error or warning that matters, with a stable `kind` id (public API, listed in
 * docs/problems.md). A problem event follows the event that proves it.
 * @module
 */

import type { AptProblemKind } from './apt.ts'
import type { EventBase } from './base.ts'
import type { DockerProblemKind } from './docker.ts'
import type { DpkgProblemKind } from './dpkg.ts'
import type { CiProblemKind } from './log.ts'

/** Stable problem kinds: each source declares its own (`AptProblemKind` in apt.ts, and so on). */
export type ProblemKind = AptProblemKind | DpkgProblemKind | DockerProblemKind | CiProblemKind | 'disk.full'

/** Severity. */
export type ProblemSeverity = 'error' | 'warning'

/** A problem, as it stands in the run model. */
export interface Problem {
  /** Stable kind id. */
  readonly kind: ProblemKind
  /** `error` or `warning`. */
  readonly severity: ProblemSeverity
  /** First source line of the evidence. */
  readonly line: number
  /** Last source line of the evidence, when it spans several. */
  readonly endLine?: number | undefined
  /** One-line description, in the log's words where possible. */
  readonly message: string
  /** Finer cause within the kind (`apt.fetch-failed`: `connection-refused`, `dns`, `http-404` …). */
  readonly cause?: string | undefined
  /** Package concerned. */
  readonly package?: string | undefined
  /** Docker step it happened in. */
  readonly step?: string | undefined
  /** The log ends inside the block that proves it (`EventBase.cut`): the kind may be vaguer than the whole block would have proved. */
  readonly cut?: true | undefined
  /**
   * Only `true`, when the run model kept a clipped copy of the message or cause (a log line of
   * more than 4 096 characters, events/budget.ts): the text ends with a `…[cut N chars]` mark.
   */
  readonly clipped?: true | undefined
}

/** A problem found in the log. */
export interface ProblemEvent extends EventBase<'problem'> {
  /** Stable kind id. */
  readonly kind: ProblemKind
  /** `error` or `warning`. */
  readonly severity: ProblemSeverity
  /** One-line description. */
  readonly message: string
  /** Finer cause within the kind. */
  readonly cause?: string | undefined
  /** Package concerned. */
  readonly package?: string | undefined
}
