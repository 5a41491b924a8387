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

const PER_STEP = 10
const TOTAL = 50

/** Escape data for a workflow command message (`%`, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a workflow command property value (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** The workflow commands for a run's problems; `file` is the log path shown on the annotation. */
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
    if (file !== undefined) props.push(`file=${escapeProperty(file)}`)
    props.push(`line=${p.line}`)
    if (p.endLine !== undefined) props.push(`endLine=${p.endLine}`)
    const title = `${p === root ? 'root cause: ' : ''}${p.kind}${p.step === undefined ? '' : ` (step ${p.step})`}`
    props.push(`title=${escapeProperty(title)}`)
    const message = p === root ? `${p.message}\n${remedyInRun(run, p).remedy}` : p.message
    out.push(`::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(message)}`)
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}
