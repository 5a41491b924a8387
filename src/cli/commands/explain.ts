/**
 * `aptlog explain FILE|-`: the root cause, the lines that prove it, what to do.
 * @module
 */

import { explainReport } from '../../format/explain-report.ts'
import { formatGithub } from '../../format/github.ts'
import { formatGitlabCodeQuality } from '../../format/gitlab.ts'
import { renderMarkdown } from '../../format/render-markdown.ts'
import { renderText } from '../../format/render-text.ts'
import { forJson } from '../../format/safe/index.ts'
import { formatSarif } from '../../format/sarif.ts'
import { analyse } from '../analyse.ts'
import { readArgs } from '../args.ts'
import { decideExitStatus, fenceForLog, useColor } from '../output.ts'
import { VERSION } from '../version.ts'

/** Run the command; 1 when the run failed. */
export async function explainCommand(args: string[]): Promise<number> {
  const { files, format, color } = readArgs(args, 'explain', 1, ['text', 'json', 'markdown', 'github', 'gitlab', 'sarif'])
  const file = files[0] as string
  const { summary, evidence } = await analyse(file)
  const status = decideExitStatus(summary.outcome === 'failure' ? 1 : 0)
  if (format === 'json') {
    const report = { outcome: summary.outcome, rootCause: summary.rootCause, evidence: Object.fromEntries([...evidence].map(([n, t]) => [String(n), t])), problems: summary.problems, findings: summary.findings }
    process.stdout.write(`${forJson(report, 2)}\n`)
  } else if (format === 'sarif') process.stdout.write(`${forJson(formatSarif(summary, file === '-' ? 'stdin' : file, VERSION), 2)}\n`)
  else if (format === 'markdown') process.stdout.write(renderMarkdown(explainReport(summary, evidence, file)))
  else if (format === 'github') process.stdout.write(formatGithub(summary, file === '-' ? undefined : file))
  else if (format === 'gitlab') process.stdout.write(`${forJson(formatGitlabCodeQuality(summary, file === '-' ? 'stdin' : file), 2)}\n`)
  else process.stdout.write(fenceForLog(renderText(explainReport(summary, evidence, file), { color: color ?? useColor(process.stdout) })))
  return status
}
