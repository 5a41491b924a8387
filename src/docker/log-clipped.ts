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
