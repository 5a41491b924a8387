/**
 * The Dockerfile excerpt buildx prints for a failed instruction when the builder attached source
 * information (FORMATS.md §7.3 "Source excerpt"): `Dockerfile:2`, twenty dashes, ` %3d | ` lines
 * (`>>>` marks the failing instruction), twenty dashes.
 * @module
 */

import { baseFields } from '../events/base.ts'
import { CONSUMED } from '../grammar/verdict.ts'
import { SOURCE_FRAME, SOURCE_LINE, SOURCE_OPEN } from './echo-rules.ts'
import type { SourceOpenLine } from './line-kinds.ts'
import { lineContext, type DockerSession, type LineAt, type OpenBlock } from './session.ts'

/** Longest excerpt kept (buildx prints the instruction plus 2–4 context lines). */
const MAX_EXCERPT = 200

/**
 * True for a file name a pasted excerpt can be trusted by alone (no failed build read before it):
 * `Dockerfile`, `app.Dockerfile`, `Dockerfile.ci`, `Containerfile`, in any folder and case.
 */
export function isDockerfileName(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase()
  return base.includes('dockerfile') || base.includes('containerfile')
}

/**
 * Open a source block at its `Dockerfile:N` line. `standalone`: no failed build was read before
 * it (`--progress=quiet` prints only the excerpt and the error; a paste may hold just that): a
 * header not followed by its frame is no block and emits nothing.
 */
export function openSourceBlock(header: SourceOpenLine, session: DockerSession, at: LineAt, standalone = false): OpenBlock {
  const excerpt: string[] = []
  let framed = false
  let lastLine = at.line
  let done = false

  function emit(cut: boolean): void {
    if (done) return
    done = true
    if (standalone && !framed) return
    // Opened only after a failed build, so even a log cut right after `Dockerfile:2` reports the
    // line it names (with an empty excerpt) rather than dropping a line it counted.
    const event = { type: 'docker.source', ...baseFields(lineContext(at), SOURCE_OPEN.id, lastLine), file: header.file, sourceLine: header.sourceLine, excerpt } as const
    session.emit(cut ? { ...event, cut: true } : event)
  }

  return {
    done: () => done,
    offer(text, next) {
      if (text === SOURCE_FRAME) {
        lastLine = next.line
        if (framed) emit(false)
        framed = true
        return CONSUMED
      }
      // Compose v2 prints an empty line after each line of the excerpt.
      if (text.length === 0) {
        lastLine = next.line
        return CONSUMED
      }
      if (!framed) return undefined
      const line = SOURCE_LINE.match(text)
      if (line === undefined) return undefined
      if (excerpt.length < MAX_EXCERPT) excerpt.push(line)
      lastLine = next.line
      return CONSUMED
    },
    close: (cut) => emit(cut === true),
  }
}
