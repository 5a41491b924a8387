/**
 * aptlog: a streaming parser for `docker build`, `apt-get`, `apt` and `dpkg` logs.
 *
 * The core: no `node:` imports, runs in browsers, Deno, Bun and Node.
 *
 * The public API, export by export (test/api/aptlog.api.md is its reviewed report): parse a log
 * into events, fold events into a run model, diff two runs, check a stored run model, and render
 * the CLI's reports. Everything else under src/ is internal and may change in any release.
 * @module
 */

// Parsing: chunks in, events out.
export { createParser } from './parser/create-parser.ts'
export type { AptLogParser, ParserOptions } from './parser/create-parser.ts'
export { parse, parseStream } from './parser/parse.ts'
export type { ChunkSource, ParseOptions } from './parser/parse.ts'
export { AptLogError } from './parser/errors.ts'
export type { AptLogErrorCode } from './parser/errors.ts'
export type { Chunk } from './lines/decoder.ts'
export type { CiAnnotationLevel } from './lines/ci-prefix.ts'

// The events: a discriminated union on `type`, and the kind lists a consumer switches on.
export type { AptLogEvent, AptLogEventType, EventOf } from './events/index.ts'
export { EVENT_TYPES } from './events/types.ts'
export type { EventBase, LineContext, LineLocale } from './events/base.ts'
export type {
  CiAnnotationEvent,
  CiGroupEndEvent,
  CiGroupStartEvent,
  CiProblemKind,
  LineTruncatedEvent,
  LogEndEvent,
  LogEvent,
  LogStats,
} from './events/log.ts'
export type {
  AcquireResult,
  AcquireTarget,
  AptAcquireEvent,
  AptDiskSpaceEvent,
  AptDownloadSizeEvent,
  AptEvent,
  AptFetchedEvent,
  AptMessageEvent,
  AptMessageLevel,
  AptNoteEvent,
  AptNoteKind,
  AptNotFullyInstalledEvent,
  AptPhase,
  AptPhaseEvent,
  AptPlanCountsEvent,
  AptPlanListEvent,
  AptPlanListKind,
  AptPlanVersion,
  AptProblemKind,
  AptRelation,
  AptSimulateEvent,
  AptSolverEvent,
  AptUnmetEvent,
  AptUnmetTarget,
  SolverRelation,
} from './events/apt.ts'
export type {
  DpkgAction,
  DpkgDatabaseEvent,
  DpkgDependencyProblemsEvent,
  DpkgErrorCause,
  DpkgErrorEvent,
  DpkgErrorsSummaryEvent,
  DpkgEvent,
  DpkgFileConflict,
  DpkgMessageEvent,
  DpkgPreDependencyEvent,
  DpkgProblemKind,
  DpkgProgressEvent,
  DpkgProgressReason,
  DpkgRelationProblem,
  DpkgWarningEvent,
} from './events/dpkg.ts'
export type {
  DockerBuildEndEvent,
  DockerBuilder,
  DockerBuildStartEvent,
  DockerContextEvent,
  DockerErrorEchoEvent,
  DockerErrorEvent,
  DockerEvent,
  DockerLogClippedEvent,
  DockerNoticeEvent,
  DockerProblemKind,
  DockerSourceEvent,
  DockerStepEndEvent,
  DockerStepId,
  DockerStepInfoEvent,
  DockerStepStartEvent,
  DockerStepStatus,
} from './events/docker.ts'
export type {
  AptHistoryDisappeared,
  AptHistoryEvent,
  AptHistoryListKind,
  AptHistoryPackage,
  AptTermLogEndEvent,
  AptTermLogStartEvent,
  DpkgLogAction,
  DpkgLogActionEvent,
  DpkgLogConffileEvent,
  DpkgLogStartupEvent,
  DpkgLogState,
  DpkgLogStatusEvent,
  LogfileEvent,
} from './events/logfile.ts'
export type { EnvEvent, EnvFactEvent, EnvFactKind, EnvSource } from './events/env.ts'
export type { Problem, ProblemEvent, ProblemKind, ProblemSeverity } from './events/problem.ts'

// The run model: events folded into one run (docs/run-model.md).
export { createSummarizer, summarize, summarizeStream } from './run/summarizer.ts'
export type { Summarizer, SummarizerLimits, SummarizerOptions } from './run/summarizer.ts'
export type {
  AptGeneration,
  AptGenerationChangedFinding,
  AptGenerationFinding,
  AptSource,
  AptSourcesFinding,
  DiffEssentialPackagesFinding,
  DockerFactKind,
  DpkgUnfinishedFinding,
  EnvFact,
  EssentialPackagesFinding,
  Finding,
  FindingBase,
  MessageFinding,
  MessageFindingKind,
  PackagesPlannedFinding,
  Pkg,
  PlanCounts,
  Planned,
  Repository,
  RunSummary,
  Step,
  StepStatus,
  Transaction,
  TransactionKind,
} from './run/types.ts'
export { FINDING_KINDS } from './run/finding-kinds.ts'
export type { FindingKind } from './run/finding-kinds.ts'
export type { BaseSystemTier } from './run/base-system.ts'

// A run model stored as JSON (a baseline), checked before it is trusted.
export { checkStoredSummary, isRunSummary, RUN_SUMMARY_SCHEMA } from './run/stored.ts'
export type { StoredSummaryError } from './run/stored.ts'

// Two runs compared.
export { diffRuns } from './diff/diff-runs.ts'
export type { Pair, RunDiff, StepDiff } from './diff/diff-runs.ts'
export type { EnvComparison } from './diff/environment.ts'
export type { PackageDiff, VersionChange } from './diff/packages.ts'

// The CLI's reports: a `Report` built from a run or a diff, rendered as text or Markdown, and the
// CI formats.
export { diffReport } from './format/diff-report.ts'
export type { DiffLabels } from './format/diff-report.ts'
export { summaryReport } from './format/summary-report.ts'
export { explainReport } from './format/explain-report.ts'
export type { EvidenceLines } from './format/explain-report.ts'
export { createEvidenceCollector } from './format/evidence.ts'
export type { EvidenceCollector, EvidenceOptions } from './format/evidence.ts'
export { renderText } from './format/render-text.ts'
export type { TextOptions } from './format/render-text.ts'
export { renderMarkdown } from './format/render-markdown.ts'
export type { Report, ReportItem, ReportSection, Tone } from './format/report.ts'
export { formatGithub } from './format/github.ts'
export { formatGitlabCodeQuality } from './format/gitlab.ts'
export type { CodeQualityIssue } from './format/gitlab.ts'
export { formatJunit } from './format/junit.ts'
export { formatSarif } from './format/sarif.ts'
export type { SarifLog } from './format/sarif.ts'
export { forGithubData, forGithubProperty, forJson, forMarkdown, forText, forXml } from './format/safe/index.ts'

// Fleet mode: many runs added up into an aggregate that merges across machines (docs/fleet.md).
export { createFleetAggregate, FLEET_LIMITS, FLEET_SCHEMA } from './fleet/aggregate.ts'
export type { FleetAggregate, FleetAggregateJSON, FleetCause, FleetDimension, FleetExample, FleetLimits, FleetValue, OutcomeCounts } from './fleet/aggregate.ts'
export { checkFleetDocument, FLEET_DOCUMENT_LIMIT, FleetDocumentError, readFleetAggregate } from './fleet/read.ts'
export { FLEET_TEXT_LIMIT, fleetRunOf } from './fleet/run.ts'
export type { FleetFact, FleetInputFailure, FleetInputReason, FleetRun, FleetRunCause } from './fleet/run.ts'
export { failureSuspects } from './fleet/separation.ts'
export type { FleetSuspect } from './fleet/separation.ts'
export { fleetReport } from './format/fleet-report.ts'
export type { Escape } from './format/fleet-report.ts'
export { renderFleetMarkdown, renderFleetText } from './format/fleet-render.ts'
