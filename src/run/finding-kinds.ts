/**
 * The stable kinds of findings (public API, documented in docs/run-model.md). A finding of a kind
 * not listed here does not compile.
 * @module
 */

/** Every finding kind: `run.*` from one run, `diff.*` from the comparison of two. */
export const FINDING_KINDS = [
  'run.essential-packages-planned',
  'run.apt-generation',
  'run.apt-sources',
  'diff.outcome-changed',
  'diff.packages-planned',
  'diff.essential-packages-planned',
  'diff.apt-generation-changed',
  'diff.sources-changed',
  'diff.cache-miss',
  'diff.steps-changed',
] as const

/** A finding kind. */
export type FindingKind = (typeof FINDING_KINDS)[number]
