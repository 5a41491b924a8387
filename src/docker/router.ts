/**
 * The docker layer: recognises docker build framing line by line, with no configuration (a CI log
 * may hold a legacy build, a BuildKit build, rawjson, Podman and plain apt output one after the
 * other), and hands each step's output to that step's own stream context. Lines outside any build
 * go to one default stream context, without a `step`.
 *
 * Per line: an open docker block (a notice's continuation lines, an echo block, a source excerpt,
 * the `Successfully tagged` lines) reads it first; then a rawjson object; then the first-character
 * dispatch of the docker rules, each accepted only where the build state allows it; anything else is
 * output of the open step, or of no step.
 * @module
 */

import { createStreamContext, type StreamContext } from '../context/stream-context.ts'
import type { DockerBuilder, DockerContextEvent, DockerErrorEvent, DockerNoticeEvent } from '../events/docker.ts'
import type { LineContext } from '../events/base.ts'
import { startEvent } from '../grammar/event.ts'
import { createDispatch, type Rule, type RuleHit } from '../grammar/rules.ts'
import type { Emit } from '../grammar/types.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE, type Verdict } from '../grammar/verdict.ts'
import { lastFrame } from '../lines/frames.ts'
import { readGutter } from '../lines/margin.ts'
import { DEFAULT_MAX_LINE_LENGTH } from '../lines/splitter.ts'
import { createBuildCounter, reportBuildFailed, type BuildRecord } from './build.ts'
import { COMPOSE_RULES } from './compose-rules.ts'
import { createPlainBuild, type PlainBuild, type PlainLine } from './buildkit-plain.ts'
import { createTtyBuild, type TtyBuild } from './buildkit-tty.ts'
import { openEchoBlock, openHeadlessEchoBlock } from './echo-block.ts'
import { ECHO_OPEN, isTimedReplay, mayOpenSource, SOURCE_OPEN } from './echo-rules.ts'
import { isCommandLineError } from './final-error-rules.ts'
import { createSequentialBuild, type SequentialBuild } from './legacy.ts'
import type { DockerLine, FinalErrorLine, StepFailureLine } from './line-kinds.ts'
import { openNoticeBlock } from './notice-block.ts'
import { createRawjsonBuild, type RawjsonBuild } from './rawjson.ts'
import { RAWJSON_OBJECT } from './rawjson-rules.ts'
import { KEYED_DOCKER_LINE_RULES } from './rules.ts'
import { createKeyedDispatch } from './keyed-dispatch.ts'
import { dockerProblem, lineContext, type DockerSession, type LineAt, type OpenBlock } from './session.ts'
import { isDockerfileName, openSourceBlock } from './source-block.ts'
import { isFromInstruction, parseVertexName } from './vertex-name.ts'
import { isBlank } from '../lines/chars.ts'
import { fastPaths } from '../lines/fast-path.ts'
import { logPayloadAt, matchPlainLine, vertexNumber, vertexRest } from './buildkit-plain-rules.ts'

/** Routes lines: docker framing is recognised here, payloads go to per-step stream contexts. */
export interface LineRouter {
  /** One line with CI prefix and ANSI removed (bare CRs still inside). */
  line(text: string, lineNo: number, ts: string | undefined): Verdict
  /**
   * A CI group opens or closes (`##[endgroup]`, GitLab `section_end`): a BuildKit build whose
   * vertices have all completed ends here, before the marker's event, since no build output
   * crosses a CI step's group.
   */
  boundary(): void
  /**
   * The job's output ended (a CI runner's verdict line): close the open blocks of the lines
   * outside any build, so their events come before the verdict's.
   */
  endOfOutput(): void
  /** End of input: close every open step and block. */
  end(lastLine: number): void
}

/** Channels read at once; past this, a new channel's lines share the stream context of lines outside any build. */
const MAX_CHANNELS = 64

/** Rule id of events no line proves: a step or build end inferred from what came next, or from the end of the input. */
export const INFERRED_END_RULE = 'docker.inferred-end'

type Active = SequentialBuild | PlainBuild | RawjsonBuild | TtyBuild

const BUILD_DEFINITION = '[internal] load build definition from '

/**
 * A BuildKit header that may open a build when none is being read: a Dockerfile or internal vertex
 * (`#1 [internal] load build definition from Dockerfile`, `#4 [1/4] FROM …`). Inside a legacy RUN
 * step, whose output can hold anything, only the first vertex of a build counts.
 */
function opensBuildkitBuild(text: string, insideLegacyStep: boolean): boolean {
  if (insideLegacyStep) return text.startsWith(BUILD_DEFINITION)
  if (text.charCodeAt(0) !== 0x5b) return false
  const name = parseVertexName(text)
  return !name.internal || text.startsWith('[internal] ') || text.startsWith('[auth] ')
}

/**
 * A BuildKit line that opens a build when none is being read. A header does (see
 * {@link opensBuildkitBuild}); so does, outside a legacy RUN step, any line only a BuildKit printer
 * writes — `#6 3.130 text`, `#6 ERROR: …`, `#6 DONE 1.2s`, `#6 CACHED` …: an excerpt that starts
 * in the middle of a vertex. A bare `#6 text` is not enough (a comment, a Markdown list).
 */
function opensHeaderless(line: PlainLine, insideLegacyStep: boolean): boolean {
  if (line.kind === 'bk.other') return opensBuildkitBuild(line.text, insideLegacyStep)
  return !insideLegacyStep
}

/** The keyed docker rules on a line's first two characters (with fast paths on), compiled once. */
const KEYED_DISPATCH = createKeyedDispatch(KEYED_DOCKER_LINE_RULES)

/** First characters some keyed docker rule is keyed on (1), by character code below 128. */
const KEYED_FIRST: Uint8Array = keyedFirstCharacters(KEYED_DOCKER_LINE_RULES)

/**
 * No docker rule can take the line: no keyed rule's first character, not a rawjson object, not a
 * source-excerpt header. Such a line is output (of the open step, or of no step).
 */
function outputOnly(first: number, text: string): boolean {
  return KEYED_FIRST[first] !== 1 && first !== 0x7b && !mayOpenSource(text)
}

function keyedFirstCharacters(rules: readonly Rule<unknown>[]): Uint8Array {
  const keyed = new Uint8Array(128)
  for (const rule of rules) for (let i = 0; i < rule.first.length; i++) keyed[rule.first.charCodeAt(i)] = 1
  return keyed
}

/**
 * Create the router for one parse. `newContext` makes the stream context of each step and of the
 * lines outside any step (tests pass one that records what each context receives).
 */
export function createLineRouter(
  emit: Emit,
  newContext: () => StreamContext = () => createStreamContext(emit),
  maxLineLength: number = DEFAULT_MAX_LINE_LENGTH,
): LineRouter {
  const session: DockerSession = { emit, outside: newContext(), newContext, maxLineLength, liveContexts: new Set(), lastLive: undefined }
  const counter = createBuildCounter()
  const dispatch = createDispatch(KEYED_DOCKER_LINE_RULES)
  const composeDispatch = createDispatch(COMPOSE_RULES)
  let active: Active | undefined
  let block: OpenBlock | undefined
  /** Stream contexts of gutter channels (compose services), by name. */
  const channels = new Map<string, StreamContext>()
  /** The build a failure line ended, until another build starts or unrelated output comes: a repeated final line is not a new failure. */
  let lastFailed: BuildRecord | undefined
  /** Final error lines read so far. */
  let failureLines = 0
  /** The last two non-blank lines read outside any build: a usage text names its error only there. */
  let lastOutside: string | undefined
  let beforeLast: string | undefined

  function closeBlock(cut = false): void {
    const closing = block
    block = undefined
    closing?.close(cut)
  }

  function finishActive(rule: string): void {
    const closing = active
    active = undefined
    closing?.finish(rule)
  }

  function begin(builder: DockerBuilder, at: LineAt, rule: string): BuildRecord {
    finishActive(rule)
    // A block still open outside (apt's `E:` lines before `docker build`) ends before the build's events.
    session.outside.flush()
    lastFailed = undefined
    return counter.start(builder, session, at, rule)
  }

  function beginSequential(builder: 'legacy' | 'podman', at: LineAt, rule: string): SequentialBuild {
    const build = createSequentialBuild(begin(builder, at, rule), session)
    active = build
    return build
  }

  function beginPlain(at: LineAt, rule: string): PlainBuild {
    const build = createPlainBuild(begin('buildkit', at, rule), session)
    active = build
    return build
  }

  function beginTty(at: LineAt, rule: string): TtyBuild {
    const build = createTtyBuild(begin('buildkit', at, rule), session)
    active = build
    return build
  }

  function sequential(builder?: DockerBuilder): SequentialBuild | undefined {
    return active?.kind === 'sequential' && (builder === undefined || active.record.builder === builder) ? active : undefined
  }

  /** A line outside any step; `at` is its line context. */
  function outside(text: string, at: LineContext): Verdict {
    if (!isBlank(text)) {
      beforeLast = lastOutside
      lastOutside = text
    }
    const verdict = session.outside.line(text, at)
    if (verdict !== UNRECOGNIZED && verdict !== UNRECOGNIZED_APT_LIKE) return verdict
    return composeLine(text, at) ?? verdict
  }

  /**
   * A line outside any build that no grammar took: Docker Compose's own (`web_1 exited with code
   * 100`, `Creating web_1 ... done`), or a container's output behind its gutter (`web_1  | E: …`),
   * read by the service's own stream context. Only such lines pay for these checks.
   */
  function composeLine(raw: string, at: LineAt): Verdict | undefined {
    // On a terminal compose redraws its lines (`Creating web_1 ... \rCreating web_1 ... done`): the last frame is what it said.
    const text = lastFrame(raw)
    const hit = composeDispatch.match(text)
    if (hit !== undefined) {
      const line = hit.value
      if (line.kind === 'compose.progress') return IGNORED
      if (line.kind === 'final.error') return finalError(line, text, hit.rule.id, at)
      if (line.exitCode === 0) return IGNORED
      // The container's output is complete: its open blocks (an `E:` message) come before this line's problem.
      flushChannel(line.container)
      session.emit(dockerProblem(lineContext(at), hit.rule.id, 'docker.service-exited', text.trimEnd()))
      return CONSUMED
    }
    const gutter = readGutter(text)
    return gutter === undefined ? undefined : channelLine(gutter.channel, text.slice(gutter.end), at)
  }

  /** The command-line error docker printed before its usage text (`unknown flag: --progress`), if any. */
  function commandLineError(): string | undefined {
    if (lastOutside !== undefined && isCommandLineError(lastOutside)) return lastOutside
    // `"docker build" requires exactly 1 argument.` / `See 'docker build --help'.` / usage
    if (beforeLast !== undefined && lastOutside?.startsWith("See '") === true && isCommandLineError(beforeLast)) return beforeLast
    return undefined
  }

  /** A line that names a failed step and ends the build (legacy `The command …`, `COPY failed:`, Podman `Error: building at STEP …`). */
  function stepFailure(line: StepFailureLine, rule: string, at: LineAt): Verdict {
    const build = sequential()
    // The step's own events (apt's `E:` block still open) come before the failure line's.
    build?.settle()
    emitError(line.form, line.text, line.exitCode, line.command, rule, at)
    let record = lastFailed
    if (build !== undefined) {
      build.failStep(line, at, rule)
      active = undefined
      build.finish(rule, at, 'failure', line.exitCode)
      record = build.record
    }
    reportBuildFailed(record, line.text, session, at, rule)
    lastFailed = record
    return CONSUMED
  }

  function finalError(line: FinalErrorLine, text: string, rule: string, at: LineAt): Verdict {
    failureLines++
    const build = active
    build?.settle()
    emitError(line.form, text, line.exitCode, line.command, rule, at)
    let record = lastFailed
    if (build !== undefined) {
      build.record.failed = true
      active = undefined
      build.finish(rule, at, 'failure', line.exitCode)
      record = build.record
    }
    reportBuildFailed(record, text, session, at, rule)
    lastFailed = record
    return CONSUMED
  }

  function emitError(form: FinalErrorLine['form'], text: string, exitCode: number | undefined, command: string | undefined, rule: string, at: LineAt): void {
    const event = startEvent<DockerErrorEvent>('docker.error', lineContext(at), rule)
    event.form = form
    event.text = text
    if (exitCode !== undefined) event.exitCode = exitCode
    if (command !== undefined) event.command = command
    session.emit(event)
  }

  /** A dispatched docker line; undefined when the build state does not allow it here (it is then output). */
  function handle(line: DockerLine, rule: string, text: string, at: LineContext, insideLegacyStep: boolean): Verdict | undefined {
    switch (line.kind) {
      case 'bk.description': {
        beginPlain(at, rule)
        const event = startEvent<DockerNoticeEvent>('docker.notice', at, rule)
        event.notice = 'builder-instance'
        event.text = line.text
        session.emit(event)
        return CONSUMED
      }
      case 'bk.log':
      case 'bk.done':
      case 'bk.cached':
      case 'bk.canceled':
      case 'bk.paused':
      case 'bk.error':
      case 'bk.warn':
      case 'bk.digest':
      case 'bk.other': {
        let build = active?.kind === 'plain' ? active : undefined
        if (build !== undefined && line.kind === 'bk.other' && build.startsNewBuild(line.n, line.text) && opensBuildkitBuild(line.text, false)) {
          build = beginPlain(at, rule)
        }
        if (build === undefined) {
          if (!opensHeaderless(line, insideLegacyStep)) return undefined
          build = beginPlain(at, rule)
        }
        return build.line(line, at, rule)
      }
      case 'tty.header': {
        if (insideLegacyStep) return undefined
        const build = active?.kind === 'tty' && !active.startsNewBuild() ? active : beginTty(at, rule)
        return build.header(line, at)
      }
      case 'tty.job': {
        if (active?.kind === 'tty') return active.job(line, at, rule)
        // A pasted final screen without its header: a job line with its time or status word.
        if (insideLegacyStep || (line.status === undefined && line.durationMs === undefined)) return undefined
        return beginTty(at, rule).job(line, at, rule)
      }
      case 'tty.detail':
        return active?.kind === 'tty' ? active.detail(line, at, rule) : undefined
      // Read only on lines outside any build that no grammar took (composeLine).
      case 'compose.progress':
      case 'compose.exited':
        return undefined
      case 'legacy.context': {
        beginSequential('legacy', at, rule)
        const event = startEvent<DockerContextEvent>('docker.context', at, rule)
        event.bytes = line.bytes
        event.size = line.size
        session.emit(event)
        return CONSUMED
      }
      case 'legacy.step': {
        const build = sequential('legacy')
        ;(build !== undefined && build.continues(line) ? build : beginSequential('legacy', at, rule)).step(line, at, rule)
        return CONSUMED
      }
      case 'podman.step': {
        const build = sequential('podman')
        if (build !== undefined && build.continues(line)) build.step(line, at, rule)
        // Every Podman stage starts with its FROM step: `STEP 1/3: …` in prose is not a build.
        else if (line.stage !== undefined || isFromInstruction(line.instruction)) beginSequential('podman', at, rule).step(line, at, rule)
        else return undefined
        return CONSUMED
      }
      case 'legacy.running-in':
        return sequential('legacy')?.info('running-in', line.value, at, rule)
      case 'legacy.image':
        return sequential('legacy')?.info('image', line.value, at, rule)
      case 'legacy.removed-container':
        return sequential('legacy')?.info('removed-container', line.value, at, rule)
      case 'legacy.warning':
        return sequential('legacy')?.info('warning', line.value, at, rule)
      case 'legacy.using-cache':
        return sequential('legacy')?.usingCache('', at, rule)
      case 'podman.using-cache':
        return sequential('podman')?.usingCache(line.value, at, rule)
      case 'podman.image':
        return sequential('podman')?.info('image', line.value, at, rule)
      case 'podman.cache-transfer':
      case 'podman.commit':
        return sequential('podman')?.info('status', line.value, at, rule)
      case 'podman.image-id': {
        const build = sequential('podman')
        if (build === undefined) return undefined
        build.record.imageId = line.value
        active = undefined
        build.finish(rule, at, 'success')
        return CONSUMED
      }
      case 'legacy.built': {
        const build = sequential('legacy')
        if (build === undefined) return undefined
        active = undefined
        block = build.built(line.imageId, at, rule)
        return CONSUMED
      }
      case 'legacy.tagged': {
        const build = sequential('podman')
        if (build === undefined) return undefined
        build.tagged(line.tag, at)
        return CONSUMED
      }
      case 'legacy.cancelled': {
        const build = sequential()
        if (build === undefined) return undefined
        build.cancelStep(at, rule)
        active = undefined
        build.finish(rule, at, 'failure')
        return CONSUMED
      }
      case 'legacy.copy-failed':
        return insideLegacyStep ? stepFailure(line, rule, at) : undefined
      case 'legacy.nonzero':
      case 'podman.error':
        return stepFailure(line, rule, at)
      case 'final.error': {
        if (insideLegacyStep) return undefined
        if (line.usage !== true) return finalError(line, text, rule, at)
        const error = active === undefined ? commandLineError() : undefined
        return error === undefined ? undefined : finalError({ ...line, exitCode: 125 }, error, rule, at)
      }
      case 'notice': {
        const starts = line.notice === 'legacy-deprecated' || line.notice === 'buildx-missing'
        if (insideLegacyStep && !starts) return undefined
        // The banner and the buildx message come first in a new docker invocation.
        if (starts) {
          finishActive(rule)
          lastFailed = undefined
        }
        block = openNoticeBlock(line, rule, session, at)
        return CONSUMED
      }
      case 'echo.open':
      case 'source.open': {
        const build = active
        // After a BuildKit vertex failed, before the build's final error line.
        if (build !== undefined && build.kind !== 'sequential' && build.record.failed) {
          block = line.kind === 'echo.open' ? openEchoBlock(session, at, (name, nameAt) => build.echoTarget(name, nameAt, rule)) : openSourceBlock(line, session, at)
          return CONSUMED
        }
        // A Dockerfile excerpt alone (`--progress=quiet`, a paste): held until its frame proves it.
        if (line.kind === 'source.open') {
          if (insideLegacyStep || build?.kind === 'sequential' || !isDockerfileName(line.file)) return undefined
          block = openSourceBlock(line, session, at, true)
          return IGNORED
        }
        // A pasted error box: the failure it shows is not in the log (an excerpt), or no build is.
        if (!insideLegacyStep && build?.kind !== 'sequential' && build?.kind !== 'rawjson') {
          block = openEchoBlock(session, at, (name, nameAt) => (active?.kind === 'plain' || active?.kind === 'tty' ? active : beginPlain(nameAt, rule)).echoTarget(name, nameAt, rule), true)
          // The frame alone proves nothing yet; the block's event covers it once ` > name:` follows.
          return IGNORED
        }
        return undefined
      }
    }
  }

  /**
   * Close the open blocks of the channel a container exit names: v2 prints the gutter's name
   * (`web-1`), v1 the container's (`project_web_1` for the gutter `web_1`). Unsure, all of them.
   */
  function flushChannel(container: string): void {
    for (const [name, context] of channels) {
      if (container === name || container.endsWith(`_${name}`) || container.endsWith(`-${name}`)) {
        context.flush()
        return
      }
    }
    for (const context of channels.values()) context.flush()
  }

  /** A line of a gutter channel: a container's output, never docker framing. */
  function channelLine(channel: string, text: string, at: LineAt): Verdict {
    let context = channels.get(channel)
    if (context === undefined) {
      // Past the cap, no more gutters are read: a line made of gutters would otherwise nest one call per `name | `.
      if (channels.size >= MAX_CHANNELS) return session.outside.line(text, lineContext(at))
      context = newContext()
      channels.set(channel, context)
    }
    return context.line(text, lineContext(at))
  }

  /** The input starts inside an error box (a replayed line, then its closing frame): read its lines as a failed step's. */
  function startsInsideBox(text: string, at: LineAt): Verdict | undefined {
    if (!isTimedReplay(text)) return undefined
    block = openHeadlessEchoBlock(session, at, (name, nameAt) => beginPlain(nameAt, ECHO_OPEN.id).echoTarget(name, nameAt, ECHO_OPEN.id))
    const verdict = block.offer(text, at)
    if (verdict === undefined) block = undefined
    return verdict
  }

  /** The docker rule that takes the line, first in table order: the keyed ones, then the source-excerpt header. */
  function docker(first: number, text: string): RuleHit<DockerLine> | undefined {
    let hit: RuleHit<DockerLine> | undefined
    if (!fastPaths.enabled) hit = dispatch.match(text)
    else if (first === 0x23) {
      // Every `#` rule is a BuildKit plain rule: the character after `#N ` picks the one or two that can match.
      const rest = vertexRest(text)
      hit = rest === -1 ? undefined : matchPlainLine(text, rest)
    } else hit = KEYED_DISPATCH.match(text)
    if (hit !== undefined || !mayOpenSource(text)) return hit
    const source = SOURCE_OPEN.match(text)
    return source === undefined ? undefined : { rule: SOURCE_OPEN, value: source }
  }

  /**
   * The commonest lines of a BuildKit plain build, read before the rule table: a vertex's output
   * line `#5 0.354 Get:1 …`, and a line no docker rule can take right after one (a frame GitHub
   * Actions split at a bare CR). Undefined: the general reading decides.
   */
  function plainFast(build: PlainBuild, text: string, lineNo: number, ts: string | undefined): Verdict | undefined {
    const first = text.charCodeAt(0)
    if (first === 0x23) {
      const rest = vertexRest(text)
      const payload = rest === -1 ? -1 : logPayloadAt(text, rest)
      return payload === -1 ? undefined : build.log(vertexNumber(text, rest), text.slice(payload), lineNo, ts)
    }
    return outputOnly(first, text) && !isBlank(text) ? build.continuation(text, lineNo, ts) : undefined
  }

  /**
   * Inside a legacy or Podman step, a line no docker rule takes is the step's output (a rawjson
   * object too: only a line outside a step can start a rawjson build).
   */
  function sequentialFast(build: SequentialBuild, text: string, lineNo: number, ts: string | undefined): Verdict | undefined {
    if (!build.inStep()) return undefined
    const first = text.charCodeAt(0)
    if (!outputOnly(first, text) && docker(first, text) !== undefined) return undefined
    return build.output(text, lineNo, ts)
  }

  /** A line no docker rule can take, wherever it comes. */
  function other(text: string, at: LineContext): Verdict {
    const build = active
    if (build === undefined && lastOutside === undefined && counter.started() === 0) {
      const verdict = startsInsideBox(text, at)
      if (verdict !== undefined) return verdict
    }
    if (build === undefined) {
      // A failure line of compose after the build's own (`Service 'web' failed to build`) repeats it.
      const seen = failureLines
      const verdict = outside(text, at)
      if (failureLines === seen) lastFailed = undefined
      return verdict
    }
    if (build.kind === 'sequential') return build.output(text, at.line, at.ts)
    if (isBlank(text)) {
      if (build.kind === 'plain') build.blank()
      return IGNORED
    }
    if (build.kind === 'plain') {
      const verdict = build.continuation(text, at.line, at.ts)
      if (verdict !== undefined) return verdict
    }
    // BuildKit prints no end line after a successful build: a foreign line once every vertex has completed ends it.
    if (build.idle()) finishActive(INFERRED_END_RULE)
    return outside(text, at)
  }

  return {
    line(text, lineNo, ts) {
      if (block === undefined && active !== undefined && fastPaths.enabled) {
        // Most lines are a step's output: read before the line's own object is made (its step context is).
        const verdict = active.kind === 'plain' ? plainFast(active, text, lineNo, ts) : active.kind === 'sequential' ? sequentialFast(active, text, lineNo, ts) : undefined
        if (verdict !== undefined) return verdict
      }
      // One object per line: where it is, and the line context of a line outside any step.
      const at: LineContext = { line: lineNo, ts, step: undefined, stage: undefined }
      if (block !== undefined) {
        const verdict = block.offer(text, at)
        if (verdict !== undefined) {
          if (block.done()) block = undefined
          return verdict
        }
        closeBlock()
      }
      const first = text.charCodeAt(0)
      const build = active
      const insideLegacyStep = build?.kind === 'sequential' && build.inStep()
      if (first === 0x7b && !insideLegacyStep) {
        const status = RAWJSON_OBJECT.match(text)
        if (status !== undefined) {
          let rawjson = build?.kind === 'rawjson' && !build.startsNewBuild(status) ? build : undefined
          if (rawjson === undefined) {
            rawjson = createRawjsonBuild(begin('rawjson', at, RAWJSON_OBJECT.id), session)
            active = rawjson
          }
          return rawjson.update(status, at)
        }
        if (build?.kind === 'rawjson') build.malformed()
      }
      if (!fastPaths.enabled || !outputOnly(first, text)) {
        const hit = docker(first, text)
        if (hit !== undefined) {
          const verdict = handle(hit.value, hit.rule.id, text, at, insideLegacyStep)
          if (verdict !== undefined) return verdict
        }
      }
      return other(text, at)
    },
    boundary() {
      if (active?.kind === 'plain' && active.idle()) finishActive(INFERRED_END_RULE)
    },
    endOfOutput() {
      closeBlock()
      active?.settle()
      session.outside.flush()
    },
    end() {
      closeBlock(true)
      finishActive(INFERRED_END_RULE)
      session.outside.flush()
      for (const context of channels.values()) context.flush()
    },
  }
}
