/**
 * `aptlog parse FILE|-`: the events, as NDJSON (default), a JSON array, or one text line each.
 * @module
 */

import type { AptLogEvent, LogStats } from '../../events/index.ts'
import { parseStream } from '../../parser/parse.ts'
import { readArgs } from '../args.ts'
import { openInput } from '../input.ts'
import { createStdoutWriter } from '../output.ts'

/** The fields printed after the type in `--format text`. */
function textLine(event: AptLogEvent): string {
  const { type, line, endLine, rule, ts, step, stage, ...rest } = event as AptLogEvent & Record<string, unknown>
  const where = `${String(line).padStart(6)}${endLine !== undefined ? `-${endLine}` : ''}`
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ')
  return `${where} ${step ?? ''}${stage !== undefined ? `(${stage})` : ''} ${type} [${rule}] ${fields}${ts !== undefined ? ` ts=${ts}` : ''}`
}

/**
 * `--unrecognized`: the lines no rule knew, `LINE: text` (apt-like ones marked), then a count: what
 * to paste into a bug report when a log reads badly.
 */
async function printUnrecognized(file: string): Promise<number> {
  const out = createStdoutWriter()
  let stats: LogStats | undefined
  const onUnrecognized = (text: string, lineNo: number, aptLike: boolean): void => {
    out.write(`${String(lineNo).padStart(6)}${aptLike ? ' apt-like' : '         '} ${text}\n`)
  }
  for await (const event of parseStream(await openInput(file), { onUnrecognized })) {
    if (event.type === 'log.end') stats = event
  }
  if (stats !== undefined) {
    out.write(`${stats.unrecognized} of ${stats.lines} lines not recognised (${stats.unrecognizedAptLike} apt-like)\n`)
  }
  await out.flush()
  return 0
}

/** Run the command; returns the exit status. */
export async function parseCommand(args: string[]): Promise<number> {
  const { files, format, unrecognized } = readArgs(args, 'parse', 1, ['ndjson', 'json', 'text'], ['unrecognized'])
  if (unrecognized) return printUnrecognized(files[0] as string)
  const out = createStdoutWriter()
  let first = true
  if (format === 'json') out.write('[')
  for await (const event of parseStream(await openInput(files[0] as string))) {
    if (format === 'ndjson') out.write(`${JSON.stringify(event)}\n`)
    else if (format === 'json') {
      out.write(`${first ? '\n' : ',\n'}${JSON.stringify(event)}`)
      first = false
    } else out.write(`${textLine(event)}\n`)
  }
  if (format === 'json') out.write('\n]\n')
  await out.flush()
  return 0
}
