/**
 * The last line of a failed BuildKit build (FORMATS.md §7.3 "Final line", §7.5): the docker 20.10
 * CLI prints the bare error text (`executor failed running [...]: exit code: 100`, or with a newer
 * daemon `process "…" did not complete successfully: exit code: 100`), buildx prefixes `ERROR: `
 * (`ERROR: failed to solve: …`, ≥ 0.25 `ERROR: failed to build: failed to solve: …`), compose
 * prints `failed to solve: …`, Docker 19.03 `failed to solve with frontend dockerfile.v0: …`, and
 * `docker/build-push-action` wraps it as `Error: buildx failed with: ERROR: …`. Also the docker 20.10
 * CLI's refusal of an unknown `--progress` value (corpus D19).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import type { FinalErrorLine } from './line-kinds.ts'
import { commandIn, exitCodeIn } from './text.ts'

function finalError(form: FinalErrorLine['form'], text: string): FinalErrorLine {
  const exitCode = exitCodeIn(text)
  const command = commandIn(text)
  const line: { kind: 'final.error'; form: FinalErrorLine['form']; exitCode?: number; command?: string } = { kind: 'final.error', form }
  if (exitCode !== undefined) line.exitCode = exitCode
  if (command !== undefined) line.command = command
  return line
}

const SOLVE_PREFIXES: readonly string[] = [
  'ERROR: failed to solve',
  'ERROR: failed to build',
  'Error: buildx failed with: ERROR: ',
  'failed to solve: ',
  'failed to solve with frontend ',
]

/** Compose v2 (bake) names the failed service: `target web: failed to solve: …`. */
const TARGET = 'target '

/** Where the error starts after compose v2's `target <service>: `, or 0. */
function afterTarget(text: string): number {
  if (!text.startsWith(TARGET)) return 0
  const colon = text.indexOf(': ', TARGET.length)
  return colon === -1 || colon === TARGET.length || text.lastIndexOf(' ', colon - 1) >= TARGET.length ? 0 : colon + 2
}

/** `ERROR: failed to solve: …`, `ERROR: failed to build: …`, `failed to solve: …`, compose v2 `target web: failed to solve: …`, and their wrappers. */
export const FINAL_FAILED_TO_SOLVE: DockerRule<FinalErrorLine> = {
  id: 'docker.final.failed-to-solve',
  first: 'Eft',
  second: 'Rra',
  match(text) {
    const from = afterTarget(text)
    return SOLVE_PREFIXES.some((p) => text.startsWith(p, from)) ? finalError('failed-to-solve', text) : undefined
  },
}

/** `executor failed running [/bin/sh -c …]: exit code: 100` alone on a line (docker 20.10 CLI, BuildKit ≤ v0.8). */
export const FINAL_EXECUTOR_FAILED: DockerRule<FinalErrorLine> = {
  id: 'docker.final.executor-failed',
  first: 'e',
  second: 'x',
  match(text) {
    return text.startsWith('executor failed running [') && text.includes(']: ') ? finalError('executor-failed', text) : undefined
  },
}

/** `process "/bin/sh -c …" did not complete successfully: exit code: 100` alone on a line (docker 20.10 CLI against BuildKit ≥ v0.9). */
export const FINAL_PROCESS_FAILED: DockerRule<FinalErrorLine> = {
  id: 'docker.final.process-failed',
  first: 'p',
  second: 'r',
  match(text) {
    return text.startsWith('process "') && text.includes('" did not complete successfully') ? finalError('process-failed', text) : undefined
  },
}

/** `invalid value "rawjson" passed to --progress, valid values are: auto, plain, tty` (docker 20.10 CLI, corpus D19). */
export const FINAL_PROGRESS_REFUSED: DockerRule<FinalErrorLine> = {
  id: 'docker.final.progress-refused',
  first: 'i',
  second: 'n',
  match(text) {
    return text.startsWith('invalid value "') && text.includes('" passed to --progress, valid values are: ') ? finalError('cli', text) : undefined
  },
}

const USAGE_HEADS = ['Usage:  docker build ', 'Usage:  docker buildx build ', 'Usage:  docker image build ', 'Usage:  docker builder build ']

/**
 * `Usage:  docker build [OPTIONS] PATH | URL | -` (two spaces: docker/cli's usage template): the
 * CLI refused its command line (corpus D20: `unknown flag: --progress`, exit 125). `docker build
 * --help` prints it too, so the router counts it a failure only after a command-line error line.
 */
export const FINAL_USAGE: DockerRule<FinalErrorLine> = {
  id: 'docker.final.usage',
  first: 'U',
  second: 's',
  match(text) {
    for (const head of USAGE_HEADS) if (text.startsWith(head)) return { kind: 'final.error', form: 'cli', usage: true }
    return undefined
  },
}

/**
 * A command-line error as cobra/pflag and docker/cli word it, printed right before the usage text:
 * `unknown flag: --progress`, `unknown shorthand flag: 'x' in -x`, `flag needs an argument: --tag`,
 * `invalid argument "x" for "-m, --memory" flag: …`, `"docker build" requires exactly 1 argument.`
 * (followed by `See 'docker build --help'.`).
 */
export function isCommandLineError(text: string): boolean {
  return (
    text.startsWith('unknown flag: --') ||
    text.startsWith('unknown shorthand flag: ') ||
    text.startsWith('flag needs an argument: ') ||
    (text.startsWith('invalid argument "') && text.includes(' flag: ')) ||
    (text.startsWith('"docker ') && text.includes('" requires ') && text.includes(' argument'))
  )
}

/** The final-error rules. */
export const FINAL_ERROR_RULES: readonly Rule<FinalErrorLine>[] = [FINAL_FAILED_TO_SOLVE, FINAL_EXECUTOR_FAILED, FINAL_PROCESS_FAILED, FINAL_PROGRESS_REFUSED, FINAL_USAGE]
