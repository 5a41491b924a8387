/**
 * Plain-text rendering of a report, with ANSI colour when the caller asks for it (the CLI does
 * only on a TTY and without NO_COLOR).
 * @module
 */

import type { Report, Tone } from './report.ts'
import { forText, guardTextLine } from './safe/index.ts'

/** Text rendering options. */
export interface TextOptions {
  /** Use ANSI colours. @defaultValue false */
  readonly color?: boolean | undefined
  /** Wrap width for the lead paragraph. @defaultValue 100 */
  readonly width?: number | undefined
}

const TONES: Record<Tone, string> = { plain: '', error: '\x1b[31m', warning: '\x1b[33m', good: '\x1b[32m', muted: '\x1b[2m' }

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      out.push(indent + line)
      line = word
    } else line = line.length === 0 ? word : `${line} ${word}`
  }
  if (line.length > 0) out.push(indent + line)
  return out
}

/** Render a report as text: every string through {@link forText}, no line starting like a workflow command. */
export function renderText(report: Report, options?: TextOptions): string {
  const color = options?.color === true
  const width = options?.width ?? 100
  const paint = (tone: Tone | undefined, text: string): string => (color && tone !== undefined && tone !== 'plain' ? `${TONES[tone]}${text}\x1b[0m` : text)
  const bold = (text: string): string => (color ? `\x1b[1m${text}\x1b[0m` : text)
  const out: string[] = [bold(forText(report.title))]
  if (report.lead !== undefined) out.push('', ...wrap(forText(report.lead), width, ''))
  for (const section of report.sections) {
    const hasItems = (section.items?.length ?? 0) > 0
    const hasTable = (section.table?.rows.length ?? 0) > 0
    if (!hasItems && !hasTable) continue
    out.push('', bold(forText(section.heading)))
    for (const item of section.items ?? []) {
      out.push(`  ${paint(item.tone, forText(item.text))}`)
      for (const d of item.detail ?? []) out.push(...wrap(forText(d), width - 4, '    '))
      for (const [no, text] of item.evidence ?? []) out.push(paint('muted', `    ${String(no).padStart(6)} │ `) + forText(text))
    }
    if (section.table !== undefined && hasTable) {
      const rows = [section.table.header, ...section.table.rows].map((row) => row.map(forText))
      const widths = section.table.header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
      rows.forEach((row, r) => {
        const cells = row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] as number)))
        out.push(`  ${r === 0 ? paint('muted', cells.join('  ')) : cells.join('  ')}`.trimEnd())
      })
    }
  }
  return `${out.map(guardTextLine).join('\n')}\n`
}
