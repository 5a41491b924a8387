/**
 * Events from dpkg, as it prints under apt (through apt's pty) or on its own. FORMATS.md §5.
 * @module
 */

import type { EventBase } from './base.ts'

/** dpkg progress actions. */
export type DpkgAction =
  | 'select'
  | 'prepare'
  | 'unpack'
  | 'setup'
  | 'trigger'
  | 'remove'
  | 'purge'
  | 'replace-files'
  | 'replaced-by'
  | 'deconfigure'
  | 'conffile'
  | 'hold'

/**
 * The other package of `De-configuring x (1.0), to allow removal of y (2.0) ...` and
 * `Removing x (1.0), to allow configuration of y (2.0) ...`.
 */
export interface DpkgProgressReason {
  /** What dpkg is making room for. */
  readonly action: 'removal' | 'installation' | 'configuration'
  /** That package, without `:arch`. */
  readonly package: string
  /** Its architecture, when printed. */
  readonly arch?: string | undefined
  /** Its version, when printed. */
  readonly version?: string | undefined
}

/**
 * A dpkg progress line: `Selecting previously unselected package libbsd0:amd64.`,
 * `Preparing to unpack .../libgcc1_1%3a4.9.2-10_amd64.deb ...`, `Unpacking x (1.0) over (0.9) ...`,
 * `Setting up x (1.0) ...`, `Processing triggers for libc-bin (2.36-9) ...`, `Removing …`, `Purging configuration files for …`,
 * `Replacing files in old package …`, `Replaced by files in installed package …`, `De-configuring …`,
 * `Installing new version of config file /etc/login.defs ...`, `Package x is on hold, not touching it. …`.
 */
export interface DpkgProgressEvent extends EventBase<'dpkg.progress'> {
  /** What dpkg did. */
  readonly action: DpkgAction
  /**
   * Package name without `:arch`. For `conffile` (whose line names no package) it is the package
   * of the `Setting up` line being processed.
   */
  readonly package: string
  /** Architecture when printed (`libbsd0:amd64`) or decoded from a `.deb` file name. */
  readonly arch?: string | undefined
  /** Version (with epoch) when printed or decoded from a file name. */
  readonly version?: string | undefined
  /** `Unpacking x (new) over (old)`: the version replaced (upgrade, downgrade or reinstall). */
  readonly fromVersion?: string | undefined
  /**
   * The `.deb` path for `prepare` (as printed, possibly `.../` shortened, `%3a` kept), or the
   * configuration file for `conffile`.
   */
  readonly file?: string | undefined
  /** `…, to allow removal of y (2.0) ...`: the package this step makes room for. */
  readonly toAllow?: DpkgProgressReason | undefined
}

/** Final frame of `(Reading database ... 6096 files and directories currently installed.)`. */
export interface DpkgDatabaseEvent extends EventBase<'dpkg.database'> {
  /** Files and directories dpkg counted. */
  readonly files: number
}

/** Why a dpkg error happened, from its reason line. */
export type DpkgErrorCause = 'pre-dependency' | 'dependency' | 'maintainer-script' | 'file-conflict' | 'disk-full' | 'other'

/** A file conflict from `trying to overwrite '…', which is also in package x 1.0`. */
export interface DpkgFileConflict {
  /** The contested path, as printed. */
  readonly path: string
  /** The package that owns it, without `:arch`. */
  readonly package: string
  /** That package's architecture, when printed (`libpython3.9-stdlib:amd64`). */
  readonly arch?: string | undefined
  /** That package's version: bare up to dpkg 1.22.11, in parentheses from 1.22.12 (both give the plain version here). */
  readonly version?: string | undefined
}

/**
 * A dpkg error: the per-item block `dpkg: error processing archive
 * /var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):` / ` pre-dependency problem - not
 * installing libgcc1:amd64` (and the `package … (--configure):` form), or a top-level
 * `dpkg: error: …` / `dpkg-deb: error: …` line (`subject: 'fatal'`).
 */
export interface DpkgErrorEvent extends EventBase<'dpkg.error'> {
  /**
   * `archive` (unpack/install phase, a path), `package` (configure/remove/triggers phase, a name), or
   * `fatal`: a `<program>: error: …` line that names no item (lock held, bad archive, no superuser).
   */
  readonly subject: 'archive' | 'package' | 'fatal'
  /** dpkg action without dashes: `unpack`, `configure`, `install`, `remove`, `purge`, `triggers-only`; absent for `fatal`. */
  readonly action?: string | undefined
  /** The program for `fatal` errors: `dpkg`, `dpkg-deb`, `dpkg-divert`, `update-alternatives` … */
  readonly program?: string | undefined
  /** Package name without `:arch` (from the name, the reason line, or the archive file name). */
  readonly package?: string | undefined
  /** Version, when known: decoded from the archive file name, or for a package error printed by that package's progress line just before (`Setting up x (1.0) ...`). */
  readonly version?: string | undefined
  /** Architecture, when known. */
  readonly arch?: string | undefined
  /** The archive path for `subject: 'archive'`, as printed (`%3a` kept). */
  readonly archive?: string | undefined
  /** The reason lines, indentation removed (for `fatal`: the text after `error: `, then its continuation lines). */
  readonly reasons: readonly string[]
  /** Classified cause. */
  readonly cause: DpkgErrorCause
  /** Maintainer script that failed: `postinst`, `preinst`, `prerm`, `postrm` (every dpkg wording maps to these). */
  readonly script?: string | undefined
  /** Exit status of the failing script. */
  readonly exitStatus?: number | undefined
  /** The signal that killed the script: `Terminated` from `… was killed by signal (Terminated)`. */
  readonly signal?: string | undefined
  /** For file conflicts: the path and the package that owns it. */
  readonly conflict?: DpkgFileConflict | undefined
}

/**
 * The pre-dependency block: `dpkg: regarding .../x.deb containing libgcc1:amd64, pre-dependency problem:`
 * / ` libgcc1 pre-depends on multiarch-support` / `  multiarch-support is unpacked, but has never been configured.`
 */
export interface DpkgPreDependencyEvent extends EventBase<'dpkg.pre-dependency'> {
  /** The archive (as printed, shortened). */
  readonly archive: string
  /** The package in it, without `:arch`. */
  readonly package: string
  /** Architecture of that package, when printed. */
  readonly arch?: string | undefined
  /** Version of that package, decoded from the archive file name when it has the cache shape. */
  readonly version?: string | undefined
  /** The pre-dependency, as printed (`multiarch-support`, `libc6 (>= 2.36)`). */
  readonly dependsOn?: string | undefined
  /** The state lines: `multiarch-support is unpacked, but has never been configured.` */
  readonly reasons: readonly string[]
  /** True for `dpkg: warning: ignoring pre-dependency problem!` (forced, not fatal). */
  readonly ignored?: boolean | undefined
}

/** One relation in a dependency-problems block. */
export interface DpkgRelationProblem {
  /** The package whose relation fails, as printed (`loop2-libc6:amd64` keeps its `:arch` here). */
  readonly package: string
  /** That package's version, printed only by the Breaks form ` x (1.0) breaks y and is installed.` */
  readonly version?: string | undefined
  /** `depends on`, `pre-depends on`, `breaks`, `conflicts with` … */
  readonly relation: string
  /** The target as printed: `loop2-libc6 (>= 2.3.6-2)`. */
  readonly target: string
  /** Reason lines: `Package loop2-libgcc1 is not installed.` (the Breaks form's `and is installed` becomes `installed`). */
  readonly reasons: readonly string[]
}

/**
 * `dpkg: dependency problems prevent configuration of x:` + relations + reasons + blank line (also
 * `removal of`, `processing triggers for`), and the forced form
 * `dpkg: x: dependency problems, but removing anyway as you requested:`.
 */
export interface DpkgDependencyProblemsEvent extends EventBase<'dpkg.dependency-problems'> {
  /** The package that could not be processed, without `:arch`. */
  readonly package: string
  /** Architecture, when printed. */
  readonly arch?: string | undefined
  /** What was prevented. */
  readonly operation: 'configuration' | 'removal' | 'triggers'
  /** The failing relations. */
  readonly relations: readonly DpkgRelationProblem[]
  /** True for `…, but configuring/removing/processing triggers anyway as you requested:` (forced, not an error). */
  readonly forced?: boolean | undefined
}

/** `Errors were encountered while processing:` and its indented list. */
export interface DpkgErrorsSummaryEvent extends EventBase<'dpkg.errors-summary'> {
  /** Package names or archive paths, as printed. */
  readonly items: readonly string[]
  /** `Processing was halted because there were too many errors.` followed. */
  readonly halted?: boolean | undefined
}

/** `dpkg: warning: …` and other dpkg (`dpkg-deb`, `dpkg-divert`, `update-alternatives`) warnings. */
export interface DpkgWarningEvent extends EventBase<'dpkg.warning'> {
  /** The program that printed it. */
  readonly program: string
  /** The text after `warning: `, continuation lines joined with `\n`. */
  readonly text: string
}

/** Other `dpkg: …` lines (not errors, not warnings), e.g. `dpkg: considering deconfiguration of …`. */
export interface DpkgMessageEvent extends EventBase<'dpkg.message'> {
  /** The program that printed it. */
  readonly program: string
  /** The text after `dpkg: `. */
  readonly text: string
}

/** Every dpkg event. */
export type DpkgEvent =
  | DpkgProgressEvent
  | DpkgDatabaseEvent
  | DpkgErrorEvent
  | DpkgPreDependencyEvent
  | DpkgDependencyProblemsEvent
  | DpkgErrorsSummaryEvent
  | DpkgWarningEvent
  | DpkgMessageEvent

/**
 * Problem kinds found in dpkg output (public API; documented in docs/problems/dpkg.md). The dpkg
 * grammar emits `dpkg.pre-dependency`, `dpkg.dependency-problems`, `dpkg.maintainer-script-failed`,
 * `dpkg.file-conflict`, `dpkg.other-error` and `dpkg.processing-failed` (plus the shared
 * `disk.full`); `dpkg.interrupted` and `dpkg.subprocess-failed` come from apt's `E:` lines about
 * dpkg and are emitted by the apt grammar.
 */
export type DpkgProblemKind =
  | 'dpkg.interrupted'
  | 'dpkg.pre-dependency'
  | 'dpkg.dependency-problems'
  | 'dpkg.maintainer-script-failed'
  | 'dpkg.file-conflict'
  | 'dpkg.subprocess-failed'
  | 'dpkg.other-error'
  | 'dpkg.processing-failed'
