/**
 * The event union: a discriminated union on `type`, readonly and JSON-serialisable.
 * @module
 */

import type { AptEvent } from './apt.ts'
import type { DockerEvent } from './docker.ts'
import type { DpkgEvent } from './dpkg.ts'
import type { EnvEvent } from './env.ts'
import type { LogEvent } from './log.ts'
import type { LogfileEvent } from './logfile.ts'
import type { ProblemEvent } from './problem.ts'

export type * from './apt.ts'
export type * from './base.ts'
export type * from './docker.ts'
export type * from './dpkg.ts'
export type * from './env.ts'
export type * from './log.ts'
export type * from './logfile.ts'
export type * from './problem.ts'
export { baseFields } from './base.ts'

/** Every event aptlog emits. Narrow on `type`. */
export type AptLogEvent = LogEvent | AptEvent | DpkgEvent | DockerEvent | LogfileEvent | EnvEvent | ProblemEvent

/** All `type` values. */
export type AptLogEventType = AptLogEvent['type']

/** The event interface for one `type`: `EventOf<'apt.fetched'>`. */
export type EventOf<T extends AptLogEventType> = Extract<AptLogEvent, { readonly type: T }>
