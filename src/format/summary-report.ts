/**
 * The report of one run (`aptlog summary`).
 * @module
 */

import type { RunSummary, Transaction } from '../run/types.ts'
import { problemLine } from './problem-text.ts'
import { remedyFor } from './remedies.ts'
import { formatBytes, formatDuration, sampleNames, type Report, type ReportItem } from './report.ts'

function transactionLine(tx: Transaction): string {
  const parts: string[] = [tx.kind]
  if (tx.sources.length > 0 && tx.kind === 'update') parts.push(`${new Set(tx.sources.map((s) => `${s.uri} ${s.suite}`)).size} repositories`)
  if (tx.counts !== null) parts.push(`${tx.counts.newlyInstalled} new, ${tx.counts.upgraded} upgraded, ${tx.counts.removed} removed`)
  if (tx.planned.new.length > 0) parts.push(sampleNames(tx.planned.new, 6))
  if (tx.downloadBytes !== undefined) parts.push(`download ${formatBytes(tx.downloadBytes)}`)
  if (tx.fetched !== undefined) parts.push(`fetched ${formatBytes(tx.fetched.bytes)} in ${tx.fetched.seconds}s`)
  if (tx.unpacked.length + tx.setUp.length + tx.removed.length > 0) parts.push(`dpkg: ${tx.unpacked.length} unpacked, ${tx.setUp.length} set up, ${tx.removed.length} removed`)
  return `${tx.step ?? '-'}  ${parts.join('; ')}  (lines ${tx.line}–${tx.endLine})`
}

/** Build the report of a run. */
export function summaryReport(run: RunSummary, label?: string): Report {
  const root = run.rootCause
  const rootItems: ReportItem[] =
    root === null ? [] : [{ text: problemLine(root), tone: root.severity === 'error' ? 'error' : 'warning', detail: [remedyFor(root.kind).remedy] }]
  const otherProblems = run.problems.filter((p) => p !== root)
  const errors = otherProblems.filter((p) => p.severity === 'error')
  const warnings = otherProblems.filter((p) => p.severity === 'warning')
  const problemItems: ReportItem[] = [...errors.slice(0, 10).map((p): ReportItem => ({ text: problemLine(p), tone: 'error' })), ...warnings.slice(0, 5).map((p): ReportItem => ({ text: problemLine(p), tone: 'warning' }))]
  const hidden = otherProblems.length - problemItems.length
  if (hidden > 0) problemItems.push({ text: `… and ${hidden} more`, tone: 'muted' })
  return {
    title: `aptlog summary${label === undefined ? '' : `: ${label}`}`,
    lead: `Outcome: ${run.outcome}.${root === null ? '' : ` Root cause: ${root.message}.`}`,
    sections: [
      { heading: 'Root cause', items: rootItems },
      { heading: 'Findings', items: run.findings.map((f): ReportItem => ({ text: f.message, tone: f.kind === 'run.essential-packages-planned' ? 'warning' : 'plain' })) },
      {
        heading: `Steps (${run.steps.length})`,
        table: {
          header: ['step', 'instruction', 'status', 'time'],
          rows: run.steps.map((s) => [s.id, (s.instruction ?? s.name ?? '').slice(0, 70), s.exitCode !== undefined ? `${s.status} (exit ${s.exitCode})` : s.status, s.durationMs !== undefined ? formatDuration(s.durationMs) : '']),
        },
      },
      { heading: `apt and dpkg runs (${run.transactions.length})`, items: run.transactions.map((tx): ReportItem => ({ text: transactionLine(tx) })) },
      { heading: `Other problems (${otherProblems.length})`, items: problemItems },
      { heading: 'Lines', items: [{ text: `${run.lines} lines, ${run.unrecognized} not recognised`, tone: 'muted' }] },
    ],
  }
}
