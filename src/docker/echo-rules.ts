/**
 * Rules for what BuildKit prints after a failed build (FORMATS.md §7.3): the error echo block
 * (`------` / ` > [2/3] RUN …:` / the vertex's last ≤ 10 log lines as `0.512 text` / `------`; empty
 * with the v0.8 printer) and the Dockerfile source excerpt (`Dockerfile:2` / 20 dashes /
 * `   2 | >>> RUN …` / 20 dashes).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import { isDigit } from '../lines/chars.ts'
import type { EchoOpenLine, SourceOpenLine } from './line-kinds.ts'
import { parseUint, skipDigits, skipSpaces } from './text.ts'

/** The frame of the echo block: exactly six dashes. */
export const ECHO_FRAME = '------'

/** `------`: opens (and closes) an echo block. */
export const ECHO_OPEN: DockerRule<EchoOpenLine> = {
  id: 'docker.echo',
  first: '-',
  second: '-',
  match(text) {
    return text === ECHO_FRAME ? { kind: 'echo.open' } : undefined
  },
}

/** ` > [2/3] RUN apt-get …:`: the vertex the echo block replays. */
export const ECHO_NAME: Rule<string> = {
  id: 'docker.echo.name',
  first: ' ',
  match(text) {
    return text.startsWith(' > ') && text.endsWith(':') && text.length > 4 ? text.slice(3, -1) : undefined
  },
}

/**
 * A replayed log line, as its payload: `0.512 Reading package lists...` (time since the vertex
 * started, then the text; no `#N`), `#5 28.79 E: …` (the same with the vertex number, as some
 * clients print it), or an empty line (partial lines share the ring buffer, so replays can be
 * gappy: the payload is then `''`).
 */
export const ECHO_REPLAY: Rule<string> = {
  id: 'docker.echo.replay',
  first: '',
  match(text) {
    if (text.trim().length === 0) return ''
    let from = 0
    if (text.charCodeAt(0) === 0x23) {
      const n = skipDigits(text, 1)
      if (n === 1 || text.charCodeAt(n) !== 0x20) return undefined
      from = n + 1
    }
    const intEnd = skipDigits(text, from)
    if (intEnd === from || text.charCodeAt(intEnd) !== 0x2e) return undefined
    const end = skipDigits(text, intEnd + 1)
    if (end === intEnd + 1) return undefined
    if (end === text.length) return ''
    return text.charCodeAt(end) === 0x20 ? text.slice(end + 1) : undefined
  },
}

/**
 * A replayed line with its time and text (`9.576 E: Unable to locate package …`, `#7 0.823 Get:1 …`):
 * what an excerpt that starts inside an error box starts with. Not an empty or time-only line.
 */
export function isTimedReplay(text: string): boolean {
  const payload = ECHO_REPLAY.match(text)
  return payload !== undefined && payload.length > 0 && text.charCodeAt(0) !== 0x23
}

/** Longest file name accepted in a `Dockerfile:N` header. */
const MAX_FILE = 1024

/**
 * What a source excerpt header needs before anything else is read: a short line that ends in a
 * digit. The docker rules are keyed on the first character except {@link SOURCE_OPEN}, so a line
 * that fails this and starts with no keyed character is no docker line (the router skips the table).
 */
export function mayOpenSource(text: string): boolean {
  return text.length <= MAX_FILE + 12 && isDigit(text.charCodeAt(text.length - 1))
}

/** `Dockerfile:2`, `docker/app.Dockerfile:14`: a file name without spaces, `:`, the first line of the failing range. */
export const SOURCE_OPEN: Rule<SourceOpenLine> = {
  id: 'docker.source',
  first: '',
  match(text) {
    // Tested first because this rule is tried on every line no keyed docker rule took, and
    // `lastIndexOf` scans the whole line (a C++ call in V8: ~50 ns on a line without ':').
    if (!mayOpenSource(text)) return undefined
    const colon = text.lastIndexOf(':')
    if (colon < 1 || skipDigits(text, colon + 1) !== text.length) return undefined
    const sourceLine = parseUint(text, colon + 1, text.length)
    const file = text.slice(0, colon)
    if (sourceLine === undefined || file.includes(' ') || file.includes(':')) return undefined
    return { kind: 'source.open', file, sourceLine }
  },
}

/** The frame of the source excerpt: twenty dashes. */
export const SOURCE_FRAME = '--------------------'

/** `   2 | >>> RUN apt-get install -y foo` (` %3d | ` + `>>>` or three spaces + ` ` + the line): returns the text after ` N | `. */
export const SOURCE_LINE: Rule<string> = {
  id: 'docker.source.line',
  first: ' 0123456789',
  match(text) {
    const digits = skipSpaces(text, 0)
    const end = skipDigits(text, digits)
    if (end === digits || !text.startsWith(' |', end)) return undefined
    if (end + 2 === text.length) return ''
    return text.charCodeAt(end + 2) === 0x20 ? text.slice(end + 3) : undefined
  },
}
