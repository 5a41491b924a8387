/**
 * The last dpkg state of each package, from dpkg.log's `status` lines: a package a run left
 * `half-installed`, `half-configured`, `unpacked` or `triggers-awaited` is broken until someone
 * runs `dpkg --configure -a` (or removes it) — the state the incident's image may have carried.
 * @module
 */

import type { DpkgLogStatusEvent } from '../events/index.ts'
import type { Interner } from './keep.ts'
import type { Finding } from './types.ts'

/** States that mean "not finished". */
const UNFINISHED: ReadonlySet<string> = new Set(['half-installed', 'half-configured', 'unpacked', 'triggers-awaited'])

/** Most packages tracked (a dpkg.log names a few thousand at most). */
const MAX_PACKAGES = 100_000

/** Tracks the last state of each package. */
export interface DpkgStateTracker {
  /** One `status` line. */
  note(event: DpkgLogStatusEvent): void
  /** `run.dpkg-unfinished`, when packages were left unfinished. */
  finding(): Finding | undefined
}

/** Create a tracker. */
export function createDpkgStateTracker(strings: Interner): DpkgStateTracker {
  const last = new Map<string, { state: string; line: number }>()
  return {
    note(event: DpkgLogStatusEvent): void {
      if (last.size >= MAX_PACKAGES && !last.has(event.package)) return
      last.set(strings.of(event.package), { state: strings.of(event.state), line: event.line })
    },
    finding(): Finding | undefined {
      const left = [...last].filter(([, s]) => UNFINISHED.has(s.state))
      if (left.length === 0) return undefined
      const named = left.slice(0, 6).map(([name, s]) => `${name} (${s.state})`)
      return {
        kind: 'run.dpkg-unfinished',
        message: `dpkg.log leaves ${left.length} package${left.length === 1 ? '' : 's'} unfinished: ${named.join(', ')}${left.length > 6 ? ', …' : ''}; run dpkg --configure -a or remove them`,
        packages: left.map(([name]) => name),
        lines: left.map(([, s]) => s.line),
      }
    },
  }
}
