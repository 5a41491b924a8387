/**
 * apt's operation progress lines (FORMATS.md §3.1) and tty progress noise (§2.4).
 * @module
 */

import type { AptPhase } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import type { NoiseLine, PhaseLine } from './line-kinds.ts'

const PHASES: readonly { readonly words: string; readonly phase: AptPhase }[] = [
  { words: 'Reading package lists', phase: 'reading-package-lists' },
  { words: 'Building dependency tree', phase: 'building-dependency-tree' },
  { words: 'Reading state information', phase: 'reading-state-information' },
  { words: 'Calculating upgrade', phase: 'calculating-upgrade' },
  { words: 'Solving dependencies', phase: 'solving-dependencies' },
  { words: 'Correcting dependencies', phase: 'correcting-dependencies' },
]

const PERCENT = /^\d{1,3}%$/

/** The suffix after `...`: empty (non-tty), `Done`, `Error!`, `Failed`, ` failed.`, or a tty percentage frame. */
function readStatus(suffix: string): PhaseLine['status'] | null | undefined {
  const s = suffix.trim()
  if (s === '') return null
  if (s === 'Done') return 'done'
  if (s === 'Error!') return 'error'
  if (s === 'Failed' || s === 'failed.' || s === 'Failed.') return 'failed'
  if (PERCENT.test(s)) return null
  return undefined
}

function matchPhase(text: string, words: string, phase: AptPhase): PhaseLine | undefined {
  if (!text.startsWith(words)) return undefined
  const after = text.slice(words.length)
  // apt ≤ 1.x on a tty left `Building dependency tree       ` (padding, no dots) when the progress
  // line was finished by the next phase; the line layer keeps it, `trimEnd` made it bare.
  if (after === '') return phase === 'building-dependency-tree' ? { kind: 'phase', phase } : undefined
  if (!after.startsWith('...')) return undefined
  const status = readStatus(after.slice(3))
  if (status === undefined) return undefined
  return status === null ? { kind: 'phase', phase } : { kind: 'phase', phase, status }
}

/** One rule per phase: `Reading package lists...` (non-tty), `Reading package lists... Done` (tty), `Solving dependencies... Error!`. */
export const PHASE_RULES: readonly Rule<PhaseLine>[] = PHASES.map(({ words, phase }) => ({
  id: `apt.phase.${phase}`,
  first: words.charAt(0),
  match: (text: string): PhaseLine | undefined => matchPhase(text, words, phase),
}))

const NOISE: NoiseLine = { kind: 'noise' }

// `0% [Working]`, `40% [1 demo-b 630 B/630 B 100%]`, `50% [Waiting for headers] 9,999 kB/s 2s`.
const ACQUIRE_PROGRESS = /^\d{1,3}% \[/

/** apt's tty download progress line (§2.4): known, carries nothing. */
export const acquireProgressRule: Rule<NoiseLine> = {
  id: 'apt.progress.acquire',
  first: '0123456789',
  match: (text: string): NoiseLine | undefined => (ACQUIRE_PROGRESS.test(text) ? NOISE : undefined),
}

/**
 * debconf's `dpkg-preconfigure`, run by apt before dpkg (`DPkg::Pre-Install-Pkgs`), announces itself
 * with these lines; they belong to the apt run and carry nothing.
 */
export const preconfigureRule: Rule<NoiseLine> = {
  id: 'apt.progress.preconfigure',
  first: 'PE',
  match: (text: string): NoiseLine | undefined =>
    text === 'Preconfiguring packages ...' || (text.startsWith('Extracting templates from packages: ') && text.endsWith('%')) ? NOISE : undefined,
}

const DPKG_BAR = /^Progress: \[ {0,2}\d{1,3}%\]/

/** The `apt` binary's dpkg progress bar `Progress: [ 45%]` (tty only, §3.8). */
export const dpkgProgressBarRule: Rule<NoiseLine> = {
  id: 'apt.progress.bar',
  first: 'P',
  match: (text: string): NoiseLine | undefined => (DPKG_BAR.test(text) ? NOISE : undefined),
}
