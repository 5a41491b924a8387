/**
 * Docker Compose's own lines around the builds and containers it runs (v1 `docker-compose` 1.29,
 * v2 `docker compose` 2.x; captured in fixtures/compose/): the build header `Building web` (v1),
 * the failure `Service 'web' failed to build : Build failed` (v1; `ERROR: ` before it on a tty),
 * a container's end `web_1 exited with code 100`, and progress that says nothing about apt
 * (`Creating web_1 ... done`, ` Container app-web-1  Created`, `Attaching to web_1`,
 * ` app-web  Built`, `[+] Running 1/1`). v2's failed build ends with `target web: failed to
 * solve: …`, read by the final-error rules. Container output behind the `web_1  | ` gutter is
 * read by the margin layer (src/lines/margin.ts), one stream context per service.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { isNameChar } from '../lines/chars.ts'
import { LEGACY_NONZERO } from './legacy-rules.ts'
import type { ComposeExitedLine, ComposeProgressLine, FinalErrorLine } from './line-kinds.ts'
import { commandIn, exitCodeIn, parseUint, skipDigits } from './text.ts'

/** Index past a service or container name (letters, digits, `_-.`) at `from`; `from` when there is none. */
function skipName(text: string, from: number): number {
  let i = from
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++
  return i
}

const BUILDING = 'Building '

/** v1 `Building web`: a service's build starts (the builder's own lines follow). */
export const COMPOSE_BUILDING: Rule<ComposeProgressLine> = {
  id: 'docker.compose.building',
  first: 'B',
  match(text) {
    if (!text.startsWith(BUILDING)) return undefined
    const end = skipName(text, BUILDING.length)
    return end > BUILDING.length && end === text.trimEnd().length ? { kind: 'compose.progress' } : undefined
  },
}

const SERVICE = "Service '"
const FAILED_TO_BUILD = "' failed to build"

/**
 * v1 `Service 'web' failed to build : Build failed` (1.29; earlier versions put the builder's
 * error after the colon: `…: The command '/bin/sh -c …' returned a non-zero code: 100`), with
 * `ERROR: ` before it when compose writes to a terminal.
 */
export const COMPOSE_SERVICE_FAILED: Rule<FinalErrorLine> = {
  id: 'docker.compose.service-failed',
  first: 'SE',
  match(text) {
    const from = text.startsWith('ERROR: ') ? 7 : 0
    if (!text.startsWith(SERVICE, from)) return undefined
    const nameEnd = text.indexOf(FAILED_TO_BUILD, from + SERVICE.length)
    if (nameEnd === -1 || nameEnd === from + SERVICE.length) return undefined
    const line: { kind: 'final.error'; form: 'compose'; exitCode?: number; command?: string } = { kind: 'final.error', form: 'compose' }
    // What follows the colon is the builder's error: legacy `The command '…' returned a non-zero code: N`, or BuildKit's.
    let rest = nameEnd + FAILED_TO_BUILD.length
    while (rest < text.length && (text.charCodeAt(rest) === 0x20 || text.charCodeAt(rest) === 0x3a)) rest++
    const legacy = LEGACY_NONZERO.match(text.slice(rest))
    const exitCode = legacy?.exitCode ?? exitCodeIn(text)
    const command = legacy?.command ?? commandIn(text)
    if (exitCode !== undefined) line.exitCode = exitCode
    if (command !== undefined) line.command = command
    return line
  },
}

const EXITED = ' exited with code '

/** `web_1 exited with code 100` (v1, container name), `web-1 exited with code 100` (v2, service-index). */
export const COMPOSE_EXITED: Rule<ComposeExitedLine> = {
  id: 'docker.compose.exited',
  first: '',
  match(text) {
    const nameEnd = skipName(text, 0)
    if (nameEnd === 0 || !text.startsWith(EXITED, nameEnd)) return undefined
    const from = nameEnd + EXITED.length
    const end = skipDigits(text, from)
    if (end === from || end - from > 3 || end !== text.trimEnd().length) return undefined
    const exitCode = parseUint(text, from, end)
    return exitCode === undefined ? undefined : { kind: 'compose.exited', container: text.slice(0, nameEnd), exitCode }
  },
}

const V1_VERBS: readonly string[] = ['Creating ', 'Starting ', 'Recreating ', 'Stopping ', 'Removing ', 'Killing ', 'Pulling ', 'Restarting ']
const V2_OBJECTS: readonly string[] = ['Container ', 'Network ', 'Volume ', 'Image ']
const PROGRESS_LINES: readonly string[] = [
  'Aborting on container exit...',
  'Gracefully stopping... (press Ctrl+C again to force)',
  // v1's warning for `up --exit-code-from`
  'using --exit-code-from implies --abort-on-container-exit',
]

/** After a v2 line's leading space, an optional spinner or check mark and a space (`✔`, `⠼`, `✘`). */
function v2Start(text: string): number {
  if (text.charCodeAt(0) !== 0x20) return -1
  const c = text.charCodeAt(1)
  if (c > 0x7f && text.charCodeAt(2) === 0x20) return 3
  return 1
}

/**
 * Compose's progress: v1 `Creating web_1 ... done` / `Attaching to web_1, db_1`; v2 ` Container
 * app-web-1  Created` (with a spinner or `✔` on a tty, and a time on the right), ` Network app_default
 * Created`, ` app-web  Built`, `[+] Running 2/2`, `Aborting on container exit...`.
 */
export const COMPOSE_PROGRESS: Rule<ComposeProgressLine> = {
  id: 'docker.compose.progress',
  first: 'CSRKPAGu [',
  match(text) {
    const c = text.charCodeAt(0)
    if (c === 0x20) {
      const from = v2Start(text)
      for (const object of V2_OBJECTS) {
        if (!text.startsWith(object, from)) continue
        const end = skipName(text, from + object.length)
        return end > from + object.length && text.startsWith('  ', end) ? { kind: 'compose.progress' } : undefined
      }
      const end = skipName(text, from)
      return end > from && text.startsWith('  Built', end) ? { kind: 'compose.progress' } : undefined
    }
    if (c === 0x5b) return text.startsWith('[+] Running ') ? { kind: 'compose.progress' } : undefined
    if (text.startsWith('Attaching to ')) return { kind: 'compose.progress' }
    for (const line of PROGRESS_LINES) if (text.startsWith(line)) return { kind: 'compose.progress' }
    for (const verb of V1_VERBS) {
      if (!text.startsWith(verb)) continue
      const end = skipName(text, verb.length)
      return end > verb.length && text.startsWith(' ...', end) ? { kind: 'compose.progress' } : undefined
    }
    return undefined
  },
}

/** The compose rules (the exit line last: it is tried on every line that starts with a name). */
export const COMPOSE_RULES: readonly Rule<ComposeProgressLine | ComposeExitedLine | FinalErrorLine>[] = [COMPOSE_BUILDING, COMPOSE_SERVICE_FAILED, COMPOSE_PROGRESS, COMPOSE_EXITED]
