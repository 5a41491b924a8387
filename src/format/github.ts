/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), so problems show as
 * annotations on the job. GitHub shows at most 10 annotations of each level per step and 50 per
 * job; we emit at most 10 per docker step and 50 in all, most important first: the root cause,
 * then other errors, then warnings.
 * @module
 */

import type { Problem } from '../events/index.ts'
import type { RunSummary } from '../run/types.ts'
import { remedyInRun } from './run-remedy.ts'
import { forGithubData, forGithubProperty, forText } from './safe/index.ts'

const PER_STEP = 10
const TOTAL = 50

/**
 * The workflow commands for a run's problems; `file` is the log path shown on the annotation.
 * Input-derived text shows its control characters as escapes ({@link forText}: a CR or LF in a
 * package name stays visible, not a line break of the annotation), then is escaped for its place.
 */
export function formatGithub(run: RunSummary, file?: string): string {
  const root = run.rootCause
  const ordered: Problem[] = [
    ...(root === null ? [] : [root]),
    ...run.problems.filter((p) => p !== root && p.severity === 'error'),
    ...run.problems.filter((p) => p !== root && p.severity === 'warning'),
  ]
  const perStep = new Map<string, number>()
  const out: string[] = []
  for (const p of ordered) {
    if (out.length >= TOTAL) break
    const step = p.step ?? ''
    const used = perStep.get(step) ?? 0
    if (used >= PER_STEP) continue
    perStep.set(step, used + 1)
    const props: string[] = []
    if (file !== undefined) props.push(`file=${forGithubProperty(forText(file))}`)
    props.push(`line=${p.line}`)
    if (p.endLine !== undefined) props.push(`endLine=${p.endLine}`)
    const title = `${p === root ? 'root cause: ' : ''}${p.kind}${p.step === undefined ? '' : ` (step ${p.step})`}`
    props.push(`title=${forGithubProperty(forText(title))}`)
    const message = p === root ? `${forText(p.message)}\n${forText(remedyInRun(run, p).remedy)}` : forText(p.message)
    out.push(`::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${forGithubData(message)}`)
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}
