/**
 * Problems: every error or warning that matters, with a stable `kind` id (public API, listed in
 * docs/problems.md). A problem event follows the event that proves it.
 * @module
 */

import type { EventBase } from './base.ts'

/** Stable problem kinds. */
export type ProblemKind =
  | 'apt.package-not-found'
  | 'apt.no-install-candidate'
  | 'apt.version-not-found'
  | 'apt.release-not-found'
  | 'apt.unmet-dependencies'
  | 'apt.essential-removal-refused'
  | 'apt.downgrade-refused'
  | 'apt.held-change-refused'
  | 'apt.fetch-failed'
  | 'apt.release-file-missing'
  | 'apt.release-expired'
  | 'apt.release-not-yet-valid'
  | 'apt.signature-invalid'
  | 'apt.lock-held'
  | 'apt.reinstall-required'
  | 'apt.index-download-failed'
  | 'apt.archives-fetch-failed'
  | 'apt.unauthenticated'
  | 'apt.hook-failed'
  | 'apt.other-error'
  | 'disk.full'
  | 'dpkg.interrupted'
  | 'dpkg.pre-dependency'
  | 'dpkg.dependency-problems'
  | 'dpkg.maintainer-script-failed'
  | 'dpkg.file-conflict'
  | 'dpkg.subprocess-failed'
  | 'dpkg.other-error'
  | 'docker.step-failed'
  | 'docker.build-failed'
  | 'docker.log-clipped'

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
