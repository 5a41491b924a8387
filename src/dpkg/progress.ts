/**
 * dpkg's progress lines (FORMATS.md §5.2), identical from dpkg 1.17 to 1.23: every template ends
 * in ` ...` except `Selecting previously unselected package %s.`.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DpkgAction } from '../events/dpkg.ts'
import type { ProgressLine } from './hits.ts'
import { parsePackageRef } from './package-ref.ts'

const ELLIPSIS = ' ...'

/** A `name (version)` rule: `Setting up libbsd0:amd64 (0.11.7-2) ...`. */
function nameVersionRule(id: string, first: string, action: DpkgAction, pattern: RegExp): Rule<ProgressLine> {
  return {
    id,
    first,
    match(text: string): ProgressLine | undefined {
      const m = pattern.exec(text)
      if (m === null) return undefined
      const ref = parsePackageRef(m[1] as string)
      return ref === undefined ? undefined : { kind: 'progress', action, ref, version: m[2] as string }
    },
  }
}

/** `Selecting previously unselected package libbsd0:amd64.` (`deselected` in old dpkg). */
export const SELECT_RULE: Rule<ProgressLine> = {
  id: 'dpkg.progress.select',
  first: 'S',
  match(text: string): ProgressLine | undefined {
    // `Setting up` shares the bucket and is as common: one character rejects it before the regex
    // call, which costs far more than its match.
    if (text.charCodeAt(2) !== 0x6c /* l */) return undefined
    const m = /^Selecting previously (?:un|de)selected package (\S+)\.$/.exec(text)
    if (m === null) return undefined
    const ref = parsePackageRef(m[1] as string)
    return ref === undefined ? undefined : { kind: 'progress', action: 'select', ref }
  },
}

/** `Preparing to unpack .../libgcc1_1%3a4.9.2-10_amd64.deb ...`: the grammar decodes the file name. */
export const PREPARE_RULE: Rule<ProgressLine> = {
  id: 'dpkg.progress.prepare',
  first: 'P',
  match(text: string): ProgressLine | undefined {
    const head = 'Preparing to unpack '
    if (!text.startsWith(head) || !text.endsWith(ELLIPSIS)) return undefined
    const file = text.slice(head.length, text.length - ELLIPSIS.length)
    return file.length === 0 || file.charCodeAt(0) === 0x20 ? undefined : { kind: 'progress', action: 'prepare', file }
  },
}

/** `Unpacking x (1.0) ...`, and `Unpacking x (1.0) over (0.9) ...` for upgrades, downgrades and reinstalls. */
export const UNPACK_RULE: Rule<ProgressLine> = {
  id: 'dpkg.progress.unpack',
  first: 'U',
  match(text: string): ProgressLine | undefined {
    const m = /^Unpacking (\S+) \(([^()\s]+)\)(?: over \(([^()\s]+)\))? \.\.\.$/.exec(text)
    if (m === null) return undefined
    const ref = parsePackageRef(m[1] as string)
    if (ref === undefined) return undefined
    // No `{ ...hit, fromVersion }`: a literal that starts with a spread is slow on Node 20 (grammar/event.ts).
    return m[3] === undefined
      ? { kind: 'progress', action: 'unpack', ref, version: m[2] as string }
      : { kind: 'progress', action: 'unpack', ref, version: m[2] as string, fromVersion: m[3] }
  },
}

/** `Setting up x (1.0) ...`. */
export const SETUP_RULE: Rule<ProgressLine> = nameVersionRule('dpkg.progress.setup', 'S', 'setup', /^Setting up (\S+) \(([^()\s]+)\) \.\.\.$/)

/** `Processing triggers for libc-bin (2.36-9+deb12u14) ...`. */
export const TRIGGER_RULE: Rule<ProgressLine> = nameVersionRule('dpkg.progress.trigger', 'P', 'trigger', /^Processing triggers for (\S+) \(([^()\s]+)\) \.\.\.$/)

/** `Purging configuration files for x (1.0) ...`. */
export const PURGE_RULE: Rule<ProgressLine> = nameVersionRule('dpkg.progress.purge', 'P', 'purge', /^Purging configuration files for (\S+) \(([^()\s]+)\) \.\.\.$/)

/** `Replacing files in old package login (1:4.13+dfsg1-1+deb12u2) ...`. */
export const REPLACE_FILES_RULE: Rule<ProgressLine> = nameVersionRule(
  'dpkg.progress.replace-files',
  'R',
  'replace-files',
  /^Replacing files in old package (\S+) \(([^()\s]+)\) \.\.\.$/,
)

/** `Replaced by files in installed package x (1.0) ...`. */
export const REPLACED_BY_RULE: Rule<ProgressLine> = nameVersionRule(
  'dpkg.progress.replaced-by',
  'R',
  'replaced-by',
  /^Replaced by files in installed package (\S+) \(([^()\s]+)\) \.\.\.$/,
)

/** A rule for `<verb> x (1.0) ...` with an optional `, to allow <action> of y (2.0)`. */
function makingRoomRule(id: string, first: string, action: DpkgAction, pattern: RegExp): Rule<ProgressLine> {
  return {
    id,
    first,
    match(text: string): ProgressLine | undefined {
      const m = pattern.exec(text)
      if (m === null) return undefined
      const ref = parsePackageRef(m[1] as string)
      if (ref === undefined) return undefined
      if (m[3] === undefined) return { kind: 'progress', action, ref, version: m[2] as string }
      const other = parsePackageRef(m[4] as string)
      if (other === undefined) return undefined
      const toAllow = { action: m[3] as 'removal' | 'installation' | 'configuration', ref: other, version: m[5] as string }
      return { kind: 'progress', action, ref, version: m[2] as string, toAllow }
    },
  }
}

/** `Removing x (1.0) ...` and `Removing x (1.0), to allow configuration of y (2.0) ...`. */
export const REMOVE_RULE: Rule<ProgressLine> = makingRoomRule(
  'dpkg.progress.remove',
  'R',
  'remove',
  /^Removing (\S+) \(([^()\s]+)\)(?:, to allow (removal|installation|configuration) of (\S+) \(([^()\s]+)\))? \.\.\.$/,
)

/** `De-configuring x (1.0) ...` and `De-configuring x (1.0), to allow removal of y (2.0) ...`. */
export const DECONFIGURE_RULE: Rule<ProgressLine> = makingRoomRule(
  'dpkg.progress.deconfigure',
  'D',
  'deconfigure',
  /^De-configuring (\S+) \(([^()\s]+)\)(?:, to allow (removal|installation|configuration) of (\S+) \(([^()\s]+)\))? \.\.\.$/,
)

/** `Installing new version of config file /etc/login.defs ...` (the package is the one being set up). */
export const CONFFILE_RULE: Rule<ProgressLine> = {
  id: 'dpkg.progress.conffile',
  first: 'I',
  match(text: string): ProgressLine | undefined {
    const head = 'Installing new version of config file '
    if (!text.startsWith(head) || !text.endsWith(ELLIPSIS)) return undefined
    const file = text.slice(head.length, text.length - ELLIPSIS.length)
    return file.length === 0 ? undefined : { kind: 'progress', action: 'conffile', file }
  },
}

/**
 * `Package x is on hold, not touching it.  Use --force-hold to override.` — two spaces in
 * FORMATS.md §5.2; newer sources print one, so any run of spaces is accepted.
 */
export const HOLD_RULE: Rule<ProgressLine> = {
  id: 'dpkg.progress.hold',
  first: 'P',
  match(text: string): ProgressLine | undefined {
    const m = /^Package (\S+) is on hold, not touching it\. +Use --force-hold to override\.$/.exec(text)
    if (m === null) return undefined
    const ref = parsePackageRef(m[1] as string)
    return ref === undefined ? undefined : { kind: 'progress', action: 'hold', ref }
  },
}

/** Every progress rule, in dispatch order. */
export const PROGRESS_RULES: readonly Rule<ProgressLine>[] = [
  SELECT_RULE,
  PREPARE_RULE,
  UNPACK_RULE,
  SETUP_RULE,
  TRIGGER_RULE,
  REMOVE_RULE,
  PURGE_RULE,
  REPLACE_FILES_RULE,
  REPLACED_BY_RULE,
  DECONFIGURE_RULE,
  CONFFILE_RULE,
  HOLD_RULE,
]
