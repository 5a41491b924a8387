/**
 * Reports: text, Markdown, GitHub annotations, GitLab Code Quality, JUnit XML, SARIF.
 * @module
 */

export { diffReport, diffStory } from './diff-report.ts'
export type { DiffLabels } from './diff-report.ts'
export { evidenceFor, explainReport } from './explain-report.ts'
export type { EvidenceLines } from './explain-report.ts'
export { cleanLine, createEvidenceCollector } from './evidence.ts'
export type { EvidenceCollector, EvidenceOptions } from './evidence.ts'
export { formatGithub } from './github.ts'
export { formatGitlabCodeQuality } from './gitlab.ts'
export type { CodeQualityIssue } from './gitlab.ts'
export { formatJunit } from './junit.ts'
export { problemLine, problemPlace, problemTitle } from './problem-text.ts'
export { CAUSE_REMEDY_KEYS, REMEDY_KINDS, remedyFor } from './remedies.ts'
export type { Remedy } from './remedies.ts'
export { remedyInRun } from './run-remedy.ts'
export { renderMarkdown } from './render-markdown.ts'
export { renderText } from './render-text.ts'
export type { TextOptions } from './render-text.ts'
export { formatBytes, formatDuration, sampleNames } from './report.ts'
export type { Report, ReportItem, ReportSection, Tone } from './report.ts'
export { forGithubData, forGithubProperty, forJson, forMarkdown, forText, forXml } from './safe/index.ts'
export { formatSarif } from './sarif.ts'
export type { SarifLog } from './sarif.ts'
export { summaryReport } from './summary-report.ts'
