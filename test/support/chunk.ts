/** Ways to cut an input into chunks, for chunking-invariance tests. */

/** A small deterministic PRNG (mulberry32), so random splits are reproducible from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Cut `bytes` at the given sorted offsets. */
export function cutAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = []
  let from = 0
  for (const at of offsets) {
    if (at <= from || at >= bytes.length) continue
    out.push(bytes.subarray(from, at))
    from = at
  }
  out.push(bytes.subarray(from))
  return out
}

/** `count` random cut points (seeded). */
export function randomCuts(bytes: Uint8Array, count: number, seed: number): Uint8Array[] {
  const random = prng(seed)
  const offsets = Array.from({ length: count }, () => 1 + Math.floor(random() * Math.max(1, bytes.length - 1))).sort((a, b) => a - b)
  return cutAt(bytes, offsets)
}

/** Chunks of a fixed size. */
export function fixedChunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size))
  return out
}

/** Alternate bytes and strings: even chunks stay bytes, odd ones are decoded to strings at safe (character) boundaries. */
export function mixedChunks(text: string, seed: number): (string | Uint8Array)[] {
  const random = prng(seed)
  const encoder = new TextEncoder()
  const out: (string | Uint8Array)[] = []
  let i = 0
  let asBytes = true
  while (i < text.length) {
    let end = Math.min(text.length, i + 1 + Math.floor(random() * 64))
    // never cut a surrogate pair in a string chunk
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end++
    const piece = text.slice(i, end)
    out.push(asBytes ? encoder.encode(piece) : piece)
    asBytes = !asBytes
    i = end
  }
  return out
}
