/**
 * The public API, as API Extractor reports it from the built declarations (dist/*.d.ts, which the
 * suite's global setup builds): one reviewed report per package entry, committed beside this file.
 * A change to the public surface shows here as a diff to review. `npm run api:update` rewrites the
 * reports (this test with `-u`); without it, a stale report fails the suite.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from '@microsoft/api-extractor'
import { afterAll, describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const STALE = 'the public API changed: run `npm run api:update` and review the diff of test/api/*.api.md'

/** Package entries: report name → built declaration file. */
const ENTRIES: readonly (readonly [string, string])[] = [
  ['aptlog', 'dist/index.d.ts'],
  ['aptlog-stream', 'dist/stream.d.ts'],
  ['aptlog-node', 'dist/node.d.ts'],
]

const work = mkdtempSync(join(tmpdir(), 'aptlog-api-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The API report of one entry, written to a scratch folder and read back. */
function apiReport(name: string, declarations: string): { report: string; problems: string[]; forgotten: string[] } {
  const problems: string[] = []
  const forgotten: string[] = []
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: join(ROOT, declarations),
      compiler: { overrideTsconfig: { compilerOptions: { lib: ['es2022'], types: ['node'], skipLibCheck: true, strict: true }, files: [join(ROOT, declarations)] } },
      apiReport: { enabled: true, reportFileName: name, reportFolder: work, reportTempFolder: work },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        // Release tags (@public, @beta) are not used: the entry's exports are the public API.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          // A type the API uses but the entry does not export: collected below and checked.
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          // A subpath's docs link to the main entry's functions ({@link parse}), which it does not export.
          ...(name === 'aptlog' ? {} : { 'ae-unresolved-link': { logLevel: ExtractorLogLevel.None } }),
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(ROOT, 'package.json'),
  })
  const result = Extractor.invoke(config, {
    localBuild: true,
    showVerboseMessages: false,
    messageCallback: (message: ExtractorMessage) => {
      if (message.messageId === 'ae-forgotten-export') forgotten.push(/"([^"]+)"/.exec(message.text)?.[1] ?? message.text)
      else if (message.logLevel === ExtractorLogLevel.Warning || message.logLevel === ExtractorLogLevel.Error) problems.push(message.formatMessageWithLocation(ROOT))
      message.handled = true
    },
  })
  if (!result.succeeded) problems.push(`API Extractor failed on ${declarations}`)
  return { report: readFileSync(join(work, `${name}.api.md`), 'utf8'), problems, forgotten }
}

/** Names an API report declares as exports. */
function exportedNames(report: string): Set<string> {
  return new Set(Array.from(report.matchAll(/^export (?:declare )?(?:abstract )?(?:class|const|function|interface|type|enum|namespace) (\w+)/gm), (m) => m[1] as string))
}

const reports = new Map<string, ReturnType<typeof apiReport>>()
/** Each entry is extracted once, by whichever test needs it first. */
function reportOf(name: string, declarations: string): ReturnType<typeof apiReport> {
  const known = reports.get(name)
  if (known !== undefined) return known
  const made = apiReport(name, declarations)
  reports.set(name, made)
  return made
}
const [MAIN_NAME, MAIN_DECLARATIONS] = ENTRIES[0] as readonly [string, string]

describe('the public API report', () => {
  test.each(ENTRIES)('test/api/%s.api.md, from %s', async (name, declarations) => {
    await expect(reportOf(name, declarations).report, STALE).toMatchFileSnapshot(`${name}.api.md`)
  })

  test.each(ENTRIES)('%s: API Extractor has no warning (ae-undocumented: every export and member has TSDoc)', (name, declarations) => {
    expect(reportOf(name, declarations).problems).toEqual([])
  })

  test("every type the main entry's API uses is exported from it", () => {
    expect(reportOf(MAIN_NAME, MAIN_DECLARATIONS).forgotten).toEqual([])
  })

  test.each(ENTRIES.slice(1))('every type %s uses is exported by it or by the main entry', (name, declarations) => {
    const exported = exportedNames(reportOf(MAIN_NAME, MAIN_DECLARATIONS).report)
    expect(exported.size).toBeGreaterThan(50)
    expect(reportOf(name, declarations).forgotten.filter((symbol) => !exported.has(symbol))).toEqual([])
  })
})
