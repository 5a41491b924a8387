#!/usr/bin/env node
/**
 * The `aptlog` command. Exit status: 0 ok, 1 the parsed run failed (later commands), 2 usage or
 * unreadable input — always with a one-line message, never a stack trace.
 * @module
 */

import { parseArgs } from 'node:util'
import type { AptLogEvent } from '../events/index.ts'
import { parseStream } from '../parser/parse.ts'
import { CliError, openInput } from './input.ts'

const USAGE = `usage: aptlog parse FILE|- [--counts]

  parse    print the events of a log as NDJSON (one JSON object per line)
           --counts   also print one line per event type with its count (to stderr)

FILE may be gzip-compressed; - reads standard input.`

async function runParse(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { counts: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) throw new CliError('parse takes exactly one FILE (or - for standard input)')
  const input = await openInput(positionals[0] as string)
  const counts = new Map<string, number>()
  const out: string[] = []
  const flush = (): void => {
    if (out.length === 0) return
    process.stdout.write(out.join(''))
    out.length = 0
  }
  for await (const event of parseStream(input) as AsyncIterable<AptLogEvent>) {
    counts.set(event.type, (counts.get(event.type) ?? 0) + 1)
    out.push(`${JSON.stringify(event)}\n`)
    if (out.length >= 256) flush()
  }
  flush()
  if (values.counts === true) {
    const lines = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, n]) => `${String(n).padStart(6)}  ${type}`)
    process.stderr.write(`${lines.join('\n')}\n`)
  }
  return 0
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return command === undefined ? 2 : 0
  }
  if (command === 'parse') return runParse(rest)
  throw new CliError(`unknown command '${command}' (try: aptlog --help)`)
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `aptlog parse big.log | head`: the reader went away; that is not an error of ours.
  if (error.code === 'EPIPE') process.exit(0)
})

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    const message = error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true ? (error as Error).message : `internal error: ${String(error)}`
    process.stderr.write(`aptlog: ${message}\n`)
    process.exitCode = 2
  },
)
