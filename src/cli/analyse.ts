/**
 * Reading one log for the CLI: parse, fold into the run model, keep the evidence lines, and show
 * a progress line on stderr for large files when stderr is a terminal.
 * @module
 */

import { stat } from 'node:fs/promises'
import { clip } from '../events/budget.ts'
import type { AptLogEvent } from '../events/index.ts'
import { createEvidenceCollector } from '../format/evidence.ts'
import { createParser } from '../parser/create-parser.ts'
import { createSummarizer } from '../run/summarizer.ts'
import type { RunSummary } from '../run/types.ts'
import { openInput } from './input.ts'

/** What the CLI knows about one log after reading it. */
export interface Analysis {
  /** The run model. */
  readonly summary: RunSummary
  /** Evidence lines by number. */
  readonly evidence: ReadonlyMap<number, string>
}

const PROGRESS_FROM = 16 * 1024 * 1024

/** Read and analyse a log file (or `-`). `onEvent` sees every event as it is parsed. */
export async function analyse(path: string, onEvent?: (event: AptLogEvent) => void | Promise<void>): Promise<Analysis> {
  // Progress counts the file's own bytes: for a .gz, the compressed ones its size is measured in.
  let read = 0
  const input = await openInput(path, (bytes) => (read += bytes))
  return analyseInput(path, input, () => read, onEvent)
}

/** Analyse the chunks of `path`, already open; `bytesRead`: how much of the file they came from, for the progress line. */
export async function analyseInput(path: string, input: AsyncIterable<Uint8Array>, bytesRead: () => number, onEvent?: (event: AptLogEvent) => void | Promise<void>): Promise<Analysis> {
  const summarizer = createSummarizer()
  const evidence = createEvidenceCollector()
  const queued: AptLogEvent[] = []
  const parser = createParser({
    // Evidence keeps lines past the one being read: each is clipped to the retention budget's length.
    onLine: (text, lineNo) => evidence.line(clip(text), lineNo),
    onEvent: (event) => {
      summarizer.add(event)
      evidence.event(event)
      if (onEvent !== undefined) queued.push(event)
    },
  })
  // The size only matters for a progress line on a terminal (a fleet worker has none: no stat per log).
  const total = path === '-' || process.stderr.isTTY !== true ? 0 : (await stat(path)).size // a FIFO's is 0: no progress line
  const showProgress = total >= PROGRESS_FROM
  let lastShown = 0
  for await (const chunk of input) {
    parser.feed(chunk)
    if (onEvent !== undefined && queued.length > 0) {
      for (const event of queued.splice(0)) await onEvent(event)
    }
    if (showProgress && Date.now() - lastShown > 200) {
      lastShown = Date.now()
      const read = bytesRead()
      process.stderr.write(`\raptlog: ${(read / 1e6).toFixed(0)} MB of ${(total / 1e6).toFixed(0)} MB read (${Math.min(100, Math.floor((read / total) * 100))}%)`)
    }
  }
  parser.end()
  if (onEvent !== undefined) for (const event of queued.splice(0)) await onEvent(event)
  if (showProgress) process.stderr.write('\r\x1b[K')
  return { summary: summarizer.finish(), evidence: evidence.lines }
}
