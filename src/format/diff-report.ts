/**
 * The report of a diff (`aptlog diff A B`): the story first, in one screen.
 * @module
 */

import type { RunDiff, StepDiff } from '../diff/diff-runs.ts'
import { problemLine, problemTitle } from './problem-text.ts'
import { remedyFor } from './remedies.ts'
import { formatBytes, formatDuration, sampleNames, type Report, type ReportItem } from './report.ts'

/** Facts worth saying are equal when others differ (they rule causes out), with their labels. */
const SAME_LABEL: ReadonlyMap<string, string> = new Map([
  ['kernel', 'kernel'],
  ['docker-engine-version', 'docker engine'],
  ['docker-client-version', 'docker client'],
  ['storage-driver', 'storage driver'],
  ['architecture', 'architecture'],
  ['runner-image', 'runner image'],
])

/** Labels for the two runs (file names). */
export interface DiffLabels {
  /** Run A. */
  readonly a: string
  /** Run B. */
  readonly b: string
}

/** The one-paragraph story: what B did differently, what that means, how it failed. */
export function diffStory(diff: RunDiff): string {
  const sentences: string[] = []
  if (diff.outcome.a !== diff.outcome.b) sentences.push(`Run A: ${diff.outcome.a}; run B: ${diff.outcome.b}.`)
  else sentences.push(`Both runs: ${diff.outcome.b}.`)
  const planned = diff.findings.find((f) => f.kind === 'diff.packages-planned')
  const essential = diff.findings.find((f) => f.kind === 'diff.essential-packages-planned')
  if (planned !== undefined) {
    const head = planned.message.split(';')[0] as string
    const base = essential?.packages ?? []
    const among = base.length === 0 ? '' : `, among them ${base.length === 1 ? 'one' : base.length} that every base system already has (${base.slice(0, 5).join(', ')}${base.length > 5 ? ', …' : ''}): its dpkg database is not the base image's`
    sentences.push(`${head.charAt(0).toUpperCase()}${head.slice(1)}${among}.`)
  } else if (essential !== undefined) {
    sentences.push(`${essential.message}.`)
  }
  const env = diff.findings.filter((f) => f.kind.startsWith('env.') && f.kind !== 'env.apt-sources-differ')
  if (env.length > 0) sentences.push(`The environment differs: ${env.map((f) => f.message).join('; ')}.`)
  const slower = diff.findings.find((f) => f.kind === 'diff.step-slower')
  if (slower !== undefined) sentences.push(`Slower: ${slower.message}.`)
  if (diff.rootCause !== null) sentences.push(`The failure: ${problemTitle(diff.rootCause)} (${diff.rootCause.kind}: ${diff.rootCause.message}).`)
  return sentences.join(' ')
}

function packagesCell(step: StepDiff): string {
  if (step.cached !== undefined) return step.cached.b ? 'cached in B' : 'cached in A'
  const p = step.packages
  const parts: string[] = []
  if (p.added.length > 0) parts.push(`+${p.added.length}`)
  if (p.removed.length > 0) parts.push(`-${p.removed.length}`)
  if (p.changed.length > 0) parts.push(`~${p.changed.length}`)
  return parts.join(' ')
}

function statusCell(step: StepDiff, side: 'a' | 'b'): string {
  const s = step[side]
  if (s === null) return '—'
  return s.exitCode !== undefined ? `${s.status} (exit ${s.exitCode})` : s.status
}

function stepRow(step: StepDiff): string[] {
  const marker = step.change === 'added' ? '+' : step.change === 'removed' ? '-' : step.change === 'changed' ? '~' : '='
  const counts = step.counts === undefined ? '' : `${step.counts.a?.newlyInstalled ?? '—'} → ${step.counts.b?.newlyInstalled ?? '—'}`
  const download = step.downloadBytes === undefined ? '' : `${step.downloadBytes.a === null ? '—' : formatBytes(step.downloadBytes.a)} → ${step.downloadBytes.b === null ? '—' : formatBytes(step.downloadBytes.b)}`
  const time = step.durationMs === undefined ? '' : `${formatDuration(step.durationMs.a)} → ${formatDuration(step.durationMs.b)}`
  const key = step.key.length > 60 ? `${step.key.slice(0, 59)}…` : step.key
  return [marker, key, statusCell(step, 'a'), statusCell(step, 'b'), counts, packagesCell(step), download, time]
}

/** Build the report of a diff. */
export function diffReport(diff: RunDiff, labels?: DiffLabels): Report {
  const root = diff.rootCause
  const envFindings = diff.findings.filter((f) => f.kind.startsWith('env.'))
  const findingItems = diff.findings
    .filter((f) => !f.kind.startsWith('env.'))
    .map((f): ReportItem => ({ text: f.message, tone: f.kind === 'diff.essential-packages-planned' || f.kind === 'diff.outcome-changed' ? 'warning' : 'plain' }))
  const envItems = envFindings.map((f): ReportItem => ({ text: f.message, tone: 'warning' }))
  const same = diff.environment.filter((c) => c.same && SAME_LABEL.has(c.fact)).map((c) => `${SAME_LABEL.get(c.fact) as string} ${c.a as string}`)
  if (envItems.length > 0 && same.length > 0) envItems.push({ text: `same in both: ${same.join(', ')}`, tone: 'muted' })
  // The environment is the likely cause when the plan changed too: then it stands right under the root cause.
  const planChanged = diff.findings.some((f) => f.kind === 'diff.packages-planned')
  const envSection = { heading: 'Environment', items: envItems }
  const interesting = diff.steps.filter((s) => s.change !== 'same' || s.counts !== undefined)
  const pk = diff.packages
  const packageItems: ReportItem[] = []
  if (pk.added.length > 0) packageItems.push({ text: `only in B (${pk.added.length}): ${sampleNames(pk.added, 20)}` })
  if (pk.removed.length > 0) packageItems.push({ text: `only in A (${pk.removed.length}): ${sampleNames(pk.removed, 20)}` })
  if (pk.changed.length > 0) packageItems.push({ text: `version changed (${pk.changed.length}): ${pk.changed.slice(0, 10).map((c) => `${c.name} ${c.from} → ${c.to}`).join(', ')}${pk.changed.length > 10 ? ', …' : ''}` })
  return {
    title: `aptlog diff${labels === undefined ? '' : `: A = ${labels.a}, B = ${labels.b}`}`,
    lead: diffStory(diff),
    sections: [
      { heading: 'Root cause (B)', items: root === null ? [] : [{ text: problemLine(root), tone: 'error', detail: [remedyFor(root.kind, root.cause).remedy] }] },
      ...(planChanged ? [envSection] : []),
      { heading: 'What changed', items: findingItems },
      ...(planChanged ? [] : [envSection]),
      { heading: 'Steps', table: { header: ['', 'step', 'A', 'B', 'new pkgs A → B', 'packages', 'download A → B', 'time A → B'], rows: interesting.map(stepRow) } },
      { heading: 'Packages', items: packageItems },
      { heading: 'Problems only in B', items: diff.problems.new.slice(0, 10).map((p): ReportItem => ({ text: problemLine(p), tone: p.severity === 'error' ? 'error' : 'warning' })) },
    ],
  }
}
