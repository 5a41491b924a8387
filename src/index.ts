/**
 * aptlog: a streaming parser for `docker build`, `apt-get`, `apt` and `dpkg` logs.
 *
 * The core: no `node:` imports, runs in browsers, Deno, Bun and Node.
 * @module
 */

export { createParser } from './parser/create-parser.ts'
export type { AptLogParser, ParserOptions } from './parser/create-parser.ts'
export { parse, parseStream } from './parser/parse.ts'
export type { ChunkSource, ParseOptions } from './parser/parse.ts'
export { AptLogError } from './parser/errors.ts'
export type { AptLogErrorCode } from './parser/errors.ts'
export type { Chunk } from './lines/decoder.ts'
export type { CiAnnotationLevel } from './lines/ci-prefix.ts'
export type * from './events/index.ts'
export { createSummarizer, summarize, summarizeStream } from './run/summarizer.ts'
export type { Summarizer, SummarizerLimits, SummarizerOptions } from './run/summarizer.ts'
export type * from './run/types.ts'
export { baseSystemTier } from './run/base-system.ts'
export { FINDING_KINDS } from './run/finding-kinds.ts'
export { checkStoredSummary, isRunSummary, RUN_SUMMARY_SCHEMA } from './run/stored.ts'
export type { StoredSummaryError } from './run/stored.ts'
export type { BaseSystemTier } from './run/base-system.ts'
export { diffRuns } from './diff/diff-runs.ts'
export type { Pair, RunDiff, StepDiff } from './diff/diff-runs.ts'
export type { PackageDiff, VersionChange } from './diff/packages.ts'
export * from './fleet/index.ts'
export { fleetReport } from './format/fleet-report.ts'
export type { Escape } from './format/fleet-report.ts'
export { renderFleetMarkdown, renderFleetText } from './format/fleet-render.ts'
export * from './format/index.ts'
