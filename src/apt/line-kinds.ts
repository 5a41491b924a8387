/**
 * What an apt rule found on one line: a discriminated union the grammar turns into events and
 * blocks. Rules only read text; the grammar owns state and emits.
 * @module
 */

import type {
  AcquireResult,
  AcquireTarget,
  AptMessageLevel,
  AptNoteKind,
  AptPhase,
  AptPlanListKind,
} from '../events/apt.ts'

/** The parsed description of an acquire line (FORMATS.md §2.2). */
export interface AcquireDescription {
  /** Repository URI as printed. */
  readonly uri: string
  /** Suite (or the whole `dist` of a Release line, `./` for a flat repository). */
  readonly suite?: string
  /** Component. */
  readonly component?: string
  /** Index architecture. */
  readonly arch?: string
  /** What was fetched. */
  readonly target: AcquireTarget
  /** Release or index file name. */
  readonly file?: string
  /** `.deb` package name. */
  readonly package?: string
  /** `.deb` package architecture. */
  readonly packageArch?: string
  /** `.deb` version. */
  readonly version?: string
}

/** `Get:1 …`, `Hit:2 …`, `Ign …`, `Err:3 …`. */
export interface AcquireLine {
  readonly kind: 'acquire'
  readonly result: AcquireResult
  readonly id: number | null
  readonly description: AcquireDescription
  readonly sizeBytes?: number
}

/** `Fetched 6258 kB in 1s (6438 kB/s)`. */
export interface FetchedLine {
  readonly kind: 'fetched'
  readonly bytes: number
  readonly seconds: number
  readonly bytesPerSecond: number
}

/** `Reading package lists...`, `Solving dependencies... Error!`. */
export interface PhaseLine {
  readonly kind: 'phase'
  readonly phase: AptPhase
  readonly status?: 'done' | 'error' | 'failed'
}

/** A plan list header: `The following NEW packages will be installed:`, apt 3 `Installing:`. */
export interface ListHeaderLine {
  readonly kind: 'list-header'
  readonly list: AptPlanListKind
  /** The header as printed, without trailing elided text. */
  readonly header: string
  /** True for apt 3 (Output-Version 30) headers, whose lists are laid out in columns. */
  readonly columns: boolean
  /** Trailing list text on the header line itself (`Suggested packages: ...` in a pasted excerpt). */
  readonly trailing?: string
  /** A second header line apt prints before the list (the essential-packages warning). */
  readonly secondLine?: string
}

/** Counts: classic, en_GB or apt 3 `Summary:` wording. */
export interface CountsLine {
  readonly kind: 'counts'
  readonly upgraded: number
  readonly newlyInstalled: number
  readonly reinstalled?: number
  readonly downgraded?: number
  readonly removed: number
  readonly notUpgraded: number
  readonly layout: 'classic' | 'summary'
}

/** `1 not fully installed or removed.` */
export interface NotFullyInstalledLine {
  readonly kind: 'not-fully-installed'
  readonly count: number
}

/** `Need to get 3934 kB/10.7 MB of archives.`, `Download size: 1995 kB`. */
export interface DownloadLine {
  readonly kind: 'download'
  readonly bytes: number
  readonly totalBytes?: number
}

/** `After this operation, 14.9 MB of additional disk space will be used.`, `Space needed: …`, `Freed space: …`. */
export interface DiskLine {
  readonly kind: 'disk'
  readonly change: 'used' | 'freed'
  readonly bytes: number
  readonly availableBytes?: number
  readonly path?: string
}

/** `E: …`, `Error: …` and the other message prefixes. */
export interface MessageLine {
  readonly kind: 'message'
  readonly level: AptMessageLevel
  readonly prefix: string
  readonly text: string
}

/** `The following packages have unmet dependencies:` / apt 3 `Unsatisfied dependencies:`. */
export interface UnmetHeaderLine {
  readonly kind: 'unmet-header'
}

/** How a note continues on the lines after its first one. */
export type NoteBlockKind = 'impossible-situation' | 'virtual-package' | 'not-available' | 'lock-waiting' | 'simulation'

/** An informational line (or the first line of an informational block). */
export interface NoteLine {
  readonly kind: 'note'
  readonly note: AptNoteKind
  readonly text: string
  readonly package?: string
  readonly version?: string
  /** Set when the note continues on the following lines. */
  readonly block?: NoteBlockKind
}

/** `Do you want to continue? [Y/n] ` and what follows it on the same line. */
export interface PromptLine {
  readonly kind: 'prompt'
  /** The prompt as printed, without what followed. */
  readonly prompt: string
  /** Text after the prompt on the same line (`Abort.`, or the next output when stdin gave the answer). */
  readonly rest: string
}

/** Simulation: `Inst demo-b [1:2.0-1] (1:3.0-1 Lab:lab [amd64])`. */
export interface SimulateLine {
  readonly kind: 'simulate'
  readonly action: 'inst' | 'conf' | 'remv' | 'purg'
  readonly package: string
  readonly version?: string
  readonly fromVersion?: string
}

/** A known line that carries nothing: tty progress, the `Summary:` title. */
export interface NoiseLine {
  readonly kind: 'noise'
}

/** Everything a top-level apt rule can find. */
export type AptLine =
  | AcquireLine
  | FetchedLine
  | PhaseLine
  | ListHeaderLine
  | CountsLine
  | NotFullyInstalledLine
  | DownloadLine
  | DiskLine
  | MessageLine
  | UnmetHeaderLine
  | NoteLine
  | PromptLine
  | SimulateLine
  | NoiseLine
