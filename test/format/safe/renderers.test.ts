/**
 * Every report format, fed hostile logs on real carriers (carriers.ts): no line the GitHub runner
 * would run as a command that we did not write, no raw control character in text, Markdown with
 * exactly the report's structure and no mention or issue reference.
 */

import { describe, expect, test } from 'vitest'
import {
  createEvidenceCollector,
  createParser,
  createSummarizer,
  diffReport,
  diffRuns,
  explainReport,
  formatGithub,
  formatGitlabCodeQuality,
  formatJunit,
  formatSarif,
  forJson,
  renderMarkdown,
  renderText,
  summaryReport,
  type Report,
  type RunSummary,
} from '../../../src/index.ts'
import { fixtureText } from '../../support/fixtures.ts'
import { carriers, PAYLOAD } from './carriers.ts'
import { injectedCommands, isOwnAnnotation, markdownShape, rawControls } from './checks.ts'

function analyse(log: string): { summary: RunSummary; evidence: ReadonlyMap<number, string> } {
  const summarizer = createSummarizer()
  const evidence = createEvidenceCollector()
  const parser = createParser({
    onLine: evidence.line,
    onEvent: (e) => {
      summarizer.add(e)
      evidence.event(e)
    },
  })
  parser.feed(log)
  parser.end()
  return { summary: summarizer.finish(), evidence: evidence.lines }
}

/** The Markdown a report must parse to: its headings, tables, items and evidence blocks, nothing else. */
function expectReportShape(markdown: string, report: Report): void {
  const shape = markdownShape(markdown)
  const shown = report.sections.filter((s) => (s.items?.length ?? 0) > 0 || (s.table?.rows.length ?? 0) > 0)
  expect(shape.foreign).toEqual([])
  expect(shape.notifications).toEqual([])
  expect(shape.raggedTables).toBe(0)
  expect(shape.counts.get('heading')).toBe(1 + shown.length)
  expect(shape.counts.get('table') ?? 0).toBe(shown.filter((s) => (s.table?.rows.length ?? 0) > 0).length)
  expect(shape.counts.get('tableRow') ?? 0).toBe(shown.reduce((n, s) => n + ((s.table?.rows.length ?? 0) > 0 ? (s.table?.rows.length ?? 0) + 1 : 0), 0))
  expect(shape.counts.get('listItem') ?? 0).toBe(shown.reduce((n, s) => n + (s.items?.length ?? 0), 0))
  expect(shape.counts.get('code') ?? 0).toBe(shown.reduce((n, s) => n + (s.items ?? []).filter((i) => (i.evidence?.length ?? 0) > 0).length, 0))
  expect(shape.counts.get('strong') ?? 0).toBe(report.lead === undefined ? 0 : 1)
}

function expectSafeText(text: string): void {
  expect(injectedCommands(text)).toEqual([])
  expect(rawControls(text)).toEqual([])
}

const clean = analyse(fixtureText('buildkit/09-docker28buildx-d28bk-rawjson-failing-pkg.log')).summary

describe.each(carriers())('$name', ({ log }) => {
  const { summary, evidence } = analyse(log)
  const reports: [string, Report][] = [
    ['summary', summaryReport(summary, `label${PAYLOAD}`)],
    ['explain', explainReport(summary, evidence, `label${PAYLOAD}`)],
    ['diff A→B', diffReport(diffRuns(clean, summary), { a: 'a.log', b: `b${PAYLOAD}` })],
    ['diff B→A', diffReport(diffRuns(summary, clean))],
  ]

  test('the payload reaches the run model (the carrier is real)', () => {
    expect(JSON.stringify(summary)).toMatch(/::add-mask::|add-mask/)
  })

  test.each(reports)('text, %s: no command line, no raw control character', (_, report) => {
    expectSafeText(renderText(report))
    expect(injectedCommands(renderText(report, { color: true }))).toEqual([])
  })

  test.each(reports)('Markdown, %s: the report structure only, no mention, no command line', (_, report) => {
    const markdown = renderMarkdown(report)
    expectSafeText(markdown)
    expectReportShape(markdown, report)
  })

  test('GitHub annotations: only our own command lines, one per problem shown', () => {
    const out = formatGithub(summary, `file${PAYLOAD}`)
    expect(injectedCommands(out, isOwnAnnotation)).toEqual([])
    expect(rawControls(out)).toEqual([])
    const lines = out.split('\n').filter((l) => l !== '')
    expect(lines.every(isOwnAnnotation)).toBe(true)
    expect(lines.length).toBe(Math.min(summary.problems.length, 50))
  })

  test('JUnit XML: one line per element, no command line, no raw control character', () => {
    const xml = formatJunit(summary, `suite${PAYLOAD}`)
    expectSafeText(xml)
    expect(xml.split('\n').every((line) => line === '' || /^\s*</.test(line) || /^[a-z.-]+: /.test(line))).toBe(true)
  })

  test('JSON (summary, SARIF, GitLab): parses back to the same value; no raw control character; no ##[', () => {
    for (const value of [summary, formatSarif(summary, `f${PAYLOAD}`, '0'), formatGitlabCodeQuality(summary, `f${PAYLOAD}`)]) {
      for (const json of [forJson(value), forJson(value, 2)]) {
        expectSafeText(json)
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)))
      }
    }
  })
})
