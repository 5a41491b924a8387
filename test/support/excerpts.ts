/**
 * What people paste instead of a whole log, made from a capture: a framing added to every line
 * (indentation, a clock or chat prefix, a blank line after each line), or an excerpt (the last
 * lines, the error box, a tty's final screen). Each keeps track of the original line numbers it
 * holds, so a test can tell whether the evidence of the root cause is in it.
 */
import { codePointWidth } from '../../src/lines/margin-wrap.ts'

/** A text made from a capture, and the capture's lines it holds (1-based, inclusive). */
export interface Excerpt {
  readonly text: string
  readonly from: number
  readonly to: number
}

/** Lines of a capture, split at LF only (CRs stay inside, as the parser sees them). */
export function linesOf(text: string): string[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function join(lines: readonly string[]): string {
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}

/** A framing: every line changed the same way, as a paste does. */
export interface Framing {
  readonly name: string
  readonly apply: (lines: readonly string[]) => string
}

const clock = (i: number): string => {
  const s = 51 * 60 + 10 + i
  return `21:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/** ANSI escapes a terminal shows as nothing (CSI, `ESC 7`/`ESC 8`, OSC). */
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[78]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/y

/**
 * One line as a terminal of `width` columns (or `fold -w width`) breaks it: a new line before the
 * character that would pass the last column; escapes take no column, a bare CR goes back to column
 * 0, a tab to the next multiple of 8, a wide character takes two (and moves whole to the next line).
 */
export function hardWrap(line: string, width: number): string[] {
  const out: string[] = []
  let piece = ''
  let col = 0
  for (let i = 0; i < line.length; ) {
    if (line.charCodeAt(i) === 0x1b) {
      ESCAPE.lastIndex = i
      const seq = ESCAPE.exec(line)?.[0] ?? '\x1b'
      piece += seq
      i += seq.length
      continue
    }
    const cp = line.codePointAt(i) ?? 0
    const ch = String.fromCodePoint(cp)
    i += ch.length
    if (ch === '\r') {
      piece += ch
      col = 0
      continue
    }
    let w = ch === '\t' ? 8 - (col % 8) : codePointWidth(cp)
    if (col + w > width && col > 0) {
      out.push(piece)
      piece = ''
      col = 0
      if (ch === '\t') w = 8
    }
    piece += ch
    col += w
  }
  out.push(piece)
  return out
}

/** The framings of issue 16, each from a real source (named). */
export const FRAMINGS: readonly Framing[] = [
  // A Markdown code block, a quote; empty lines stay empty, as editors leave them.
  { name: 'indented by 4 spaces', apply: (lines) => join(lines.map((l) => (l.length === 0 ? l : '    ' + l))) },
  { name: 'indented by 2 spaces', apply: (lines) => join(lines.map((l) => (l.length === 0 ? l : '  ' + l))) },
  { name: 'indented by a tab', apply: (lines) => join(lines.map((l) => (l.length === 0 ? l : '\t' + l))) },
  // Jenkins Timestamper's console view: `21:51:15  ` (plugins.jenkins.io/timestamper, FORMATS.md §8.3).
  { name: 'behind a Jenkins console clock', apply: (lines) => join(lines.map((l, i) => `${clock(i)}  ${l}`)) },
  { name: 'behind a chat name', apply: (lines) => join(lines.map((l) => `<alice> ${l}`)) },
  // A web log view copied line by line (Travis): a blank line after every line.
  { name: 'with a blank line after every line', apply: (lines) => lines.map((l) => `${l}\n\n`).join('') },
  // A terminal's (or `fold -w 80`'s) hard wrap, copied as it is shown: fixtures/paste/ has real ones.
  { name: 'hard-wrapped at 80', apply: (lines) => join(lines.flatMap((l) => hardWrap(l, 80))) },
  { name: 'hard-wrapped at 120', apply: (lines) => join(lines.flatMap((l) => hardWrap(l, 120))) },
]

/** The last `n` lines. */
export function lastLines(lines: readonly string[], n: number): Excerpt {
  const from = Math.max(0, lines.length - n)
  return { text: join(lines.slice(from)), from: from + 1, to: lines.length }
}

/** Strip ANSI for finding lines by their text (not for what the parser is given). */
function plain(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '').replace(/\r$/, '')
}

/**
 * BuildKit's error box to the end of the log (`------`, ` > [2/5] RUN …:`, its lines, `------`,
 * the Dockerfile excerpt, the final error line) — what a user selects in a terminal — with the
 * tty's `=> ERROR …` job line before it when the log has one. Undefined when there is no box.
 */
export function errorBox(lines: readonly string[]): Excerpt | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (plain(lines[i] as string).endsWith('------') && plain(lines[i + 1] as string).startsWith(' > [')) {
      let from = i
      for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
        if (/(^| )=> ERROR /.test(plain(lines[j] as string))) {
          from = j
          break
        }
      }
      return { text: join(lines.slice(from)), from: from + 1, to: lines.length }
    }
  }
  return undefined
}

/** A tty capture's final screen: its last `[+] Building` frame to the end. Undefined for other logs. */
export function finalScreen(lines: readonly string[]): Excerpt | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (plain(lines[i] as string).includes('[+] Building ')) return { text: join(lines.slice(i)), from: i + 1, to: lines.length }
  }
  return undefined
}
