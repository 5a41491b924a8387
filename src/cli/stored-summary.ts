/**
 * `aptlog diff baseline.json build.log`: either side of a diff may be a run model stored by
 * `aptlog summary --format json` (the last green build's, kept as a CI artifact) instead of a log.
 * It is told from a log by its first key: a summary starts `{"schema":` (since the schema id was
 * added) or `{"outcome":` (before, and a stored `summarize()` result), while the only logs that
 * start with `{` are BuildKit rawjson streams (`{"vertexes":…`, `{"statuses":…`, `{"logs":…`).
 * @module
 */

import { open, readFile } from 'node:fs/promises'
import { checkStoredSummary } from '../run/stored.ts'
import type { RunSummary } from '../run/types.ts'
import { CliError } from './input.ts'

/** A stored summary is a few KB to a few MB; a file this large is read as a log. */
const MAX_SUMMARY_BYTES = 256 * 1024 * 1024

const SUMMARY_START = /^\s*\{\s*"(?:schema|outcome)"\s*:/

/** The run model stored in `path`, or `undefined` when `path` is a log (or standard input). */
export async function readStoredSummary(path: string): Promise<RunSummary | undefined> {
  if (path === '-' || path === '') return undefined
  let head: string
  try {
    const file = await open(path)
    try {
      const buffer = new Uint8Array(64)
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
      head = new TextDecoder().decode(buffer.subarray(0, bytesRead))
      if (!SUMMARY_START.test(head) || (await file.stat()).size > MAX_SUMMARY_BYTES) return undefined
    } finally {
      await file.close()
    }
  } catch {
    return undefined // not readable here: the log reader gives the message
  }
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new CliError(`${path}: starts like an aptlog summary but is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const wrong = checkStoredSummary(value)
  if (wrong !== undefined) throw new CliError(`${path}: not an aptlog summary: ${wrong.path} should be ${wrong.expected}`)
  return value as RunSummary
}
