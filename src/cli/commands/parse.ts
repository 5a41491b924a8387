/**
 * `aptlog parse FILE|-`: the events, as NDJSON (default), a JSON array, or one text line each.
 * @module
 */

import type { AptLogEvent, LogStats } from '../../events/index.ts'
import { forJson, forText } from '../../format/safe/index.ts'
import { parseStream } from '../../parser/parse.ts'
import { readArgs } from '../args.ts'
import { openInput } from '../input.ts'
import { createStdoutWriter, inGithubActions, stopToken, type Writer } from '../output.ts'

/** One event as a text line; every value through {@link forText} (a line starts with its line number). */
function textLine(event: AptLogEvent): string {
  const { type, line, endLine, rule, ts, step, stage, ...rest } = event as AptLogEvent & Record<string, unknown>
  const where = `${String(line).padStart(6)}${endLine !== undefined ? `-${endLine}` : ''}`
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? forText(v) : forText(JSON.stringify(v))}`)
    .join(' ')
  return forText(`${where} ${step ?? ''}${stage !== undefined ? `(${stage})` : ''} ${type} [${rule}] `) + fields + (ts !== undefined ? ` ts=${forText(ts)}` : '')
}

/**
 * Text output in a GitHub Actions job goes between `::stop-commands::TOKEN` and `::TOKEN::`
 * (output.ts fenceForLog; streamed here): returns the closing line to write at the end.
 */
function openFence(out: Writer): string {
  if (!inGithubActions()) return ''
  const token = stopToken()
  out.write(`::stop-commands::${token}\n`)
  return `::${token}::\n`
}

/**
 * `--unrecognized`: the lines no rule knew, `LINE: text` (apt-like ones marked), then a count: what
 * to paste into a bug report when a log reads badly.
 */
async function printUnrecognized(file: string): Promise<number> {
  const out = createStdoutWriter()
  const input = await openInput(file)
  const close = openFence(out)
  let stats: LogStats | undefined
  const onUnrecognized = (text: string, lineNo: number, aptLike: boolean): void => {
    out.write(`${String(lineNo).padStart(6)}${aptLike ? ' apt-like' : '         '} ${forText(text)}\n`)
  }
  for await (const event of parseStream(input, { onUnrecognized })) {
    if (event.type === 'log.end') stats = event
  }
  if (stats !== undefined) {
    out.write(`${stats.unrecognized} of ${stats.lines} lines not recognised (${stats.unrecognizedAptLike} apt-like)\n`)
  }
  out.write(close)
  await out.flush()
  return 0
}

/** Run the command; returns the exit status. */
export async function parseCommand(args: string[]): Promise<number> {
  const { files, format, unrecognized } = readArgs(args, 'parse', 1, ['ndjson', 'json', 'text'], ['unrecognized'])
  if (unrecognized) return printUnrecognized(files[0] as string)
  const out = createStdoutWriter()
  const input = await openInput(files[0] as string)
  const close = format === 'text' ? openFence(out) : ''
  let first = true
  if (format === 'json') out.write('[')
  for await (const event of parseStream(input)) {
    if (format === 'ndjson') out.write(`${forJson(event)}\n`)
    else if (format === 'json') {
      out.write(`${first ? '\n' : ',\n'}${forJson(event)}`)
      first = false
    } else out.write(`${textLine(event)}\n`)
  }
  if (format === 'json') out.write('\n]\n')
  out.write(close)
  await out.flush()
  return 0
}
