/**
 * Fuzz inputs: mutations of real captures and random bytes, all drawn from one seeded PRNG so a
 * case is reproduced from `(seed, index)` alone. Shared by `npm run fuzz` (test/fuzz/run.ts, a
 * million cases) and the seeded sample in `npm test` (test/hardening/fuzz.test.ts).
 *
 * No Node imports: the caller loads the captures.
 * @module
 */

/** A PRNG returning floats in [0, 1). */
export type Random = () => number

/** mulberry32, the same generator as test/support/chunk.ts. */
export function prng(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed of case `index` of a run seeded `seed` (each case has its own stream). */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0
}

/** A capture split into lines, each line with its terminator (`\n`, `\r\n`, or none for the last). */
export interface CaptureLines {
  readonly name: string
  readonly lines: readonly Uint8Array[]
}

/** Split bytes into lines that keep their LF. */
export function splitLines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = []
  let from = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(from, i + 1))
      from = i + 1
    }
  }
  if (from < bytes.length) out.push(bytes.subarray(from))
  return out
}

/** Concatenate byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0
  for (const p of parts) size += p.length
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const encoder = new TextEncoder()
const utf8 = (s: string): Uint8Array => encoder.encode(s)

function int(random: Random, n: number): number {
  return Math.floor(random() * n)
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)] as T
}

/** Bytes that matter to a line parser: terminators, escapes, separators, UTF-8 lead and trail bytes. */
const SPECIAL_BYTES: readonly number[] = [0x00, 0x0a, 0x0d, 0x1b, 0x09, 0x20, 0x3a, 0x28, 0x29, 0x5b, 0x5d, 0x23, 0x22, 0x27, 0x5c, 0x7b, 0x7d, 0x2c, 0x2e, 0x2f, 0x7c, 0x3e, 0x2d, 0x25, 0xc3, 0xa9, 0xe2, 0x80, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x7f]

/** ANSI and terminal noise a CI log really carries, and broken forms of it. */
const NOISE: readonly string[] = [
  '\x1b[31m',
  '\x1b[0m',
  '\x1b[0K',
  '\x1b[1;32m',
  '\x1b[2K\r',
  '\x1b]0;title\x07',
  '\x1b]8;;http://x\x1b\\',
  '\x1b[',
  '\x1b',
  '\x1b[?25l',
  '\x1b(B',
  '\r',
  '\r\n',
  '\r\r',
  '\0',
  '\0\0\0\0',
  '\uFEFF',
  '\u2028',
  '\t',
  '\x7f',
]

/** CI and BuildKit prefixes (FORMATS.md §8), each a function of a counter. */
const PREFIXES: readonly ((n: number) => string)[] = [
  (n) => `2026-11-27T10:00:${String(n % 60).padStart(2, '0')}.1234567Z `,
  (n) => `2026-11-27T10:00:${String(n % 60).padStart(2, '0')}.123456Z 00O `,
  (n) => `2026-11-27T10:00:${String(n % 60).padStart(2, '0')}.123456Z 01E+`,
  (n) => `[2026-11-27T10:00:${String(n % 60).padStart(2, '0')}.123Z] `,
  (n) => `2026-11-27 10:00:${String(n % 60).padStart(2, '0')} `,
  (n) => `#${(n % 9) + 1} ${(n / 7).toFixed(3)} `,
  (n) => `#${(n % 9) + 1} `,
  (n) => `#${n} ${n}.${n} `,
  () => '##[group]',
  () => '##[endgroup]',
  () => '##[error]',
  () => '::group::',
  () => '::endgroup::',
  () => '::error file=a,line=1::',
  (n) => `section_start:${1764237600 + n}:step_${n}\r\x1b[0K`,
  (n) => `section_end:${1764237600 + n}:step_${n}\r\x1b[0K`,
  () => ' ---> ',
  () => ' > ',
  () => '   ',
  () => '',
]

/** Fragments of real lines, to build random lines that reach deep into the rules. */
const FRAGMENTS: readonly string[] = [
  'Get:1 http://mirror.example.com/debian bookworm/main amd64 libbsd0 amd64 0.11.7-2 [117 kB]',
  'Get:',
  'Hit:',
  'Ign:',
  'Err:',
  ' InRelease',
  'Fetched 9047 kB in 2s (5130 kB/s)',
  'Reading package lists...',
  'Building dependency tree...',
  'The following NEW packages will be installed:',
  'The following additional packages will be installed:',
  'Installing:',
  'Summary:',
  '  Upgrading: 0, Installing: 3, Removing: 0, Not Upgrading: 0',
  '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.',
  'Need to get 1234 kB of archives.',
  'After this operation, 5 MB of additional disk space will be used.',
  'E: ',
  'W: ',
  'N: ',
  'Error: ',
  'E: Unable to locate package ',
  'E: Failed to fetch http://x/a.deb  404  Not Found',
  ' unmet-libc : Depends: libc6 (>= 99) but 2.36 is to be installed',
  'The following packages have unmet dependencies:',
  'Unable to satisfy dependencies. Reached two conflicting decisions:',
  'Selecting previously unselected package libbsd0:amd64.',
  'Preparing to unpack .../00-libbsd0_0.11.7-2_amd64.deb ...',
  'Unpacking libbsd0:amd64 (0.11.7-2) ...',
  'Setting up libbsd0:amd64 (0.11.7-2) ...',
  '(Reading database ... 45%',
  '(Reading database ... 6096 files and directories currently installed.)',
  'dpkg: error processing package loop2-libc6:amd64 (--configure):',
  ' dependency problems - leaving unconfigured',
  'dpkg: dependency problems prevent configuration of loop2-libc6:amd64:',
  ' loop2-libc6:amd64 depends on loop2-libgcc1; however:',
  '  Package loop2-libgcc1 is not installed.',
  'dpkg: regarding .../loop2-libgcc1_1%3a4.9.2-10_amd64.deb containing loop2-libgcc1:amd64, pre-dependency problem:',
  'Errors were encountered while processing:',
  ' /var/cache/apt/archives/x.deb',
  'E: Sub-process /usr/bin/dpkg returned an error code (1)',
  '#0 building with "default" instance using docker driver',
  '#5 [2/3] RUN apt-get update',
  '#5 [builder 2/3] RUN apt-get install -y x',
  '#5 DONE 1.2s',
  '#5 CACHED',
  '#5 ERROR: process "/bin/sh -c x" did not complete successfully: exit code: 100',
  '#5 sha256:0d8498a0e9e6a60011df39aab78534cfe940785e7c59d19dfae1eb53ea59babe',
  '#5 ...',
  '------',
  ' > [2/2] RUN apt-get update:',
  'Dockerfile:2',
  '--------------------',
  '   2 | >>> RUN apt-get update',
  'ERROR: failed to solve: process "/bin/sh -c x" did not complete successfully: exit code: 100',
  'Step 2/5 : RUN apt-get update',
  'Step 1/3 : FROM debian:bookworm AS builder',
  ' ---> Running in 1a2b3c4d5e6f',
  ' ---> 1a2b3c4d5e6f',
  'Removing intermediate container 1a2b3c4d5e6f',
  'Successfully built 1a2b3c4d5e6f',
  'Successfully tagged x:latest',
  "The command '/bin/sh -c x' returned a non-zero code: 100",
  '[1/2] STEP 1/3: FROM debian:bookworm AS builder',
  'STEP 2/2: RUN apt-get update',
  'COMMIT x',
  '--> 1a2b3c4d5e6f',
  'Error: building at STEP "RUN x": while running runtime: exit status 100',
  '{"vertexes":[{"digest":"sha256:1111","name":"[1/2] RUN x","started":"2026-11-27T23:40:01.1Z"}]}',
  '{"vertexes":[{"digest":"sha256:1111","name":"[1/2] RUN x","completed":"2026-11-27T23:40:02.1Z","error":"exit code: 100"}]}',
  '{"logs":[{"vertex":"sha256:1111","stream":1,"data":"U2V0dGluZyB1cCB4ICgxKSAuLi4K"}]}',
  '{"statuses":[{"id":"x","vertex":"sha256:1111","current":1}]}',
  'Start-Date: 2026-11-27  23:28:36',
  'Commandline: apt-get install -y x',
  'Install: libbsd0:amd64 (0.11.7-2), x:amd64 (1.0, automatic)',
  'Upgrade: a:amd64 (1.0, 1.1)',
  'End-Date: 2026-11-27  23:28:37',
  'Log started: 2026-11-27  23:28:36',
  'Log ended: 2026-11-27  23:28:37',
  '2026-11-27 23:28:36 startup archives unpack',
  '2026-11-27 23:28:36 install x:amd64 <none> 1.0',
  '2026-11-27 23:28:36 status installed x:amd64 1.0',
  'Linux runner 6.18.44-fc-v657 #1 SMP x86_64 GNU/Linux',
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
  ' Server Version: 20.10.24+dfsg1',
  'Current runner version: \'2.311.0\'',
  '__proto__',
  'constructor',
  ' (',
  ') ',
  ' : ',
  '...',
  ':amd64',
  ', ',
]

/** Package, stage and step names that break naive maps, JSON and text output. */
export const HOSTILE_NAMES: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  '__proto__:amd64',
  'constructor:i386',
  'libc6:amd64:amd64',
  'café-tools',
  'пакет',
  '包',
  '😀-pkg',
  'a"b',
  "a'b",
  'a\\b',
  'a`b',
  'a<b>',
  'a%3Ab',
  'a|b',
  '*',
  '0',
  '-1',
  'NaN',
  'null',
  'undefined',
]

/** A name of `length` characters (a long package name). */
export function longName(length: number): string {
  return 'x'.repeat(Math.max(1, length))
}

type Mutator = (random: Random, lines: Uint8Array[], corpus: readonly CaptureLines[]) => string

/** Random bytes, biased to the special ones. */
function randomBytes(random: Random, size: number): Uint8Array {
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i++) out[i] = random() < 0.5 ? pick(random, SPECIAL_BYTES) : int(random, 256)
  return out
}

const MUTATORS: readonly (readonly [string, number, Mutator])[] = [
  [
    'flip',
    8,
    (random, lines) => {
      const n = 1 + int(random, 8)
      for (let k = 0; k < n && lines.length > 0; k++) {
        const li = int(random, lines.length)
        const line = Uint8Array.from(lines[li] as Uint8Array)
        if (line.length === 0) continue
        line[int(random, line.length)] = random() < 0.6 ? pick(random, SPECIAL_BYTES) : int(random, 256)
        lines[li] = line
      }
      return `flip×${n}`
    },
  ],
  [
    'truncate',
    6,
    (random, lines) => {
      if (lines.length === 0) return 'truncate(empty)'
      const at = int(random, lines.length)
      const line = lines[at] as Uint8Array
      lines.length = at + 1
      if (random() < 0.5) {
        lines[at] = line.subarray(0, int(random, line.length + 1))
        return `truncate(line ${at + 1}, mid-line)`
      }
      return `truncate(after line ${at + 1})`
    },
  ],
  [
    'duplicate',
    5,
    (random, lines) => {
      if (lines.length === 0) return 'duplicate(empty)'
      const from = int(random, lines.length)
      const size = 1 + int(random, Math.min(8, lines.length - from))
      const copies = 1 + int(random, 3)
      const block = lines.slice(from, from + size)
      const at = int(random, lines.length + 1)
      const insert: Uint8Array[] = []
      for (let c = 0; c < copies; c++) insert.push(...block)
      lines.splice(at, 0, ...insert)
      return `duplicate(${size} lines ×${copies})`
    },
  ],
  [
    'reorder',
    5,
    (random, lines) => {
      if (lines.length < 2) return 'reorder(short)'
      const how = int(random, 3)
      if (how === 0) {
        const a = int(random, lines.length)
        const b = int(random, lines.length)
        const t = lines[a] as Uint8Array
        lines[a] = lines[b] as Uint8Array
        lines[b] = t
        return 'reorder(swap)'
      }
      const from = int(random, lines.length - 1)
      const size = 2 + int(random, Math.min(12, lines.length - from - 1))
      const window = lines.slice(from, from + size)
      if (how === 1) window.reverse()
      else for (let i = window.length - 1; i > 0; i--) {
        const j = int(random, i + 1)
        const t = window[i] as Uint8Array
        window[i] = window[j] as Uint8Array
        window[j] = t
      }
      lines.splice(from, size, ...window)
      return how === 1 ? 'reorder(reverse)' : 'reorder(shuffle)'
    },
  ],
  [
    'noise',
    7,
    (random, lines) => {
      const n = 1 + int(random, 6)
      for (let k = 0; k < n && lines.length > 0; k++) {
        const li = int(random, lines.length)
        const line = lines[li] as Uint8Array
        const at = int(random, line.length + 1)
        lines[li] = concat([line.subarray(0, at), utf8(pick(random, NOISE)), line.subarray(at)])
      }
      return `noise×${n}`
    },
  ],
  [
    'prefix',
    7,
    (random, lines) => {
      const make = pick(random, PREFIXES)
      const every = random() < 0.5
      for (let i = 0; i < lines.length; i++) if (every || random() < 0.3) lines[i] = concat([utf8(make(i)), lines[i] as Uint8Array])
      return every ? 'prefix(every line)' : 'prefix(some lines)'
    },
  ],
  [
    'splice',
    5,
    (random, lines, corpus) => {
      const other = pick(random, corpus)
      if (other.lines.length === 0) return 'splice(empty)'
      const from = int(random, other.lines.length)
      const size = 1 + int(random, Math.min(40, other.lines.length - from))
      const piece = other.lines.slice(from, from + size)
      if (random() < 0.5) lines.splice(int(random, lines.length + 1), 0, ...piece)
      else {
        // interleave line by line (two streams mixed, as concurrent steps are)
        const out: Uint8Array[] = []
        let i = 0
        let j = 0
        while (i < lines.length || j < piece.length) {
          if (j >= piece.length || (i < lines.length && random() < 0.5)) out.push(lines[i++] as Uint8Array)
          else out.push(piece[j++] as Uint8Array)
        }
        lines.splice(0, lines.length, ...out)
      }
      return `splice(${other.name}:${from + 1}+${size})`
    },
  ],
  [
    'fragments',
    5,
    (random, lines) => {
      const n = 1 + int(random, 20)
      const at = int(random, lines.length + 1)
      const made: Uint8Array[] = []
      for (let k = 0; k < n; k++) {
        let text = pick(random, FRAGMENTS)
        if (random() < 0.4) text += pick(random, FRAGMENTS)
        if (random() < 0.2) text = text.slice(0, int(random, text.length + 1))
        made.push(utf8(text + (random() < 0.1 ? '\r\n' : '\n')))
      }
      lines.splice(at, 0, ...made)
      return `fragments×${n}`
    },
  ],
  [
    'names',
    4,
    (random, lines) => {
      const name = random() < 0.1 ? longName(1 + int(random, 5000)) : pick(random, HOSTILE_NAMES)
      const n = 1 + int(random, 10)
      for (let k = 0; k < n && lines.length > 0; k++) {
        const li = int(random, lines.length)
        const text = new TextDecoder().decode(lines[li])
        // replace the first package-looking token (after a keyword, or a leading indent)
        const replaced = text.replace(/(package |Unpacking |Setting up |Get:\d+ \S+ \S+ \S+ |^\s+|\[)([a-z0-9][a-z0-9+.-]*)/, (_m, a: string) => a + name)
        lines[li] = utf8(replaced)
      }
      return `names(${JSON.stringify(name.slice(0, 20))}×${n})`
    },
  ],
  [
    'long-line',
    2,
    (random, lines) => {
      const fill = random() < 0.5 ? pick(random, FRAGMENTS) : pick(random, NOISE)
      const count = 1 + int(random, 2000)
      const line = utf8(pick(random, FRAGMENTS) + fill.repeat(count) + '\n')
      lines.splice(int(random, lines.length + 1), 0, line)
      return `long-line(${line.length} bytes)`
    },
  ],
  [
    'crlf',
    3,
    (random, lines) => {
      const toCrlf = random() < 0.5
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as Uint8Array
        if (line.length === 0 || line[line.length - 1] !== 0x0a) continue
        if (toCrlf && line[line.length - 2] !== 0x0d) lines[i] = concat([line.subarray(0, line.length - 1), utf8('\r\n')])
        else if (!toCrlf) lines[i] = concat([line.subarray(0, line.length - 1), utf8(random() < 0.5 ? '\r' : '\r\r\n')])
      }
      return toCrlf ? 'crlf' : 'bare-cr'
    },
  ],
  [
    'random-bytes',
    3,
    (random, lines) => {
      const piece = randomBytes(random, 1 + int(random, 512))
      lines.splice(int(random, lines.length + 1), 0, piece)
      return `random-bytes(${piece.length})`
    },
  ],
]

const TOTAL_WEIGHT = MUTATORS.reduce((s, m) => s + m[1], 0)

function pickMutator(random: Random): readonly [string, number, Mutator] {
  let r = random() * TOTAL_WEIGHT
  for (const m of MUTATORS) {
    r -= m[1]
    if (r < 0) return m
  }
  return MUTATORS[0] as readonly [string, number, Mutator]
}

/** One fuzz case. */
export interface FuzzCase {
  /** The input. */
  readonly bytes: Uint8Array
  /** How it was made (for the report). */
  readonly how: string
  /** The capture it starts from, if any. */
  readonly base?: string | undefined
  /** A line cap to parse it with (small caps exercise `line.truncated`), or undefined for the default. */
  readonly maxLineLength?: number | undefined
}

/** Make case number `index` of a run seeded `seed`. */
export function makeCase(seed: number, index: number, corpus: readonly CaptureLines[]): FuzzCase {
  const random = prng(caseSeed(seed, index))
  const maxLineLength = random() < 0.1 ? 1 + int(random, 300) : undefined
  const kind = random()
  if (kind < 0.05) {
    // pure random bytes
    const bytes = randomBytes(random, int(random, 4096))
    return { bytes, how: `random bytes (${bytes.length})`, maxLineLength }
  }
  if (kind < 0.08) {
    // random lines of real fragments
    const lines: Uint8Array[] = []
    const n = 1 + int(random, 60)
    for (let i = 0; i < n; i++) lines.push(utf8(pick(random, FRAGMENTS) + (random() < 0.3 ? pick(random, FRAGMENTS) : '') + '\n'))
    return { bytes: concat(lines), how: `random fragments (${n} lines)`, maxLineLength }
  }
  const base = pick(random, corpus)
  // an excerpt keeps cases small (most are a window of a capture), sometimes the whole capture
  let lines: Uint8Array[]
  if (base.lines.length <= 80 || random() < 0.1) lines = base.lines.slice()
  else {
    const size = 10 + int(random, 150)
    const from = int(random, Math.max(1, base.lines.length - size))
    lines = base.lines.slice(from, from + size)
  }
  const steps: string[] = []
  const n = 1 + int(random, 3)
  for (let k = 0; k < n; k++) {
    const [, , mutate] = pickMutator(random)
    steps.push(mutate(random, lines, corpus))
  }
  return { bytes: concat(lines), how: steps.join(', '), base: base.name, maxLineLength }
}
