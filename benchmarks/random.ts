/**
 * A small seeded PRNG (sfc32 seeded through splitmix32), so the generator gives the same bytes
 * for the same seed on every machine and Node version (Math.random is never used).
 * @module
 */

/** A deterministic source of random numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** One element chosen by weight: `[[weight, value], …]`. */
  weighted<T>(items: readonly (readonly [number, T])[]): T
  /** `n` lower-case hex digits. */
  hex(n: number): string
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x9e3779b9) >>> 0
    let z = a
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

const HEX = '0123456789abcdef'

/** Create a PRNG from an integer seed. */
export function createRandom(seed: number): Random {
  const init = splitmix32(seed)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) u32()
  const next = (): number => u32() / 4294967296
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number): boolean => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() from an empty array')
      return items[Math.floor(next() * items.length)] as T
    },
    weighted<T>(items: readonly (readonly [number, T])[]): T {
      let total = 0
      for (const [w] of items) total += w
      let r = next() * total
      for (const [w, v] of items) {
        r -= w
        if (r < 0) return v
      }
      return (items[items.length - 1] as readonly [number, T])[1]
    },
    hex(n: number): string {
      let s = ''
      for (let i = 0; i < n; i++) s += HEX[u32() & 15]
      return s
    },
  }
}
