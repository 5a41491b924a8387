/**
 * Classification: what an error block's reasons mean (`DpkgErrorCause`), which problem kind an
 * error becomes, and a short cause word for dependency reason lines.
 * @module
 */

import type { DpkgErrorCause, DpkgProblemKind } from '../events/dpkg.ts'
import { FILE_CONFLICT_RULE, type FileConflict } from './file-conflict.ts'
import { parseScriptFailure, type ScriptFailure } from './maintainer-script.ts'
import { parsePackageRef, type PackageRef } from './package-ref.ts'

/** What the reasons of one error say. */
export interface ErrorClassification {
  /** The cause. */
  readonly cause: DpkgErrorCause
  /** For `maintainer-script`. */
  readonly script?: ScriptFailure | undefined
  /** For `file-conflict`. */
  readonly conflict?: FileConflict | undefined
  /** For `pre-dependency`: the package from `pre-dependency problem - not installing x:amd64`. */
  readonly notInstalling?: PackageRef | undefined
}

const NO_SPACE = 'No space left on device'
const NOT_INSTALLING = 'pre-dependency problem - not installing '

/** True when a text reports a full disk (`failed to write (No space left on device)`). */
export function isDiskFull(text: string): boolean {
  return text.includes(NO_SPACE)
}

/** Classify an error by its reason lines (the first one decides, a full disk anywhere wins). */
export function classifyReasons(reasons: readonly string[]): ErrorClassification {
  if (reasons.some(isDiskFull)) return { cause: 'disk-full' }
  const first = reasons[0]
  if (first === undefined) return { cause: 'other' }
  const script = parseScriptFailure(first)
  if (script !== undefined) return { cause: 'maintainer-script', script }
  const conflict = FILE_CONFLICT_RULE.match(first)
  if (conflict !== undefined) return { cause: 'file-conflict', conflict }
  if (first.startsWith(NOT_INSTALLING)) {
    const ref = parsePackageRef(first.slice(NOT_INSTALLING.length))
    return ref === undefined ? { cause: 'pre-dependency' } : { cause: 'pre-dependency', notInstalling: ref }
  }
  // `dependency problems - leaving unconfigured`, `… - leaving triggers unprocessed`, `… - not removing`.
  if (first.startsWith('dependency problems - ')) return { cause: 'dependency' }
  return { cause: 'other' }
}

/** The problem kind an error with this cause becomes. */
export function problemKindOf(cause: DpkgErrorCause): DpkgProblemKind | 'disk.full' {
  switch (cause) {
    case 'pre-dependency':
      return 'dpkg.pre-dependency'
    case 'dependency':
      return 'dpkg.dependency-problems'
    case 'maintainer-script':
      return 'dpkg.maintainer-script-failed'
    case 'file-conflict':
      return 'dpkg.file-conflict'
    case 'disk-full':
      return 'disk.full'
    default:
      return 'dpkg.other-error'
  }
}

/**
 * A short word for one reason line of a dependency block (FORMATS.md §5.5, dpkg `depcon.c` and
 * `packages.c`): `not-installed`, `unconfigured`, `wrong-version`, `to-be-removed`,
 * `to-be-deconfigured`, `awaits-triggers`, `conflict`, or `other`.
 */
export function reasonCause(reason: string): string {
  if (reason.endsWith(' is not installed.')) return 'not-installed'
  if (reason.endsWith(' is not configured yet.') || reason.endsWith(' is unpacked, but has never been configured.')) return 'unconfigured'
  if (reason.endsWith(' is to be removed.') || reason.endsWith(' but is to be removed.')) return 'to-be-removed'
  if (reason.endsWith(' is to be deconfigured.') || reason.endsWith(' but is to be deconfigured.')) return 'to-be-deconfigured'
  if (reason.endsWith(' awaits trigger processing.')) return 'awaits-triggers'
  if (reason.startsWith('Version of ') || reason.includes(', but is version ') || reason.includes(' latest configured version is ')) return 'wrong-version'
  if (reason.endsWith(' is to be installed.') || reason.includes(' is present and ') || reason.endsWith(' and is to be installed.')) return 'conflict'
  return 'other'
}
