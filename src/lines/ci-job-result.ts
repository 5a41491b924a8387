/**
 * The CI runner's own verdict on a job step (FORMATS.md §8.1, §8.2): GitHub's
 * `##[error]Process completed with exit code 100.` and GitLab's `ERROR: Job failed: exit code 1`
 * (`exit status 1`, `command terminated with exit code 1` with other executors). The log's last
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
