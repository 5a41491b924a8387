/**
 * The report of a fleet (`aptlog fleet`, `aptlog fleet merge`): outcomes, what the failing runs
 * have in common, root causes with example lines, culprits, base images, apt generations,
 * mirrors, suites, and the inputs that gave no run. Built from the aggregate document, so a merged
 * document reports exactly like one run over the union. Every string from a log or a document is
 * passed through the target's escaper here, once; the renderers add none of their own.
 * @module
 */

import type { FleetAggregateJSON, FleetDimension, OutcomeCounts } from '../fleet/aggregate.ts'
import { failureSuspects, type FleetSuspect } from '../fleet/separation.ts'
import type { Report, ReportItem, ReportSection } from './report.ts'

/** Escapes a log-derived string for the report's target (`forText`, `forMarkdown`). */
export type Escape = (s: string) => string

const TOP = 10

const runsOf = (c: OutcomeCounts): number => c.success + c.failure + c.unknown
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
const percent = (part: number, whole: number): string => (whole === 0 ? '' : `${Math.round((part / whole) * 100)}%`)

/** `kernel (host)` for `host:kernel`; other dimension names as they are. */
function dimensionLabel(name: string, escape: Escape): string {
  const at = name.indexOf(':')
  return at === -1 ? escape(name) : `${escape(name.slice(at + 1))} (${escape(name.slice(0, at))})`
}

/** `4.4.0-98-generic: 12 of 12 failed` (runs of known outcome). */
function valueStory(value: string, failed: number, passed: number, escape: Escape): string {
  return `${escape(value)}: ${failed} of ${failed + passed} failed`
}

function suspectItem(s: FleetSuspect, escape: Escape): ReportItem {
  const others = s.others.map((o) => valueStory(o.value, o.failed, o.passed, escape))
  return {
    text: `${dimensionLabel(s.dimension, escape)} ${[valueStory(s.value, s.failed, s.passed, escape), ...others].join('; ')} (separation ${s.score.toFixed(2)})`,
    tone: s.score >= 0.5 ? 'error' : 'warning',
  }
}

/** A table of a dimension's values, most runs first, with "other" for values past the limits. */
function dimensionSection(heading: string, dim: FleetDimension | undefined, escape: Escape): ReportSection {
  if (dim === undefined) return { heading, items: [] }
  const rows = [...dim.values]
    .sort((a, b) => runsOf(b) - runsOf(a) || b.failure - a.failure || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, TOP)
    .map((v) => [escape(v.value), String(runsOf(v)), String(v.failure), String(v.success), String(v.unknown), percent(v.failure, v.failure + v.success)])
  const shown = dim.values.reduce((sum, v) => sum + runsOf(v), 0)
  const hiddenValues = dim.values.length - rows.length
  const other = runsOf(dim.all) - shown
  const more: string[][] = []
  if (hiddenValues > 0) more.push([`… ${plural(hiddenValues, 'more value')}`, '', '', '', '', ''])
  if (other > 0) more.push([`(values past the aggregate's limit)`, String(other), String(dim.all.failure - dim.values.reduce((s, v) => s + v.failure, 0)), '', '', ''])
  return { heading: `${heading} (${dim.values.length})`, table: { header: ['value', 'runs', 'failed', 'passed', 'unknown', 'failure rate'], rows: [...rows, ...more] } }
}

/** Build the fleet report; `escape` is the target's escaper, applied to every string from the logs. */
export function fleetReport(doc: FleetAggregateJSON, escape: Escape): Report {
  const { success, failure, unknown } = doc.outcomes
  const unread = doc.inputs.unreadable + doc.inputs.crashed + doc.inputs.outOfMemory
  const suspects = failureSuspects(doc)
  const dims = new Map(doc.dimensions.map((d) => [d.name, d]))
  const top = suspects[0]
  const lead = [
    `${plural(doc.runs, 'run')}: ${failure} failed, ${success} succeeded, ${unknown} unknown.`,
    unread > 0 ? `${plural(unread, 'input')} gave no run (unreadable or crashed).` : '',
    top === undefined ? '' : `What the failing runs have in common, first: ${dimensionLabel(top.dimension, escape)} ${valueStory(top.value, top.failed, top.passed, escape)}.`,
  ]
  const causes = [...doc.rootCauses.entries].sort((a, b) => b.count - a.count || b.failed - a.failed || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
  // Examples are items of their own: a detail line would be wrapped, and an evidence line reads best whole.
  const causeItems = causes.slice(0, TOP).flatMap((c): ReportItem[] => [
    { text: `${escape(c.kind)}${c.cause === null ? '' : ` (${escape(c.cause)})`}: ${plural(c.count, 'run')}, ${c.failed} failed`, tone: c.failed > 0 ? 'error' : 'warning' },
    ...c.examples.map((e): ReportItem => ({ text: `  ↳ ${escape(e.path)}:${e.line}  ${escape(e.evidence)}`, tone: 'muted' })),
  ])
  if (causes.length > TOP) causeItems.push({ text: `… ${plural(causes.length - TOP, 'more kind')}`, tone: 'muted' })
  const keptCauses = causes.reduce((s, c) => s + c.count, 0)
  if (doc.rootCauses.all > keptCauses) causeItems.push({ text: `${plural(doc.rootCauses.all - keptCauses, 'run')} with kinds past the aggregate's limit`, tone: 'muted' })
  const inputItems: ReportItem[] = []
  if (doc.inputs.unreadable > 0) inputItems.push({ text: `${plural(doc.inputs.unreadable, 'input')} unreadable`, tone: 'warning' })
  if (doc.inputs.crashed > 0) inputItems.push({ text: `${plural(doc.inputs.crashed, 'input')} crashed the worker reading it`, tone: 'error' })
  if (doc.inputs.outOfMemory > 0) inputItems.push({ text: `${plural(doc.inputs.outOfMemory, 'input')} ran the worker out of memory`, tone: 'error' })
  for (const e of doc.inputs.examples) inputItems.push({ text: `${escape(e.path)}: ${escape(e.reason)}: ${escape(e.message)}`, tone: 'muted' })
  if (unread > doc.inputs.examples.length) inputItems.push({ text: `… ${unread - doc.inputs.examples.length} more`, tone: 'muted' })
  return {
    title: `aptlog fleet: ${plural(doc.runs, 'run')}`,
    lead: lead.filter((s) => s !== '').join(' '),
    sections: [
      {
        heading: 'Outcomes',
        table: {
          header: ['outcome', 'runs', 'share'],
          rows: [
            ['failure', String(failure), percent(failure, doc.runs)],
            ['success', String(success), percent(success, doc.runs)],
            ['unknown', String(unknown), percent(unknown, doc.runs)],
          ],
        },
      },
      {
        heading: 'What the failing runs have in common (separation: share of failing runs with the value minus share of passing runs with it)',
        items: suspects.length > 0 ? suspects.map((s) => suspectItem(s, escape)) : failure > 0 && success > 0 ? [{ text: 'no environment value, apt generation, mirror or suite separates failing from passing runs', tone: 'muted' }] : [],
      },
      { heading: `Root causes (${causes.length})`, items: causeItems },
      dimensionSection('Culprit packages', dims.get('culprit'), escape),
      dimensionSection('Base images', dims.get('image:base-image'), escape),
      dimensionSection('apt generations', dims.get('apt-generation'), escape),
      dimensionSection('Mirrors', dims.get('mirror'), escape),
      dimensionSection('Suites', dims.get('suite'), escape),
      { heading: 'Inputs that gave no run', items: inputItems },
      { heading: 'Totals', items: [{ text: `${doc.lines} lines, ${doc.steps.total} docker steps (${doc.steps.failed} failed)`, tone: 'muted' }] },
    ],
  }
}
