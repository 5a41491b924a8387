/**
 * The CI runner's own verdict on a job step (FORMATS.md §8.1, §8.2): GitHub's
 * `##[error]Process completed with exit code 100.` (and `Error: Process completed with exit code
 * 100.`, the same annotation as the web view shows it and people copy it), GitLab's `ERROR: Job
 * failed: exit code 1` (`exit status 1`, `command terminated with exit code 1` with other
 * executors), Travis's `The command "…" failed and exited with 100 during install.` and `The
 * command "…" exited with 1.` and `Done. Your build exited with 1.` (travis-build's
 * `travis_assert`, `travis_result` and its closing line). The log's last
 * word on whether the job failed, even when the failing command printed nothing aptlog reads.
 * @module
 */

import { isDigit } from './chars.ts'

/** What a runner's failure line says. */
export interface CiJobFailure {
  /** The exit code the runner reports. */
  readonly exitCode: number
}

/** Digits only, at most 3 (exit codes are 0–255). */
function exitCode(text: string): number | undefined {
  if (text.length === 0 || text.length > 3) return undefined
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return undefined
  return Number(text)
}

const GITHUB_FAILURE = 'Process completed with exit code '

/** GitHub's annotation message `Process completed with exit code 100.` (the `##[error]` tag already taken off); a zero code is no failure. */
export function githubStepFailure(message: string): CiJobFailure | undefined {
  if (!message.startsWith(GITHUB_FAILURE) || !message.endsWith('.')) return undefined
  const code = exitCode(message.slice(GITHUB_FAILURE.length, -1))
  return code === undefined || code === 0 ? undefined : { exitCode: code }
}

const GITLAB_FAILURE = 'ERROR: Job failed: '
const GITLAB_CODE_WORDINGS: readonly string[] = ['exit code ', 'exit status ', 'command terminated with exit code ']

/** GitLab's job end line `ERROR: Job failed: exit code 1` (ANSI removed). */
export function gitlabJobFailure(line: string): CiJobFailure | undefined {
  if (!line.startsWith(GITLAB_FAILURE)) return undefined
  const rest = line.slice(GITLAB_FAILURE.length).trimEnd()
  for (const wording of GITLAB_CODE_WORDINGS) {
    if (!rest.startsWith(wording)) continue
    const code = exitCode(rest.slice(wording.length))
    return code === undefined || code === 0 ? undefined : { exitCode: code }
  }
  return undefined
}

/** GitHub's annotation as the web view renders it: `Error: ` before the message. */
const GITHUB_WEB_PREFIX = 'Error: '

const TRAVIS_COMMAND = 'The command "'
const TRAVIS_ASSERT = '" failed and exited with '
const TRAVIS_RESULT = '" exited with '
/** Travis's last line: `Done. Your build exited with 1.` */
const TRAVIS_DONE = 'Done. Your build exited with '

/**
 * Travis: `The command "apt-get install foo" failed and exited with 100 during install.` (a failed
 * `--assert` command stops the job) or `The command "make" exited with 2.` (a script command's
 * result; 0 is no failure). The command may hold quotes: the wording is searched from the right.
 */
export function travisCommandFailure(line: string): CiJobFailure | undefined {
  if (!line.startsWith(TRAVIS_COMMAND)) return undefined
  const text = line.trimEnd()
  const assert = text.lastIndexOf(TRAVIS_ASSERT)
  if (assert !== -1) {
    const from = assert + TRAVIS_ASSERT.length
    const during = text.indexOf(' during ', from)
    if (during === -1 || !text.endsWith('.')) return undefined
    const code = exitCode(text.slice(from, during))
    return code === undefined || code === 0 ? undefined : { exitCode: code }
  }
  const result = text.lastIndexOf(TRAVIS_RESULT)
  if (result === -1 || !text.endsWith('.')) return undefined
  const code = exitCode(text.slice(result + TRAVIS_RESULT.length, -1))
  return code === undefined || code === 0 ? undefined : { exitCode: code }
}

/**
 * A runner's failure line as the parser reads it (CI prefix and ANSI removed; a `##[error]`
 * annotation is read from its marker instead): GitLab's, GitHub's web-view form, Travis's.
 * Dispatched on the first character.
 */
export function jobFailureLine(line: string): CiJobFailure | undefined {
  const c = line.charCodeAt(0)
  if (c === 0x45 /* E */) {
    return line.startsWith(GITHUB_WEB_PREFIX) ? githubStepFailure(line.slice(GITHUB_WEB_PREFIX.length).trimEnd()) : gitlabJobFailure(line)
  }
  if (c === 0x54 /* T */) return travisCommandFailure(line)
  if (c === 0x44 /* D */ && line.startsWith(TRAVIS_DONE) && line.trimEnd().endsWith('.')) {
    const code = exitCode(line.trimEnd().slice(TRAVIS_DONE.length, -1))
    return code === undefined || code === 0 ? undefined : { exitCode: code }
  }
  return undefined
}
