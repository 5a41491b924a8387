/**
 * A neutral report document (title, sections, items) that the text and Markdown renderers both
 * draw, so the two formats never tell different stories.
 * @module
 */

/** How an item should stand out. */
export type Tone = 'plain' | 'error' | 'warning' | 'good' | 'muted'

/** One line of a report, with optional indented detail lines. */
export interface ReportItem {
  /** The item's text (Markdown-safe: renderers escape it). */
  readonly text: string
  /** Indented follow-up lines (a remedy, evidence). */
  readonly detail?: readonly string[] | undefined
  /** Evidence lines shown verbatim as a block: `[lineNo, text]`. */
  readonly evidence?: readonly (readonly [number, string])[] | undefined
  /** Emphasis. */
  readonly tone?: Tone | undefined
}

/** A section: a heading and its items, or a table. */
export interface ReportSection {
  /** Heading. */
  readonly heading: string
  /** Items, one per line. */
  readonly items?: readonly ReportItem[] | undefined
  /** A table: header row and rows. */
  readonly table?: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] } | undefined
}

/** A report. */
export interface Report {
  /** Title line. */
  readonly title: string
  /** A short paragraph that tells the story first. */
  readonly lead?: string | undefined
  /** Sections in order; empty ones are skipped by renderers. */
  readonly sections: readonly ReportSection[]
}

/** `bytes` as apt would print them (decimal units). */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes)
  const sign = bytes < 0 ? '-' : ''
  if (abs < 10_000) return `${sign}${abs} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = abs / 1000
  let unit = 0
  while (value >= 10_000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${sign}${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit] as string}`
}

/** Milliseconds as `1.2s` / `3min 4s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}min ${s % 60}s`
}

/** The first `max` names, then `…`. */
export function sampleNames(names: readonly string[], max = 8): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (${names.length} in all)`
}
