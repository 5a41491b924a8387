/**
 * Rendering the fleet report: text (terminal, file) and Markdown (job summaries). Strings are
 * escaped once for the target by `fleetReport` (forText, forMarkdown); the Markdown renderer here
 * therefore adds no escaping of its own (the shared one would escape twice).
 * @module
 */

import type { FleetAggregateJSON } from '../fleet/aggregate.ts'
import { fleetReport } from './fleet-report.ts'
import { renderText } from './render-text.ts'
import type { Report } from './report.ts'
import { forMarkdown, forText } from './safe/index.ts'

/** The fleet report as text; ANSI colour only when asked. */
export function renderFleetText(doc: FleetAggregateJSON, options?: { readonly color?: boolean | undefined }): string {
  return renderText(fleetReport(doc, forText), { color: options?.color === true })
}

const EXAMPLE = '  ↳ '

/** Render a report whose strings are already Markdown-safe. */
function renderEscapedMarkdown(report: Report): string {
  const out: string[] = [`## ${report.title}`]
  if (report.lead !== undefined) out.push('', report.lead)
  for (const section of report.sections) {
    const items = section.items ?? []
    const rows = section.table?.rows ?? []
    if (items.length === 0 && rows.length === 0) continue
    out.push('', `### ${section.heading}`, '')
    for (const item of items) {
      const mark = item.tone === 'error' ? '❌ ' : item.tone === 'warning' ? '⚠️ ' : ''
      // An example under the item before it (fleetReport writes it as `  ↳ …`) is a nested bullet.
      if (item.text.startsWith(EXAMPLE)) out.push(`  - ${item.text.slice(EXAMPLE.length)}`)
      else out.push(`- ${mark}${item.text}`)
      for (const d of item.detail ?? []) out.push(`  - ${d}`)
    }
    if (section.table !== undefined && rows.length > 0) {
      out.push(`| ${section.table.header.join(' | ')} |`, `|${section.table.header.map(() => ' --- ').join('|')}|`)
      for (const row of rows) out.push(`| ${row.join(' | ')} |`)
    }
  }
  return `${out.join('\n')}\n`
}

/** The fleet report as GitHub-flavoured Markdown. */
export function renderFleetMarkdown(doc: FleetAggregateJSON): string {
  return renderEscapedMarkdown(fleetReport(doc, forMarkdown))
}
