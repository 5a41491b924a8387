/**
 * Folding events into the run model, as they arrive. Memory grows with what the run contains
 * (steps, transactions, problems), not with the log's size; and even that is capped by `limits`,
 * so a gigabyte of concatenated builds stays flat.
 * @module
 */

import type { AptEvent, AptLogEvent, DpkgEvent, LogfileEvent, Problem, ProblemEvent } from '../events/index.ts'
import { createDpkgStateTracker } from './dpkg-states.ts'
import { essentialPackagesFinding, generationEvidence, generationFinding, sourcesFinding, strongerGeneration } from './findings.ts'
import { createEnvironmentCollector } from './environment.ts'
import { createFetchCauseCollector } from './fetch-causes.ts'
import { createRepositoryCollector } from './repositories.ts'
import { findRootCause, isFatal } from './root-cause.ts'
import { createInterner, type Interner } from './keep.ts'
import { TransactionBuilder } from './transactions.ts'
import type { AptGeneration, Finding, RunSummary, Step, StepStatus, Transaction } from './types.ts'

/**
 * Caps on what the run model keeps, so memory stays flat even when one "log" is a gigabyte of
 * concatenated builds. Past a cap the first entries stay and the rest are only counted
 * (`RunSummary.omitted`). One real build has a handful of apt runs; the defaults leave room for
 * hundreds of builds. Measured on the generated 1 GiB log: 146 MiB live with 10 000 transactions.
 */
export interface SummarizerLimits {
  /** Most build steps kept. @defaultValue 5_000 */
  readonly steps?: number | undefined
  /** Most apt/dpkg transactions kept. @defaultValue 1_000 */
  readonly transactions?: number | undefined
  /** Most problems kept. @defaultValue 1_000 */
  readonly problems?: number | undefined
}

/** Options of {@link createSummarizer}. */
export interface SummarizerOptions {
  /** Caps on kept entries. */
  readonly limits?: SummarizerLimits | undefined
}

/** A streaming fold of events into a {@link RunSummary}. */
export interface Summarizer {
  /** Fold one event in (in log order). Throws if called after {@link Summarizer.finish}. */
  add(event: AptLogEvent): void
  /**
   * The run model of the events so far, while the log is still arriving: apt runs still open are
   * included as they stand, the outcome stays `unknown` until something failed or every build
   * ended. Changes nothing; call it as often as you like (it costs a fold of what is kept, not of
   * the log). For an early "this build will fail" signal, watch `rootCause`.
   */
  snapshot(): RunSummary
  /** The run model, once the last event (`log.end`) is in: closes what is open. Later calls return the same summary. */
  finish(): RunSummary
}

interface StepRecord {
  id: string
  stage: string | undefined
  instruction: string | null
  name: string
  status: StepStatus
  durationMs: number | undefined
  exitCode: number | undefined
  line: number
}

/** Log-file events (history.log, term.log, dpkg.log) cut transactions their own way. */
const LOGFILE_TYPES: ReadonlySet<string> = new Set(['apt.history', 'apt.term-log.start', 'apt.term-log.end', 'dpkg.log.startup', 'dpkg.log.action', 'dpkg.log.status', 'dpkg.log.conffile'])

const isAptOrDpkg = (event: AptLogEvent): event is AptEvent | DpkgEvent => (event.type.startsWith('apt.') || event.type.startsWith('dpkg.')) && !LOGFILE_TYPES.has(event.type)

function toProblem(event: ProblemEvent, strings: Interner): Problem {
  const message = strings.of(event.message)
  const p: { -readonly [K in keyof Problem]: Problem[K] } = { kind: event.kind, severity: event.severity, line: event.line, message }
  if (event.endLine !== undefined) p.endLine = event.endLine
  if (event.cause !== undefined) p.cause = strings.of(event.cause)
  if (event.package !== undefined) p.package = strings.of(event.package)
  if (event.step !== undefined) p.step = strings.of(event.step)
  if (event.cut === true) p.cut = true
  if (message.length < event.message.length || (p.cause?.length ?? 0) < (event.cause?.length ?? 0)) p.clipped = true
  return p
}

function toStep(record: StepRecord): Step {
  const step: { -readonly [K in keyof Step]: Step[K] } = { id: record.id, instruction: record.instruction, status: record.status, line: record.line }
  if (record.stage !== undefined) step.stage = record.stage
  if (record.name !== '') step.name = record.name
  if (record.durationMs !== undefined) step.durationMs = record.durationMs
  if (record.exitCode !== undefined) step.exitCode = record.exitCode
  return step
}

/** True when a fatal problem of the transaction's step comes at or after its start: the run ended there. */
function failsAfter(problems: readonly Problem[], tx: TransactionBuilder): boolean {
  const step = tx.step ?? ''
  return problems.some((p) => isFatal(p) && (p.step ?? '') === step && p.line >= tx.line)
}

/**
 * Create a summarizer.
 * @example
 * ```ts
 * const summarizer = createSummarizer()
 * const parser = createParser({ onEvent: (e) => summarizer.add(e) })
 * parser.feed(log); parser.end()
 * console.log(summarizer.finish().rootCause)
 * ```
 */
export function createSummarizer(options?: SummarizerOptions): Summarizer {
  const maxSteps = options?.limits?.steps ?? 5_000
  const maxTransactions = options?.limits?.transactions ?? 1_000
  const maxProblems = options?.limits?.problems ?? 1_000
  const omitted = { steps: 0, transactions: 0, problems: 0 }

  const strings = createInterner()
  const environment = createEnvironmentCollector(strings)
  const repositories = createRepositoryCollector(strings)
  const fetchCauses = createFetchCauseCollector(strings)
  const dpkgStates = createDpkgStateTracker(strings)
  const steps = new Map<string, StepRecord>()
  const problems: Problem[] = []
  const finished: TransactionBuilder[] = []
  const open = new Map<string, TransactionBuilder>() // by step id, '' outside steps
  let generation: AptGeneration | null = null
  let buildsStarted = 0
  let buildsSucceeded = 0
  let buildsFailed = 0
  let lines = 0
  let unrecognized = 0
  let unrecognizedAptLike = 0

  /** Close the open transaction of `key`; `ended`: what closes it proves it over (not the end of the input). */
  function close(key: string, ended = true): void {
    const tx = open.get(key)
    if (tx === undefined) return
    open.delete(key)
    if (ended) tx.markEnded()
    if (finished.length < maxTransactions) finished.push(tx)
    else omitted.transactions++
  }

  function openTransaction(key: string, step: string | undefined, line: number): TransactionBuilder {
    close(key)
    const tx = new TransactionBuilder(step === undefined ? null : strings.of(step), line, strings, finished.length < maxTransactions)
    open.set(key, tx)
    return tx
  }

  function addLogfile(event: LogfileEvent): void {
    const key = event.step ?? ''
    switch (event.type) {
      case 'apt.history':
        openTransaction(key, event.step, event.line).addHistory(event)
        close(key, false) // a stanza is over when it has its End-Date (addHistory)
        break
      case 'apt.term-log.start':
        openTransaction(key, event.step, event.line).markApt()
        break
      case 'apt.term-log.end':
        close(key)
        break
      case 'dpkg.log.startup':
        // dpkg.log is a record, one line per finished action: what a cut-off run left undone shows
        // in its status lines (run.dpkg-unfinished), not in a missing end.
        openTransaction(key, event.step, event.line).markEnded()
        break
      case 'dpkg.log.action': {
        const tx = open.get(key) ?? openTransaction(key, event.step, event.line)
        tx.markEnded()
        tx.addDpkgLogAction(event)
        break
      }
      case 'dpkg.log.status':
        dpkgStates.note(event)
        break
      default:
        break
    }
  }

  function addAptOrDpkg(event: AptEvent | DpkgEvent): void {
    const evidence = event.type.startsWith('apt.') ? generationEvidence(event as AptEvent) : undefined
    if (evidence !== undefined) generation = strongerGeneration(generation, evidence)
    const key = event.step ?? ''
    let tx = open.get(key)
    if (tx !== undefined && tx.startsNew(event)) {
      close(key)
      tx = undefined
    }
    if (tx === undefined) {
      tx = new TransactionBuilder(event.step === undefined ? null : strings.of(event.step), event.line, strings, finished.length < maxTransactions)
      open.set(key, tx)
    }
    tx.add(event)
  }

  /** The run model over `builders` (kept transactions, in any order); `openOmitted` open ones past the cap. */
  function summaryOf(builders: TransactionBuilder[], openOmitted: number): RunSummary {
    builders.sort((a, b) => a.line - b.line)
    const transactions: Transaction[] = builders.map((tx) => tx.build())
    const allProblems = fetchCauses.withCauses(problems)
    const rootCause = findRootCause(allProblems)
    const stepList = [...steps.values()].map(toStep)
    const unfinished = dpkgStates.finding()
    // Packages dpkg.log leaves half-done are the trace of a failed run, even with no error line.
    const failed = allProblems.some(isFatal) || buildsFailed > 0 || stepList.some((s) => s.status === 'error') || unfinished !== undefined
    let outcome: RunSummary['outcome'] = 'unknown'
    if (failed) outcome = 'failure'
    else if (buildsStarted > 0) outcome = buildsSucceeded >= buildsStarted ? 'success' : 'unknown'
    // Without a docker build's end, success needs every apt and dpkg run to show its end: an
    // excerpt cut in the middle of one (a plan, some Unpacking lines) is unknown, not a success.
    else if (transactions.length > 0 || stepList.length > 0) outcome = builders.every((tx) => tx.showsEnd()) ? 'success' : 'unknown'
    if (stepList.length === 0 && transactions.length > 0) {
      stepList.push({ id: 'log', instruction: null, status: outcome === 'failure' ? 'error' : outcome === 'success' ? 'done' : 'unknown', line: transactions[0]?.line ?? 1 })
    }
    const findings: Finding[] = []
    // Only runs whose whole plan is in the log and that ended (or failed) in it say what the dpkg
    // database lacks: a plan cut short, or a run the log leaves before its end, proves nothing.
    const essential = essentialPackagesFinding(builders.filter((tx) => tx.planComplete() && (tx.showsEnd() || failsAfter(allProblems, tx))))
    if (essential !== undefined) findings.push(essential)
    const gen = generationFinding(generation)
    if (gen !== undefined) findings.push(gen)
    const sources = sourcesFinding(transactions)
    if (sources !== undefined) findings.push(sources)
    if (unfinished !== undefined) findings.push(unfinished)
    const summary: RunSummary = { outcome, rootCause, problems: [...allProblems], findings, steps: stepList, transactions, aptGeneration: generation, environment: environment.facts(), repositories: repositories.repositories(), lines, unrecognized, ...(unrecognizedAptLike > 0 ? { unrecognizedAptLike } : {}) }
    const dropped = { ...omitted, transactions: omitted.transactions + openOmitted, ...(strings.refused > 0 ? { entries: strings.refused } : {}) }
    return dropped.steps + dropped.transactions + dropped.problems + strings.refused > 0 ? { ...summary, omitted: dropped } : summary
  }

  /** The summary `finish()` made: the log is over, nothing more is folded in. */
  let result: RunSummary | undefined

  return {
    add(event: AptLogEvent): void {
      if (result !== undefined) throw new Error('aptlog: Summarizer.add() called after finish(); create a new summarizer for another log, or use snapshot() while the log is still arriving')
      if (LOGFILE_TYPES.has(event.type)) {
        addLogfile(event as LogfileEvent)
        return
      }
      if (isAptOrDpkg(event)) {
        addAptOrDpkg(event)
        environment.add(event) // the language apt printed in
        if (event.type === 'apt.acquire') {
          repositories.add(event)
          fetchCauses.add(event)
        }
        return
      }
      if (event.type === 'env.fact' || event.type.startsWith('docker.')) environment.add(event)
      switch (event.type) {
        case 'problem':
          if (problems.length < maxProblems) problems.push(toProblem(event, strings))
          else omitted.problems++
          break
        case 'docker.build.start':
          buildsStarted++
          break
        case 'docker.build.end':
          if (event.outcome === 'success') buildsSucceeded++
          else if (event.outcome === 'failure') buildsFailed++
          break
        case 'docker.step.start': {
          const id = strings.of(event.step) // clipped: the map's key is kept too
          if (!steps.has(id) && steps.size >= maxSteps) omitted.steps++
          else if (!steps.has(id)) {
            steps.set(id, {
              id,
              stage: strings.optional(event.stage),
              instruction: event.instruction === null ? null : strings.of(event.instruction),
              name: strings.of(event.name),
              status: 'unknown',
              durationMs: undefined,
              exitCode: undefined,
              line: event.line,
            })
          }
          break
        }
        case 'docker.step.end': {
          const record = steps.get(strings.of(event.step))
          if (record !== undefined) {
            record.status = event.status
            if (event.durationMs !== undefined) record.durationMs = event.durationMs
            if (event.exitCode !== undefined) record.exitCode = event.exitCode
          }
          // A step the input ended inside (`docker.inferred-end`, status unknown) proves nothing over.
          close(event.step, event.status !== 'unknown')
          break
        }
        case 'log.end':
          lines = event.lines
          unrecognized = event.unrecognized
          unrecognizedAptLike = event.unrecognizedAptLike
          break
        default:
          break
      }
    },

    snapshot(): RunSummary {
      if (result !== undefined) return result
      const kept = [...finished]
      let openOmitted = 0
      for (const tx of open.values()) {
        if (kept.length < maxTransactions) kept.push(tx)
        else openOmitted++
      }
      return summaryOf(kept, openOmitted)
    },

    finish(): RunSummary {
      if (result !== undefined) return result
      for (const key of [...open.keys()]) close(key, false)
      result = summaryOf(finished, 0)
      return result
    },
  }
}

/** Fold a whole list of events. */
export function summarize(events: Iterable<AptLogEvent>, options?: SummarizerOptions): RunSummary {
  const summarizer = createSummarizer(options)
  for (const event of events) summarizer.add(event)
  return summarizer.finish()
}

/** Fold an async stream of events (e.g. `parseStream(…)`); if folding throws, the stream is left through its `return()` (parseStream then cancels its source). */
export async function summarizeStream(events: AsyncIterable<AptLogEvent>, options?: SummarizerOptions): Promise<RunSummary> {
  const summarizer = createSummarizer(options)
  for await (const event of events) summarizer.add(event)
  return summarizer.finish()
}
