/**
 * One log as the fleet sees it: the few fields of its run model that add up across runs (outcome,
 * root cause with its evidence line, culprit package, steps, environment, repositories). This is
 * the line `aptlog fleet --runs FILE` writes per log, and what a fleet aggregate adds.
 * @module
 */

import { cutEnd } from '../events/budget.ts'
import type { AptGeneration, RunSummary } from '../run/types.ts'

/** Longest path, message, evidence line or fact value kept (longer ones end in `…`): a run record stays small whatever the log holds. */
export const FLEET_TEXT_LIMIT = 512

/** The root cause of a run, with the line that proves it. */
export interface FleetRunCause {
  /** Problem kind (`dpkg.pre-dependency`). */
  readonly kind: string
  /** Finer cause within the kind (`http-404`), or `null`. */
  readonly cause: string | null
  /** The problem's one-line message. */
  readonly message: string
  /** Its first line in the log. */
  readonly line: number
  /** The log's own text of that line (ANSI removed), or `''` when it was not kept. */
  readonly evidence: string
}

/** One environment fact of a run. */
export interface FleetFact {
  /** Which fact (`kernel`, `base-image`, `docker-engine-version` …; docs/environment.md). */
  readonly fact: string
  /** `host` (printed outside any docker step) or `image`. */
  readonly scope: 'host' | 'image'
  /** Its value as printed. */
  readonly value: string
}

/** One log's record in a fleet. JSON-serialisable; one NDJSON line of `--runs`. */
export interface FleetRun {
  /** Where the log was read (as the user named it, or found under a directory they named). */
  readonly path: string
  /** The run's outcome. */
  readonly outcome: 'success' | 'failure' | 'unknown'
  /** The root cause, or `null`. */
  readonly rootCause: FleetRunCause | null
  /** The package the root cause names, or `null`. */
  readonly culprit: string | null
  /** Docker steps: how many, and how many ended in an error. */
  readonly steps: { readonly total: number; readonly failed: number }
  /** apt generation, when the log showed apt output. */
  readonly aptGeneration: AptGeneration | null
  /** Environment facts, first of each kind and scope. */
  readonly environment: readonly FleetFact[]
  /** Repository URIs apt fetched from (distinct, first named first). */
  readonly mirrors: readonly string[]
  /** Suites apt fetched (distinct, first named first). */
  readonly suites: readonly string[]
  /** Physical lines of the log. */
  readonly lines: number
}

/** Why an input gave no run: it could not be read, or the worker reading it died. */
export type FleetInputReason = 'unreadable' | 'crashed' | 'out-of-memory'

/** An input that gave no run. */
export interface FleetInputFailure {
  /** The input. */
  readonly path: string
  /** Why. */
  readonly reason: FleetInputReason
  /** The error, one line. */
  readonly message: string
}

/** `s` cut to {@link FLEET_TEXT_LIMIT} characters (never inside a surrogate pair). */
export function clip(s: string): string {
  return s.length <= FLEET_TEXT_LIMIT ? s : `${s.slice(0, cutEnd(s, FLEET_TEXT_LIMIT - 1))}…`
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].map(clip)
}

/**
 * The fleet record of a run. `evidence` is the evidence collector's lines (`format/evidence.ts`);
 * the root cause's first line is taken from it.
 */
export function fleetRunOf(path: string, summary: RunSummary, evidence?: ReadonlyMap<number, string>): FleetRun {
  const root = summary.rootCause
  return {
    path: clip(path),
    outcome: summary.outcome,
    rootCause:
      root === null
        ? null
        : { kind: root.kind, cause: root.cause === undefined ? null : clip(root.cause), message: clip(root.message), line: root.line, evidence: clip(evidence?.get(root.line) ?? '') },
    culprit: root?.package === undefined ? null : clip(root.package),
    steps: { total: summary.steps.length, failed: summary.steps.filter((s) => s.status === 'error').length },
    aptGeneration: summary.aptGeneration,
    environment: summary.environment.map((f) => ({ fact: f.fact, scope: f.scope, value: clip(f.value) })),
    mirrors: distinct(summary.repositories.map((r) => r.uri)),
    suites: distinct(summary.repositories.map((r) => r.suite)),
    lines: summary.lines,
  }
}
