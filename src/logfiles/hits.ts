/**
 * What the log-file rules find on one line, before the grammar turns it into an event.
 * @module
 */

import type { AptHistoryDisappeared, AptHistoryListKind, AptHistoryPackage, DpkgLogAction, DpkgLogState } from '../events/logfile.ts'
import type { PackageRef } from '../dpkg/package-ref.ts'

/** `Start-Date:` (opens a stanza) or `End-Date:` (closes it). */
export interface HistoryDateLine {
  /** Which of the two. */
  readonly kind: 'history-start' | 'history-end'
  /** Normalised to one space. */
  readonly date: string
}

/** A one-value stanza line: `Commandline:`, `Requested-By:`, `Comment:`, `Error:`. */
export interface HistoryFieldLine {
  /** Discriminant. */
  readonly kind: 'history-field'
  /** The event field the value goes to. */
  readonly field: 'commandline' | 'requestedBy' | 'comment' | 'error'
  /** The text after `Key: `, as written. */
  readonly value: string
}

/** A package list line: `Install:`, `Upgrade:` … */
export interface HistoryListLine {
  /** Discriminant. */
  readonly kind: 'history-list'
  /** Which list. */
  readonly list: AptHistoryListKind
  /** The complete entries, in order. */
  readonly entries: readonly AptHistoryPackage[]
  /** The line ended inside an entry. */
  readonly truncated: boolean
  /** Entries without the `name:arch (version…)` shape. */
  readonly unread: number
}

/** `Disappeared:`. */
export interface HistoryDisappearedLine {
  /** Discriminant. */
  readonly kind: 'history-disappeared'
  /** The entries, in order. */
  readonly entries: readonly AptHistoryDisappeared[]
  /** The line ended inside an entry. */
  readonly truncated: boolean
  /** Entries without the `name[:arch][ (version)]` shape. */
  readonly unread: number
}

/** term.log's `Log started:` / `Log ended:`. */
export interface TermLogLine {
  /** Which of the two. */
  readonly kind: 'term-start' | 'term-end'
  /** Normalised to one space. */
  readonly date: string
}

/** dpkg.log `startup archives|packages <action>`. */
export interface DpkgLogStartupLine {
  /** Discriminant. */
  readonly kind: 'dpkg-startup'
  /** `archives` or `packages`. */
  readonly mode: 'archives' | 'packages'
  /** dpkg's action word. */
  readonly action: string
}

/** dpkg.log `<action> <pkg>[:<arch>] <installed> <available>`. */
export interface DpkgLogActionLine {
  /** Discriminant. */
  readonly kind: 'dpkg-action'
  /** The action. */
  readonly action: DpkgLogAction
  /** The package. */
  readonly ref: PackageRef
  /** Undefined for `<none>`. */
  readonly installed: string | undefined
  /** Undefined for `<none>`. */
  readonly available: string | undefined
}

/** dpkg.log `status <state> <pkg>[:<arch>] <version>`. */
export interface DpkgLogStatusLine {
  /** Discriminant. */
  readonly kind: 'dpkg-status'
  /** The state reached. */
  readonly state: DpkgLogState
  /** The package. */
  readonly ref: PackageRef
  /** Undefined for `<none>`. */
  readonly version: string | undefined
}

/** dpkg.log `conffile <path> install|keep`. */
export interface DpkgLogConffileLine {
  /** Discriminant. */
  readonly kind: 'dpkg-conffile'
  /** The configuration file. */
  readonly path: string
  /** dpkg's answer. */
  readonly decision: 'install' | 'keep'
}

/** Anything a log-file rule finds. */
export type LogfileLine =
  | HistoryDateLine
  | HistoryFieldLine
  | HistoryListLine
  | HistoryDisappearedLine
  | TermLogLine
  | DpkgLogStartupLine
  | DpkgLogActionLine
  | DpkgLogStatusLine
  | DpkgLogConffileLine
