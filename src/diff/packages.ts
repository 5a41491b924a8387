/**
 * Package sets of a run or a step, and their difference. Keys are bare names (`libbsd0`, not
 * `libbsd0:amd64`: dpkg adds `:arch` for Multi-Arch: same packages, apt's lists do not — FORMATS.md §9).
 * @module
 */

import type { Transaction } from '../run/types.ts'

/** Name → version (or `undefined` when only the plan named it). */
export type PackageSet = Map<string, string | undefined>

const bare = (name: string): string => {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(0, colon)
}

/** Packages a set of transactions installs or upgrades: plan lists, `.deb` downloads, dpkg unpack/setup. */
export function installedPackages(transactions: readonly Transaction[]): PackageSet {
  const set: PackageSet = new Map()
  // Plan lists carry names only; a name is added once and never overwrites a known version.
  const noteName = (name: string): void => {
    const key = bare(name)
    if (!set.has(key)) set.set(key, undefined)
  }
  for (const tx of transactions) {
    for (const name of tx.planned.new) noteName(name)
    for (const name of tx.planned.additional) noteName(name)
    for (const name of tx.planned.upgrade) noteName(name)
    for (const name of tx.planned.downgrade) noteName(name)
    for (const list of [tx.downloaded, tx.unpacked, tx.setUp]) {
      for (const p of list) {
        if (p.version !== undefined) set.set(bare(p.name), p.version)
        else noteName(p.name)
      }
    }
  }
  return set
}

/** A version that changed between two runs. */
export interface VersionChange {
  /** Package name. */
  readonly name: string
  /** Version in run A. */
  readonly from: string
  /** Version in run B. */
  readonly to: string
}

/** What B installs that A does not, and the reverse; versions that differ. Names sorted. */
export interface PackageDiff {
  /** Installed in B only. */
  readonly added: readonly string[]
  /** Installed in A only. */
  readonly removed: readonly string[]
  /** Installed in both at different versions. */
  readonly changed: readonly VersionChange[]
}

const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/** Difference of two package sets. Linear in their sizes (plus the sort). */
export function diffPackages(a: PackageSet, b: PackageSet): PackageDiff {
  const added: string[] = []
  const removed: string[] = []
  const changed: VersionChange[] = []
  for (const [name, version] of b) {
    if (!a.has(name)) added.push(name)
    else {
      const before = a.get(name)
      if (before !== undefined && version !== undefined && before !== version) changed.push({ name, from: before, to: version })
    }
  }
  for (const name of a.keys()) if (!b.has(name)) removed.push(name)
  // The default sort compares UTF-16 code units, like byName, and is much faster on 10⁵ names.
  added.sort()
  removed.sort()
  changed.sort((x, y) => byName(x.name, y.name))
  return { added, removed, changed }
}
