/**
 * Line-level events: CI wrapper markers, truncated lines and the end-of-log statistics.
 * @module
 */

import type { CiAnnotationLevel } from '../lines/ci-prefix.ts'
import type { EventBase, LineLocale } from './base.ts'

/** A CI log group opens: GitHub `##[group]Title` or `::group::Title`, GitLab `section_start`. */
export interface CiGroupStartEvent extends EventBase<'ci.group.start'> {
  /** Section name (GitLab) or the title (GitHub, which has no separate name). */
  readonly name: string
  /** Header text shown for the group. */
  readonly title: string
  /** GitLab: the section's start time as the marker carries it, Unix seconds. */
  readonly epoch?: number | undefined
}

/** A CI log group closes: `##[endgroup]`, `::endgroup::`, GitLab `section_end`. */
export interface CiGroupEndEvent extends EventBase<'ci.group.end'> {
  /** Section name (GitLab); `''` for GitHub, whose end marker names nothing. */
  readonly name: string
  /** GitLab: the section's end time as the marker carries it, Unix seconds (minus the start's: its duration). */
  readonly epoch?: number | undefined
}

/** A CI annotation line: `##[error]Process completed with exit code 100.`, `::warning::…`. */
export interface CiAnnotationEvent extends EventBase<'ci.annotation'> {
  /** The tag: error, warning, notice, debug, command or section. */
  readonly level: CiAnnotationLevel
  /** Text after the tag. */
  readonly message: string
}

/** A line longer than the parser's `maxLineLength` was cut; only its first part was read. */
export interface LineTruncatedEvent extends EventBase<'line.truncated'> {
  /** Length of the whole line in UTF-16 code units. */
  readonly length: number
  /** The cap that cut it. */
  readonly limit: number
}

/** Counts for one parse, emitted once by `end()` as the last event. */
export interface LogStats {
  /** Physical lines read (LF-terminated, plus a final unterminated one). */
  readonly lines: number
  /** Lines that are part of an event. */
  readonly recognized: number
  /** Lines known to carry nothing worth an event: blank lines, progress noise, `#N ...` markers. */
  readonly ignored: number
  /** Lines no rule knew. `lines = recognized + ignored + unrecognized`. */
  readonly unrecognized: number
  /** Unrecognized lines that look like apt or dpkg output (a message prefix, a `Get:`-like shape): a sign of an unsupported version or locale. */
  readonly unrecognizedAptLike: number
  /** Lines cut at `maxLineLength`. */
  readonly truncated: number
  /**
   * Lines recognised through the locale tables (docs/locales.md): translated apt and dpkg lines,
   * counted in `recognized` or `ignored` like any other. Absent when there were none.
   */
  readonly localizedLines?: number | undefined
  /**
   * The language most localized lines proved (a line several languages print alike proves none),
   * the first seen on a tie. Absent when no line did: C/English output, or a locale aptlog has no
   * tables for (its lines count in `unrecognizedAptLike`).
   */
  readonly detectedLocale?: LineLocale | undefined
}

/** The end of the input, with the parse statistics. Always the last event. */
export interface LogEndEvent extends EventBase<'log.end'>, LogStats {}

/**
 * Problems the CI layer reports: `ci.job-failed`, the runner's own failure line (GitHub
 * `##[error]Process completed with exit code 100.`, GitLab `ERROR: Job failed: exit code 1`).
 */
export type CiProblemKind = 'ci.job-failed'

/** Every line-level event. */
export type LogEvent = CiGroupStartEvent | CiGroupEndEvent | CiAnnotationEvent | LineTruncatedEvent | LogEndEvent
