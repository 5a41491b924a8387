/**
 * `aptlog summary FILE|-`: the run model as a report.
 * @module
 */

import { formatGithub } from '../../format/github.ts'
import { forJson } from '../../format/safe/index.ts'
import { formatGitlabCodeQuality } from '../../format/gitlab.ts'
import { formatJunit } from '../../format/junit.ts'
import { renderMarkdown } from '../../format/render-markdown.ts'
import { renderText } from '../../format/render-text.ts'
import { summaryReport } from '../../format/summary-report.ts'
import { RUN_SUMMARY_SCHEMA } from '../../run/stored.ts'
import { analyse } from '../analyse.ts'
import { readArgs } from '../args.ts'
import { decideExitStatus, fenceForLog, useColor } from '../output.ts'

/** Run the command; 1 when the run failed. */
export async function summaryCommand(args: string[]): Promise<number> {
  const { files, format, color } = readArgs(args, 'summary', 1, ['text', 'json', 'markdown', 'github', 'gitlab', 'junit'])
  const file = files[0] as string
  const { summary } = await analyse(file)
  const status = decideExitStatus(summary.outcome === 'failure' ? 1 : 0)
  if (format === 'json') process.stdout.write(`${forJson({ schema: RUN_SUMMARY_SCHEMA, ...summary }, 2)}\n`)
  else if (format === 'markdown') process.stdout.write(renderMarkdown(summaryReport(summary, file)))
  else if (format === 'github') process.stdout.write(formatGithub(summary, file === '-' ? undefined : file))
  else if (format === 'junit') process.stdout.write(formatJunit(summary, file === '-' ? 'stdin' : file))
  else if (format === 'gitlab') process.stdout.write(`${forJson(formatGitlabCodeQuality(summary, file === '-' ? 'stdin' : file), 2)}\n`)
  else process.stdout.write(fenceForLog(renderText(summaryReport(summary, file), { color: color ?? useColor(process.stdout) })))
  return status
}
