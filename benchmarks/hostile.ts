/**
 * Hostile inputs: inputs built to make a line parser slow or fat. Each is written once to a
 * keyed file and read back by every reader, like the mixed logs.
 *
 * - one 64 MiB line without a newline (memory must stay at the line cap);
 * - 10⁵ CR redraws in one line (short frames under the cap; dpkg-sized frames past it);
 * - lines of nothing but ANSI escapes (and one unterminated CSI of ~1 MiB);
 * - lines of ~1 MiB that nearly match a line-layer prefix (CI timestamps, `#N`, `Step`, markers);
 * - a ~1 MiB line per rule of the apt/dpkg/docker rule tables that nearly matches it (built by
 *   `nearMissLines` from the tables, when they exist);
 * - every byte value (seeded random bytes: invalid UTF-8, NUL, bare CR, ESC …).
 * @module
 */

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createRandom } from './random.ts'

/** Bump when the bytes of a hostile case change. */
export const HOSTILE_VERSION: number = 2

/** A hostile case. */
export interface HostileCase {
  /** Short name (`long-line-64m`). */
  readonly name: string
  /** What it tries. */
  readonly what: string
  /** File. */
  readonly path: string
  /** Bytes. */
  readonly bytes: number
}

const MIB = 1 << 20
/** Under the parser's default 1 MiB cap (UTF-16 code units), so the rules see the whole line. */
export const NEAR_MISS_LENGTH: number = MIB - 1024

/** Write `pieces()` to `path` unless it already exists; returns the byte size. */
function writeOnce(path: string, pieces: () => Iterable<string | Uint8Array>): number {
  if (existsSync(path)) return sizeOf(path)
  const tmp = `${path}.${process.pid}.tmp`
  const fd = openSync(tmp, 'w')
  try {
    for (const piece of pieces()) {
      if (typeof piece === 'string') writeSync(fd, piece)
      else writeSync(fd, piece)
    }
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  return sizeOf(path)
}

function sizeOf(path: string): number {
  return statSync(path).size
}

/** Text to fill long lines with: real log text with its newlines turned into spaces. */
function filler(sample: string, length: number): string {
  const flat = sample.replace(/[\r\n]+/g, ' ')
  return flat.repeat(Math.ceil(length / flat.length)).slice(0, length)
}

const ANSI_PIECES = ['\x1b[0m', '\x1b[1;31m', '\x1b[38;5;196m', '\x1b[48;2;10;20;30m', '\x1b[2K', '\x1b[1A', '\x1b[?25l', '\x1b[?25h', '\x1b[0;24r', '\x1b7', '\x1b8', '\x1b]0;aptlog\x07', '\x1b]8;;http://mirror.example.com/\x1b\\', '\x1b[91m', '\x1b[0K', '\x1b[36;1m', '\x1b[0;m', '\x1b[J']

/** Line-layer prefixes a real line starts with, to be followed by a tempting run. */
const LINE_LAYER_HEADS = [
  '2026-11-01T08:00:00.', // GitHub timestamp, fraction never ends
  '2026-11-01 08:00:00', // plain timestamp, no space after
  '[2026-11-01T08:00:00.123', // Jenkins, no closing bracket
  'section_start:1794711492:', // GitLab marker, no CR
  '##[group', // GitHub marker, no closing bracket
  '::group::',
  '#5 ', // BuildKit log line, no time
  '#5 1.', // BuildKit time, digits forever
  'Step 1/', // legacy step, digits forever
  ' ---> ',
  '\x1b[', // CSI that never ends
  '{"vertexes":[', // rawjson, never closes
]

const TEMPTING_RUNS = [' ', '1', '1.', ':', 'a:', '[', '(', '[1 ', 'x ', '#', '/', '0;', 'Get:1 ', '%']

/**
 * Write the hostile files to `dir` (existing files with the same key are reused).
 * `scale` shrinks the bulk cases (`--quick`: 0.25); the 64 MiB line and 10⁵ redraws stay whole.
 */
export function writeHostileCases(dir: string, seed: number, sample: string, scale: number): HostileCase[] {
  mkdirSync(dir, { recursive: true })
  // Files of an older HOSTILE_VERSION go.
  for (const name of readdirSync(dir)) if (name.startsWith('aptlog-bench-hostile-') && !name.endsWith(`-h${HOSTILE_VERSION}.log`)) rmSync(join(dir, name), { force: true })
  const key = (name: string): string => join(dir, `aptlog-bench-hostile-${name}-s${seed}-x${scale}-h${HOSTILE_VERSION}.log`)
  const cases: HostileCase[] = []
  const add = (name: string, what: string, pieces: () => Iterable<string | Uint8Array>): void => {
    const path = key(name)
    cases.push({ name, what, path, bytes: writeOnce(path, pieces) })
  }

  add('long-line-64m', 'one 64 MiB line of log text, no newline at all', function* () {
    const block = filler(sample, MIB)
    for (let i = 0; i < 64; i++) yield block
  })

  // Lines of 10⁵ redraws each, repeated so the file is big enough to time.
  const copies = Math.max(4, Math.round(16 * scale))
  add('cr-redraws-1e5', `${copies} lines of 10⁵ CR redraws each (\`\\r12%\` frames, 0.4 M chars a line: under the cap)`, function* () {
    const parts: string[] = ['(Reading database ... ']
    for (let i = 0; i < 100_000; i++) parts.push(`\r${i % 100}%`)
    parts.push('\r(Reading database ... 6096 files and directories currently installed.)\r\n')
    const line = parts.join('')
    for (let i = 0; i < copies; i++) yield line
  })

  add('cr-redraws-dpkg-1e5', `${copies} BuildKit lines of 10⁵ dpkg-sized CR redraws each (2.6 MB a line: past the cap, cut)`, function* () {
    const parts: string[] = ['#7 4.163 (Reading database ... ']
    for (let i = 0; i < 100_000; i++) parts.push(`\r(Reading database ... ${i % 100}%`)
    parts.push('\r(Reading database ... 6096 files and directories currently installed.)\r\n')
    const line = parts.join('')
    for (let i = 0; i < copies; i++) yield line
  })

  add('ansi-only', 'lines of nothing but ANSI escapes (CSI, OSC, ESC7/8), one ~1 MiB unterminated CSI', function* () {
    const random = createRandom(seed)
    const target = Math.round(16 * MIB * scale)
    let written = 0
    let lines: string[] = []
    while (written < target) {
      const n = random.chance(0.01) ? random.int(2000, 20000) : random.int(1, 60)
      let line = ''
      for (let i = 0; i < n; i++) line += random.pick(ANSI_PIECES)
      lines.push(line)
      written += line.length + 1
      if (lines.length >= 4096) {
        yield `${lines.join('\n')}\n`
        lines = []
      }
    }
    lines.push(`\x1b[${'1;'.repeat(NEAR_MISS_LENGTH / 2 - 8)}`)
    yield `${lines.join('\n')}\n`
  })

  add('near-miss-line-layer', 'a ~1 MiB line per line-layer prefix (CI stamps, markers, #N, Step, CSI, rawjson) × tempting run', function* () {
    for (const head of LINE_LAYER_HEADS) {
      for (const run of TEMPTING_RUNS.slice(0, Math.max(2, Math.round(TEMPTING_RUNS.length * scale)))) {
        yield `${head}${run.repeat(Math.floor((NEAR_MISS_LENGTH - head.length) / run.length))}\n`
      }
    }
  })

  add('every-byte', 'every byte value: 0–255 in order, then seeded random bytes (invalid UTF-8, NUL, bare CR, ESC)', function* () {
    const random = createRandom(seed + 7)
    const ordered = new Uint8Array(256 * 256)
    for (let i = 0; i < ordered.length; i++) ordered[i] = i & 255
    yield ordered
    const total = Math.round(16 * MIB * scale)
    for (let done = 0; done < total; done += MIB) {
      const block = new Uint8Array(MIB)
      for (let i = 0; i < block.length; i += 4) {
        const r = Math.floor(random.next() * 4294967296)
        block[i] = r & 255
        block[i + 1] = (r >>> 8) & 255
        block[i + 2] = (r >>> 16) & 255
        block[i + 3] = r >>> 24
      }
      yield block
    }
  })
  return cases
}

/** A rule as the grammar tables declare it (`src/grammar/rules.ts`). */
export interface RuleLike {
  readonly id: string
  readonly first: string
  readonly match: (text: string) => unknown
}

/** One near-miss line for one rule. */
export interface NearMiss {
  readonly table: string
  readonly rule: string
  readonly shape: string
  readonly text: string
}

/**
 * Near-miss lines for a rule: it starts with one of the rule's first characters, then a long run
 * shaped to tempt a regex (repeated spaces, tokens, digits, colons, brackets), and — when a real
 * line from the fixtures matches the rule — that line's first half followed by its last token
 * repeated, with the line's end (a closing bracket, `...`) never coming.
 */
export function nearMissLines(table: string, rule: RuleLike, realLines: readonly string[], length: number, shapes: number): NearMiss[] {
  const out: NearMiss[] = []
  const first = rule.first === '' ? 'a' : rule.first
  const real = realLines.find((line) => {
    if (line.length === 0 || (rule.first !== '' && !rule.first.includes(line[0] as string))) return false
    try {
      return rule.match(line) !== undefined
    } catch {
      return false
    }
  })
  if (real !== undefined) {
    const head = real.slice(0, Math.max(1, Math.ceil(real.length / 2)))
    const words = head.trim().split(/\s+/)
    const token = ` ${words[words.length - 1] ?? 'x'}`
    out.push({ table, rule: rule.id, shape: 'real-prefix', text: head + token.repeat(Math.floor((length - head.length) / token.length)) })
  }
  const c = first[0] as string
  const runs: readonly (readonly [string, string])[] = [
    ['spaces', ' '],
    ['tokens', 'amd64 '],
    ['digits', '1.2'],
    ['colons', 'a:'],
    ['brackets', '[('],
    ['mixed', ' :[1 '],
  ]
  for (const [shape, run] of runs.slice(0, Math.max(1, shapes - out.length))) {
    out.push({ table, rule: rule.id, shape, text: c + run.repeat(Math.floor((length - 1) / run.length)) })
  }
  return out
}
