/**
 * The real captures the generator builds from (fixtures/ only, as a fresh clone has them): apt/dpkg
 * outputs with the command that produced them, the docker captures, and other CI noise.
 * @module
 */

import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The output of one command, as it would run inside a `RUN` step or a CI shell step. */
export interface Body {
  /** Fixture it came from, relative to fixtures/. */
  readonly origin: string
  /** The shell command (`apt-get update && apt-get install -y …`). */
  readonly command: string
  /** Its exit status (0 = success). */
  readonly exit: number
  /** Debian release of the base image (`bookworm`, `trixie`, `sid`, `jessie`). */
  readonly release: string
  /** Output lines without their LF; a CRLF line keeps its CR, CR redraws stay inside the line. */
  readonly lines: readonly string[]
}

/** A whole docker capture used as it is (one build), with what it contains. */
export interface WholeBuild {
  /** Fixture path relative to fixtures/. */
  readonly origin: string
  /** Renderer. */
  readonly builder: 'legacy' | 'buildkit' | 'rawjson'
  /** Lines (as in the file). */
  readonly lines: readonly string[]
  /** Steps (legacy `Step` headers) or vertices (distinct `#N`, N ≥ 1; distinct rawjson vertex digests). */
  readonly steps: number
}

/** Everything the generator needs from fixtures/. */
export interface FixturePool {
  /** apt-get / apt / dpkg outputs (bookworm apt 2.6, trixie apt 3.0, sid apt 3.3, jessie apt 1.0). */
  readonly bodies: readonly Body[]
  /** Whole docker builds. */
  readonly builds: readonly WholeBuild[]
  /** Non-build docker output (CLI errors) and other CI noise (debootstrap, `docker version`): no build in them. */
  readonly noise: readonly (readonly string[])[]
  /** sha256 of every file read, so generated files are regenerated when a fixture changes. */
  readonly digest: string
}

/** The repository root (the folder holding fixtures/README.md), found from this file upwards. */
export function findRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    if (existsSync(join(dir, 'fixtures', 'README.md')) && existsSync(join(dir, 'package.json'))) return dir
    const up = dirname(dir)
    if (up === dir) throw new Error(`aptlog benchmarks: no fixtures/README.md above ${from}`)
    dir = up
  }
}

/** Split a capture into lines: LF only; a final LF ends the last line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Command and exit status of each capture, from the table in fixtures/README.md. */
function commandTable(readme: string): Map<string, { command: string; exit: number }> {
  const table = new Map<string, { command: string; exit: number }>()
  for (const row of readme.split('\n')) {
    if (!row.startsWith('| `')) continue
    const cells = row.slice(2, row.endsWith(' |') ? -2 : undefined).split(' | ')
    const path = (cells[0] ?? '').replace(/`/g, '')
    let command = (cells[3] ?? '').trim()
    if (command.startsWith('`')) command = command.slice(1)
    if (command.endsWith('`')) command = command.slice(0, -1)
    const chroot = command.lastIndexOf('chroot: ')
    if (chroot !== -1) command = command.slice(chroot + 'chroot: '.length)
    else if (command.includes(' (')) command = command.slice(0, command.indexOf(' ('))
    command = command.replace(/`/g, '').trim()
    const exit = Number.parseInt((cells[cells.length - 1] ?? '').trim(), 10)
    table.set(path, { command, exit: Number.isNaN(exit) ? 0 : exit })
  }
  return table
}

function list(root: string, folder: string): string[] {
  const dir = join(root, 'fixtures', folder)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    // Real captures only: hand-made fixtures (test cases written by hand) are not what CI logs look like.
    .filter((name) => name.endsWith('.log') && !name.startsWith('handmade'))
    .sort()
    .map((name) => `${folder}/${name}`)
}

const RELEASES = ['bookworm', 'trixie', 'sid'] as const
const PLAIN_TS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/** Steps of a whole docker capture, counted the way the events document them. */
function countSteps(builder: WholeBuild['builder'], lines: readonly string[]): number {
  if (builder === 'legacy') return lines.filter((l) => /^Step \d+\/\d+ : /.test(l.replace(ANSI, ''))).length
  if (builder === 'buildkit') {
    const seen = new Set<string>()
    for (const l of lines) {
      const m = /^#(\d+) /.exec(l)
      if (m !== null && m[1] !== '0') seen.add(m[1] as string)
    }
    return seen.size
  }
  const digests = new Set<string>()
  for (const l of lines) {
    if (!l.startsWith('{')) continue
    const o = JSON.parse(l) as { vertexes?: { digest: string; name?: string }[] }
    for (const v of o.vertexes ?? []) if (v.name !== undefined) digests.add(v.digest)
  }
  return digests.size
}

/** Whole docker captures used verbatim: one complete build each, of a known renderer. */
const WHOLE: readonly (readonly [string, WholeBuild['builder']])[] = [
  ['docker/D01-legacy-seed-bookworm.log', 'legacy'],
  ['docker/D03-legacy-seed-bookworm-cache-hit.log', 'legacy'],
  ['docker/D05-cli20-legacy-seed-bookworm-no-cache.log', 'legacy'],
  ['docker/D14-cli20-legacy-failing-unknown-package.log', 'legacy'],
  ['docker/D16-cli20-legacy-bad-status-truncated.log', 'legacy'],
  ['docker/D18-cli20-legacy-predepends-problem.log', 'legacy'],
  ['docker/D30-ci-job-local-legacy-cli20.log', 'legacy'],
  ['docker/D31-ci-job-runner-legacy-cli28-broken-base.log', 'legacy'],
  ['docker/D06-cli20-buildkit-plain-seed-bookworm.log', 'buildkit'],
  ['docker/D07-cli20-buildkit-plain-seed-bookworm-cache-hit.log', 'buildkit'],
  ['docker/D11-cli20-buildkit-plain-multistage-concurrent-apt.log', 'buildkit'],
  ['docker/D13-cli20-buildkit-plain-failing-unknown-package.log', 'buildkit'],
  ['docker/D17-cli20-buildkit-plain-predepends-problem.log', 'buildkit'],
  ['docker/D21-cli28-buildx029-plain-seed-bookworm.log', 'buildkit'],
  ['docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log', 'rawjson'],
]

/** docker output with no build in it: CLI errors. */
const NO_BUILD = [
  'docker/D02-cli28-buildkit-without-buildx-error.log',
  'docker/D19-cli20-buildkit-progress-rawjson-unsupported.log',
  'docker/D20-cli28-progress-rawjson-without-buildx.log',
]

/** Load the pool from `root` (the repository). */
export function loadFixtures(root: string = findRoot()): FixturePool {
  const hash = createHash('sha256')
  const read = (rel: string): string => {
    const bytes = readFileSync(join(root, 'fixtures', rel))
    hash.update(rel).update(bytes)
    return bytes.toString('utf8')
  }
  const commands = commandTable(read('README.md'))

  const bodies: Body[] = []
  for (const rel of [...list(root, 'apt'), ...list(root, 'host')]) {
    const known = commands.get(rel)
    const release = RELEASES.find((r) => rel.includes(`/${r}-`)) ?? 'bookworm'
    const lines = splitLines(read(rel))
    if (lines.length === 0) continue
    bodies.push({ origin: rel, command: known?.command ?? 'apt-get install -y openssh-client', exit: known?.exit ?? 0, release, lines })
  }
  // The incident's apt 1.0 output (jessie), without the docker framing and the CI timestamps.
  for (const rel of ['seed/incident-local-excerpt.log', 'seed/incident-runner-excerpt.log']) {
    if (!existsSync(join(root, 'fixtures', rel))) continue
    const raw = splitLines(read(rel)).map((l) => l.replace(PLAIN_TS, ''))
    const step = raw.find((l) => l.startsWith('Step '))
    const command = step === undefined ? 'apt-get update && apt-get install -y openssh-client' : step.replace(/^Step \d+\/\d+ : RUN /, '').replace(/\s+/g, ' ')
    const lines = raw.filter((l) => !l.startsWith('Step ') && !l.startsWith(' ---> '))
    bodies.push({ origin: rel, command, exit: rel.includes('runner') ? 100 : 0, release: 'jessie', lines })
  }

  const builds: WholeBuild[] = []
  for (const [rel, builder] of WHOLE) {
    if (!existsSync(join(root, 'fixtures', rel))) continue
    const lines = splitLines(read(rel))
    builds.push({ origin: rel, builder, lines, steps: countSteps(builder, lines) })
  }

  const noise: string[][] = []
  for (const rel of [...NO_BUILD, ...list(root, 'other')]) {
    if (existsSync(join(root, 'fixtures', rel))) noise.push(splitLines(read(rel)))
  }
  // The environment dump a CI job prints before its build (D30's `uname`/`docker version`/`docker info`).
  const d30 = builds.find((b) => b.origin.includes('D30'))
  if (d30 !== undefined) {
    const cut = d30.lines.findIndex((l) => l.startsWith('$ docker build'))
    if (cut > 0) noise.push(d30.lines.slice(0, cut))
  }
  return { bodies, builds, noise, digest: hash.digest('hex').slice(0, 16) }
}
