/**
 * Markdown rendering of a report (pull-request comments, job summaries).
 * @module
 */

import type { Report } from './report.ts'

/** Escape text for inline Markdown. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
}

/** Render a report as GitHub-flavoured Markdown. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`## ${escape(report.title)}`]
  if (report.lead !== undefined) out.push('', `**${escape(report.lead)}**`)
  for (const section of report.sections) {
    const hasItems = (section.items?.length ?? 0) > 0
    const hasTable = (section.table?.rows.length ?? 0) > 0
    if (!hasItems && !hasTable) continue
    out.push('', `### ${escape(section.heading)}`, '')
    for (const item of section.items ?? []) {
      const mark = item.tone === 'error' ? '❌ ' : item.tone === 'warning' ? '⚠️ ' : ''
      out.push(`- ${mark}${escape(item.text)}`)
      for (const d of item.detail ?? []) out.push(`  ${escape(d)}`)
      if ((item.evidence?.length ?? 0) > 0) {
        out.push('', '  ```')
        for (const [no, text] of item.evidence ?? []) out.push(`  ${String(no).padStart(6)} | ${text.replace(/```/g, "'''")}`)
        out.push('  ```')
      }
    }
    if (section.table !== undefined && hasTable) {
      out.push(`| ${section.table.header.map(escape).join(' | ')} |`, `|${section.table.header.map(() => ' --- ').join('|')}|`)
      for (const row of section.table.rows) out.push(`| ${row.map(escape).join(' | ')} |`)
    }
  }
  return `${out.join('\n')}\n`
}
