/**
 * File-conflict reasons (FORMATS.md §5.5, `src/main/archives.c`):
 *
 * - ≤ 1.22.11: `trying to overwrite '/usr/share/x', which is also in package conflict-a 1.0`
 * - ≥ 1.22.12: `trying to overwrite '/usr/share/x', which is also in package conflict-a (1.0)`
 * - all: `trying to overwrite directory '/x' in package y 1.0 with nondirectory` (parenthesised version from 1.22.12)
 * - diversions: `trying to overwrite '/x', which is the diverted version of '/y'` (backquotes ≤ 1.17)
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { parsePackageRef, type PackageRef } from './package-ref.ts'

/** A parsed file conflict. */
export interface FileConflict {
  /** The contested path. */
  readonly path: string
  /** The package that owns it (absent for the diversion form). */
  readonly owner?: PackageRef | undefined
  /** Its version, bare or parenthesised in the line. */
  readonly ownerVersion?: string | undefined
  /** A file, a directory replaced by a non-directory, or a diverted file. */
  readonly kind: 'file' | 'directory' | 'diversion'
}

const HEAD = 'trying to overwrite '
const ALSO_IN = ', which is also in package '
const DIVERTED = ', which is the diverted version of '

/** `x 1.0`, `x (1.0)`, `x:amd64 1:2.0-1` or just `x` → owner and version. */
function parseOwner(text: string): { ref: PackageRef; version?: string } | undefined {
  const space = text.indexOf(' ')
  const ref = parsePackageRef(space === -1 ? text : text.slice(0, space))
  if (ref === undefined) return undefined
  if (space === -1) return { ref }
  let version = text.slice(space + 1)
  if (version.startsWith('(') && version.endsWith(')')) version = version.slice(1, -1)
  if (version.length === 0 || version.includes(' ')) return undefined
  return { ref, version }
}

/** A quoted path at the start: `'…'` or the ≤ 1.17 backquote style `` `…' ``; returns the path and the rest. */
function quotedPath(text: string, closing: string): { path: string; rest: string } | undefined {
  const open = text.charCodeAt(0)
  if (open !== 0x27 && open !== 0x60) return undefined
  const end = text.lastIndexOf(`'${closing}`)
  if (end < 1) return undefined
  return { path: text.slice(1, end), rest: text.slice(end + 1 + closing.length) }
}

/** `trying to overwrite …` in any of its forms. */
export const FILE_CONFLICT_RULE: Rule<FileConflict> = {
  id: 'dpkg.error.reason.file-conflict',
  first: 't',
  match(text: string): FileConflict | undefined {
    if (!text.startsWith(HEAD)) return undefined
    const body = text.slice(HEAD.length)
    if (body.startsWith('directory ')) {
      const tail = ' with nondirectory'
      if (!body.endsWith(tail)) return undefined
      const quoted = quotedPath(body.slice('directory '.length, body.length - tail.length), ' in package ')
      const owner = quoted === undefined ? undefined : parseOwner(quoted.rest)
      if (quoted === undefined || owner === undefined) return undefined
      return { path: quoted.path, owner: owner.ref, ...(owner.version === undefined ? {} : { ownerVersion: owner.version }), kind: 'directory' }
    }
    const alsoIn = quotedPath(body, ALSO_IN)
    if (alsoIn !== undefined) {
      const owner = parseOwner(alsoIn.rest)
      if (owner === undefined) return undefined
      return { path: alsoIn.path, owner: owner.ref, ...(owner.version === undefined ? {} : { ownerVersion: owner.version }), kind: 'file' }
    }
    const diverted = quotedPath(body, DIVERTED)
    if (diverted !== undefined) return { path: diverted.path, kind: 'diversion' }
    return undefined
  },
}
