/**
 * Argument parsing with node:util `parseArgs` (no dependency), and the formats each command takes.
 * @module
 */

import { parseArgs } from 'node:util'
import { CliError } from './input.ts'

/** Output formats. */
export type Format = 'text' | 'json' | 'ndjson' | 'markdown' | 'github' | 'gitlab' | 'junit' | 'sarif'

/** Parsed command line of one command. */
export interface CommandArgs {
  /** Positional arguments (files). */
  readonly files: readonly string[]
  /** Output format. */
  readonly format: Format
  /** `--color` / `--no-color` override, or undefined for automatic. */
  readonly color: boolean | undefined
  /** `--unrecognized` (parse only): print the lines no rule knew instead of the events. */
  readonly unrecognized: boolean
}

/** Flags only some commands take. */
export type CommandFlag = 'unrecognized'

/** Parse a command's arguments; `formats[0]` is the default; `flags` are the command's own flags. */
export function readArgs(
  args: string[],
  command: string,
  files: number,
  formats: readonly Format[],
  flags: readonly CommandFlag[] = [],
): CommandArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      unrecognized: { type: 'boolean' },
    },
  })
  if (values.unrecognized === true && !flags.includes('unrecognized')) throw new CliError(`${command} takes no --unrecognized (aptlog parse does)`)
  if (positionals.length !== files) {
    throw new CliError(`${command} takes ${files === 1 ? 'one FILE (or - for standard input)' : `${files} FILEs`}, got ${positionals.length}`)
  }
  const format = (values.format ?? formats[0]) as Format
  if (!formats.includes(format)) throw new CliError(`${command} --format must be one of: ${formats.join(', ')} (got '${values.format ?? ''}')`)
  const color = values['no-color'] === true ? false : values.color === true ? true : undefined
  return { files: positionals, format, color, unrecognized: values.unrecognized === true }
}
