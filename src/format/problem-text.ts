/**
 * One-line descriptions of problems, shared by every report.
 * @module
 */

import type { Problem } from '../events/index.ts'
import { remedyFor } from './remedies.ts'

/** `pre-dependency problem on libgcc1` — the kind's title, on its package when known. */
export function problemTitle(p: Problem): string {
  const title = remedyFor(p.kind).title
  return p.package !== undefined ? `${title} on ${p.package}` : title
}

/** Where a problem stands: `line 16` / `lines 58–60, step #6`. */
export function problemPlace(p: Problem): string {
  const lines = p.endLine !== undefined && p.endLine !== p.line ? `lines ${p.line}–${p.endLine}` : `line ${p.line}`
  return p.step !== undefined ? `${lines}, step ${p.step}` : lines
}

/** `dpkg.pre-dependency: pre-dependency problem - not installing libgcc1:amd64 (line 16)`. */
export function problemLine(p: Problem): string {
  return `${p.kind}: ${p.message} (${problemPlace(p)})`
}
