/**
 * Markdown rendering of a report (pull-request comments, job summaries).
 * @module
 */

import type { Report } from './report.ts'
import { forMarkdown, forMarkdownCode } from './safe/index.ts'

/** Render a report as GitHub-flavoured Markdown: every string through {@link forMarkdown}, evidence lines as code spans that no input can close. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`## ${forMarkdown(report.title)}`]
  if (report.lead !== undefined) out.push('', `**${forMarkdown(report.lead)}**`)
  for (const section of report.sections) {
    const hasItems = (section.items?.length ?? 0) > 0
    const hasTable = (section.table?.rows.length ?? 0) > 0
    if (!hasItems && !hasTable) continue
    out.push('', `### ${forMarkdown(section.heading)}`, '')
    for (const item of section.items ?? []) {
      const mark = item.tone === 'error' ? '❌ ' : item.tone === 'warning' ? '⚠️ ' : ''
      out.push(`- ${mark}${forMarkdown(item.text)}`)
      for (const d of item.detail ?? []) out.push(`  ${forMarkdown(d)}`)
      if ((item.evidence?.length ?? 0) > 0) {
        out.push('', '  ```')
        for (const [no, text] of item.evidence ?? []) out.push(`  ${String(no).padStart(6)} | ${forMarkdownCode(text)}`)
        out.push('  ```')
      }
    }
    if (section.table !== undefined && hasTable) {
      out.push(`| ${section.table.header.map(forMarkdown).join(' | ')} |`, `|${section.table.header.map(() => ' --- ').join('|')}|`)
      for (const row of section.table.rows) out.push(`| ${row.map(forMarkdown).join(' | ')} |`)
    }
  }
  return `${out.join('\n')}\n`
}
