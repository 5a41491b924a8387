/**
 * Folding events into the run model, as they arrive. Memory grows with what the run contains
 * (steps, transactions, problems), not with the log's size; and even that is capped by `limits`,
 * so a gigabyte of concatenated builds stays flat.
 * @module
 */

import type { AptEvent, AptLogEvent, DpkgEvent, Problem, ProblemEvent } from '../events/index.ts'
import { essentialPackagesFinding, generationEvidence, generationFinding, sourcesFinding, strongerGeneration } from './findings.ts'
import { findRootCause, isFatal } from './root-cause.ts'
import { TransactionBuilder } from './transactions.ts'
import type { AptGeneration, Finding, RunSummary, Step, StepStatus, Transaction } from './types.ts'

/** Caps on what the run model keeps. Past a cap the oldest entries stay and the rest are counted. */
export interface SummarizerLimits {
  /** @defaultValue 10_000 */
  readonly steps?: number | undefined
  /** @defaultValue 10_000 */
  readonly transactions?: number | undefined
  /** @defaultValue 10_000 */
  readonly problems?: number | undefined
}

/** Options of {@link createSummarizer}. */
export interface SummarizerOptions {
  /** Caps on kept entries. */
  readonly limits?: SummarizerLimits | undefined
}

/** A streaming fold of events into a {@link RunSummary}. */
export interface Summarizer {
  /** Fold one event in (in log order). */
  add(event: AptLogEvent): void
  /** The run model so far; call after the last event (`log.end`). */
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

const isAptOrDpkg = (event: AptLogEvent): event is AptEvent | DpkgEvent => event.type.startsWith('apt.') || event.type.startsWith('dpkg.')

function toProblem(event: ProblemEvent): Problem {
  const p: { -readonly [K in keyof Problem]: Problem[K] } = { kind: event.kind, severity: event.severity, line: event.line, message: event.message }
  if (event.endLine !== undefined) p.endLine = event.endLine
  if (event.cause !== undefined) p.cause = event.cause
  if (event.package !== undefined) p.package = event.package
  if (event.step !== undefined) p.step = event.step
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
  const maxSteps = options?.limits?.steps ?? 10_000
  const maxTransactions = options?.limits?.transactions ?? 10_000
  const maxProblems = options?.limits?.problems ?? 10_000

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

  function close(key: string): void {
    const tx = open.get(key)
    if (tx === undefined) return
    open.delete(key)
    if (finished.length < maxTransactions) finished.push(tx)
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
      tx = new TransactionBuilder(event.step ?? null, event.line)
      open.set(key, tx)
    }
    tx.add(event)
  }

  return {
    add(event: AptLogEvent): void {
      if (isAptOrDpkg(event)) {
        addAptOrDpkg(event)
        return
      }
      switch (event.type) {
        case 'problem':
          if (problems.length < maxProblems) problems.push(toProblem(event))
          break
        case 'docker.build.start':
          buildsStarted++
          break
        case 'docker.build.end':
          if (event.outcome === 'success') buildsSucceeded++
          else if (event.outcome === 'failure') buildsFailed++
          break
        case 'docker.step.start':
          if (!steps.has(event.step) && steps.size < maxSteps) {
            steps.set(event.step, {
              id: event.step,
              stage: event.stage,
              instruction: event.instruction,
              name: event.name,
              status: 'unknown',
              durationMs: undefined,
              exitCode: undefined,
              line: event.line,
            })
          }
          break
        case 'docker.step.end': {
          const record = steps.get(event.step)
          if (record !== undefined) {
            record.status = event.status
            if (event.durationMs !== undefined) record.durationMs = event.durationMs
            if (event.exitCode !== undefined) record.exitCode = event.exitCode
          }
          close(event.step)
          break
        }
        case 'log.end':
          lines = event.lines
          unrecognized = event.unrecognized
          break
        default:
          break
      }
    },

    finish(): RunSummary {
      for (const key of [...open.keys()]) close(key)
      finished.sort((a, b) => a.line - b.line)
      const transactions: Transaction[] = finished.map((tx) => tx.build())
      const rootCause = findRootCause(problems)
      const stepList = [...steps.values()].map(toStep)
      const failed = problems.some(isFatal) || buildsFailed > 0 || stepList.some((s) => s.status === 'error')
      let outcome: RunSummary['outcome'] = 'unknown'
      if (failed) outcome = 'failure'
      else if (buildsStarted > 0) outcome = buildsSucceeded >= buildsStarted ? 'success' : 'unknown'
      else if (transactions.length > 0 || stepList.length > 0) outcome = 'success'
      if (stepList.length === 0 && transactions.length > 0) {
        stepList.push({ id: 'log', instruction: null, status: outcome === 'failure' ? 'error' : outcome === 'success' ? 'done' : 'unknown', line: transactions[0]?.line ?? 1 })
      }
      const findings: Finding[] = []
      const essential = essentialPackagesFinding(finished)
      if (essential !== undefined) findings.push(essential)
      const gen = generationFinding(generation)
      if (gen !== undefined) findings.push(gen)
      const sources = sourcesFinding(transactions)
      if (sources !== undefined) findings.push(sources)
      return { outcome, rootCause, problems: [...problems], findings, steps: stepList, transactions, aptGeneration: generation, lines, unrecognized }
    },
  }
}

/** Fold a whole list of events. */
export function summarize(events: Iterable<AptLogEvent>, options?: SummarizerOptions): RunSummary {
  const summarizer = createSummarizer(options)
  for (const event of events) summarizer.add(event)
  return summarizer.finish()
}

/** Fold an async stream of events (e.g. `parseStream(…)`). */
export async function summarizeStream(events: AsyncIterable<AptLogEvent>, options?: SummarizerOptions): Promise<RunSummary> {
  const summarizer = createSummarizer(options)
  for await (const event of events) summarizer.add(event)
  return summarizer.finish()
}
