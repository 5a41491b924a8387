#!/usr/bin/env node
/**
 * The `aptlog` command.
 *
 * Exit status: 0 ok; 1 the summarised, explained or diffed run (B) failed; 2 usage error or
 * unreadable input, always with a one-line message, never a stack trace.
 * @module
 */

import { diffCommand } from './commands/diff.ts'
import { explainCommand } from './commands/explain.ts'
import { fleetCommand } from './commands/fleet.ts'
import { isFleetWorker, runFleetWorker } from './commands/fleet-worker.ts'
import { parseCommand } from './commands/parse.ts'
import { summaryCommand } from './commands/summary.ts'
import { forText } from '../format/safe/index.ts'
import { CliError } from './input.ts'
import { ignoreBrokenPipe } from './output.ts'
import { VERSION } from './version.ts'

const USAGE = `aptlog ${VERSION}: read docker build / apt / dpkg logs

usage:
  aptlog parse FILE|-      [--format ndjson|json|text]            the events (default NDJSON)
  aptlog parse FILE|- --unrecognized                              the lines no rule knew (for a bug report)
  aptlog summary FILE|-    [--format text|json|markdown|github|gitlab|junit]
                                                                   the run: outcome, root cause, steps, apt runs
  aptlog explain FILE|-    [--format text|json|markdown|github|gitlab|sarif]
                                                                   the root cause, its evidence, what to do
  aptlog diff A B          [--format text|json|markdown|github]   what changed from run A to run B, and why B failed
  aptlog fleet PATH…|-     [--format text|markdown|json] [--jobs N] [--runs FILE]
                                                                   many logs (files, directories, - for a list of
                                                                   paths) on all cores: outcomes, root causes, and
                                                                   what the failing runs have in common
  aptlog fleet merge DOC…  [--format text|markdown|json]          merge fleet --format json documents (shards)

FILE may be gzip-compressed; - reads standard input. A or B may also be a stored
\`aptlog summary --format json\` (a baseline kept from the last green build).
Colour on a terminal only (--no-color, NO_COLOR).
Exit status: 0 ok, 1 the run (or run B) failed, 2 usage error or unreadable input
(fleet: 3 some input gave no run, 4 that and a failed run; docs/fleet.md).`

const COMMANDS: ReadonlyMap<string, (args: string[]) => Promise<number>> = new Map([
  ['parse', parseCommand],
  ['summary', summaryCommand],
  ['explain', explainCommand],
  ['diff', diffCommand],
  ['fleet', fleetCommand],
])

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  const run = COMMANDS.get(command)
  if (run === undefined) throw new CliError(`unknown command '${command}' (commands: ${[...COMMANDS.keys()].join(', ')}; see aptlog --help)`)
  return run(rest)
}

/** A message for the user, on one line (a stack trace or a multi-line message is cut at its first line). */
function describe(error: unknown): string {
  const text = describeAll(error)
  const end = text.indexOf('\n')
  return end === -1 ? text : text.slice(0, end)
}

/** Ours as is, argument errors from parseArgs as is, anything else marked internal. */
function describeAll(error: unknown): string {
  if (error instanceof CliError) return error.message
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return (error as Error).message
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'the input looks gzip-compressed but is damaged'
  if (code === 'EISDIR') return 'expected a log file, got a directory'
  return `internal error: ${error instanceof Error ? error.message : String(error)}`
}

/** The last resort: whatever escapes (a stream's error event, a rejected promise no one awaited) is one line and status 2. */
function fail(error: unknown): void {
  // Messages quote file names, arguments and JSON.parse's excerpt of a baseline: never raw bytes to a terminal.
  process.stderr.write(`aptlog: ${forText(describe(error))}\n`)
  process.exit(2)
}

// `aptlog fleet` starts this same script in worker threads to read logs: there the pool, not these
// handlers, counts a worker that throws.
if (isFleetWorker()) runFleetWorker()
else startCli()

function startCli(): void {
  ignoreBrokenPipe()
  process.on('uncaughtException', fail)
  process.on('unhandledRejection', fail)
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status
    },
    (error: unknown) => {
      process.stderr.write(`aptlog: ${forText(describe(error))}\n`)
      process.exitCode = 2
    },
  )
}
