/**
 * Aligning the steps of two runs by what they do, not by their number (BuildKit numbers are print
 * order and shift between runs; a Dockerfile edit shifts legacy step numbers). The key is the
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
 * Longest-common-subsequence alignment of two key sequences, in order. Quadratic in the number of
 * steps (tens to hundreds), never in the number of lines or packages.
 */
export function align<T>(as: readonly T[], bs: readonly T[], keyOf: (item: T) => string): AlignedPair<T>[] {
  const ka = as.map(keyOf)
  const kb = bs.map(keyOf)
  const n = ka.length
  const m = kb.length
  // lengths[i][j] = LCS of ka[i..] and kb[j..], in a flat array
  const lengths = new Uint32Array((n + 1) * (m + 1))
  const at = (i: number, j: number): number => i * (m + 1) + j
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = ka[i] === kb[j] ? (lengths[at(i + 1, j + 1)] as number) + 1 : Math.max(lengths[at(i + 1, j)] as number, lengths[at(i, j + 1)] as number)
    }
  }
  const out: AlignedPair<T>[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      out.push({ a: as[i] as T, b: bs[j] as T })
      i++
      j++
    } else if ((lengths[at(i + 1, j)] as number) >= (lengths[at(i, j + 1)] as number)) {
      out.push({ a: as[i] as T, b: null })
      i++
    } else {
      out.push({ a: null, b: bs[j] as T })
      j++
    }
  }
  for (; i < n; i++) out.push({ a: as[i] as T, b: null })
  for (; j < m; j++) out.push({ a: null, b: bs[j] as T })
  return out
}
