/**
 * Notices the docker CLI and buildx print around a build: the legacy-builder `DEPRECATED` banner
 * with its 12-space continuation lines and the `ERROR: BuildKit is enabled but the buildx component
 * is missing or broken.` message with 7-space ones (FORMATS.md §7.1, corpus D01, D02, D20), and the
 * buildx build-check summary ` 1 warning found (use docker --debug to expand):` + ` - …` lines (§7.3).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import type { NoticeLine } from './line-kinds.ts'
import { skipDigits } from './text.ts'

const DEPRECATED = 'DEPRECATED: The legacy builder is deprecated'

/** `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.` (docker CLI ≥ 23). */
export const NOTICE_LEGACY_DEPRECATED: DockerRule<NoticeLine> = {
  id: 'docker.notice.legacy-deprecated',
  first: 'D',
  second: 'E',
  match(text) {
    return text.startsWith(DEPRECATED) ? { kind: 'notice', notice: 'legacy-deprecated', text, indent: 12 } : undefined
  },
}

const BUILDX_MISSING = 'ERROR: BuildKit is enabled but the buildx component is missing or broken.'

/** `ERROR: BuildKit is enabled but the buildx component is missing or broken.` (docker CLI ≥ 23 without buildx; the build does not run). */
export const NOTICE_BUILDX_MISSING: DockerRule<NoticeLine> = {
  id: 'docker.notice.buildx-missing',
  first: 'E',
  second: 'R',
  match(text) {
    return text.startsWith(BUILDX_MISSING) ? { kind: 'notice', notice: 'buildx-missing', text, indent: 7 } : undefined
  },
}

const WARNINGS_FOUND = ' found (use docker --debug to expand):'

/** ` 2 warnings found (use docker --debug to expand):` (buildx ≥ 0.15; its yellow ANSI is gone by now). */
export const NOTICE_WARNINGS_SUMMARY: DockerRule<NoticeLine> = {
  id: 'docker.notice.warnings-summary',
  first: ' 0123456789',
  second: ' 0123456789',
  match(text) {
    const from = text.charCodeAt(0) === 0x20 ? 1 : 0
    const digitsEnd = skipDigits(text, from)
    if (digitsEnd === from || !text.endsWith(WARNINGS_FOUND)) return undefined
    const word = text.slice(digitsEnd, text.length - WARNINGS_FOUND.length)
    if (word !== ' warning' && word !== ' warnings') return undefined
    return { kind: 'notice', notice: 'warning', text: text.slice(from), indent: 0, bullet: ' - ' }
  },
}

const NO_OUTPUT = 'WARNING: No output specified with '

/** `WARNING: No output specified with docker-container driver. Build result will only remain in the build cache. …` (buildx). */
export const NOTICE_NO_OUTPUT: DockerRule<NoticeLine> = {
  id: 'docker.notice.no-output',
  first: 'W',
  second: 'A',
  match(text) {
    return text.startsWith(NO_OUTPUT) ? { kind: 'notice', notice: 'warning', text, indent: 0 } : undefined
  },
}

/** The notice rules. */
export const NOTICE_RULES: readonly Rule<NoticeLine>[] = [NOTICE_LEGACY_DEPRECATED, NOTICE_BUILDX_MISSING, NOTICE_WARNINGS_SUMMARY, NOTICE_NO_OUTPUT]
