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

export { formatBytes, formatDuration } from '../run/units.ts'

/** The first `max` names, then `…`. */
export function sampleNames(names: readonly string[], max = 8): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (${names.length} in all)`
}
