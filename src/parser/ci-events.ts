/**
 * The events of a CI runner's own lines: `ci.group.start`/`ci.group.end`/`ci.annotation` from the
 * markers `lines/ci-prefix.ts` reads, and the `ci.job-failed` problem of a runner's failure line
 * (`lines/ci-job-result.ts` recognises it). The runner's lines go to no grammar, so their events
 * are built here and the facade only routes.
 * @module
 */

import type { CiAnnotationEvent, CiGroupEndEvent, CiGroupStartEvent, ProblemEvent } from '../events/index.ts'
import { githubStepFailure } from '../lines/ci-job-result.ts'
import type { CiMarker } from '../lines/ci-prefix.ts'

/** Kind and rule of the CI runner's own failure line. */
export const CI_JOB_FAILED = 'ci.job-failed'

/** The event of one CI marker, at `line` (with the line's timestamp when it had one). */
export function ciMarkerEvent(marker: CiMarker, line: number, ts: string | undefined): CiGroupStartEvent | CiGroupEndEvent | CiAnnotationEvent {
  const base = ts === undefined ? { line } : { line, ts }
  if (marker.kind === 'group-start') {
    const event = { type: 'ci.group.start', ...base, rule: 'ci.group.start', name: marker.name, title: marker.title } as const
    return marker.epoch === undefined ? event : { ...event, epoch: marker.epoch }
  }
  if (marker.kind === 'group-end') {
    const event = { type: 'ci.group.end', ...base, rule: 'ci.group.end', name: marker.name } as const
    return marker.epoch === undefined ? event : { ...event, epoch: marker.epoch }
  }
  return { type: 'ci.annotation', ...base, rule: 'ci.annotation', level: marker.level, message: marker.message }
}

/** Whether a marker is GitHub's step verdict (`##[error]Process completed with exit code 100.`): the job failed. */
export function isStepFailure(marker: CiMarker): boolean {
  return marker.kind === 'annotation' && marker.level === 'error' && githubStepFailure(marker.message) !== undefined
}

/** The `ci.job-failed` problem of a runner's failure line or step verdict, saying what the runner said. */
export function jobFailedProblem(message: string, line: number, ts: string | undefined): ProblemEvent {
  return { type: 'problem', line, ...(ts === undefined ? {} : { ts }), rule: CI_JOB_FAILED, kind: CI_JOB_FAILED, severity: 'error', message }
}
