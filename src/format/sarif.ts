/**
 * SARIF 2.1.0 output for `aptlog explain`, so code-scanning tools can show the problems.
 * @module
 */

import type { RunSummary } from '../run/types.ts'
import { REMEDY_KINDS, remedyFor } from './remedies.ts'

/** A SARIF log (the subset aptlog writes). */
export interface SarifLog {
  /** The SARIF 2.1.0 JSON schema's URL. */
  readonly $schema: string
  /** The SARIF version. */
  readonly version: '2.1.0'
  /** One run: aptlog as the tool, a result per problem. */
  readonly runs: readonly unknown[]
}

/** Build a SARIF log; `file` is the analysed log's path or URI. */
export function formatSarif(run: RunSummary, file: string, toolVersion: string): SarifLog {
  const used = new Set(run.problems.map((p) => p.kind))
  const rules = REMEDY_KINDS.filter((k) => used.has(k as never)).map((kind) => {
    const r = remedyFor(kind)
    return { id: kind, name: kind, shortDescription: { text: r.title }, help: { text: r.remedy } }
  })
  const results = run.problems.map((p) => ({
    ruleId: p.kind,
    level: p.severity === 'error' ? 'error' : 'warning',
    message: { text: p.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: p.line, ...(p.endLine === undefined ? {} : { endLine: p.endLine }) } } }],
    properties: { rootCause: p === run.rootCause, ...(p.package === undefined ? {} : { package: p.package }), ...(p.step === undefined ? {} : { step: p.step }), ...(p.cause === undefined ? {} : { cause: p.cause }) },
  }))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'aptlog', version: toolVersion, informationUri: 'https://www.npmjs.com/package/aptlog', rules } }, results }],
  }
}
