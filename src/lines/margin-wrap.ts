/**
 * A paste hard-wrapped at a fixed width: a terminal (or `fold -w 80`, a tmux pane copied without
 * `-J`) split every line longer than W columns into pieces of exactly W columns and a shorter last
 * piece, each on a line of its own. The pieces are joined back into the log's line before any rule
 * sees them.
 *
 * A line is held only when it could be a first piece: exactly W display columns (ANSI off, wide
 * characters two, a bare CR restarts the count), no line before it wider (a wrapped paste has
 * none), and W either a terminal width people use ({@link TERMINAL_WIDTHS}) or the width already
 * proven by a join. It waits for one line: the next line is joined when it reads as the rest of a
 * cut line and not as a line of its own ({@link continues}). Every other line goes through as it
 * arrives, so a log a program wrote streams as before; once a line wider than any terminal width
 * arrives and no join was proven, nothing is held again ({@link WrapJoiner.never}).
 * @module
 */

import { hasEscape, stripAnsi } from './ansi.ts'
import { CR, isBlank, isDigit, SPACE, TAB } from './chars.ts'

/** Widths a terminal, a pane or `fold` is commonly set to: a line of one of them may be a first piece. */
export const TERMINAL_WIDTHS: readonly number[] = [80, 100, 120, 132]

/** Widest width in {@link TERMINAL_WIDTHS}: a line wider than this ends the search. */
const WIDEST = 132

/** A character that is not one column of printable ASCII: only a line with one needs counting. */
const NOT_PLAIN = /[^\x20-\x7e]/

/** Shortest line (in UTF-16 units) that can be W columns wide: a wide character is two columns. */
const SHORTEST_CANDIDATE = 39

/** Display columns of a code point: 0 for combining marks and zero-width ones, 2 for East Asian wide, else 1. */
export function codePointWidth(cp: number): number {
  if (cp < 0x300) return cp < SPACE || cp === 0x7f ? 0 : 1
  if (cp <= 0x36f || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2
  }
  return 1
}

/** The code point at `i` (a surrogate pair read whole). */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0
}

/**
 * Columns a terminal gives `text` (ANSI already off): tabs to the next multiple of 8, a bare CR
 * back to column 0 (as `fold` counts), wide characters two, combining marks none.
 */
export function displayWidth(text: string): number {
  let col = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x7f) {
      if (c >= SPACE) col++
      else if (c === TAB) col += 8 - (col % 8)
      else if (c === CR) col = 0
      continue
    }
    const cp = codePointAt(text, i)
    if (cp > 0xffff) i++
    col += codePointWidth(cp)
  }
  return col
}

/** True when the last character of `text` is wide. */
function endsWide(text: string): boolean {
  if (text.length === 0) return false
  const last = text.charCodeAt(text.length - 1)
  const at = last >= 0xdc00 && last <= 0xdfff && text.length > 1 ? text.length - 2 : text.length - 1
  return codePointWidth(codePointAt(text, at)) === 2
}

/** True for the first character of a wide code point at `text[0]`. */
function startsWide(text: string): boolean {
  return text.length > 0 && codePointWidth(codePointAt(text, 0)) === 2
}

function hasWide(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x1100 && codePointWidth(codePointAt(text, i)) === 2) return true
  }
  return false
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a
}

/** `E:`, `Get:1`, `Setting up`, `ERROR`: a capital then a letter or `:` (`B]`, the rest of `kB]`, is not). */
function isCapitalWord(text: string): boolean {
  const c = text.charCodeAt(1)
  return (c >= 0x61 && c <= 0x7a) || isUpper(c) || c === 0x3a || c === SPACE || c >= 0xc0
}

/**
 * `dpkg: `, `debconf: `, `Get:1 `, `获取:1 `: a first word (a program or message name: no brackets
 * or quotes) ending with `:` then a space or a digit.
 */
function startsWithLabel(text: string): boolean {
  for (let i = 0; i < text.length && i < 32; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x3a) return i > 0 && (text.charCodeAt(i + 1) === SPACE || isDigit(text.charCodeAt(i + 1)))
    if (c === SPACE || c === TAB || c === 0x5d || c === 0x29 || c === 0x22 || c === 0x27) return false
  }
  return false
}

/** A character of a number or a clock: digits and `.:-/,+TZ` (`2026-11-27T10:00:08.98Z`). */
function isNumberChar(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x3a || c === 0x2d || c === 0x2f || c === 0x2c || c === 0x2b || c === 0x54 || c === 0x5a
}

/**
 * A line that starts with a number of its own: the seconds of BuildKit's error box (`0.570 Get:1`,
 * `3.330 E: …`), apt's counts (`0 upgraded, …`, `3 aktualisiert, …`), a clock or a date (`21:51:15`,
 * `2017-12-12 10:04:05`, `2026-11-27T10:00:08.98Z #1 …`). The rest of a cut number (`0 kB]`,
 * `64 (0.270, …)`, `2-2`, `100`) is not.
 */
function startsWithNumber(text: string): boolean {
  let i = 0
  let colons = 0
  let dots = 0
  let dashes = 0
  while (i < text.length && i < 40 && isNumberChar(text.charCodeAt(i))) {
    const c = text.charCodeAt(i)
    if (c === 0x3a) colons++
    else if (c === 0x2e) dots++
    else if (c === 0x2d) dashes++
    i++
  }
  const ends = i === text.length || text.charCodeAt(i) === SPACE
  if (!ends) return false
  // A clock or a date: `21:51:15`, `2017-12-12`.
  if ((colons >= 2 || (dashes === 2 && i >= 10)) && isDigit(text.charCodeAt(1))) return true
  if (i === text.length) return false
  const after = text.charCodeAt(i + 1)
  const letter = isUpper(after) || (after >= 0x61 && after <= 0x7a) || after >= 0xc0
  // Seconds: `0.570 Get:1`, `3.330 E: …`.
  if (dots === 1 && colons === 0 && dashes === 0 && (letter || after === 0x23)) return true
  // A count: `0 upgraded, `, a word then a comma.
  if (dots + colons + dashes === 0 && letter) {
    let j = i + 1
    while (j < text.length && j - i < 32 && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== 0x2c) j++
    return text.charCodeAt(j) === 0x2c && j - i > 3
  }
  return false
}

/** `[2/2] COMMIT …`, `[1/5] FROM …`: a step counter. */
function stepCounter(text: string): boolean {
  let i = 1
  while (i < text.length && i < 8 && isDigit(text.charCodeAt(i))) i++
  return i > 1 && text.charCodeAt(i) === 0x2f
}

/** A BuildKit tty row or error-box line behind its gap: `=> …`, `> [2/5] …`, `---> …`. */
function startsDockerRow(text: string, at: number): boolean {
  return text.startsWith('=>', at) || text.startsWith('> [', at) || text.startsWith('--->', at)
}

/**
 * A line that starts like one of its own (the text after any gap): a BuildKit `#12 `, a `[+] `
 * header, a `------` box rule, a `{"` rawjson line, a capital letter (`E: `, `Get:1`, `Setting up`,
 * `ERROR`, `Step 5/12`), a label (`dpkg: `), a number or a clock (`0.570 `, `0 upgraded`),
 * `(Reading database`, a tty row. Conservative: a wrapped piece that happens to start so is left
 * alone. `lowerLabelsCut`: a lower-case `word: ` is taken for the rest of a cut line;
 * `capitalWords` false: a capital letter counts only as a label (`E: `, `Depends: `).
 */
export function startsLikeLine(text: string, lowerLabelsCut = false, capitalWords = true): boolean {
  const c = text.charCodeAt(0)
  if (isUpper(c)) return capitalWords ? isCapitalWord(text) : startsWithLabel(text)
  if (c === 0x23) return isDigit(text.charCodeAt(1))
  if (c === 0x5b) return text.startsWith('[+]') || stepCounter(text)
  if (c === 0x2d) return text.startsWith('---')
  if (c === 0x7b) return text.charCodeAt(1) === 0x22
  if (c === 0x28) return isUpper(text.charCodeAt(1))
  if (c === 0x3d || c === 0x3e) return startsDockerRow(text, 0)
  if (isDigit(c)) return startsWithNumber(text)
  if (c >= 0x80) {
    const first = String.fromCodePoint(codePointAt(text, 0))
    if (first !== first.toLowerCase()) return true
  }
  return !lowerLabelsCut && startsWithLabel(text)
}


/**
 * Whether `next` is the rest of `head`, a line of exactly W columns (both as shown: ANSI and the
 * margin off). By the cut:
 *
 * - inside a word (`…nonexi` / `stent-pkg-xyz`): yes, unless `next` starts like a line of its own
 *   or with a wide character after an ASCII one; after `(` or `[`, always;
 * - before a single space (`…-y` / ` --no-install-recommends`): yes, unless `head` ends with `:`
 *   (dpkg's ` pre-dependency problem …` under its error line); before two or more spaces it is an
 *   indented table or list line: no;
 * - after a space (`…bookworm ` / `main`): yes unless `next` starts like a line of its own;
 * - inside padding (a tty row filled with spaces to the screen width: `… Dockerfile    ` /
 *   `      0.0s`): yes, unless the gap leads to a tty row (`=> `), and a blank `next` only once a
 *   join has proven the wrap (`proven`).
 *
 * A blank head (a padded empty row) goes on only into another blank piece, once proven. A rawjson
 * line (`{"` …, `inJson`) not yet closed by `}` goes on into anything but the next `{"`.
 */
export function continues(head: string, next: string, proven: boolean, inJson = false): boolean {
  if (next.length === 0) return false
  if (isBlank(head)) return proven && isBlank(next)
  const headEnd = head.charCodeAt(head.length - 1)
  // A rawjson line not closed yet: anything but the start of the next one is its rest.
  if (inJson) return headEnd !== 0x7d && !next.startsWith('{"')
  const headEndsGap = headEnd === SPACE || headEnd === TAB
  const first = next.charCodeAt(0)
  if (first !== SPACE && first !== TAB) {
    // Cut after an opening bracket (`libedit2:amd64 (` / `3.1-20221030-2, automatic)`): the line goes on.
    if (headEnd === 0x28 || headEnd === 0x5b) return true
    // `Unpacking … ...`, `Reading package lists...`: apt and dpkg end a line so.
    if (head.endsWith('...')) return false
    // A path cut after a slash (`…/Debconf/` / `FrontEnd/Readline.pm …`).
    if (headEnd === 0x2f && isUpper(first)) return !startsWithLabel(next)
    // A CJK line of its own (`已下载 15.2 MB`) after a line that ended in ASCII; a cut inside CJK text leaves a wide character on both sides.
    if (first >= 0x1100 && startsWide(next) && !endsWide(head)) return false
    // Once proven, a lower-case `word:` after a cut at a space is more likely the line's rest (`…complete ` / `successfully: exit code: 100`).
    return !startsLikeLine(next, proven && headEndsGap)
  }
  let gap = 1
  while (gap < next.length && (next.charCodeAt(gap) === SPACE || next.charCodeAt(gap) === TAB)) gap++
  // A blank rest: the padding of a tty row cut in two (the row ends in a run of spaces), or once proven.
  if (gap === next.length) return headEndsGap && (proven || head.endsWith('        '))
  if (startsDockerRow(next, gap)) return false
  if (headEndsGap) return true
  // `…(--install):` / ` pre-dependency problem …`: dpkg's and apt's detail lines are indented by one.
  // After one space a capital word is the sentence going on (`…does not have a` / ` Release file.`).
  return gap === 1 && headEnd !== 0x3a && !startsLikeLine(next.slice(1), proven, false)
}

/** What the joiner passes on: one line, or a line joined from pieces (`pieces` after the first). */
export interface PhysicalLine {
  readonly raw: string
  readonly lineNo: number
  readonly fullLength: number
}

/**
 * Receives each logical line: the first piece as read, the text to parse when it differs (`text`:
 * the pieces joined, or a repaired first line), and the pieces after the first, when joined.
 */
export type OnJoinedLine = (raw: string, lineNo: number, fullLength: number, text?: string, pieces?: readonly PhysicalLine[]) => void

/** Joins the pieces of a hard-wrapped paste; see the module comment. */
export interface WrapJoiner {
  /** One line (`text`: the line to parse when it differs from `raw`). */
  push(raw: string, lineNo: number, fullLength: number, text?: string): void
  /** End of input: a held line goes on as it is. */
  end(): void
  /** The width proven by a join (0 until one). */
  readonly width: number
  /** True once no line will be held again: nothing was joined and a line wider than every terminal width arrived. */
  readonly never: boolean
}

/**
 * Create a joiner. `shown` gives a line as a terminal showed it before the paste's framing was
 * added (the margin's indentation and prefix off; ANSI is taken off here). `onNever` is called
 * when {@link WrapJoiner.never} turns true (during the `push` of the line that decides it).
 */
export function createWrapJoiner(onLine: OnJoinedLine, shown: (raw: string) => string, onNever?: () => void): WrapJoiner {
  let width = 0
  let never = false
  let widest = 0
  // The held line: its first piece, its text so far, the pieces after it, and the last piece as shown.
  let head: PhysicalLine | undefined
  let headText: string | undefined
  let joinedText = ''
  let pieces: PhysicalLine[] = []
  let lastShown = ''
  let lastWidth = 0
  /** The held line is a rawjson line (`{"…`). */
  let inJson = false

  function visible(raw: string): string {
    const text = shown(raw)
    return hasEscape(text) ? stripAnsi(text) : text
  }

  function release(): void {
    const h = head
    if (h === undefined) return
    head = undefined
    if (pieces.length === 0) onLine(h.raw, h.lineNo, h.fullLength, headText)
    else onLine(h.raw, h.lineNo, h.fullLength, joinedText, pieces)
    pieces = []
    headText = undefined
  }

  /** A line of `w` columns may be a first piece: W or, when it holds wide characters, W − 1 (the next one did not fit). */
  function mayBeFirstPiece(w: number, text: string): boolean {
    if (width === 0 && isBlank(stripAnsi(text))) return false
    const short = w + 1
    if (width > 0) return w === width || (short === width && hasWide(text))
    for (const t of TERMINAL_WIDTHS) if (w === t || (short === t && hasWide(text))) return true
    return false
  }

  function fresh(raw: string, lineNo: number, fullLength: number, text: string | undefined): void {
    const source = text ?? raw
    if (never || source.length < SHORTEST_CANDIDATE || fullLength > 0) {
      onLine(raw, lineNo, fullLength, text)
      return
    }
    const seen = shown(source)
    // Even all wide, it would be narrower than a line already read: it cannot be a first piece.
    if (seen.length * 2 < widest) {
      onLine(raw, lineNo, fullLength, text)
      return
    }
    // Most lines are printable ASCII: their width is their length, found by one native scan.
    const w = NOT_PLAIN.test(seen) ? displayWidth(hasEscape(seen) ? stripAnsi(seen) : seen) : seen.length
    if (w > widest) {
      widest = w
      if (width > 0 ? w > width : w > WIDEST) {
        // A wrapped paste has no line wider than its width: this log is not one.
        never = true
        onNever?.()
      }
    }
    if (never || w < widest || !mayBeFirstPiece(w, seen)) {
      onLine(raw, lineNo, fullLength, text)
      return
    }
    head = { raw, lineNo, fullLength }
    headText = text
    joinedText = source
    lastShown = hasEscape(seen) ? stripAnsi(seen) : seen
    lastWidth = w
    inJson = seen.startsWith('{"')
  }

  /**
   * `next` after a piece one column short: a wide character that did not fit, between two wide
   * ones (`…软件` / `包列表`), not a line of its own.
   */
  function wideCut(next: string): boolean {
    return startsWide(next) && endsWide(lastShown) && !startsLikeLine(next)
  }

  /** The held line's width W as this next line decides it, or 0 when `next` does not continue it. */
  function joinWidth(next: string): number {
    if (width > 0) {
      if (lastWidth === width) return continues(lastShown, next, true, inJson) ? width : 0
      return wideCut(next) ? width : 0
    }
    for (const t of TERMINAL_WIDTHS) {
      if (lastWidth === t) return continues(lastShown, next, false, inJson) ? t : 0
      if (lastWidth === t - 1) return wideCut(next) ? t : 0
    }
    return 0
  }

  return {
    push(raw, lineNo, fullLength, text) {
      if (head !== undefined) {
        const nextShown = fullLength > 0 ? '' : visible(text ?? raw)
        const w = joinWidth(nextShown)
        const nextWidth = w > 0 ? displayWidth(nextShown) : 0
        if (w > 0 && nextWidth <= w) {
          width = w
          pieces.push({ raw, lineNo, fullLength })
          joinedText += shown(text ?? raw)
          // The piece is full again: the line may go on.
          if (nextWidth === w || (nextWidth === w - 1 && !isBlank(nextShown))) {
            lastShown = nextShown
            lastWidth = nextWidth
            return
          }
          release()
          return
        }
        release()
      }
      fresh(raw, lineNo, fullLength, text)
    },
    end() {
      release()
    },
    get width() {
      return width
    },
    get never() {
      return never
    },
  }
}
