/**
 * The apt 3 solver explanation inside an `E:`/`Error:` message (FORMATS.md §4.2): apt 3.0 prints it
 * after `The following information from --solver 3.0 may provide additional context:`, apt 3.1+
 * as the error itself; the head says `decisions` (3.0–3.1) or `assignments` (3.3). Not translated.
 * @module
 */

import type { SolverRelation } from '../events/apt.ts'
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
  /** The package relations the steps name, in order (absent when none). */
  readonly relations?: readonly SolverRelation[]
}

/** Relation words solver3 prints (apt's dependency type names, untranslated in these steps). */
const RELATIONS: ReadonlySet<string> = new Set(['Depends', 'PreDepends', 'Pre-Depends', 'Recommends', 'Suggests', 'Conflicts', 'Breaks', 'Replaces', 'Obsoletes', 'Enhances'])

const NONE_INSTALLABLE = 'but none of the choices are installable'

/** `N. ` at the start of a step (1–3 digits): the body after it, else undefined. */
function numberedBody(step: string): string | undefined {
  const dot = step.indexOf('. ')
  if (dot <= 0 || dot > 3) return undefined
  for (let i = 0; i < dot; i++) {
    const c = step.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return undefined
  }
  return step.slice(dot + 2)
}

/** The relations of the numbered steps; a `but none of the choices…` line (or tail) marks the step before it. */
function relationsOf(steps: readonly string[]): SolverRelation[] {
  const out: { -readonly [K in keyof SolverRelation]: SolverRelation[K] }[] = []
  for (const step of steps) {
    const body = numberedBody(step)
    if (body === undefined) {
      const last = out[out.length - 1]
      if (last !== undefined && step.startsWith(NONE_INSTALLABLE)) last.unsatisfiable = true
      continue
    }
    const space = body.indexOf(' ')
    if (space <= 0) continue
    const next = body.indexOf(' ', space + 1)
    const word = body.slice(space + 1, next === -1 ? undefined : next)
    if (!RELATIONS.has(word) || next === -1) continue
    // `pkg[:arch][=version]`: the relation is the package's, whatever version the step names.
    const eq = body.indexOf('=')
    const token = body.slice(0, eq !== -1 && eq < space ? eq : space)
    const name = withoutArch(token)
    if (!isPackageName(name)) continue
    let target = body.slice(next + 1)
    // Some printers put the verdict on the same line: `… Depends x but none of the choices are installable: [no choices]`.
    const tail = target.indexOf(` ${NONE_INSTALLABLE}`)
    const unsatisfiable = tail !== -1
    if (unsatisfiable) target = target.slice(0, tail)
    if (target.length === 0) continue
    // Fields in their documented order: package, arch, relation, target, unsatisfiable.
    out.push(name.length < token.length ? { package: name, arch: token.slice(name.length + 1), relation: word, target, unsatisfiable } : { package: name, relation: word, target, unsatisfiable })
  }
  return out
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
    const relations = relationsOf(steps)
    const found: { -readonly [K in keyof SolverExplanation]: SolverExplanation[K] } = { conflict, steps }
    if (pkg !== undefined) found.package = pkg
    if (relations.length > 0) found.relations = relations
    return found
  },
}
