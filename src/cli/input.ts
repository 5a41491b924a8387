/**
 * CLI input: a file (plain or gzip), or `-` for standard input. Errors become one-line messages.
 * @module
 */

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { gunzipIfNeeded } from '../adapters/node.ts'

/** A usage or input error: printed as one line, exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError'
}

/** Check that `path` names something readable before streaming it, so the message is clear. */
export async function openInput(path: string, onFileBytes?: (bytes: number) => void): Promise<AsyncIterable<Uint8Array>> {
  if (path === '-') return gunzipIfNeeded(process.stdin as AsyncIterable<Uint8Array>)
  // `aptlog parse "$LOG"` with LOG unset: say what happened, not ": no such file".
  if (path === '') throw new CliError('the file name is empty (an unset shell variable?); give a log file, or - for standard input')
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`)
    if (code === 'EACCES') throw new CliError(`${path}: permission denied`)
    throw new CliError(`${path}: cannot read (${code ?? String(error)})`)
  }
  if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected a log file`)
  const file = createReadStream(path) as AsyncIterable<Uint8Array>
  return gunzipIfNeeded(onFileBytes === undefined ? file : counted(file, onFileBytes))
}

/** The chunks of `source`, reporting each one's size as read from the file (before any gunzip). */
async function* counted(source: AsyncIterable<Uint8Array>, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const chunk of source) {
    onBytes(chunk.byteLength)
    yield chunk
  }
}
