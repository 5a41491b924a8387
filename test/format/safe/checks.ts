/**
 * What no output may contain, whatever the input: a line the GitHub Actions runner would run as a
 * workflow command that we did not write, a control character a terminal acts on, and Markdown
 * structure or notifications the report did not make.
 * @module
 */

import type { Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { startsLikeCommand } from '../../../src/format/safe/index.ts'

/** Output lines as the runner reads them: a line ends at LF, CR or CRLF. */
export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/)
}

/**
 * Lines the runner would run as a command (`::x` after white space, or `##[` anywhere) other than
 * our own: `own` says which command lines the format writes (annotations, the stop-commands fence).
 */
export function injectedCommands(output: string, own: (line: string) => boolean = () => false): string[] {
  return runnerLines(output).filter((line) => (startsLikeCommand(line) || line.includes('##[')) && !own(line))
}

/** Our annotation lines: `::error|warning|notice props::data`, whose props hold no raw `:`. */
export function isOwnAnnotation(line: string): boolean {
  return /^::(?:error|warning|notice) [^:]*::/.test(line) && !line.includes('##[')
}

/** The stop-commands fence: `::stop-commands::TOKEN` and `::TOKEN::` (32 hex digits). */
export function isOwnFence(line: string): boolean {
  return /^::stop-commands::[0-9a-f]{32}$/.test(line) || /^::[0-9a-f]{32}::$/.test(line)
}

/** Control characters a terminal acts on (all but TAB and our LF), DEL, C1, U+2028/9, bidi overrides. */
export function rawControls(output: string): string[] {
  const found: string[] = []
  for (const ch of output) {
    const c = ch.codePointAt(0) as number
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      found.push(`U+${c.toString(16).padStart(4, '0')}`)
    }
  }
  return found
}

/** The Markdown constructs a report renders with; anything else came from the input. */
const REPORT_NODES: ReadonlySet<string> = new Set(['heading', 'paragraph', 'text', 'strong', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'code'])

/** What a Markdown report parses to (GFM): node counts, headings, and what should not be there. */
export interface MarkdownShape {
  readonly counts: ReadonlyMap<string, number>
  /** Heading texts with their depth: `2 aptlog summary: …`. */
  readonly headings: readonly string[]
  /** Node types a report never writes (links, HTML, emphasis, breaks, …). */
  readonly foreign: readonly string[]
  /** Text that GitHub would link as a mention or an issue reference. */
  readonly notifications: readonly string[]
  /** Tables whose rows do not all have the header's number of cells. */
  readonly raggedTables: number
}

function textOf(node: RootContent | Root): string {
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('')
  return ''
}

/** Parse `markdown` as GitHub-flavoured Markdown and describe its shape. */
export function markdownShape(markdown: string): MarkdownShape {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const counts = new Map<string, number>()
  const headings: string[] = []
  const foreign: string[] = []
  const notifications: string[] = []
  let raggedTables = 0
  const visit = (node: RootContent): void => {
    counts.set(node.type, (counts.get(node.type) ?? 0) + 1)
    // A bare URL is linked as itself (GFM autolink literal): it shows where it goes, nothing more.
    const literalUrl = node.type === 'link' && [textOf(node), `http://${textOf(node)}`, `mailto:${textOf(node)}`].includes(node.url)
    if (!REPORT_NODES.has(node.type) && !literalUrl) foreign.push(node.type)
    if (node.type === 'heading') headings.push(`${node.depth} ${textOf(node)}`)
    if (node.type === 'table') {
      const width = node.children[0]?.children.length ?? 0
      if (node.children.some((row) => row.children.length !== width)) raggedTables++
    }
    // GitHub's patterns: @name or @org/team after a non-word character, #digits after one.
    if (node.type === 'text') for (const m of node.value.matchAll(/(?:^|[^\w])([@#][A-Za-z0-9][^\s]*)/g)) if (/^@[A-Za-z0-9]|^#\d/.test(m[1] as string)) notifications.push(m[1] as string)
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child)
  }
  for (const child of tree.children) visit(child)
  return { counts, headings, foreign, notifications, raggedTables }
}
