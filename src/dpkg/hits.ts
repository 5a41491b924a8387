/**
 * What a dpkg line rule finds: one variant per kind of line, so the grammar can dispatch every
 * line through a single rule table and switch on `kind`.
 * @module
 */

import type { DpkgAction } from '../events/dpkg.ts'
import type { PackageRef } from './package-ref.ts'

/** A progress line (`Setting up x (1.0) ...`), before the grammar adds what context knows. */
export interface ProgressLine {
  /** Discriminant. */
  readonly kind: 'progress'
  /** What dpkg did. */
  readonly action: DpkgAction
  /** The package, when the line names one (`prepare` and `conffile` lines do not). */
  readonly ref?: PackageRef | undefined
  /** The version in parentheses. */
  readonly version?: string | undefined
  /** `over (old)`: the replaced version. */
  readonly fromVersion?: string | undefined
  /** `.deb` path (`prepare`) or config file (`conffile`). */
  readonly file?: string | undefined
  /** `…, to allow removal of y (2.0)`. */
  readonly toAllow?: { readonly action: 'removal' | 'installation' | 'configuration'; readonly ref: PackageRef; readonly version: string } | undefined
}

/** `(Reading database ... 6096 files and directories currently installed.)`. */
export interface DatabaseLine {
  /** Discriminant. */
  readonly kind: 'database'
  /** The count. */
  readonly files: number
}

/** A `(Reading database ... 45%` frame left over by a cut log: known, no event. */
export interface DatabaseFrameLine {
  /** Discriminant. */
  readonly kind: 'database-frame'
}

/** `dpkg: error processing archive … (--unpack):` / `… package … (--configure):`. */
export interface ErrorHeaderLine {
  /** Discriminant. */
  readonly kind: 'error-header'
  /** What the header names. */
  readonly subject: 'archive' | 'package'
  /** The archive path or package name, as printed. */
  readonly target: string
  /** The dpkg action without dashes. */
  readonly action: string
}

/** `dpkg: dependency problems prevent configuration of x:` and the forced `… anyway as you requested:` form. */
export interface PreventHeaderLine {
  /** Discriminant. */
  readonly kind: 'prevent-header'
  /** The package. */
  readonly ref: PackageRef
  /** What was prevented (or forced). */
  readonly operation: 'configuration' | 'removal' | 'triggers'
  /** True for `x: dependency problems, but … anyway as you requested:`. */
  readonly forced: boolean
}

/** `dpkg: regarding .../x.deb containing x, pre-dependency problem:`. */
export interface RegardingLine {
  /** Discriminant. */
  readonly kind: 'regarding'
  /** The archive as printed. */
  readonly archive: string
  /** The package it contains. */
  readonly ref: PackageRef
}

/** `Errors were encountered while processing:`. */
export interface SummaryHeaderLine {
  /** Discriminant. */
  readonly kind: 'summary-header'
}

/** `<program>: warning: …`, `<program>: error: …`, `dpkg: unrecoverable fatal error, aborting:` or any other `<program>: …`. */
export interface ReportLine {
  /** Discriminant. */
  readonly kind: 'warning' | 'fatal' | 'message'
  /** `dpkg`, `dpkg-deb`, `update-alternatives`, `dpkg-deb (subprocess)` … */
  readonly program: string
  /** The text after the prefix. */
  readonly text: string
}

/** A known line that carries nothing (debconf's frontend chain, `Created symlink …`). */
export interface DpkgNoiseLine {
  /** Discriminant. */
  readonly kind: 'noise'
}

/** Every kind of line the dpkg grammar recognises on its own (outside an open block). */
export type DpkgLineLine =
  | ProgressLine
  | DatabaseLine
  | DatabaseFrameLine
  | ErrorHeaderLine
  | PreventHeaderLine
  | RegardingLine
  | SummaryHeaderLine
  | ReportLine
  | DpkgNoiseLine
