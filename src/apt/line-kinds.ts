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
  /** Discriminant. */
  readonly kind: 'acquire'
  /** Get, Hit, Ign or Err. */
  readonly result: AcquireResult
  /** The item id; `null` for apt 1.0's id-less lines. */
  readonly id: number | null
  /** What was fetched, from where. */
  readonly description: AcquireDescription
  /** From ` [151 kB]`. */
  readonly sizeBytes?: number
}

/** `Fetched 6258 kB in 1s (6438 kB/s)`. */
export interface FetchedLine {
  /** Discriminant. */
  readonly kind: 'fetched'
  /** Bytes downloaded. */
  readonly bytes: number
  /** Duration in seconds. */
  readonly seconds: number
  /** Rate. */
  readonly bytesPerSecond: number
}

/** `Reading package lists...`, `Solving dependencies... Error!`. */
export interface PhaseLine {
  /** Discriminant. */
  readonly kind: 'phase'
  /** Which operation. */
  readonly phase: AptPhase
  /** The tty suffix, when printed. */
  readonly status?: 'done' | 'error' | 'failed'
}

/** A plan list header: `The following NEW packages will be installed:`, apt 3 `Installing:`. */
export interface ListHeaderLine {
  /** Discriminant. */
  readonly kind: 'list-header'
  /** Which list. */
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
  /** Discriminant. */
  readonly kind: 'counts'
  /** Upgraded. */
  readonly upgraded: number
  /** Newly installed. */
  readonly newlyInstalled: number
  /** Reinstalled, when printed. */
  readonly reinstalled?: number
  /** Downgraded, when printed. */
  readonly downgraded?: number
  /** To remove. */
  readonly removed: number
  /** Not upgraded. */
  readonly notUpgraded: number
  /** Classic (and en_GB) line, or apt 3 summary. */
  readonly layout: 'classic' | 'summary'
}

/** `1 not fully installed or removed.` */
export interface NotFullyInstalledLine {
  /** Discriminant. */
  readonly kind: 'not-fully-installed'
  /** How many. */
  readonly count: number
}

/** `Need to get 3934 kB/10.7 MB of archives.`, `Download size: 1995 kB`. */
export interface DownloadLine {
  /** Discriminant. */
  readonly kind: 'download'
  /** Bytes to download. */
  readonly bytes: number
  /** All archives, when part is cached. */
  readonly totalBytes?: number
}

/** `After this operation, 14.9 MB of additional disk space will be used.`, `Space needed: …`, `Freed space: …`. */
export interface DiskLine {
  /** Discriminant. */
  readonly kind: 'disk'
  /** Used or freed. */
  readonly change: 'used' | 'freed'
  /** Bytes. */
  readonly bytes: number
  /** Free space apt reported. */
  readonly availableBytes?: number
  /** Mount point of a per-mount line. */
  readonly path?: string
}

/** `E: …`, `Error: …` and the other message prefixes. */
export interface MessageLine {
  /** Discriminant. */
  readonly kind: 'message'
  /** Level from the prefix. */
  readonly level: AptMessageLevel
  /** The prefix as printed. */
  readonly prefix: string
  /** Text after the prefix. */
  readonly text: string
}

/** `The following packages have unmet dependencies:` / apt 3 `Unsatisfied dependencies:`. */
export interface UnmetHeaderLine {
  /** Discriminant. */
  readonly kind: 'unmet-header'
}

/** How a note continues on the lines after its first one. */
export type NoteBlockKind = 'impossible-situation' | 'virtual-package' | 'not-available' | 'lock-waiting' | 'simulation'

/** An informational line (or the first line of an informational block). */
export interface NoteLine {
  /** Discriminant. */
  readonly kind: 'note'
  /** Which note. */
  readonly note: AptNoteKind
  /** The line. */
  readonly text: string
  /** Package it names. */
  readonly package?: string
  /** Version it names. */
  readonly version?: string
  /** Set when the note continues on the following lines. */
  readonly block?: NoteBlockKind
}

/** `Do you want to continue? [Y/n] ` and what follows it on the same line. */
export interface PromptLine {
  /** Discriminant. */
  readonly kind: 'prompt'
  /** The prompt as printed, without what followed. */
  readonly prompt: string
  /** Text after the prompt on the same line (`Abort.`, or the next output when stdin gave the answer). */
  readonly rest: string
}

/** Simulation: `Inst demo-b [1:2.0-1] (1:3.0-1 Lab:lab [amd64])`. */
export interface SimulateLine {
  /** Discriminant. */
  readonly kind: 'simulate'
  /** The action word, lower case. */
  readonly action: 'inst' | 'conf' | 'remv' | 'purg'
  /** Package. */
  readonly package: string
  /** Target (or removed) version. */
  readonly version?: string
  /** Installed version of an upgrade. */
  readonly fromVersion?: string
}

/** A known line that carries nothing: tty progress, the `Summary:` title. */
export interface NoiseLine {
  /** Discriminant. */
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
