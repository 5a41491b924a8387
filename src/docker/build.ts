/**
 * Builds: the counter that makes step ids unique in a log (the n-th build's ids get a `b<n>.`
 * prefix), and the `docker.build.start` / `docker.build.end` events.
 * @module
 */

import type { DockerBuilder, DockerBuildEndEvent, DockerBuildStartEvent } from '../events/docker.ts'
import { startEvent } from '../grammar/event.ts'
import { dockerProblem, lineContext, type DockerSession, type LineAt } from './session.ts'

/** One build being read. */
export interface BuildRecord {
  /** 1-based count of builds in the log. */
  readonly build: number
  /** Renderer. */
  readonly builder: DockerBuilder
  /** Prefix of its step ids: `''` for the first build, `b2.` for the second … */
  readonly prefix: string
  /** Last line that belonged to the build (an inferred end is placed there). */
  lastAt: LineAt
  /** A step failed or a final error line came. */
  failed: boolean
  /** The `docker.build-failed` problem was emitted (once per build). */
  failureReported: boolean
  /** `Successfully built …`, `writing image sha256:…`. */
  imageId: string | undefined
  /** `Successfully tagged …`, `naming to …`: distinct, in order, at most {@link MAX_TAGS}. */
  readonly tags: Set<string>
}

/** Most tags kept per build: a build has a handful; a log with thousands would otherwise grow without bound. */
export const MAX_TAGS = 1000

/** Numbers builds in order of appearance. */
export interface BuildCounter {
  /** Start a build: emit `docker.build.start`. */
  start(builder: DockerBuilder, session: DockerSession, at: LineAt, rule: string): BuildRecord
  /** Builds started so far. */
  started(): number
}

/** Create the counter for one parse. */
export function createBuildCounter(): BuildCounter {
  let count = 0
  return {
    start(builder, session, at, rule) {
      count++
      const event = startEvent<DockerBuildStartEvent>('docker.build.start', lineContext(at), rule)
      event.builder = builder
      event.build = count
      session.emit(event)
      return { build: count, builder, prefix: count === 1 ? '' : `b${count}.`, lastAt: at, failed: false, failureReported: false, imageId: undefined, tags: new Set<string>() }
    },
    started: () => count,
  }
}

/** Record a tag once (`naming to …` can be printed again when the printer comes back to a vertex). */
export function addTag(record: BuildRecord, tag: string): void {
  // A Set: a list's `includes` made a log of many tag lines quadratic (fixtures/fuzz/many-tags.log).
  if (record.tags.size < MAX_TAGS) record.tags.add(tag)
}

/** How a build ends. */
export interface BuildEnd {
  /** Outcome. */
  readonly outcome: DockerBuildEndEvent['outcome']
  /** Exit code named by the final line. */
  readonly exitCode?: number | undefined
  /** No line said so. */
  readonly inferred?: boolean | undefined
  /** Last line of the closing block (`Successfully tagged …` after `Successfully built`). */
  readonly endLine?: number | undefined
  /** The stream stopped inside one of its own records (a rawjson object cut in the middle). */
  readonly cut?: boolean | undefined
}

/** Emit `docker.build.end` at `at`. */
export function emitBuildEnd(record: BuildRecord, end: BuildEnd, session: DockerSession, at: LineAt, rule: string): void {
  const event = startEvent<DockerBuildEndEvent>('docker.build.end', lineContext(at), rule, end.endLine)
  event.build = record.build
  event.builder = record.builder
  event.outcome = end.outcome
  if (record.imageId !== undefined) event.imageId = record.imageId
  if (record.tags.size > 0) event.tags = [...record.tags]
  if (end.exitCode !== undefined) event.exitCode = end.exitCode
  if (end.inferred === true) event.inferred = true
  if (end.cut === true) event.cut = true
  session.emit(event)
}

/** Emit the `docker.build-failed` problem for a build's final error line, unless the build already has one. */
export function reportBuildFailed(record: BuildRecord | undefined, message: string, session: DockerSession, at: LineAt, rule: string): void {
  if (record !== undefined) {
    if (record.failureReported) return
    record.failureReported = true
    record.failed = true
  }
  session.emit(dockerProblem(lineContext(at), rule, 'docker.build-failed', message))
}
