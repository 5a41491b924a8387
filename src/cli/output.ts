/**
 * Writing to stdout: buffered, quiet about a closed pipe (`aptlog parse big.log | head`), and, in
 * a GitHub Actions job, text output fenced off from the runner's workflow commands.
 * @module
 */

import { webcrypto } from 'node:crypto'
import { commandToken, stopCommands } from '../format/safe/index.ts'

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && (process.env['NO_COLOR'] ?? '') === '' && process.env['TERM'] !== 'dumb'
}

/** A buffered writer for many small pieces. */
export interface Writer {
  /** Queue text. */
  write(text: string): void
  /** Write out what is queued and wait until the stream took it. */
  flush(): Promise<void>
}

/** Create a writer on stdout; flushes every 64 KiB and waits for drain, so memory stays flat. */
export function createStdoutWriter(): Writer {
  let pending: string[] = []
  let size = 0
  async function flush(): Promise<void> {
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    size = 0
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
  }
  return {
    write(text: string): void {
      pending.push(text)
      size += text.length
      if (size >= 65_536) void flush()
    },
    flush,
  }
}

/** The exit status a command decided on before writing its report (0 until one did). */
let decided = 0

/**
 * Record the exit status before writing the report: `aptlog explain failed.log | head -3` still
 * exits 1 for a failed run when `head` closes the pipe early (what `set -o pipefail` scripts see).
 */
export function decideExitStatus(status: number): number {
  decided = status
  return status
}

/** Exit quietly when the reader of stdout went away, with the status the command decided on. */
export function ignoreBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : decided)
    throw error
  })
}

/** True in a GitHub Actions job (the runner sets `GITHUB_ACTIONS=true`). */
export function inGithubActions(): boolean {
  return process.env['GITHUB_ACTIONS'] === 'true'
}

/** A fresh random token for `::stop-commands::` (node:crypto's, so it works on Node 18 too). */
export function stopToken(): string {
  return commandToken((bytes) => webcrypto.getRandomValues(bytes))
}

/**
 * A text report as printed: in a GitHub Actions job, between `::stop-commands::TOKEN` and
 * `::TOKEN::` (a random token), so that no line of it runs as a workflow command even if escaping
 * missed one; elsewhere as is. Only text is fenced: Markdown, JSON and XML usually go to a file
 * (`$GITHUB_STEP_SUMMARY`, an artifact) where the two lines would be noise, and their escaping
 * already keeps every line from starting with `::`.
 */
export function fenceForLog(text: string): string {
  return inGithubActions() ? stopCommands(text, stopToken()) : text
}
