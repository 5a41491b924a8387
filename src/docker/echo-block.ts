/**
 * BuildKit's error echo block (FORMATS.md §7.3 "Error excerpt"): after the progress stream of a
 * failed build, once per failed vertex, `------` / ` > [2/3] RUN …:` / its last ≤ 10 log lines as
 * `0.512 text` (or `#5 28.79 text`) / `------` (empty between the frames with the v0.8 printer).
 *
 * When the log showed the vertex, the replayed lines repeat lines already read: they are counted
 * here and never reach the apt/dpkg grammars again, so no event or problem is reported twice. When
 * it did not — the box is what a user copied from the terminal — they are the only evidence, and
 * are read as the output of the step the box names.
 * @module
 */

import { baseFields } from '../events/base.ts'
import { CONSUMED, type Verdict } from '../grammar/verdict.ts'
import type { EchoTarget } from './active-build.ts'
import { ECHO_FRAME, ECHO_NAME, ECHO_OPEN, ECHO_REPLAY, SOURCE_OPEN } from './echo-rules.ts'
import { lineContext, type DockerSession, type LineAt, type OpenBlock } from './session.ts'

/**
 * Lines without their time a block takes at most: v0.9+ printers replay the last 10 log lines
 * (FORMATS.md §7.3), some split in two (the v0.8 tty printer replays all of them, each with its
 * `#N t`), so more is text after a box whose closing frame is missing.
 */
const MAX_FRAGMENTS = 16

/** A replayed fragment, unless the line is what follows a box whose closing frame is missing. */
function fragment(text: string): string | undefined {
  if (text.startsWith('ERROR') || SOURCE_OPEN.match(text) !== undefined) return undefined
  return text
}

/** Finds the step a block names; `at` is the ` > name:` line. */
export type EchoResolver = (name: string, at: LineAt) => EchoTarget | undefined

/**
 * An echo block whose head the input lacks: an excerpt that starts inside the box, at a replayed
 * line (`9.576 E: Unable to locate package …`). It holds the lines up to the closing `------` as
 * the output of a failed step whose name the log does not give.
 */
export function openHeadlessEchoBlock(session: DockerSession, at: LineAt, resolve: EchoResolver): OpenBlock {
  return openEchoBlock(session, at, resolve, true, '')
}

/**
 * Open an echo block at its first `------`. `standalone`: no build failure was read before it (a
 * pasted box), so a frame not followed by ` > name:` is no block at all and emits nothing.
 */
export function openEchoBlock(session: DockerSession, at: LineAt, resolve: EchoResolver, standalone = false, headless?: ''): OpenBlock {
  let name: string | undefined = headless
  let target: EchoTarget | undefined = headless === undefined ? undefined : resolve(headless, at)
  let replayed = 0
  let fragments = 0
  let lastLine = at.line
  let lastAt = at
  let done = false

  function emit(cut: boolean): void {
    if (done) return
    done = true
    if (name === undefined && standalone) return
    target?.close?.(lastAt, ECHO_OPEN.id)
    // Opened after a failed build: a frame cut before its ` > name:` line is still the echo
    // block's (name ''), so the line it counted is covered by an event.
    const event = { type: 'docker.echo', ...baseFields(lineContext(at, target?.ref), ECHO_OPEN.id, lastLine), name: name ?? '', lines: replayed } as const
    session.emit(cut ? { ...event, cut: true } : event)
  }

  return {
    done: () => done,
    offer(text, next): Verdict | undefined {
      let verdict: Verdict = CONSUMED
      if (name === undefined) {
        const echoed = ECHO_NAME.match(text)
        // A pasted box names a Dockerfile or internal vertex: `[2/5] RUN …`, `[internal] load …`.
        if (echoed === undefined || (standalone && echoed.charCodeAt(0) !== 0x5b)) return undefined
        name = echoed
        target = resolve(name, next)
      } else if (text === ECHO_FRAME) {
        lastLine = next.line
        lastAt = next
        emit(false)
        return CONSUMED
      } else {
        // A line without its time is a fragment: partial lines share the printer's ring buffer
        // (`(Reading database ... 5%…`, `: Sub-process …` whose `E` was written apart).
        let payload = ECHO_REPLAY.match(text)
        if (payload === undefined) {
          payload = fragments < MAX_FRAGMENTS ? fragment(text) : undefined
          if (payload === undefined) return undefined
          fragments++
        }
        replayed++
        if (target?.output !== undefined) verdict = target.output(payload, next)
      }
      lastLine = next.line
      lastAt = next
      return verdict
    },
    close: (cut) => emit(cut === true),
  }
}
