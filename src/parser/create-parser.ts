/**
 * The parser facade: chunks → decoder → line splitter → CI prefix → ANSI → docker router →
 * per-step stream contexts (apt, dpkg) → events. State lives in closures; events leave as soon as
 * the line that completes them arrives.
 * @module
 */

import { createStreamContext, DEFAULT_GRAMMARS } from '../context/stream-context.ts'
import { createLineRouter, type LineRouter } from '../docker/router.ts'
import type { AptLogEvent, AptLogEventType, LogStats } from '../events/index.ts'
import { EVENT_TYPES } from '../events/types.ts'
import type { Emit } from '../grammar/types.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE, type Verdict } from '../grammar/verdict.ts'
import { stripAnsi } from '../lines/ansi.ts'
import { jobFailureLine } from '../lines/ci-job-result.ts'
import { createCiLineSlot, readCiPrefixAt, type CiMarker } from '../lines/ci-prefix.ts'
import { createChunkDecoder, type Chunk } from '../lines/decoder.ts'
import { isBlankLine, NO_MARGIN, readPrefix } from '../lines/margin.ts'
import { createMarginReader, type MarginReader, type OnMarginLine } from '../lines/margin-reader.ts'
import type { PhysicalLine } from '../lines/margin-wrap.ts'
import { createLineSplitter, DEFAULT_MAX_LINE_LENGTH, type LineSplitter } from '../lines/splitter.ts'
import { createLocaleCounts, mostDetected, type LocaleCounts } from '../locale/tally.ts'
import { ciMarkerEvent, isStepFailure, jobFailedProblem } from './ci-events.ts'
import { AptLogError } from './errors.ts'


/**
 * Options of {@link createParser}.
 *
 * The callbacks are called synchronously from `feed()` and `end()`. If one throws, the parser
 * fails closed: the exception leaves `feed()`/`end()` unchanged, the rest of that chunk is not
 * read, and every later `feed()` or `end()` throws an {@link AptLogError} with code `closed` until
 * `reset()` (a grammar stopped half-way through a line cannot go on with right line numbers and
 * docker state, so the parser never pretends to).
 */
export interface ParserOptions {
  /** Called once per event, in input order, synchronously from `feed()`/`end()`. */
  onEvent?: ((event: AptLogEvent) => void) | undefined
  /** Called for non-fatal problems (a line cut at the cap, an internal fault on one line); parsing continues. */
  onError?: ((error: AptLogError) => void) | undefined
  /**
   * Called with every physical line as read (terminator removed; CI prefix, ANSI and CRs still
   * inside), before the events it completes. For tools that show evidence: keep the lines you
   * need by number.
   */
  onLine?: ((text: string, lineNo: number) => void) | undefined
  /**
   * Called with every line no rule knew (the ones `log.end` counts in `unrecognized`), CI prefix
   * and ANSI removed, right after it is read. `aptLike` is true when it looks like apt or dpkg
   * output (a message prefix, a `Get:`-like shape): an unsupported version or language, worth a
   * bug report. `aptlog parse --unrecognized` prints them.
   */
  onUnrecognized?: ((text: string, lineNo: number, aptLike: boolean) => void) | undefined
  /**
   * Longest line kept, in UTF-16 code units; the rest of a longer line is dropped and the line is
   * flagged with a `line.truncated` event. Bounds memory for a line that never ends.
   * @defaultValue 1_048_576 (1 MiB)
   */
  maxLineLength?: number | undefined
  /**
   * Only events of these types reach `onEvent` (`log.end` always does). The whole log is still
   * read, so the events delivered are exactly those of a full parse filtered to these types, but
   * the commonest progress events (`dpkg.progress`, `dpkg.database`, `apt.acquire`) are not even
   * built when not selected: a consumer that wants only problems pays less. A type that does not
   * exist is a `RangeError`.
   * @example
   * ```ts
   * createParser({ select: ['problem'], onEvent: (p) => report(p) })
   * ```
   */
  select?: readonly AptLogEventType[] | undefined
}

/** A streaming parser. */
export interface AptLogParser {
  /**
   * Parse a chunk of any size and split: `string` or UTF-8 bytes. Throws only what a callback
   * threw, or when called after `end()` or on a parser closed by a callback's exception.
   */
  feed(chunk: Chunk): void
  /** End of input: flushes the last line and open blocks, emits `log.end`. Call once. */
  end(): void
  /** Forget everything, ready for a new log (also after `end()`, or after a callback threw). */
  reset(): void
  /** Counts so far (final after `end()`). */
  readonly stats: LogStats
}

interface MutableStats {
  lines: number
  recognized: number
  ignored: number
  unrecognized: number
  unrecognizedAptLike: number
  truncated: number
}

function zeroStats(): MutableStats {
  return { lines: 0, recognized: 0, ignored: 0, unrecognized: 0, unrecognizedAptLike: 0, truncated: 0 }
}

/** The stats with the locale counts added when there are any (English logs keep the six counts alone). */
function withLocale(stats: MutableStats, locales: LocaleCounts): LogStats {
  const out: { -readonly [K in keyof LogStats]: LogStats[K] } = { ...stats }
  if (locales.localizedLines > 0) out.localizedLines = locales.localizedLines
  const detected = mostDetected(locales)
  if (detected !== undefined) out.detectedLocale = detected
  return out
}

function validate(options: unknown): ParserOptions {
  if (options === undefined) return {}
  if (typeof options === 'function') {
    throw new TypeError('aptlog: createParser() takes an options object, e.g. createParser({ onEvent(event) { … } }), not a function')
  }
  if (typeof options !== 'object' || options === null) throw new TypeError('aptlog: createParser() options must be an object')
  const { maxLineLength } = options as ParserOptions
  if (maxLineLength !== undefined && (!Number.isInteger(maxLineLength) || maxLineLength < 1)) {
    throw new RangeError(`aptlog: maxLineLength must be a positive integer, got ${String(maxLineLength)}`)
  }
  const { select } = options as ParserOptions
  if (select !== undefined) {
    if (!Array.isArray(select)) throw new TypeError('aptlog: select must be an array of event types, e.g. select: [\'problem\']')
    for (const type of select as unknown[]) {
      if (typeof type !== 'string' || !EVENT_TYPES.includes(type as AptLogEventType)) {
        throw new RangeError(`aptlog: select: ${JSON.stringify(type)} is not an event type (they are: ${EVENT_TYPES.join(', ')})`)
      }
    }
  }
  return options as ParserOptions
}

/**
 * Create a streaming parser.
 * @example
 * ```ts
 * const parser = createParser({ onEvent: (e) => { if (e.type === 'problem') console.log(e.kind, e.message) } })
 * for await (const chunk of process.stdin) parser.feed(chunk)
 * parser.end()
 * ```
 */
export function createParser(options?: ParserOptions): AptLogParser {
  const valid = validate(options)
  const maxLineLength = valid.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  let stats = zeroStats()
  /** Lines read through the locale tables and the languages they proved, over every stream context. */
  let locales = createLocaleCounts()
  let ended = false
  /** A callback threw: the exception left feed()/end() and the parser stays closed until reset(). */
  let closed = false

  /**
   * A consumer's callback, closing the parser when it throws: the exception leaves the grammar
   * that called it half-way through a line, so no later line could be read right.
   */
  function guarded<A extends unknown[]>(callback: ((...args: A) => void) | undefined): ((...args: A) => void) | undefined {
    if (callback === undefined) return undefined
    return (...args: A): void => {
      try {
        callback(...args)
      } catch (error) {
        closed = true
        throw error
      }
    }
  }
  const onEvent = guarded(valid.onEvent)
  const onError = guarded(valid.onError)
  const onRawLine = guarded(valid.onLine)
  const onUnrecognized = guarded(valid.onUnrecognized)

  const selected = valid.select === undefined ? undefined : new Set<AptLogEventType>([...valid.select, 'log.end'])
  const emit: Emit =
    selected === undefined
      ? (event): void => {
          if (onEvent !== undefined && !closed) onEvent(event)
        }
      : Object.assign(
          (event: AptLogEvent): void => {
            if (onEvent !== undefined && !closed && selected.has(event.type)) onEvent(event)
          },
          { selected },
        )

  function checkOpen(call: string): void {
    if (closed) throw new AptLogError('closed', `aptlog: ${call} called on a parser that is closed after a callback threw; call reset() to start a new log`, stats.lines)
  }

  function emitMarker(marker: CiMarker, line: number, ts: string | undefined): void {
    const failed = isStepFailure(marker)
    if (failed) endOfOutput(line)
    emit(ciMarkerEvent(marker, line, ts))
    if (failed && marker.kind === 'annotation') emit(jobFailedProblem(marker.message, line, ts))
  }

  /** A runner's verdict line: what the job printed before it is complete. */
  function endOfOutput(lineNo: number): void {
    try {
      router.endOfOutput()
    } catch (error) {
      reportFault(error, lineNo)
    }
  }

  /**
   * An exception from a grammar: a consumer's own (thrown from `onEvent`) goes back to the caller;
   * a fault in a rule must not stop a log processor: it is reported, the line counted, parsing goes on.
   */
  function reportFault(error: unknown, lineNo: number): void {
    if (closed) throw error
    onError?.(new AptLogError('internal', `aptlog could not read line ${lineNo}: ${String(error)}`, lineNo, error))
  }

  function count(verdict: Verdict): void {
    if (verdict === CONSUMED) stats.recognized++
    else if (verdict === IGNORED) stats.ignored++
    else {
      stats.unrecognized++
      if (verdict === UNRECOGNIZED_APT_LIKE) stats.unrecognizedAptLike++
    }
  }

  /** Blank lines in a row, for a paste with a blank line after every line (only every second one is the log's). */
  let blankRun = 0

  function readPhysical(raw: string, lineNo: number, fullLength: number): void {
    stats.lines = lineNo
    onRawLine?.(raw, lineNo)
    if (fullLength > 0) {
      stats.truncated++
      emit({ type: 'line.truncated', line: lineNo, rule: 'line.truncated', length: fullLength, limit: maxLineLength })
      onError?.(new AptLogError('line-too-long', `line ${lineNo} is ${fullLength} characters long; only the first ${maxLineLength} were read`, lineNo))
    }
  }

  /**
   * One line of the log. `pieces`: the physical lines after the first of a line a paste
   * hard-wrapped (`line` is them joined); each is read and counted with the line's verdict, so
   * `lines` stays the input's line count.
   */
  function onLine(raw: string, lineNo: number, fullLength: number, line: string = raw, pieces?: readonly PhysicalLine[]): void {
    readPhysical(raw, lineNo, fullLength)
    if (pieces === undefined) {
      parseLine(line, lineNo)
      return
    }
    for (const piece of pieces) readPhysical(piece.raw, piece.lineNo, piece.fullLength)
    const verdict = parseLine(line, lineNo)
    // The pieces share the verdict of the line they make up.
    for (let i = 0; i < pieces.length; i++) count(verdict)
  }

  /**
   * One line of a log without a paste margin, once no line can be joined to the next: the
   * splitter calls this directly for a line longer than its block, cut at the cap, or joined
   * across chunks (the others come as ranges, to {@link onPlainRange}).
   */
  function onPlainLine(raw: string, lineNo: number, fullLength: number): void {
    if (fullLength > 0) {
      onLine(raw, lineNo, fullLength)
      return
    }
    stats.lines = lineNo
    onRawLine?.(raw, lineNo)
    parseText(raw, lineNo, undefined)
  }

  /**
   * The common line: a whole line of a log without a paste margin, as a range of the splitter's
   * block, from the splitter directly. Only what is kept is cut from the block: the line, or its
   * timestamp and payload.
   */
  function onPlainRange(source: string, from: number, to: number, lineNo: number, hasEscape: boolean): void {
    stats.lines = lineNo
    if (onRawLine !== undefined) {
      const raw = source.slice(from, to)
      onRawLine(raw, lineNo)
      parseText(raw, lineNo, undefined)
    } else if (readCiPrefixAt(source, from, to, ci)) afterCiPrefix(lineNo, undefined, hasEscape)
    else route(source.slice(from, to), lineNo, undefined, hasEscape)
  }

  /** Parse one line of the log: the paste's margin off, then {@link parseText}. */
  function parseLine(line: string, lineNo: number): Verdict {
    const margin = marginReader.margin
    if (margin === NO_MARGIN) return parseText(line, lineNo, undefined)
    let text = line
    let ts: string | undefined
    if (margin.interleaved) {
      if (isBlankLine(text)) {
        blankRun++
        if (blankRun % 2 === 1) {
          stats.ignored++
          return IGNORED
        }
      } else blankRun = 0
    }
    if (margin.indent.length > 0 && text.startsWith(margin.indent)) text = text.slice(margin.indent.length)
    // A paste's prefix (a console clock, a chat name) is outside any CI prefix the log had.
    if (margin.prefix !== undefined) {
      const hit = readPrefix(margin.prefix, text)
      if (hit !== undefined) {
        text = text.slice(hit.end)
        ts = hit.ts
      }
    }
    return parseText(text, lineNo, ts)
  }

  /** The CI prefix of the line being parsed: one record, overwritten line after line. */
  const ci = createCiLineSlot()

  /** Parse one line without its paste margin (`pasteTs`: the paste's clock, if any), count its verdict and return it. */
  function parseText(line: string, lineNo: number, pasteTs: string | undefined): Verdict {
    return readCiPrefixAt(line, 0, line.length, ci) ? afterCiPrefix(lineNo, pasteTs, true) : route(line, lineNo, pasteTs, true)
  }

  /** The rest of a line {@link readCiPrefixAt} found a CI prefix or marker on (in `ci`). */
  function afterCiPrefix(lineNo: number, pasteTs: string | undefined, hasEscape: boolean): Verdict {
    const ts = ci.ts ?? pasteTs
    const text = ci.text
    const markers = ci.markers
    if (markers !== undefined) {
      emitMarkers(markers, lineNo, ts)
      if (text.length === 0) {
        stats.recognized++
        return CONSUMED
      }
    }
    return route(text, lineNo, ts, hasEscape)
  }

  /**
   * A line without its margin and CI prefix: ANSI off, to the router (or, for a runner's verdict
   * line, to none); counts the verdict and returns it. `hasEscape` false: the line holds no ESC.
   */
  function route(text: string, lineNo: number, ts: string | undefined, hasEscape: boolean): Verdict {
    const clean = hasEscape ? stripAnsi(text) : text
    // A runner's job end line (GitLab, GitHub's web view, Travis) is the runner's, not the build's: it goes to no grammar.
    // Only lines starting E, T or D can be one: the call is kept off the common line.
    const first = clean.length === 0 ? 0 : clean.charCodeAt(0)
    if ((first === 0x45 || first === 0x54 || first === 0x44) && jobFailureLine(clean) !== undefined) return jobFailed(clean, lineNo, ts)
    let verdict: Verdict
    try {
      verdict = router.line(clean, lineNo, ts)
    } catch (error) {
      reportFault(error, lineNo)
      verdict = UNRECOGNIZED
    }
    count(verdict)
    if (onUnrecognized !== undefined && verdict !== CONSUMED && verdict !== IGNORED) onUnrecognized(clean, lineNo, verdict === UNRECOGNIZED_APT_LIKE)
    return verdict
  }

  /** The markers of one line, in order; a group marker first ends a finished build (see `LineRouter.boundary`). */
  function emitMarkers(markers: readonly CiMarker[], lineNo: number, ts: string | undefined): void {
    if (markers.some((m) => m.kind !== 'annotation')) {
      try {
        router.boundary()
      } catch (error) {
        reportFault(error, lineNo)
      }
    }
    for (const marker of markers) emitMarker(marker, lineNo, ts)
  }

  /** A runner's failure line: the job's output ends, and the line is a problem of its own. */
  function jobFailed(clean: string, lineNo: number, ts: string | undefined): Verdict {
    endOfOutput(lineNo)
    emit(jobFailedProblem(clean.trimEnd(), lineNo, ts))
    stats.recognized++
    return CONSUMED
  }

  let decoder = createChunkDecoder()
  // Once the margin is decided the reader steps aside: the splitter calls the wrap joiner, then onLine
  // itself, or onPlainRange when the log has no margin (every log a program or a CI runner wrote).
  const settled = (next: OnMarginLine): void => {
    if (next === onLine && marginReader.margin === NO_MARGIN) splitter.redirect(onPlainLine, onPlainRange)
    else splitter.redirect(next)
  }
  let marginReader: MarginReader = createMarginReader(onLine, settled)
  let splitter: LineSplitter = createLineSplitter(marginReader.push, maxLineLength)
  const newRouter = (): LineRouter => createLineRouter(emit, () => createStreamContext(emit, DEFAULT_GRAMMARS, locales), maxLineLength)
  let router: LineRouter = newRouter()

  return {
    feed(chunk: Chunk): void {
      checkOpen('feed()')
      if (ended) throw new Error('aptlog: feed() called after end(); call reset() to start a new log')
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw new TypeError(`aptlog: feed() takes a string or a Uint8Array, got ${chunk === null ? 'null' : typeof chunk}`)
      }
      splitter.push(decoder.decode(chunk))
    },
    end(): void {
      checkOpen('end()')
      if (ended) throw new Error('aptlog: end() called twice; call reset() to start a new log')
      ended = true
      splitter.push(decoder.flush())
      splitter.end()
      marginReader.end()
      try {
        router.end(stats.lines)
      } catch (error) {
        if (closed) throw error
        onError?.(new AptLogError('internal', `aptlog could not close the log: ${String(error)}`, stats.lines, error))
      }
      emit({ type: 'log.end', line: stats.lines, rule: 'log.end', ...withLocale(stats, locales) })
    },
    reset(): void {
      ended = false
      closed = false
      stats = zeroStats()
      locales = createLocaleCounts()
      decoder = createChunkDecoder()
      blankRun = 0
      marginReader = createMarginReader(onLine, settled)
      splitter = createLineSplitter(marginReader.push, maxLineLength)
      router = newRouter()
    },
    get stats(): LogStats {
      return withLocale(stats, locales)
    },
  }
}
