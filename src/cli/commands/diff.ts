/**
 * `aptlog diff A B`: what changed between two runs and why B failed.
 * @module
 */

import { diffRuns } from '../../diff/diff-runs.ts'
import type { RunSummary } from '../../run/types.ts'
import { diffReport, diffStory } from '../../format/diff-report.ts'
import { formatGithub } from '../../format/github.ts'
import { renderMarkdown } from '../../format/render-markdown.ts'
import { renderText } from '../../format/render-text.ts'
import { forGithubData, forJson, forText } from '../../format/safe/index.ts'
import { readArgs } from '../args.ts'
import { CliError } from '../input.ts'
import { decideExitStatus, fenceForLog, useColor } from '../output.ts'
import { readRun } from '../stored-summary.ts'

/** A log, or a run model stored by `aptlog summary --format json` (the path opened once). */
async function runOf(path: string): Promise<RunSummary> {
  return readRun(path)
}

/** Run the command; 1 when run B failed. */
export async function diffCommand(args: string[]): Promise<number> {
  const { files, format, color } = readArgs(args, 'diff', 2, ['text', 'json', 'markdown', 'github'])
  const [fileA, fileB] = files as [string, string]
  if (fileA === '-' && fileB === '-') throw new CliError('diff can read only one of its two logs from standard input')
  const a = await runOf(fileA)
  const b = await runOf(fileB)
  const diff = diffRuns(a, b)
  const labels = { a: fileA, b: fileB }
  const status = decideExitStatus(diff.outcome.b === 'failure' ? 1 : 0)
  if (format === 'json') process.stdout.write(`${forJson(diff, 2)}\n`)
  else if (format === 'markdown') process.stdout.write(renderMarkdown(diffReport(diff, labels)))
  else if (format === 'github') process.stdout.write(`::notice title=aptlog diff::${forGithubData(forText(diffStory(diff)))}\n${formatGithub(b, fileB === '-' ? undefined : fileB)}`)
  else process.stdout.write(fenceForLog(renderText(diffReport(diff, labels), { color: color ?? useColor(process.stdout) })))
  return status
}
