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
}

/** Parse a command's arguments; `formats[0]` is the default. */
export function readArgs(args: string[], command: string, files: number, formats: readonly Format[]): CommandArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  })
  if (positionals.length !== files) {
    throw new CliError(`${command} takes ${files === 1 ? 'one FILE (or - for standard input)' : `${files} FILEs`}, got ${positionals.length}`)
  }
  const format = (values.format ?? formats[0]) as Format
  if (!formats.includes(format)) throw new CliError(`${command} --format must be one of: ${formats.join(', ')} (got '${values.format ?? ''}')`)
  const color = values['no-color'] === true ? false : values.color === true ? true : undefined
  return { files: positionals, format, color }
}
