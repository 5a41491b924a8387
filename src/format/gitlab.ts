/**
 * GitLab Code Quality output (`artifacts: reports: codequality:`): one issue per problem, so a merge
 * request shows what broke the image build next to the code review. The format is GitLab's subset
 * of the Code Climate spec: `description`, `check_name`, `fingerprint`, `severity` (`info`,
 * `minor`, `major`, `critical`, `blocker`) and `location: { path, lines: { begin } }`.
 * @module
 */

import type { Problem, RunSummary } from '../run/types.ts'

/** One Code Quality issue. */
export interface CodeQualityIssue {
  /** The problem's message. */
  readonly description: string
  /** The problem kind (`dpkg.pre-dependency`). */
  readonly check_name: string
  /** Stable id: the same problem in the next run of the job has the same one (lines may shift). */
  readonly fingerprint: string
  /** `critical` for the root cause, `major` for other errors, `minor` for warnings. */
  readonly severity: 'critical' | 'major' | 'minor'
  /** The log file and the problem's first line. */
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end?: number } }
}

/** 32 hex digits of four FNV-1a 32-bit hashes with different offsets (no `node:crypto` in the core). */
function fingerprintOf(text: string): string {
  let out = ''
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = seed >>> 0
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    out += h.toString(16).padStart(8, '0')
  }
  return out
}

/** Problem identity without its line: kind, package, cause, step and message. */
function identity(p: Problem): string {
  return [p.kind, p.package ?? '', p.cause ?? '', p.step ?? '', p.message].join('\u0000')
}

/** The run's problems as GitLab Code Quality issues; `path` names the analysed log. */
export function formatGitlabCodeQuality(run: RunSummary, path: string): CodeQualityIssue[] {
  const seen = new Map<string, number>()
  return run.problems.map((p): CodeQualityIssue => {
    const id = identity(p)
    const nth = seen.get(id) ?? 0
    seen.set(id, nth + 1)
    const lines = p.endLine === undefined || p.endLine === p.line ? { begin: p.line } : { begin: p.line, end: p.endLine }
    return {
      description: p.message,
      check_name: p.kind,
      // The nth identical problem of a run gets its own fingerprint: GitLab shows one issue per fingerprint.
      fingerprint: fingerprintOf(`${id}\u0000${nth}`),
      severity: p === run.rootCause ? 'critical' : p.severity === 'error' ? 'major' : 'minor',
      location: { path, lines },
    }
  })
}
