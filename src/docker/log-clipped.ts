/**
 * BuildKit's log clipping marker (FORMATS.md §7.3 "Log clipping"): after 1 MiB (v0.8) or 2 MiB
 * (≥ v0.9) of a step's output, or above 100/200 KiB/s, the daemon inserts
 * `[output clipped, log limit 2MiB reached]` as a line of the step's own output and drops what
 * follows (since v0.10 the last 256 KiB come back at the end of the step).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'

const CLIPPED = '[output clipped, log limit '
const REACHED = ' reached]'

/**
 * False when no last frame of `payload` (src/lines/frames.ts) can be the marker: the marker ends
 * with `]`, and after a line's last frame come only blank frames (spaces, tabs, CRs). One
 * comparison instead of a scan for CRs, for every output line of every step.
 */
export function mayEndWithClipMarker(payload: string): boolean {
  const last = payload.charCodeAt(payload.length - 1)
  return last === 0x5d || last === 0x0d || last === 0x20 || last === 0x09
}

/** `[output clipped, log limit 1MiB reached]`, `… 2MiB reached]`, `… 200KiB/s reached]` in a step's output: the limit. */
export const LOG_CLIPPED: Rule<string> = {
  id: 'docker.log-clipped',
  first: '[',
  match(text) {
    if (!text.startsWith(CLIPPED) || !text.endsWith(REACHED)) return undefined
    const limit = text.slice(CLIPPED.length, text.length - REACHED.length)
    return limit.length > 0 && !limit.includes(' ') ? limit : undefined
  },
}
