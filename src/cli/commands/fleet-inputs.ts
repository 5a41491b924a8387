/**
 * The inputs of `aptlog fleet`: each argument a file or a directory (walked recursively, entries
 * in name order so two runs list the same paths in the same order), and `-` for a list of paths
 * on standard input, one a line. Yielded lazily: a directory of 100 000 logs is never listed
 * whole in memory. A directory that cannot be listed becomes an input with its error; a file is
 * not opened here (the worker that reads it reports what is wrong with it).
 * @module
 */

import { opendir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/** One input: a path to read, or a path already known to be unreadable. */
export interface FleetInput {
  /** The path. */
  readonly path: string
  /** Why it cannot be read, when the walk already knows. */
  readonly error?: string | undefined
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ENOENT') return 'no such file or directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return typeof code === 'string' ? `cannot read (${code})` : String(error)
}

/** Files under `dir`, depth first, names sorted in code-unit order. Symbolic links to directories are not followed (no loops). */
async function* walk(dir: string): AsyncGenerator<FleetInput, void, undefined> {
  let names: { name: string; isDir: boolean; isLink: boolean }[]
  try {
    names = []
    for await (const entry of await opendir(dir)) names.push({ name: entry.name, isDir: entry.isDirectory(), isLink: entry.isSymbolicLink() })
  } catch (error) {
    yield { path: dir, error: describeFsError(error) }
    return
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of names) {
    const path = join(dir, entry.name)
    if (entry.isDir) yield* walk(path)
    else if (entry.isLink) {
      // A link to a file is read; a link to a directory or a dangling link is skipped.
      const target = await stat(path).catch(() => undefined)
      if (target?.isFile() === true) yield { path }
    } else yield { path }
  }
}

/** One argument: a directory is walked, anything else is an input as it is. */
async function* expand(path: string): AsyncGenerator<FleetInput, void, undefined> {
  const info = await stat(path).catch(() => undefined)
  if (info?.isDirectory() === true) yield* walk(path)
  else yield { path }
}

/** Paths listed on `source`, one a line (CR LF too); blank lines are skipped. */
async function* listed(source: NodeJS.ReadableStream): AsyncGenerator<string, void, undefined> {
  for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
    if (line.trim() !== '') yield line
  }
}

/** Every input the arguments name, in order; `-` reads paths from `stdin`. */
export async function* fleetInputs(args: readonly string[], stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<FleetInput, void, undefined> {
  for (const arg of args) {
    if (arg === '-') for await (const path of listed(stdin)) yield* expand(path)
    else yield* expand(arg)
  }
}
