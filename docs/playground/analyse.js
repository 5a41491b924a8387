/**
 * Reading one log in the browser: parse it as a stream, fold it into the run model, keep only the
 * lines that prove something. Runs in the Web Worker (worker.js), or on the page when the browser
 * cannot start a module worker. Nothing here touches the network or the DOM.
 */

import { createEvidenceCollector, createParser, createSummarizer } from './aptlog.js'

/** Lines of context shown before a problem: what the core's collector keeps by default (`aptlog explain`). */
export const CONTEXT_BEFORE = 5
/** Lines of context kept after a problem. */
export const CONTEXT_AFTER = 2
/** Plan lists remembered as evidence for findings (`apt plans to install … base-system packages`). */
const MAX_PLAN_BLOCKS = 2_000
/** The longest plan list kept as evidence, in lines. */
const MAX_PLAN_BLOCK_LINES = 60
/** Chunk size when the source is pasted text. */
const TEXT_CHUNK = 1 << 20
/** Plan lists that name packages a run installs. */
const INSTALL_LISTS = new Set(['extra', 'additional', 'new', 'install', 'install-dependencies', 'upgrade', 'downgrade', 'reinstall'])

/**
 * @typedef {{ line: number, endLine: number, step: string | null, packages: readonly string[] }} PlanBlock
 *   an `apt.plan.list` of installed packages: its lines are kept as evidence
 * @typedef {{ bytes: number, ms: number, errors: number, firstError: string | null }} ReadStats
 * @typedef {{
 *   summary: object,
 *   lines: Map<number, string>,
 *   planBlocks: PlanBlock[],
 *   stats: ReadStats,
 * }} Analysis
 */

/**
 * Analyse a log: a `Blob`/`File` is streamed chunk by chunk (`blob.stream()`), never read whole;
 * a string (pasted text) is fed in 1 MiB slices so progress can be shown.
 * @param {Blob | string} source
 * @param {(done: number, total: number) => void} [onProgress] called at most every 100 ms
 * @returns {Promise<Analysis>}
 */
export async function analyse(source, onProgress) {
  const started = performance.now()
  const summarizer = createSummarizer()
  // The core's collector keeps the lines of each problem and the context before it, from a bounded
  // ring, cleaned the way `aptlog explain` shows them (ANSI removed, CR redraws resolved).
  const evidence = createEvidenceCollector()
  // A second one, with no context, keeps the other ranges: context after a problem, plan lists.
  const extra = createEvidenceCollector({ context: 0, window: 512, maxLines: 10_000 })
  /** @type {PlanBlock[]} */
  const planBlocks = []
  /** Line ranges still waiting for their last line to be read: `[from, to]`. */
  /** @type {[number, number][]} */
  let waiting = []
  let last = 0
  let errors = 0
  /** @type {string | null} */
  let firstError = null

  /**
   * Keep lines `from..to` as well (context after a problem, a plan list). The collector has no call
   * for a plain range, so it is given a problem-shaped request covering exactly that range.
   * @param {number} from
   * @param {number} to
   */
  function keepLines(from, to) {
    if (to < from) return
    if (last >= to) extra.event(/** @type {any} */ ({ type: 'problem', line: from, endLine: to }))
    else waiting.push([from, to])
  }

  const parser = createParser({
    onLine(text, lineNo) {
      evidence.line(text, lineNo)
      extra.line(text, lineNo)
      last = lineNo
      if (waiting.length > 0 && waiting.some(([, to]) => to <= lineNo)) {
        const due = waiting.filter(([, to]) => to <= lineNo)
        waiting = waiting.filter(([, to]) => to > lineNo)
        for (const [from, to] of due) keepLines(from, to)
      }
    },
    onEvent(event) {
      summarizer.add(event)
      evidence.event(event)
      if (event.type === 'problem') {
        const end = event.endLine ?? event.line
        keepLines(end + 1, end + CONTEXT_AFTER)
      } else if (event.type === 'apt.plan.list' && INSTALL_LISTS.has(event.list) && event.packages.length > 0 && planBlocks.length < MAX_PLAN_BLOCKS) {
        const endLine = Math.min(event.endLine ?? event.line, event.line + MAX_PLAN_BLOCK_LINES - 1)
        planBlocks.push({ line: event.line, endLine, step: event.step ?? null, packages: event.packages })
        keepLines(event.line, endLine)
      }
    },
    onError(error) {
      errors++
      firstError ??= error.message
    },
  })

  let lastReport = 0
  /** @param {number} done @param {number} total */
  const progress = (done, total) => {
    const now = performance.now()
    if (onProgress !== undefined && (now - lastReport >= 100 || done === total)) {
      lastReport = now
      onProgress(done, total)
    }
  }

  let bytes = 0
  if (typeof source === 'string') {
    for (let i = 0; i < source.length; i += TEXT_CHUNK) {
      parser.feed(source.slice(i, i + TEXT_CHUNK))
      progress(Math.min(i + TEXT_CHUNK, source.length), source.length)
    }
    bytes = source.length
  } else {
    const reader = source.stream().getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parser.feed(value)
      bytes += value.byteLength
      progress(bytes, source.size)
    }
  }
  parser.end()
  for (const [from, to] of waiting) keepLines(from, Math.min(to, last))
  waiting = []
  progress(1, 1)
  return { summary: summarizer.finish(), lines: new Map([...extra.lines, ...evidence.lines]), planBlocks, stats: { bytes, ms: performance.now() - started, errors, firstError } }
}
