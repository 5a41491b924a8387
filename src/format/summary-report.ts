/**
 * The report of one run (`aptlog summary`).
 * @module
 */

import type { Repository, RunSummary, Transaction } from '../run/types.ts'
import { aptLikeNote, inputLead } from './input-notes.ts'
import { problemLine } from './problem-text.ts'
import { remedyInRun } from './run-remedy.ts'
import { formatBytes, formatDuration, sampleNames, type Report, type ReportItem } from './report.ts'

/** ` text` after a sentence, or nothing. */
function prefixed(text: string | undefined): string {
  return text === undefined ? '' : ` ${text}`
}

/** A one-item list for a note that may be absent. */
function optionalItem(text: string | undefined): ReportItem[] {
  return text === undefined ? [] : [{ text, tone: 'warning' }]
}

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

/** `2 Get, 1 Hit, 3 Ign, 1 Err`: the acquire lines a repository had. */
function acquireCounts(r: Repository): string {
  const parts: string[] = []
  if (r.get > 0) parts.push(`${r.get} Get`)
  if (r.hit > 0) parts.push(`${r.hit} Hit`)
  if (r.ign > 0) parts.push(`${r.ign} Ign`)
  if (r.err > 0) parts.push(`${r.err} Err`)
  return parts.join(', ')
}

/** What a repository served. */
function served(r: Repository): string {
  const bytes = formatBytes(r.bytes)
  if (r.packages > 0) return `${r.packages} packages, ${bytes}`
  return r.get > 0 ? `indexes, ${bytes}` : ''
}

/** Why it failed, and whether packages (not only indexes) failed with it. */
function failure(r: Repository): string {
  if (r.err === 0) return ''
  const where = r.failedPackages > 0 ? `; ${r.failedPackages} package download${r.failedPackages === 1 ? '' : 's'} failed` : '; indexes only'
  return `${r.cause ?? 'error'}${r.errorLine === undefined ? '' : ` (line ${r.errorLine})`}${where}`
}

function repositoryRow(r: Repository): string[] {
  return [r.status, `${r.uri} ${r.suite}`, acquireCounts(r), served(r), failure(r)]
}

/** Build the report of a run. */
export function summaryReport(run: RunSummary, label?: string): Report {
  const root = run.rootCause
  const rootItems: ReportItem[] =
    root === null ? [] : [{ text: problemLine(root), tone: root.severity === 'error' ? 'error' : 'warning', detail: [remedyInRun(run, root).remedy] }]
  const otherProblems = run.problems.filter((p) => p !== root)
  const errors = otherProblems.filter((p) => p.severity === 'error')
  const warnings = otherProblems.filter((p) => p.severity === 'warning')
  const problemItems: ReportItem[] = [...errors.slice(0, 10).map((p): ReportItem => ({ text: problemLine(p), tone: 'error' })), ...warnings.slice(0, 5).map((p): ReportItem => ({ text: problemLine(p), tone: 'warning' }))]
  const hidden = otherProblems.length - problemItems.length
  if (hidden > 0) problemItems.push({ text: `… and ${hidden} more`, tone: 'muted' })
  return {
    title: `aptlog summary${label === undefined ? '' : `: ${label}`}`,
    lead: `Outcome: ${run.outcome}.${root === null ? '' : ` Root cause: ${root.message}.`}${root === null ? prefixed(inputLead(run)) : ''}`,
    sections: [
      { heading: 'Root cause', items: rootItems },
      { heading: 'Findings', items: run.findings.map((f): ReportItem => ({ text: f.message, tone: f.kind === 'run.essential-packages-planned' ? 'warning' : 'plain' })) },
      ...(run.repositories.length === 0
        ? []
        : [{ heading: `Repositories (${run.repositories.length})`, table: { header: ['status', 'repository', 'lines', 'served', 'failure'], rows: run.repositories.map(repositoryRow) } }]),
      {
        heading: `Steps (${run.steps.length})`,
        table: {
          header: ['step', 'instruction', 'status', 'time'],
          rows: run.steps.map((s) => [s.id, (s.instruction ?? s.name ?? '').slice(0, 70), s.exitCode !== undefined ? `${s.status} (exit ${s.exitCode})` : s.status, s.durationMs !== undefined ? formatDuration(s.durationMs) : '']),
        },
      },
      { heading: `apt and dpkg runs (${run.transactions.length})`, items: run.transactions.map((tx): ReportItem => ({ text: transactionLine(tx) })) },
      { heading: `Other problems (${otherProblems.length})`, items: problemItems },
      { heading: 'Lines', items: [{ text: `${run.lines} lines, ${run.unrecognized} not recognised`, tone: 'muted' }, ...optionalItem(aptLikeNote(run))] },
    ],
  }
}
