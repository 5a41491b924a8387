/**
 * Aligning the steps of two runs by what they do, not by their number or position (BuildKit numbers
 * and prints vertices in completion order, which shifts between runs; a Dockerfile edit shifts
 * legacy step numbers). The key is the
 * instruction with whitespace collapsed and the keyword upper-cased (the legacy builder prints
 * continuation lines' spaces and the keyword as written); internal vertices use their name.
 * @module
 */

import type { Step } from '../run/types.ts'

/** The alignment key of a step. */
export function stepKey(step: Step): string {
  const text = step.instruction ?? step.name ?? step.id
  const collapsed = text.trim().replace(/\s+/g, ' ')
  const space = collapsed.indexOf(' ')
  if (step.instruction === null || space === -1) return collapsed
  return collapsed.slice(0, space).toUpperCase() + collapsed.slice(space)
}

/** One row of an alignment: a step of A, of B, or of both. */
export interface AlignedPair<T> {
  /** The step in run A, or null when only B has it. */
  readonly a: T | null
  /** The step in run B, or null when only A has it. */
  readonly b: T | null
}

/**
 * Align two step lists by key: the k-th step with a key in A pairs with the k-th step with that key
 * in B, whatever their positions (BuildKit prints vertices in completion order, so a cached run
 * lists the same steps in another order). Rows follow B's order; a step only A has comes right
 * before the B step that follows it in A's order, so a replaced step reads "removed, then added".
 * Linear in the number of steps.
 */
export function align<T>(as: readonly T[], bs: readonly T[], keyOf: (item: T) => string): AlignedPair<T>[] {
  // key → indexes in A with that key, in order, and how many of them are paired so far (a cursor:
  // `shift()` would move the whole list each time, quadratic when every step has one key).
  const waiting = new Map<string, { readonly indexes: number[]; next: number }>()
  as.forEach((item, i) => {
    const key = keyOf(item)
    const list = waiting.get(key)
    if (list === undefined) waiting.set(key, { indexes: [i], next: 0 })
    else list.indexes.push(i)
  })
  const partnerOfB: (number | undefined)[] = bs.map((item) => {
    const list = waiting.get(keyOf(item))
    return list === undefined || list.next >= list.indexes.length ? undefined : list.indexes[list.next++]
  })
  const paired = new Set<number>(partnerOfB.filter((i): i is number => i !== undefined))
  // For each B position, the A index of the next paired step at or after it (to place A-only steps).
  const nextPairedA: number[] = new Array<number>(bs.length + 1)
  nextPairedA[bs.length] = as.length
  for (let j = bs.length - 1; j >= 0; j--) nextPairedA[j] = partnerOfB[j] ?? (nextPairedA[j + 1] as number)
  const out: AlignedPair<T>[] = []
  let nextA = 0 // A-only steps below this index are already out
  const flushAOnly = (below: number): void => {
    for (; nextA < below; nextA++) if (!paired.has(nextA)) out.push({ a: as[nextA] as T, b: null })
  }
  bs.forEach((item, j) => {
    const partner = partnerOfB[j]
    flushAOnly(partner ?? (nextPairedA[j] as number))
    if (partner !== undefined) {
      out.push({ a: as[partner] as T, b: item })
      nextA = Math.max(nextA, partner + 1)
    } else out.push({ a: null, b: item })
  })
  flushAOnly(as.length)
  return out
}
