/**
 * Reading history.log package lists in one pass: entries are separated by `), ` (apt writes
 * `name:arch (…), ` per package and drops the last `, `; a version never contains `)` or `, `), so a
 * list of thousands of entries on one line costs time linear in its length (FORMATS.md §6.2).
 * @module
 */

import type { AptHistoryDisappeared, AptHistoryPackage } from '../events/logfile.ts'
import { parsePackageRef } from '../dpkg/package-ref.ts'

/** The entries of one list line. */
export interface PackageList<E> {
  /** Entries in the order written. */
  readonly entries: E[]
  /** The line ended inside an entry (no closing parenthesis): it was cut. */
  readonly truncated: boolean
  /** Entries that did not have the expected shape. */
  readonly unread: number
}

/** Version characters: alphanumerics and `. + ~ : -` (Debian policy 5.6.12). */
export function isVersionText(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)
    if (!alnum && c !== 0x2e && c !== 0x2b && c !== 0x7e && c !== 0x3a && c !== 0x2d) return false
  }
  return true
}

/** `name:arch (v)`, `name:arch (v, automatic)`, `name:arch (old, new)`; the segment ends with `)`. */
function readEntry(segment: string): AptHistoryPackage | undefined {
  const open = segment.indexOf(' (')
  if (open === -1 || segment.charCodeAt(segment.length - 1) !== 0x29) return undefined
  const ref = parsePackageRef(segment.slice(0, open))
  if (ref === undefined) return undefined
  const parts = segment.slice(open + 2, -1).split(', ')
  let automatic = false
  if (parts.length > 1 && parts[parts.length - 1] === 'automatic') {
    automatic = true
    parts.pop()
  }
  if (parts.length > 2 || !parts.every(isVersionText)) return undefined
  const version = parts[parts.length - 1] as string
  const entry: { -readonly [K in keyof AptHistoryPackage]: AptHistoryPackage[K] } =
    ref.arch === undefined ? { name: ref.name, version } : { name: ref.name, arch: ref.arch, version }
  if (parts.length === 2) entry.fromVersion = parts[0] as string
  if (automatic) entry.automatic = true
  return entry
}

/** Parse the value of an `Install:` … `Purge:` line. */
export function parsePackageList(value: string): PackageList<AptHistoryPackage> {
  const entries: AptHistoryPackage[] = []
  let truncated = false
  let unread = 0
  let start = 0
  while (start < value.length) {
    const sep = value.indexOf('), ', start)
    const last = sep === -1
    // A segment keeps its closing parenthesis.
    const segment = value.slice(start, last ? value.length : sep + 1)
    const entry = readEntry(segment)
    if (entry !== undefined) entries.push(entry)
    else if (last && segment.charCodeAt(segment.length - 1) !== 0x29) truncated = true
    else unread++
    if (last) break
    start = sep + 3
  }
  return { entries, truncated, unread }
}

/** Parse the value of a `Disappeared:` line: `name (version)` or a bare `name`, separated by `, `. */
export function parseDisappeared(value: string): PackageList<AptHistoryDisappeared> {
  const entries: AptHistoryDisappeared[] = []
  let truncated = false
  let unread = 0
  const segments = value.length === 0 ? [] : value.split(', ')
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string
    const open = segment.indexOf(' (')
    const closed = segment.charCodeAt(segment.length - 1) === 0x29
    if (open !== -1 && !closed && i === segments.length - 1) {
      truncated = true
      continue
    }
    const ref = parsePackageRef(open === -1 ? segment : segment.slice(0, open))
    const version = open === -1 ? undefined : segment.slice(open + 2, -1)
    if (ref === undefined || (version !== undefined && (!closed || !isVersionText(version)))) {
      unread++
      continue
    }
    const entry: { -readonly [K in keyof AptHistoryDisappeared]: AptHistoryDisappeared[K] } =
      ref.arch === undefined ? { name: ref.name } : { name: ref.name, arch: ref.arch }
    if (version !== undefined) entry.version = version
    entries.push(entry)
  }
  return { entries, truncated, unread }
}
