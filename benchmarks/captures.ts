/**
 * The real captures of fixtures/ concatenated: the bench's second input beside the generated mixed
 * logs, so a ratio is also measured on the lines as the programs wrote them (every apt generation,
 * locales, tty screens, compose gutters), not only on the generator's mix. fixtures/fuzz/ (crash
 * reproductions) is left out. The captures are repeated until the file is at least `minBytes`, so
 * one pass is long enough to time.
 * @module
 */

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The concatenated captures as written. */
export interface CapturesFile {
  readonly path: string
  readonly bytes: number
  /** Captures in one repetition. */
  readonly captures: number
  readonly repetitions: number
}

function captureFiles(fixtures: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (relative(fixtures, full) !== 'fuzz') walk(full)
      } else if (/\.(log|txt)$/.test(entry.name)) out.push(full)
    }
  }
  walk(fixtures)
  return out.sort()
}

/** Write (or reuse) `<dir>/aptlog-bench-captures-<digest>.log`. */
export function writeCapturesLog(root: string, dir: string, minBytes: number = 8 << 20): CapturesFile {
  const files = captureFiles(join(root, 'fixtures'))
  const hash = createHash('sha256')
  const parts: Buffer[] = []
  for (const f of files) {
    const bytes = readFileSync(f)
    hash.update(bytes)
    parts.push(bytes)
    // Each capture starts on a line of its own.
    if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) parts.push(Buffer.from('\n'))
  }
  const once = Buffer.concat(parts)
  const repetitions = Math.max(1, Math.ceil(minBytes / Math.max(1, once.length)))
  const path = join(dir, `aptlog-bench-captures-x${repetitions}-${hash.digest('hex').slice(0, 16)}.log`)
  const bytes = once.length * repetitions
  if (!existsSync(path) || statSync(path).size !== bytes) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(path, Buffer.concat(Array.from({ length: repetitions }, () => once)))
  }
  return { path, bytes, captures: files.length, repetitions }
}
