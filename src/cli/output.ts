/**
 * Writing to stdout: buffered, and quiet about a closed pipe (`aptlog parse big.log | head`).
 * @module
 */

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
