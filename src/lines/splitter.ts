/**
 * Text → physical lines. LF ends a line; a CR (or several) right before the LF belongs to the
 * terminator, so CRLF split across two chunks needs no extra state: the CR simply waits with the
 * rest of the unfinished line. Bare CRs inside a line are kept (see `frames.ts`).
 *
 * An unfinished line waits as an array of pieces joined once when its LF arrives; a chunk without
 * LF is appended, never rescanned. Past `maxLineLength` the rest of the line is dropped (only
 * counted), so memory stays bounded by the cap whatever the input.
 *
 * The whole lines of a chunk are copied out of it a block at a time ({@link ownString}); a reader
 * that takes ranges ({@link OnLineRange}) gets each line as a range of its block, so that it cuts
 * only the parts it keeps.
 * @module
 */

import { CR, SPACE } from './chars.ts'

/** Default cap on one line: 1 MiB of UTF-16 code units. */
export const DEFAULT_MAX_LINE_LENGTH = 1_048_576

/**
 * Called once per line, in order.
 * @param text the line without its terminator (trailing CRs removed); at most `maxLineLength` long
 * @param lineNo 1-based number of the line in the input
 * @param fullLength 0 for a whole line; for a line cut at the cap, the line's full length
 */
export type OnPhysicalLine = (text: string, lineNo: number, fullLength: number) => void

/**
 * Called instead of {@link OnPhysicalLine} for a whole line (never a cut one) when the reader takes
 * ranges: the line is `source.slice(from, to)`, not cut yet.
 * @param hasEscape whether the line holds an ESC (found once per block, not once per line)
 */
export type OnLineRange = (source: string, from: number, to: number, lineNo: number, hasEscape: boolean) => void

/** Splits a text stream into lines. */
export interface LineSplitter {
  /** Add text; calls `onLine` for every line the text completes. */
  push(text: string): void
  /** End of input: a last line without LF is delivered. */
  end(): void
  /** Forget everything, line numbers restart at 1. */
  reset(): void
  /**
   * Hand the following lines to another callback (a layer that had to see the first lines steps
   * aside); with `onRange`, whole lines go there as ranges and only the others to `onLine`.
   */
  redirect(onLine: OnPhysicalLine, onRange?: OnLineRange): void
  /** Number of lines delivered so far. */
  readonly lineCount: number
  /** Code units of the unfinished line held in memory (never more than the cap). */
  readonly buffered: number
}

/** V8 copies a substring shorter than this instead of making it a view (`SlicedString::kMinLength`). */
const MIN_VIEW_LENGTH = 13

/**
 * Whole lines copied out of a chunk at once: those that end within this many code units (a longer
 * line is copied alone). A string cut from a line keeps its block alive, so this bounds what an
 * event a consumer keeps can pin (the run model keeps interned copies); one copy per block instead
 * of one per line is ~15 % of the line layer's time on the benchmark log.
 */
export const BLOCK_LENGTH = 1024

/**
 * `text` as a string of its own. A line cut out of a decoded 64 KiB chunk with `slice` is, in V8,
 * a view that keeps the whole chunk alive for as long as the line, or anything cut from it (an
 * event's package name, a step name, a timestamp), is alive. An event a consumer keeps would pin
 * 64 KiB; and at every scavenge the parser's own state pinned a few chunks, so ~75 MB of chunks per
 * 100 MiB of log were promoted to the old generation. Concatenating and cutting again makes V8
 * flatten the text into a fresh string.
 *
 * The cut is `trimStart` when the text starts with a printable character other than a space (it
 * then removes exactly the space put in front): one call into the runtime where `slice` of a
 * concatenation takes two.
 */
function ownString(text: string): string {
  if (text.length < MIN_VIEW_LENGTH) return text
  const first = text.charCodeAt(0)
  return first > SPACE && first < 0x7f ? (' ' + text).trimStart() : (' ' + text).slice(1)
}

/** Create a line splitter. `maxLineLength` must be a positive integer. */
export function createLineSplitter(firstOnLine: OnPhysicalLine, maxLineLength: number = DEFAULT_MAX_LINE_LENGTH): LineSplitter {
  let onLine = firstOnLine
  let onRange: OnLineRange | undefined
  let pieces: string[] = []
  let pendingLength = 0 // code units kept in `pieces`
  let droppedLength = 0 // code units dropped past the cap
  let lineNo = 0
  // A block holds whole lines only, so none of them can pass the cap.
  const blockLength = Math.min(BLOCK_LENGTH, maxLineLength)

  function keep(text: string): void {
    const room = maxLineLength - pendingLength
    if (text.length <= room) {
      pieces.push(text)
      pendingLength += text.length
    } else {
      if (room > 0) {
        pieces.push(text.slice(0, room))
        pendingLength += room
      }
      droppedLength += text.length - Math.max(room, 0)
    }
  }

  /** The unfinished line ends with `head`: its pieces joined, the cap applied, its trailing CRs off. */
  function deliverPending(head: string): void {
    keep(head)
    // `join` builds a new string; a single piece is a view of its chunk.
    let text = pieces.length === 1 ? ownString(pieces[0] as string) : pieces.join('')
    const fullLength = droppedLength > 0 ? pendingLength + droppedLength : 0
    pieces = []
    pendingLength = 0
    droppedLength = 0
    let end = text.length
    while (end > 0 && text.charCodeAt(end - 1) === CR) end--
    if (end !== text.length) text = text.slice(0, end)
    lineNo++
    onLine(text, lineNo, fullLength)
  }

  /** The line `text[start, lf)`, longer than a block: copied alone, cut at the cap. */
  function deliverLong(text: string, start: number, lf: number): void {
    const length = lf - start
    let end = length > maxLineLength ? start + maxLineLength : lf
    while (end > start && text.charCodeAt(end - 1) === CR) end--
    lineNo++
    onLine(ownString(text.slice(start, end)), lineNo, length > maxLineLength ? length : 0)
  }

  /**
   * The lines that end in the block of `text` at `start`: the next `blockLength` code units and the
   * LF after them, copied at once. Returns where the first line not delivered starts; `start` when
   * the block holds no LF (a long line, or the unfinished end of the text).
   */
  function deliverBlock(text: string, start: number): number {
    const block = ownString(text.slice(start, Math.min(start + blockLength + 1, text.length)))
    let lf = block.indexOf('\n')
    if (lf === -1) return start
    // The next ESC at or after `from`; -2 until a range reader asks (the first lines may go to `onLine`).
    let escape = -2
    let from = 0
    while (lf !== -1) {
      let end = lf
      while (end > from && block.charCodeAt(end - 1) === CR) end--
      lineNo++
      if (onRange === undefined) onLine(block.slice(from, end), lineNo, 0)
      else {
        if (escape === -2 || (escape !== -1 && escape < from)) escape = block.indexOf('\x1b', from)
        onRange(block, from, end, lineNo, escape !== -1 && escape < end)
      }
      from = lf + 1
      lf = block.indexOf('\n', from)
    }
    return start + from
  }

  return {
    push(text: string): void {
      let start = 0
      if (pieces.length > 0) {
        const lf = text.indexOf('\n')
        if (lf === -1) {
          keep(text)
          return
        }
        deliverPending(text.slice(0, lf))
        start = lf + 1
      }
      while (start < text.length) {
        const next = deliverBlock(text, start)
        if (next > start) {
          start = next
          continue
        }
        // No LF within a block's length: a line longer than a block, or the unfinished end of the text.
        const lf = text.indexOf('\n', start)
        if (lf === -1) break
        deliverLong(text, start, lf)
        start = lf + 1
      }
      if (start < text.length) keep(start === 0 ? text : text.slice(start))
    },
    end(): void {
      if (pendingLength > 0 || droppedLength > 0) deliverPending('')
    },
    reset(): void {
      pieces = []
      pendingLength = 0
      droppedLength = 0
      lineNo = 0
    },
    redirect(next: OnPhysicalLine, nextRange?: OnLineRange): void {
      onLine = next
      onRange = nextRange
    },
    get lineCount(): number {
      return lineNo
    },
    get buffered(): number {
      return pendingLength
    },
  }
}
