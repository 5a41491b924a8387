/**
 * BuildKit's error echo block (FORMATS.md §7.3 "Error excerpt"): after the progress stream of a
 * failed build, once per failed vertex, `------` / ` > [2/3] RUN …:` / its last ≤ 10 log lines as
 * `0.512 text` / `------` (empty between the frames with the v0.8 printer). The replayed lines were
 * already read as the vertex's output: they are counted here and never reach the apt/dpkg
 * grammars again, so no event or problem is reported twice.
 * @module
 */

import { baseFields } from '../events/base.ts'
import { CONSUMED } from '../grammar/verdict.ts'
import { ECHO_FRAME, ECHO_NAME, ECHO_OPEN, ECHO_REPLAY } from './echo-rules.ts'
import { lineContext, type DockerSession, type LineAt, type OpenBlock, type StepRef } from './session.ts'

/** Open an echo block at its first `------`; `failedStep` finds the step a vertex name belongs to. */
export function openEchoBlock(session: DockerSession, at: LineAt, failedStep: (name: string) => StepRef | undefined): OpenBlock {
  let name: string | undefined
  let replayed = 0
  let lastLine = at.line
  let done = false

  function emit(cut: boolean): void {
    if (done) return
    done = true
    // Opened only after a failed build: a frame cut before its ` > name:` line is still the echo
    // block's (name ''), so the line it counted is covered by an event.
    const step = name === undefined ? undefined : failedStep(name)
    const event = { type: 'docker.echo', ...baseFields(lineContext(at, step), ECHO_OPEN.id, lastLine), name: name ?? '', lines: replayed } as const
    session.emit(cut ? { ...event, cut: true } : event)
  }

  return {
    get done(): boolean {
      return done
    },
    offer(text, next) {
      if (name === undefined) {
        const echoed = ECHO_NAME.match(text)
        if (echoed === undefined) return undefined
        name = echoed
      } else if (text === ECHO_FRAME) {
        lastLine = next.line
        emit(false)
        return CONSUMED
      } else if (ECHO_REPLAY.match(text) === true) {
        replayed++
      } else return undefined
      lastLine = next.line
      return CONSUMED
    },
    close: (cut) => emit(cut === true),
  }
}
