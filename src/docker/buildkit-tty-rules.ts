/**
 * Rules for a BuildKit build printed on a terminal and recorded (`--progress=tty`, or `auto` on a
 * tty; FORMATS.md §7.6): every frame is the whole screen again — a `[+] Building 4.3s (7/8)` header,
 * one ` => ` line per job with its time right-aligned to the terminal width, ` => => ` status lines
 * and ` => => # ` lines of the running job's live output. Cursor movement and colour are gone by
 * the time a rule sees the line (ANSI removal), so a job's state is read from its words: `ERROR `,
 * `CACHED `, `CANCELED ` before the name; none while it runs or once it is done.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import type { TtyDetailLine, TtyHeaderLine, TtyJobLine } from './line-kinds.ts'
import { secondsToMs } from './text.ts'

const HEADER = '[+] Building '
const FINISHED = ' FINISHED'

/** `[+] Building 4.3s (7/8)`, `[+] Building 11.3s (8/8) FINISHED      docker:default`. */
export const TTY_HEADER: DockerRule<TtyHeaderLine> = {
  id: 'docker.tty.header',
  first: '[',
  second: '+',
  match(text) {
    if (!text.startsWith(HEADER)) return undefined
    // `<secs>s (<done>/<total>)`
    const open = text.indexOf(' (', HEADER.length)
    if (open === -1 || secondsToMs(text.slice(HEADER.length, open - 1)) === undefined || text.charCodeAt(open - 1) !== 0x73) return undefined
    const close = text.indexOf(')', open)
    if (close === -1) return undefined
    return { kind: 'tty.header', finished: text.startsWith(FINISHED, close + 1) }
  },
}

/** Where a job line's text starts: after ` => ` (the leading space may be lost in a paste). */
function jobStart(text: string): number {
  if (text.startsWith(' => ')) return 4
  if (text.startsWith('=> ')) return 3
  return -1
}

/** The index where a right-aligned `12.3s` starts (after at least one space), or -1. */
function timeStart(text: string, from: number): number {
  if (!text.endsWith('s')) return -1
  const space = text.lastIndexOf(' ', text.length - 2)
  if (space < from || secondsToMs(text.slice(space + 1, -1)) === undefined) return -1
  return space + 1
}

const STATUS_WORDS: readonly (readonly [string, TtyJobLine['status']])[] = [
  ['ERROR ', 'error'],
  ['CACHED ', 'cached'],
  ['CANCELED ', 'canceled'],
]

/** ` => => writing image sha256:…   0.0s` (status), ` => => # Get:2 …` (live output window), after ` => `. */
function detailLine(text: string, rest: number): TtyDetailLine {
  if (text.startsWith('# ', rest) || text.length === rest + 1) return { kind: 'tty.detail', status: undefined }
  const time = timeStart(text, rest)
  return { kind: 'tty.detail', status: (time === -1 ? text.slice(rest) : text.slice(rest, time)).trimEnd() }
}

/**
 * ` => [4/5] RUN apt-get update   3.3s`, ` => CACHED [2/5] WORKDIR /app   0.0s`, ` => ERROR [4/5] …`,
 * ` => exporting to image   1.6s` (a job not yet started has no time); and the job's detail lines
 * ` => => exporting layers   1.6s`, ` => => # Get:2 …`. One rule for both: every docker line that
 * starts with a space is tried against it, so it costs one call.
 */
export const TTY_JOB: DockerRule<TtyJobLine | TtyDetailLine> = {
  id: 'docker.tty.job',
  first: ' =',
  second: '=>',
  match(text) {
    const from = jobStart(text)
    if (from === -1) return undefined
    if (text.startsWith('=> ', from)) return detailLine(text, from + 3)
    let nameFrom = from
    let status: TtyJobLine['status']
    for (const [word, value] of STATUS_WORDS) {
      if (text.startsWith(word, from)) {
        nameFrom += word.length
        status = value
        break
      }
    }
    const time = timeStart(text, nameFrom)
    const name = (time === -1 ? text.slice(nameFrom) : text.slice(nameFrom, time)).trimEnd()
    if (name.length === 0) return undefined
    if (time === -1) return { kind: 'tty.job', name, status }
    const durationMs = secondsToMs(text.slice(time, -1))
    return durationMs === undefined ? { kind: 'tty.job', name, status } : { kind: 'tty.job', name, status, durationMs }
  },
}

/** The tty rules. */
export const TTY_RULES: readonly Rule<TtyHeaderLine | TtyJobLine | TtyDetailLine>[] = [TTY_HEADER, TTY_JOB]
