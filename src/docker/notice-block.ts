/**
 * A docker notice with its continuation lines (the `DEPRECATED` banner's 12-space lines, the
 * buildx-missing message's 7-space lines, the buildx warnings summary's ` - ` lines): one
 * `docker.notice` when the block ends. The buildx-missing message also means the `docker build`
 * did not run: it reports `docker.build-failed`.
 * @module
 */

import { baseFields } from '../events/base.ts'
import { CONSUMED } from '../grammar/verdict.ts'
import type { NoticeLine } from './line-kinds.ts'
import { dockerProblem, lineContext, type DockerSession, type LineAt, type OpenBlock } from './session.ts'

/** Most continuation lines kept in one notice. */
const MAX_LINES = 100

function isContinuation(notice: NoticeLine, text: string): boolean {
  if (notice.bullet !== undefined) return text.startsWith(notice.bullet)
  if (notice.indent === 0 || text.length <= notice.indent) return false
  for (let i = 0; i < notice.indent; i++) if (text.charCodeAt(i) !== 0x20) return false
  return text.trim().length > 0
}

/** Open a notice block at its first line. */
export function openNoticeBlock(notice: NoticeLine, rule: string, session: DockerSession, at: LineAt): OpenBlock {
  const lines = [notice.text]
  let lastLine = at.line
  let done = false
  return {
    done: () => done,
    offer(text, next) {
      if (!isContinuation(notice, text)) return undefined
      if (lines.length < MAX_LINES) lines.push(text.trim())
      lastLine = next.line
      return CONSUMED
    },
    close() {
      if (done) return
      done = true
      const ctx = lineContext(at)
      const text = lines.join('\n')
      session.emit({ type: 'docker.notice', ...baseFields(ctx, rule, lastLine), notice: notice.notice, text })
      if (notice.notice === 'buildx-missing') {
        session.emit(dockerProblem(ctx, rule, 'docker.build-failed', `docker build did not run: ${notice.text.slice('ERROR: '.length)}`, lastLine))
      }
    },
  }
}
