/**
 * Decides the margin of a pasted log (`margin.ts`) while lines keep flowing. Lines wait only while
 * a margin is still possible:
 *
 * - the first line of text starts with a gap, a clock, a chat name or a gutter, or looks like a
 *   BuildKit line that lost its `#` — then the first {@link WINDOW_LINES} lines wait (fewer when
 *   they pass {@link WINDOW_CHARS} or the input ends) and the indentation and prefix are read
 *   from them;
 * - a blank line follows a line of text before any two lines of text have followed each other —
 *   then lines wait until two lines of text follow each other (no interleave) or
 *   {@link INTERLEAVE_PROOF} lines of text have each been followed by a blank one (interleave).
 *
 * Anything else — every log a program or a CI runner wrote — is handed on as it arrives. Then the
 * pieces of a paste hard-wrapped at a terminal width are joined (`margin-wrap.ts`; a line that may
 * be a first piece waits for the next line). The decisions depend on the lines only, never on how
 * the input was chunked.
 * @module
 */

import { detectMargin, isBlankLine, mayCarryMargin, NO_MARGIN, readPrefix, repairLostHash, type Margin } from './margin.ts'
import { createWrapJoiner, type PhysicalLine } from './margin-wrap.ts'

/** Lines read before a margin is decided. */
export const WINDOW_LINES = 24

/** Characters read before a margin is decided, whatever the line count (long lines decide early). */
export const WINDOW_CHARS = 65_536

/** Lines of text, each followed by a blank one, that prove an interleave. */
export const INTERLEAVE_PROOF = 4

/**
 * Receives each line: `raw` as read, its number, the splitter's cut length, `text`, the line to
 * parse when it differs from `raw` (the first line with its lost `#` put back, the pieces of a
 * wrapped line joined), and for a joined line the physical lines after the first. The same shape
 * as the splitter's callback, so once everything is decided the splitter can call it directly.
 */
export type OnMarginLine = (raw: string, lineNo: number, fullLength: number, text?: string, pieces?: readonly PhysicalLine[]) => void

/** The window, then the pass-through. */
export interface MarginReader {
  /** One physical line. */
  push(raw: string, lineNo: number, fullLength: number): void
  /** End of input: lines still waiting are decided on what arrived. */
  end(): void
  /** The margin in force (`NO_MARGIN` until one is decided). */
  readonly margin: Margin
  /** The width a paste was hard-wrapped at, once a join proved it (0 otherwise). */
  readonly wrapWidth: number
}

interface Held {
  readonly raw: string
  readonly lineNo: number
  readonly fullLength: number
}

/**
 * Create a margin reader that calls `onLine` for every line, in order. `onSettled` is called when
 * the margin is decided, with the function that takes the lines from then on: the wrap joiner
 * while a hard wrap is possible, `onLine` itself once none is (it may be called twice). The caller
 * may send the following lines to it directly instead of to `push`.
 */
export function createMarginReader(onLine: OnMarginLine, onSettled?: (next: OnMarginLine) => void): MarginReader {
  let margin: Margin = NO_MARGIN
  let held: Held[] = []
  let heldChars = 0
  /** Lines read so far, while anything is undecided. */
  let seen = 0
  let texts = 0
  /** Indentation and prefix: undecided until the first line of text (and its window, if suspect). */
  let marginDecided = false
  let marginSuspect = false
  /** Interleave: possible until two lines of text follow each other or the window passes. */
  let interleavePossible = true
  let previousWasText = false
  let blankAfterText = false
  /** Who the caller sends lines to: this reader, the joiner, or `onLine`. */
  let handedTo: 'reader' | 'joiner' | 'line' = 'reader'
  /** A line as a terminal showed it: the paste's indentation and prefix off. */
  const shown = (raw: string): string => {
    let text = margin.indent.length > 0 && raw.startsWith(margin.indent) ? raw.slice(margin.indent.length) : raw
    if (margin.prefix !== undefined) {
      const hit = readPrefix(margin.prefix, text)
      if (hit !== undefined) text = text.slice(hit.end)
    }
    return text
  }
  const joiner = createWrapJoiner(onLine, shown, () => settleIfDone())

  /** The margin is decided: the caller may take the lines to the joiner, or to `onLine` once no wrap is possible. */
  function settleIfDone(): void {
    if (!marginDecided || interleavePossible || handedTo === 'line') return
    if (joiner.never) {
      handedTo = 'line'
      onSettled?.(onLine)
    } else if (handedTo === 'reader') {
      handedTo = 'joiner'
      onSettled?.(joiner.push)
    }
  }

  function release(): void {
    const window = held
    held = []
    heldChars = 0
    let repaired: Held | undefined
    if (marginSuspect) {
      const [first, next] = window.filter((h) => !isBlankLine(h.raw))
      const fixed = first === undefined || next === undefined ? undefined : repairLostHash(first.raw.slice(margin.indent.length), next.raw.slice(margin.indent.length))
      if (first !== undefined && fixed !== undefined) repaired = { raw: margin.indent + fixed, lineNo: first.lineNo, fullLength: 0 }
    }
    for (const h of window) {
      if (h.lineNo === repaired?.lineNo) joiner.push(h.raw, h.lineNo, h.fullLength, repaired.raw)
      else joiner.push(h.raw, h.lineNo, h.fullLength)
    }
  }

  function settle(windowFull: boolean): void {
    // Decided at the first line of text (or by the window when it may carry a margin); blank lines before it decide nothing.
    if (!marginDecided && (windowFull || (texts > 0 && !marginSuspect))) {
      marginDecided = true
      if (marginSuspect) {
        const found = detectMargin(held.map((h) => h.raw))
        // An interleave proven before the window filled stays.
        margin = margin.interleaved ? { ...found, interleaved: true } : found
      }
    }
    if (interleavePossible) {
      if (texts >= INTERLEAVE_PROOF && blankAfterText) {
        interleavePossible = false
        margin = { ...margin, interleaved: true }
      } else if (windowFull) interleavePossible = false
    }
  }

  return {
    push(raw, lineNo, fullLength) {
      if (marginDecided && !interleavePossible) {
        joiner.push(raw, lineNo, fullLength)
        settleIfDone()
        return
      }
      seen++
      if (isBlankLine(raw)) {
        if (previousWasText) blankAfterText = true
        previousWasText = false
      } else {
        texts++
        if (texts === 1) marginSuspect = mayCarryMargin(raw)
        if (previousWasText) interleavePossible = false
        previousWasText = true
      }
      held.push({ raw, lineNo, fullLength })
      heldChars += raw.length
      const windowFull = seen >= WINDOW_LINES || heldChars >= WINDOW_CHARS
      settle(windowFull)
      const waitForMargin = !marginDecided
      // Before the first line of text, blank lines wait for it; later, a blank line after text may be an interleave.
      const waitForInterleave = interleavePossible && (texts === 0 || blankAfterText)
      if (!waitForMargin && !waitForInterleave) {
        release()
        settleIfDone()
      }
    },
    end() {
      settle(true)
      release()
      joiner.end()
    },
    get margin() {
      return margin
    },
    get wrapWidth() {
      return joiner.width
    },
  }
}
