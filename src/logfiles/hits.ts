/**
 * What the log-file rules find on one line, before the grammar turns it into an event.
 * @module
 */

import type { AptHistoryDisappeared, AptHistoryListKind, AptHistoryPackage, DpkgLogAction, DpkgLogState } from '../events/logfile.ts'
import type { PackageRef } from '../dpkg/package-ref.ts'

/** `Start-Date:` (opens a stanza) or `End-Date:` (closes it). */
export interface HistoryDateHit {
  readonly kind: 'history-start' | 'history-end'
  /** Normalised to one space. */
  readonly date: string
}

/** A one-value stanza line: `Commandline:`, `Requested-By:`, `Comment:`, `Error:`. */
export interface HistoryFieldHit {
  readonly kind: 'history-field'
  readonly field: 'commandline' | 'requestedBy' | 'comment' | 'error'
  readonly value: string
}

/** A package list line: `Install:`, `Upgrade:` … */
export interface HistoryListHit {
  readonly kind: 'history-list'
  readonly list: AptHistoryListKind
  readonly entries: readonly AptHistoryPackage[]
  /** The line ended inside an entry. */
  readonly truncated: boolean
  /** Entries without the `name:arch (version…)` shape. */
  readonly unread: number
}

/** `Disappeared:`. */
export interface HistoryDisappearedHit {
  readonly kind: 'history-disappeared'
  readonly entries: readonly AptHistoryDisappeared[]
  readonly unread: number
}

/** term.log's `Log started:` / `Log ended:`. */
export interface TermLogHit {
  readonly kind: 'term-start' | 'term-end'
  /** Normalised to one space. */
  readonly date: string
}

/** dpkg.log `startup archives|packages <action>`. */
export interface DpkgLogStartupHit {
  readonly kind: 'dpkg-startup'
  readonly mode: 'archives' | 'packages'
  readonly action: string
}

/** dpkg.log `<action> <pkg>[:<arch>] <installed> <available>`. */
export interface DpkgLogActionHit {
  readonly kind: 'dpkg-action'
  readonly action: DpkgLogAction
  readonly ref: PackageRef
  /** Undefined for `<none>`. */
  readonly installed: string | undefined
  /** Undefined for `<none>`. */
  readonly available: string | undefined
}

/** dpkg.log `status <state> <pkg>[:<arch>] <version>`. */
export interface DpkgLogStatusHit {
  readonly kind: 'dpkg-status'
  readonly state: DpkgLogState
  readonly ref: PackageRef
  /** Undefined for `<none>`. */
  readonly version: string | undefined
}

/** dpkg.log `conffile <path> install|keep`. */
export interface DpkgLogConffileHit {
  readonly kind: 'dpkg-conffile'
  readonly path: string
  readonly decision: 'install' | 'keep'
}

/** Anything a log-file rule finds. */
export type LogfileHit =
  | HistoryDateHit
  | HistoryFieldHit
  | HistoryListHit
  | HistoryDisappearedHit
  | TermLogHit
  | DpkgLogStartupHit
  | DpkgLogActionHit
  | DpkgLogStatusHit
  | DpkgLogConffileHit
