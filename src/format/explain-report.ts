/**
 * The report of `aptlog explain`: the root cause, the lines that prove it, what follows from it,
 * what to do.
 * @module
 */

import type { Problem } from '../events/index.ts'
import { consequencesOf } from '../run/root-cause.ts'
import type { RunSummary } from '../run/types.ts'
import { problemLine, problemPlace, problemTitle } from './problem-text.ts'
import { aptLikeNote, inputLead } from './input-notes.ts'
import { remedyInRun } from './run-remedy.ts'
import type { Report, ReportItem } from './report.ts'

/** Findings worth a warning in `explain`: the state of the system, not facts about the run. */
const WARNING_FINDINGS: ReadonlySet<string> = new Set(['run.essential-packages-planned', 'run.dpkg-unfinished'])

/** Source lines by number, for evidence blocks. */
export type EvidenceLines = ReadonlyMap<number, string>

/** Evidence lines of a problem: its range plus `context` lines before, from what the caller kept. */
export function evidenceFor(p: Problem, lines: EvidenceLines, context = 5): [number, string][] {
  const out: [number, string][] = []
  const end = p.endLine ?? p.line
  for (let n = Math.max(1, p.line - context); n <= end; n++) {
    const text = lines.get(n)
    if (text !== undefined) out.push([n, text])
  }
  return out
}

/** Build the explain report. */
export function explainReport(run: RunSummary, lines: EvidenceLines, label?: string): Report {
  const root = run.rootCause
  const aptLike = aptLikeNote(run)
  const inputSection = { heading: 'The input', items: aptLike === undefined ? [] : [{ text: aptLike, tone: 'warning' as const }] }
  if (root === null) {
    // A green run can still carry what will break the next one (a dpkg database that is not the image's).
    const findings = run.findings.filter((f) => WARNING_FINDINGS.has(f.kind))
    let lead = inputLead(run)
    if (lead === undefined) {
      if (run.outcome === 'success') lead = findings.length === 0 ? 'The run succeeded: nothing to explain.' : 'The run succeeded, but see the findings below.'
      else lead = `No fatal problem found (outcome: ${run.outcome}).`
    }
    return {
      title: `aptlog explain${label === undefined ? '' : `: ${label}`}`,
      lead,
      sections: [
        { heading: 'Findings', items: findings.map((f): ReportItem => ({ text: f.message, tone: 'warning' })) },
        { heading: 'Warnings', items: run.problems.map((p): ReportItem => ({ text: problemLine(p), tone: 'warning' })) },
        inputSection,
      ],
    }
  }
  const remedy = remedyInRun(run, root)
  const consequences = consequencesOf(run.problems, root)
  const following = new Set(consequences)
  const others = run.problems.filter((p) => p !== root && !following.has(p) && p.severity === 'error')
  return {
    title: `aptlog explain${label === undefined ? '' : `: ${label}`}`,
    lead: `The run failed: ${problemTitle(root)} (${root.kind}), ${problemPlace(root)}.${root.cut === true ? ' The log ends inside the block that proves it: what followed is missing, and the cause may be more specific than this.' : ''}`,
    sections: [
      { heading: 'Root cause', items: [{ text: root.message, tone: 'error', evidence: evidenceFor(root, lines) }] },
      { heading: 'What to do', items: [{ text: remedy.remedy }] },
      { heading: 'What followed from it', items: consequences.map((p): ReportItem => ({ text: problemLine(p), tone: 'muted' })) },
      { heading: 'Other errors', items: others.map((p): ReportItem => ({ text: problemLine(p), tone: 'error' })) },
      { heading: 'Findings', items: run.findings.filter((f) => WARNING_FINDINGS.has(f.kind)).map((f): ReportItem => ({ text: f.message, tone: 'warning' })) },
      inputSection,
    ],
  }
}
