/**
 * What a report says about the input itself when it explains little: empty, nothing aptlog could
 * read, or lines shaped like apt output in a language or version it does not read.
 * @module
 */

import type { RunSummary } from '../run/types.ts'

/** True when nothing in the run model came from the input: no step, apt run, problem or environment fact. */
function readNothing(run: RunSummary): boolean {
  return run.steps.length === 0 && run.transactions.length === 0 && run.problems.length === 0 && run.environment.length === 0
}

/**
 * The sentence that replaces "nothing to explain" when the input is the likely reason: an empty
 * input, or one with no docker, apt or dpkg output in it. Undefined when the input was read.
 * An input whose lines are apt's or dpkg's never hears "is it the build log?": lines shaped like
 * apt output it cannot read (another language or version) are said to be so, and lines it read as
 * apt/dpkg output that proves nothing (progress, debconf notes, blank lines) too.
 */
export function inputLead(run: RunSummary): string | undefined {
  if (run.lines === 0) return 'The input is empty: no line to read.'
  if (!readNothing(run)) return undefined
  const counts = `${run.lines} ${run.lines === 1 ? 'line' : 'lines'}, ${run.unrecognized} not recognised`
  const aptLike = run.unrecognizedAptLike ?? 0
  if (aptLike > 0) return `No apt run, problem or docker build was read from this input (${counts}): ${aptLike === run.unrecognized ? 'they look' : `${aptLike} of them look`} like apt or dpkg output that aptlog cannot read (below).`
  if (run.unrecognized === 0) return `Every line of this input was read, but none is an apt run, a problem or a docker build (${counts}): apt and dpkg progress alone proves nothing.`
  return `Nothing in this input was read as docker, apt or dpkg output (${counts}): is it the build log?`
}

/** The note on lines that look like apt or dpkg output aptlog could not read, if there are any. */
export function aptLikeNote(run: RunSummary): string | undefined {
  const n = run.unrecognizedAptLike ?? 0
  if (n === 0) return undefined
  return `${n} ${n === 1 ? 'line looks' : 'lines look'} like apt or dpkg output that aptlog cannot read (another language or apt version): \`aptlog parse --unrecognized\` lists ${n === 1 ? 'it' : 'them'}, and a bug report with ${n === 1 ? 'it' : 'them'} helps.`
}
