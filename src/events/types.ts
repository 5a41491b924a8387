/**
 * Every event `type`, as a value: what `createParser({ select })` checks a selection against, so a
 * misspelt type is an error instead of a silent empty stream. The compiler keeps the list complete.
 * @module
 */

import type { AptLogEventType } from './index.ts'

const LISTED = [
  'apt.acquire',
  'apt.fetched',
  'apt.history',
  'apt.message',
  'apt.note',
  'apt.phase',
  'apt.plan.counts',
  'apt.plan.disk',
  'apt.plan.download',
  'apt.plan.list',
  'apt.plan.not-fully-installed',
  'apt.simulate',
  'apt.solver',
  'apt.term-log.end',
  'apt.term-log.start',
  'apt.unmet',
  'ci.annotation',
  'ci.group.end',
  'ci.group.start',
  'docker.build.end',
  'docker.build.start',
  'docker.context',
  'docker.echo',
  'docker.error',
  'docker.log-clipped',
  'docker.notice',
  'docker.source',
  'docker.step.end',
  'docker.step.info',
  'docker.step.start',
  'dpkg.database',
  'dpkg.dependency-problems',
  'dpkg.error',
  'dpkg.errors-summary',
  'dpkg.log.action',
  'dpkg.log.conffile',
  'dpkg.log.startup',
  'dpkg.log.status',
  'dpkg.message',
  'dpkg.pre-dependency',
  'dpkg.progress',
  'dpkg.warning',
  'env.fact',
  'line.truncated',
  'log.end',
  'problem',
] as const satisfies readonly AptLogEventType[]

// A type added to the union and not to the list fails to compile here.
type Unlisted = Exclude<AptLogEventType, (typeof LISTED)[number]>
const listComplete: [Unlisted] extends [never] ? true : Unlisted = true
void listComplete

/** Every `type` an event can have, sorted. */
export const EVENT_TYPES: readonly AptLogEventType[] = LISTED
