/**
 * Events from apt-get and apt (1.0 → 3.3). FORMATS.md §2–§4.
 * @module
 */

import type { EventBase } from './base.ts'

/** `Get`, `Hit`, `Ign` or `Err`. */
export type AcquireResult = 'get' | 'hit' | 'ign' | 'err'

/** What an acquire line fetched: a Release file, an index, a `.deb`, or something else. */
export type AcquireTarget = 'release' | 'index' | 'package' | 'other'

/**
 * One acquire line: `Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]`, apt 1.0's
 * id-less `Hit http://…`, `Err:3 … Release` with its indented error text.
 */
export interface AptAcquireEvent extends EventBase<'apt.acquire'> {
  /** Which of Get/Hit/Ign/Err. */
  readonly result: AcquireResult
  /** The item id (`Get:12` → 12); `null` for apt 1.0's id-less `Hit`/`Ign`/`Err`. */
  readonly id: number | null
  /** Repository URI as printed (`http://deb.debian.org/debian`, `file:/repo`). */
  readonly uri: string
  /** Suite (`bookworm`, `bookworm-security`, `./` for flat repositories). */
  readonly suite?: string | undefined
  /** Component (`main`). */
  readonly component?: string | undefined
  /** Index architecture (`amd64` in `bookworm/main amd64 Packages`). */
  readonly arch?: string | undefined
  /** Release file, index, package download or other. */
  readonly target: AcquireTarget
  /** Index or Release file name: `InRelease`, `Release`, `Release.gpg`, `Packages`, `Translation-en`, `Sources` … */
  readonly file?: string | undefined
  /** Package name of a `.deb` download. */
  readonly package?: string | undefined
  /** Package architecture of a `.deb` download (`all`, `amd64`). */
  readonly packageArch?: string | undefined
  /** Package version of a `.deb` download. */
  readonly version?: string | undefined
  /** Size in bytes from `[151 kB]`. */
  readonly sizeBytes?: number | undefined
  /** `Err` only: the indented error text lines that follow. */
  readonly errors?: readonly string[] | undefined
}

/** `Fetched 15.0 MB in 2s (9977 kB/s)`. */
export interface AptFetchedEvent extends EventBase<'apt.fetched'> {
  /** Bytes downloaded (decimal units, as apt counts them). */
  readonly bytes: number
  /** Seconds, from apt's `1min 5s` style. */
  readonly seconds: number
  /** Transfer rate in bytes per second. */
  readonly bytesPerSecond: number
}

/** apt's operation phases. */
export type AptPhase =
  | 'reading-package-lists'
  | 'building-dependency-tree'
  | 'reading-state-information'
  | 'calculating-upgrade'
  | 'solving-dependencies'
  | 'correcting-dependencies'

/** `Reading package lists...`, `Solving dependencies... Error!`. */
export interface AptPhaseEvent extends EventBase<'apt.phase'> {
  /** Which phase. */
  readonly phase: AptPhase
  /** The suffix, when printed (tty mode, or `Solving dependencies... Error!`). */
  readonly status?: 'done' | 'error' | 'failed' | undefined
}

/**
 * Which plan list. Classic headers: `extra` (apt 1.0) / `additional`, `new`, `upgrade`, `remove`,
 * `kept-back`, `held-change`, `downgrade`, `essential-remove`, `suggested`, `recommended`,
 * `autoremove` (no longer required), `phasing-deferred`, `unauthenticated`. apt 3 column layout:
 * `install` (`Installing:`), `install-dependencies`, `upgrade` (`Upgrading:`), `remove` (`REMOVING:`),
 * `not-upgrading`, `not-upgrading-phasing`, `held-change`, `downgrade`, `suggested`, `recommended`.
 */
export type AptPlanListKind =
  | 'extra'
  | 'additional'
  | 'new'
  | 'upgrade'
  | 'remove'
  | 'kept-back'
  | 'held-change'
  | 'downgrade'
  | 'essential-remove'
  | 'suggested'
  | 'recommended'
  | 'autoremove'
  | 'phasing-deferred'
  | 'unauthenticated'
  | 'install'
  | 'install-dependencies'
  | 'reinstall'
  | 'not-upgrading'
  | 'not-upgrading-phasing'

/** A version annotation from `-V` output: `   pkg (old => new)` or `   pkg (1.0)`. */
export interface AptPlanVersion {
  /** Package name as printed. */
  readonly name: string
  /** The installed version (upgrades, downgrades). */
  readonly from?: string | undefined
  /** The version to be installed, or the one removed. */
  readonly to?: string | undefined
}

/** One plan list, emitted when its block closes. */
export interface AptPlanListEvent extends EventBase<'apt.plan.list'> {
  /** Which list. */
  readonly list: AptPlanListKind
  /** The header as printed (`The following NEW packages will be installed:`). */
  readonly header: string
  /** `classic` wall of text, apt 3 `columns`, or one-per-line `versions` (`-V`). */
  readonly layout: 'classic' | 'columns' | 'versions'
  /** Entries as apt printed them (without the purge `*`); alternatives stay whole: `whiptail | dialog`. */
  readonly packages: readonly string[]
  /** Entries marked `*` (purge). */
  readonly purge?: readonly string[] | undefined
  /** Versions, when the list showed them. */
  readonly versions?: readonly AptPlanVersion[] | undefined
  /** True when the list had an elision (`...`, a note) where names were left out: its length is not the real count. */
  readonly elided?: boolean | undefined
}

/**
 * The counts: classic `0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.` or apt 3's
 * `Summary:` line `Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0`.
 */
export interface AptPlanCountsEvent extends EventBase<'apt.plan.counts'> {
  /** Packages upgraded. */
  readonly upgraded: number
  /** Packages newly installed. */
  readonly newlyInstalled: number
  /** Packages reinstalled, when printed. */
  readonly reinstalled?: number | undefined
  /** Packages downgraded, when printed. */
  readonly downgraded?: number | undefined
  /** Packages to remove. */
  readonly removed: number
  /** Packages not upgraded (kept back, held). */
  readonly notUpgraded: number
  /** Which wording. */
  readonly layout: 'classic' | 'summary'
}

/** `1 not fully installed or removed.` */
export interface AptNotFullyInstalledEvent extends EventBase<'apt.plan.not-fully-installed'> {
  /** How many packages dpkg left half-done. */
  readonly count: number
}

/** `Need to get 3934 kB/10.7 MB of archives.`, apt 3 `Download size: 1995 kB`. */
export interface AptDownloadSizeEvent extends EventBase<'apt.plan.download'> {
  /** Bytes still to download. */
  readonly bytes: number
  /** Size of all archives, when apt printed `X/Y` (part is cached). */
  readonly totalBytes?: number | undefined
}

/** `After this operation, 14.9 MB of additional disk space will be used.`, apt 3 `Space needed:` / `Freed space:`. */
export interface AptDiskSpaceEvent extends EventBase<'apt.plan.disk'> {
  /** Space used or freed. */
  readonly change: 'used' | 'freed'
  /** Bytes. */
  readonly bytes: number
  /** Free space apt reported (`Space needed: 8254 kB / 78.9 GB available`). */
  readonly availableBytes?: number | undefined
  /** The mount point of apt 3's extra line `  └─ in /boot:  42.0 MB / 1024 MB available`; absent for the whole system. */
  readonly path?: string | undefined
}

/** Message levels. */
export type AptMessageLevel = 'error' | 'warning' | 'notice' | 'audit' | 'debug'

/** `E: …`, `W: …`, `N: …`, apt 3 `Error: …`, with continuation lines joined by `\n`. */
export interface AptMessageEvent extends EventBase<'apt.message'> {
  /** Level from the prefix. */
  readonly level: AptMessageLevel
  /** The prefix as printed: `E`, `W`, `Error`, `Warning` … */
  readonly prefix: string
  /**
   * The message; continuation lines joined with `\n`, apt's three-space continuation indent
   * removed (deeper indentation, such as the ` - SHA256:…` hash lines, is kept as apt wrote it).
   */
  readonly text: string
}

/** Dependency relation names as apt prints them. */
export type AptRelation = 'Depends' | 'PreDepends' | 'Suggests' | 'Recommends' | 'Conflicts' | 'Replaces' | 'Obsoletes' | 'Breaks' | 'Enhances'

/** One target of an unmet relation. */
export interface AptUnmetTarget {
  /** Target package. */
  readonly package: string
  /** Version constraint: `>= 99`. */
  readonly constraint?: string | undefined
  /** Why it fails: `but 2.36-9+deb12u14 is to be installed`, `but it is not installable`. */
  readonly reason?: string | undefined
}

/**
 * One unmet relation of one package, from `The following packages have unmet dependencies:` /
 * apt 3 `Unsatisfied dependencies:`: ` unmet-libc : Depends: libc6 (>= 99) but 2.36-9+deb12u14 is to be installed`.
 * An OR group is one event with several targets.
 */
export interface AptUnmetEvent extends EventBase<'apt.unmet'> {
  /** The package whose relation fails. */
  readonly package: string
  /** Relation type. */
  readonly relation: AptRelation | string
  /** Targets; several for an OR group. */
  readonly targets: readonly AptUnmetTarget[]
}

/**
 * apt 3 solver explanation, from an `E:`/`Error:` message: `Unable to satisfy dependencies. Reached
 * two conflicting decisions:` + numbered steps, either as the error itself (apt 3.1+) or inside
 * `The following information from --solver 3.0 may provide additional context:` (apt 3.0).
 */
export interface AptSolverEvent extends EventBase<'apt.solver'> {
  /** `decisions` (3.0–3.1) or `assignments` (3.3). */
  readonly conflict: string
  /** The explanation lines, indentation removed: `1. unmet-libc:amd64=1.0 is selected for install`, `[no choices]`. */
  readonly steps: readonly string[]
  /** The package of the first step (`unmet-libc` in `1. unmet-libc:amd64=1.0 is selected for install`), without `:arch`. */
  readonly package?: string | undefined
  /**
   * The package relations the steps name, one each: `2. unmet-libc:amd64 Depends libc6 (>= 99)` /
   * `but none of the choices are installable:` gives `{ package: 'unmet-libc', arch: 'amd64',
   * relation: 'Depends', target: 'libc6 (>= 99)', unsatisfiable: true }`. Absent when none.
   */
  readonly relations?: readonly SolverRelation[] | undefined
}

/** One package relation a solver step names: `2. unmet-libc:amd64 Depends libc6 (>= 99)`. */
export interface SolverRelation {
  /** The package whose relation it is, without `:arch`. */
  readonly package: string
  /** Its architecture, when printed. */
  readonly arch?: string
  /** The relation as apt prints it: `Depends`, `PreDepends`, `Conflicts`, `Breaks`, `Recommends` … */
  readonly relation: string
  /** What it relates to, as printed: `libc6 (>= 99)`, `mx-iso-template | iso-template (>= 16.1mx15)`. */
  readonly target: string
  /** The solver said `but none of the choices are installable` for it. */
  readonly unsatisfiable: boolean
}

/** Kinds of informational apt lines. */
export type AptNoteKind =
  | 'already-newest'
  | 'set-manually-installed'
  | 'cli-unstable'
  | 'up-to-date'
  | 'upgradable'
  | 'virtual-package'
  | 'not-available'
  | 'not-installed'
  | 'autoremove-hint'
  | 'impossible-situation'
  | 'fix-broken-hint'
  | 'lock-waiting'
  | 'simulation'
  | 'download-only'
  | 'abort'
  | 'prompt'
  | 'selection'
  | 'skipped'
  | 'other'

/** An informational apt line or block (`openssh-client is already the newest version (1:9.2p1-2).`). */
export interface AptNoteEvent extends EventBase<'apt.note'> {
  /** Which note. */
  readonly note: AptNoteKind
  /** The text, continuation lines joined with `\n`. */
  readonly text: string
  /** Package the note is about. */
  readonly package?: string | undefined
  /** Version the note names. */
  readonly version?: string | undefined
  /** Packages listed under the note (virtual package providers, replacements). */
  readonly packages?: readonly string[] | undefined
}

/** Simulation lines (`-s`): `Inst demo-b [1:2.0-1] (1:3.0-1 Lab:lab [amd64])`, `Conf …`, `Remv …`. */
export interface AptSimulateEvent extends EventBase<'apt.simulate'> {
  /** Action. */
  readonly action: 'inst' | 'conf' | 'remv' | 'purg'
  /** Package. */
  readonly package: string
  /** Target version. */
  readonly version?: string | undefined
  /** Installed version (upgrades). */
  readonly fromVersion?: string | undefined
}

/** Every apt event. */
export type AptEvent =
  | AptAcquireEvent
  | AptFetchedEvent
  | AptPhaseEvent
  | AptPlanListEvent
  | AptPlanCountsEvent
  | AptNotFullyInstalledEvent
  | AptDownloadSizeEvent
  | AptDiskSpaceEvent
  | AptMessageEvent
  | AptUnmetEvent
  | AptSolverEvent
  | AptNoteEvent
  | AptSimulateEvent

/** Problem kinds found in apt output (public API; documented in docs/problems/apt.md). */
export type AptProblemKind =
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
  | 'apt.release-info-changed'
  | 'apt.pty-unavailable'
  | 'apt.aborted'
  | 'apt.other-error'
