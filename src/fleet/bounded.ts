/**
 * Keeping a bounded, mergeable part of a map: the entries with the `limit` smallest keys (in
 * code-unit order). Which keys that is depends only on the set of keys ever added, never on the
 * order they came in or how shards were grouped, so merging stays exact: a key dropped anywhere
 * has `limit` smaller keys beside it, in the shard and in every union of shards.
 * @module
 */

/** Code-unit order of two strings: the same in every JavaScript engine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The entry for `key`, created with `make` when missing. The map is cut back to its `limit`
 * smallest keys once it holds twice that many, so memory stays bounded between reads.
 */
export function entryFor<V>(map: Map<string, V>, key: string, limit: number, make: () => V): V {
  let entry = map.get(key)
  if (entry === undefined) {
    entry = make()
    map.set(key, entry)
    if (map.size > 2 * limit) {
      for (const dropped of [...map.keys()].sort(compareText).slice(limit)) map.delete(dropped)
    }
  }
  return entry
}

/** The entries of the `limit` smallest keys, in key order. */
export function smallestEntries<V>(map: ReadonlyMap<string, V>, limit: number): [string, V][] {
  return [...map.entries()].sort((a, b) => compareText(a[0], b[0])).slice(0, limit)
}

/** Insert `item` into the sorted list `list` and keep its `limit` smallest (a multiset: equal items are all kept). */
export function insertSmallest<T>(list: T[], item: T, limit: number, compare: (a: T, b: T) => number): void {
  let at = list.length
  while (at > 0 && compare(list[at - 1] as T, item) > 0) at--
  if (at >= limit) return
  list.splice(at, 0, item)
  if (list.length > limit) list.length = limit
}
