/**
 * The apt 3 solver explanation inside an `E:`/`Error:` message (FORMATS.md §4.2): apt 3.0 prints it
 * after `The following information from --solver 3.0 may provide additional context:`, apt 3.1+
 * as the error itself; the head says `decisions` (3.0–3.1) or `assignments` (3.3). Not translated.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { isPackageName, withoutArch } from './tokens.ts'

/** A solver explanation found in a message's text. */
export interface SolverExplanation {
  /** `decisions` or `assignments`. */
  readonly conflict: string
  /** The numbered explanation lines, indentation removed. */
  readonly steps: readonly string[]
  /** Package of the first step, without `:arch`. */
  readonly package?: string
}

/** The first line of apt 3.0's context message. */
export const SOLVER_CONTEXT_HEAD = 'The following information from --solver 3.0 may provide additional context:'

const HEAD_PREFIX = 'Unable to satisfy dependencies. Reached two conflicting '

function conflictOf(line: string): string | undefined {
  if (!line.startsWith(HEAD_PREFIX) || !line.endsWith(':')) return undefined
  const word = line.slice(HEAD_PREFIX.length, -1)
  return word.length > 0 && word.length <= 40 && !word.includes(' ') ? word : undefined
}

// `1. unmet-libc:amd64=1.0 is selected for install` → `unmet-libc`.
function firstStepPackage(step: string | undefined): string | undefined {
  if (step === undefined) return undefined
  const dot = step.indexOf('. ')
  if (dot <= 0 || dot > 4) return undefined
  const token = step.slice(dot + 2).split(' ', 1)[0] as string
  const eq = token.indexOf('=')
  const name = withoutArch(eq === -1 ? token : token.slice(0, eq))
  return isPackageName(name) ? name : undefined
}

/**
 * Finds the solver explanation in a message text (lines joined by `\n`, continuation indent removed):
 * the head on the first line (apt 3.1+) or on the second after apt 3.0's context line.
 */
export const solverRule: Rule<SolverExplanation> = {
  id: 'apt.solver',
  first: 'UT',
  match(text: string): SolverExplanation | undefined {
    const lines = text.split('\n')
    let headAt = 0
    if (lines[0] === SOLVER_CONTEXT_HEAD) headAt = 1
    const conflict = conflictOf((lines[headAt] ?? '').trim())
    if (conflict === undefined) return undefined
    const steps = lines
      .slice(headAt + 1)
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
    const pkg = firstStepPackage(steps[0])
    return pkg === undefined ? { conflict, steps } : { conflict, steps, package: pkg }
  },
}
