/**
 * Events from the log files apt and dpkg write themselves (FORMATS.md §6): apt's
 * `/var/log/apt/history.log` (one event per stanza), the framing of `/var/log/apt/term.log` (the
 * dpkg output inside it gives the ordinary `dpkg.*` events) and `/var/log/dpkg.log` (one event per
 * line). Documented in docs/events/logfiles.md.
 * @module
 */

import type { EventBase } from './base.ts'

/** The package lists of a history stanza, by their key (`Install:` → `install`). */
export type AptHistoryListKind = 'install' | 'reinstall' | 'upgrade' | 'downgrade' | 'remove' | 'purge'

/**
 * One entry of a history.log package list: `libbsd0:amd64 (0.11.7-2, automatic)` (Install),
 * `dpkg:amd64 (1.21.23, 1.22.22)` (Upgrade, Downgrade), `openssh-client:amd64 (1:9.2p1-2+deb12u10)`
 * (Reinstall, Remove, Purge).
 */
export interface AptHistoryPackage {
  /** Package name, without `:arch`. */
  readonly name: string
  /**
   * Architecture as history.log writes it: apt's full name, so an `Architecture: all` package shows
   * the native architecture (`amd64`), unlike dpkg.log's `:all` (FORMATS.md §6.2, §9 point 8).
   * Absent only for an entry written without `:arch` (pre-multiarch apt).
   */
  readonly arch?: string | undefined
  /**
   * The version the entry is about: the version installed (Install, Reinstall), the new version
   * (Upgrade, Downgrade), the version removed (Remove, Purge). Epoch included.
   */
  readonly version: string
  /** Upgrade and Downgrade: the version that was replaced (the first of the two in parentheses). */
  readonly fromVersion?: string | undefined
  /** Install: apt marked the package automatically installed (`, automatic`): a dependency, not requested. */
  readonly automatic?: true | undefined
}

/** One entry of `Disappeared:`: `pkg (version)`, or the bare name when apt no longer knew the package. */
export interface AptHistoryDisappeared {
  /** Package name, without `:arch`. */
  readonly name: string
  /** Architecture, when written. */
  readonly arch?: string | undefined
  /** Version, when written. */
  readonly version?: string | undefined
}

/**
 * One history.log stanza (one apt run that reached dpkg), from `Start-Date:` to `End-Date:`
 * (FORMATS.md §6.2). Emitted when the stanza closes: at `End-Date:`, or, for a run that never wrote
 * one (apt killed, file copied while apt ran), at the blank line, the next `Start-Date:`, any other
 * line, or the end of the input. A list key apt did not write is absent (apt omits empty lists).
 */
export interface AptHistoryEvent extends EventBase<'apt.history'> {
  /** `Start-Date:`, local time, normalised to one space: `2026-11-27 23:28:36` (the file has two). */
  readonly startDate: string
  /** `End-Date:`, same form; absent when the stanza has none (the run did not finish writing it). */
  readonly endDate?: string | undefined
  /** `Commandline:` as written: `apt-get -o Dpkg::StopOnError=false install -y loop2-app`. */
  readonly commandline?: string | undefined
  /** `Requested-By:` as written: `alice (1000)` (runs through sudo, pkexec or PackageKit). */
  readonly requestedBy?: string | undefined
  /** `Comment:` (`APT::History::Comment`, apt 3). */
  readonly comment?: string | undefined
  /** `Install:` entries, in the file's order. */
  readonly install?: readonly AptHistoryPackage[] | undefined
  /** `Reinstall:` entries. */
  readonly reinstall?: readonly AptHistoryPackage[] | undefined
  /** `Upgrade:` entries (`fromVersion` → `version`). */
  readonly upgrade?: readonly AptHistoryPackage[] | undefined
  /** `Downgrade:` entries (`fromVersion` → `version`). */
  readonly downgrade?: readonly AptHistoryPackage[] | undefined
  /** `Remove:` entries (`version` is the version removed). */
  readonly remove?: readonly AptHistoryPackage[] | undefined
  /** `Purge:` entries (`version` is the version purged). */
  readonly purge?: readonly AptHistoryPackage[] | undefined
  /** `Disappeared:` entries: packages dpkg removed because another package replaced all their files. */
  readonly disappeared?: readonly AptHistoryDisappeared[] | undefined
  /** `Error:` text: the dpkg error apt recorded, `Sub-process /usr/bin/dpkg returned an error code (1)`. */
  readonly error?: string | undefined
  /**
   * A package list line ended inside an entry: the line was cut (the parser's `maxLineLength`, or a
   * truncated file). The entries before the cut are kept; the cut one is dropped.
   */
  readonly truncated?: true | undefined
  /** Entries that did not have the `name:arch (version…)` shape and were skipped (none in files apt wrote). */
  readonly unreadEntries?: number | undefined
}

/** `Log started: 2026-11-27  23:28:36`: an apt run starts writing term.log (FORMATS.md §6.3). */
export interface AptTermLogStartEvent extends EventBase<'apt.term-log.start'> {
  /** Local time, normalised to one space: `2026-11-27 23:28:36`. */
  readonly date: string
}

/** `Log ended: 2026-11-27  23:28:37`: that run's dpkg output is complete. */
export interface AptTermLogEndEvent extends EventBase<'apt.term-log.end'> {
  /** Local time, normalised to one space. */
  readonly date: string
}

/** The actions dpkg.log records (`log_action` in dpkg's sources). */
export type DpkgLogAction = 'install' | 'upgrade' | 'configure' | 'trigproc' | 'remove' | 'purge' | 'disappear'

/** dpkg's package states, as `status` lines write them. */
export type DpkgLogState =
  | 'not-installed'
  | 'config-files'
  | 'half-installed'
  | 'unpacked'
  | 'half-configured'
  | 'triggers-awaited'
  | 'triggers-pending'
  | 'installed'

/**
 * `startup archives unpack`, `startup packages configure`: one dpkg invocation starts. Every
 * dpkg.log event's `ts` is the line's own timestamp (`2026-11-27 23:28:36`, local time).
 */
export interface DpkgLogStartupEvent extends EventBase<'dpkg.log.startup'> {
  /** `archives` (dpkg was given `.deb` files: `--unpack`, `--install`) or `packages` (`--configure`, `--remove` …). */
  readonly mode: 'archives' | 'packages'
  /** dpkg's action: `unpack`, `install`, `configure`, `remove`, `purge`, `triggers-only` … */
  readonly action: string
}

/**
 * `install demo-fail:all <none> 1.0`, `upgrade libsystemd0:amd64 252.36-1~deb12u1 252.38-1~deb12u1`,
 * `configure demo-a:all 2.0-1 <none>`, `trigproc libc-bin:amd64 2.36-9+deb12u10 <none>`,
 * `remove demo-fail:all 1.0 <none>`: dpkg starts an action on a package. The two versions are the
 * package's installed and available versions at that moment; `<none>` gives an absent field.
 */
export interface DpkgLogActionEvent extends EventBase<'dpkg.log.action'> {
  /** The action. */
  readonly action: DpkgLogAction
  /** Package name, without `:arch`. */
  readonly package: string
  /** Architecture: dpkg.log always writes it (`:all` for `Architecture: all`), except for a package whose database entry has none yet (dpkg itself during bootstrap). */
  readonly arch?: string | undefined
  /** The installed version before the action (the version being configured, removed, or upgraded from). */
  readonly installedVersion?: string | undefined
  /** The available version (the version being installed or upgraded to). */
  readonly availableVersion?: string | undefined
}

/**
 * `status half-configured demo-fail:all 1.0`: a package reached a state. The last state of each
 * package tells whether a run left it broken (`half-installed`, `half-configured`, `unpacked`,
 * `triggers-awaited`).
 */
export interface DpkgLogStatusEvent extends EventBase<'dpkg.log.status'> {
  /** The state reached. */
  readonly state: DpkgLogState
  /** Package name, without `:arch`. */
  readonly package: string
  /** Architecture, when written. */
  readonly arch?: string | undefined
  /** The package's version in that state; absent for `<none>` (`not-installed`). */
  readonly version?: string | undefined
}

/** `conffile /etc/foo.conf install` / `… keep`: the answer to a modified configuration file. */
export interface DpkgLogConffileEvent extends EventBase<'dpkg.log.conffile'> {
  /** The configuration file. */
  readonly path: string
  /** `install` (the package's new version was installed) or `keep` (the local version was kept). */
  readonly decision: 'install' | 'keep'
}

/** Every log-file event. */
export type LogfileEvent =
  | AptHistoryEvent
  | AptTermLogStartEvent
  | AptTermLogEndEvent
  | DpkgLogStartupEvent
  | DpkgLogActionEvent
  | DpkgLogStatusEvent
  | DpkgLogConffileEvent
