/**
 * Plan list bodies (FORMATS.md §3.2, §3.7): the wall of text (one space between names, `a | b`
 * alternatives, `name*` purges, `pkg (due to x)` in the essential warning), apt 3 columns (filled
 * top to bottom, then left to right, ≥ 2 spaces between columns), and `-V` version lines
 * (`   pkg (old => new)`). Elisions from pasted excerpts (`...`, `(40 packages)`) mark a list `elided`.
 * @module
 */

import type { AptPlanVersion } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import { indentOf, isEllipsis, listTokens } from './tokens.ts'

/** Most entries one list keeps; beyond it the list is marked `elided` (memory stays flat). */
export const MAX_LIST_ENTRIES = 100_000

/** A list body, parsed. */
export interface ListBody {
  /** `classic`, `columns` or `versions`. */
  readonly layout: 'classic' | 'columns' | 'versions'
  /** Entries without the purge `*`, alternatives whole. */
  readonly packages: string[]
  /** Entries that carried a purge `*`. */
  readonly purge: string[]
  /** `-V` versions. */
  readonly versions: AptPlanVersion[]
  /** True when an elision was dropped (or the list hit {@link MAX_LIST_ENTRIES}). */
  readonly elided: boolean
}

/** One `-V` entry: `   pkg (1.0)` / `   pkg (1.0 => 2.0)` (three spaces, §3.2; two with ` => `). */
export interface VersionEntry {
  /** Package name as printed (purge `*` removed). */
  readonly name: string
  /** Installed version, for upgrades and downgrades. */
  readonly from?: string
  /** New (or removed) version. */
  readonly to: string
  /** True when the name carried a purge `*`. */
  readonly purge: boolean
}

const VERSION_LINE = /^( {2,})(\S+) \(([^()]+)\)$/

function readVersionLine(text: string): VersionEntry | undefined {
  if (text.length > 4096) return undefined
  const m = VERSION_LINE.exec(text)
  if (m === null) return undefined
  const inner = m[3] as string
  if (inner.startsWith('due to ')) return undefined
  // Classic `-V` indents by three; a two-space line counts only with an unmistakable `old => new`
  // (apt 3 blocks indent by two; their `-V` form is not in the corpus).
  if ((m[1] as string).length < 3 && !inner.includes(' => ')) return undefined
  const rawName = m[2] as string
  const purge = rawName.endsWith('*')
  const name = purge ? rawName.slice(0, -1) : rawName
  const arrow = inner.indexOf(' => ')
  if (arrow === -1) return { name, to: inner, purge }
  return { name, from: inner.slice(0, arrow), to: inner.slice(arrow + 4), purge }
}

/** A `-V` list line. */
export const versionLineRule: Rule<VersionEntry> = {
  id: 'apt.plan.list.version',
  first: ' ',
  match: readVersionLine,
}

/** True when a list line has a gap of two or more spaces between entries: apt 3's column layout. */
export function hasColumnGap(text: string): boolean {
  // Trailing spaces are gone, so a double space left in the body sits between two entries.
  return text.slice(indentOf(text)).trimEnd().includes('  ')
}

interface Cell {
  readonly offset: number
  readonly text: string
}

/** Split a column row at runs of two or more spaces, remembering where each cell starts. */
function cellsOf(line: string): Cell[] {
  const cells: Cell[] = []
  let i = indentOf(line)
  const n = line.length
  while (i < n) {
    let j = i
    // A cell ends at two consecutive spaces (a single space belongs to the cell: `| libsasl2-…`).
    while (j < n && !(line.charCodeAt(j) === 0x20 && (j + 1 >= n || line.charCodeAt(j + 1) === 0x20))) j++
    cells.push({ offset: i, text: line.slice(i, j) })
    while (j < n && line.charCodeAt(j) === 0x20) j++
    i = j
  }
  return cells
}

/**
 * Column cells back in apt's order: columns are filled top to bottom, so read column by column.
 * Columns are told apart by their start offset in the first row; when a row does not line up (a
 * hand-edited excerpt), the rows are read in order instead.
 */
function columnMajor(lines: readonly string[]): string[] {
  const rows = lines.map(cellsOf)
  const first = rows[0] ?? []
  const starts = new Map<number, number>()
  first.forEach((cell, index) => starts.set(cell.offset, index))
  const columns: string[][] = first.map(() => [])
  for (const row of rows) {
    for (const cell of row) {
      const index = starts.get(cell.offset)
      if (index === undefined) return rows.flatMap((r) => r.map((c) => c.text))
      ;(columns[index] as string[]).push(cell.text)
    }
  }
  return columns.flat()
}

class Collector {
  readonly packages: string[] = []
  readonly purge: string[] = []
  elided = false
  private pendingAlternative = false

  add(entry: string): void {
    if (this.packages.length >= MAX_LIST_ENTRIES) {
      this.elided = true
      return
    }
    let name = entry
    if (name.endsWith('*')) {
      name = name.slice(0, -1)
      this.purge.push(name)
    }
    if (this.pendingAlternative && this.packages.length > 0) {
      this.packages[this.packages.length - 1] += ` | ${name}`
    } else {
      this.packages.push(name)
    }
    this.pendingAlternative = false
  }

  alternative(): void {
    this.pendingAlternative = true
  }

  /** `(due to x)` belongs to the entry before it; any other group is an author's note (elision). */
  group(text: string): void {
    if (text.startsWith('(due to ') && this.packages.length > 0) this.packages[this.packages.length - 1] += ` ${text}`
    else this.elided = true
  }
}

function readClassic(lines: readonly string[], into: Collector): void {
  for (const line of lines) {
    const tokens = listTokens(line) ?? line.split(' ').filter((t) => t.length > 0).map((text) => ({ text, group: text.startsWith('(') }))
    for (const token of tokens) {
      if (token.group) into.group(token.text)
      else if (isEllipsis(token.text)) into.elided = true
      else if (token.text === '|') into.alternative()
      else into.add(token.text)
    }
  }
}

function readColumns(lines: readonly string[], into: Collector): void {
  for (const cell of columnMajor(lines)) {
    if (isEllipsis(cell) || (cell.startsWith('(') && cell.endsWith(')'))) {
      into.elided = true
    } else if (cell.startsWith('| ')) {
      // apt 3 prints an alternative's second member in the next cell (`| libsasl2-modules-gssapi-heimdal`).
      into.alternative()
      into.add(cell.slice(2))
    } else if (cell.includes(' | ')) {
      const parts = cell.split(' | ')
      into.add(parts[0] as string)
      for (const part of parts.slice(1)) {
        into.alternative()
        into.add(part)
      }
    } else {
      into.add(cell)
    }
  }
}

/**
 * Parse a list body (its lines as printed, indentation included). `columnsHint` is set for apt 3
 * block titles; otherwise the layout is read from the lines.
 */
export function parseListBody(lines: readonly string[], columnsHint: boolean, truncated: boolean): ListBody {
  const nonEmpty = lines.filter((l) => l.trim().length > 0)
  const versions = nonEmpty.map(readVersionLine)
  if (nonEmpty.length > 0 && versions.every((v) => v !== undefined)) {
    const into = new Collector()
    const out: AptPlanVersion[] = []
    for (const v of versions as VersionEntry[]) {
      into.add(v.purge ? `${v.name}*` : v.name)
      out.push(v.from === undefined ? { name: v.name, to: v.to } : { name: v.name, from: v.from, to: v.to })
    }
    return { layout: 'versions', packages: into.packages, purge: into.purge, versions: out, elided: into.elided || truncated }
  }
  const columns = columnsHint || nonEmpty.some(hasColumnGap)
  const into = new Collector()
  if (columns) readColumns(nonEmpty, into)
  else readClassic(nonEmpty, into)
  return { layout: columns ? 'columns' : 'classic', packages: into.packages, purge: into.purge, versions: [], elided: into.elided || truncated }
}
