/**
 * The stable kinds of findings (public API, documented in docs/run-model.md). A finding of a kind
 * not listed here does not compile.
 * @module
 */

/** Every finding kind: `run.*` from one run, `diff.*` and `env.*` from the comparison of two. */
export const FINDING_KINDS = [
  'run.essential-packages-planned',
  'run.apt-generation',
  'run.apt-sources',
  'run.dpkg-unfinished',
  'diff.outcome-changed',
  'diff.packages-planned',
  'diff.essential-packages-planned',
  'diff.apt-generation-changed',
  'diff.cache-miss',
  'diff.step-slower',
  'diff.steps-changed',
  'env.kernel-differs',
  'env.docker-engine-differs',
  'env.docker-client-differs',
  'env.storage-driver-differs',
  'env.base-image-differs',
  'env.os-differs',
  'env.architecture-differs',
  'env.runner-image-differs',
  'env.apt-sources-differ',
  'env.apt-language-differs',
] as const

/** A finding kind. */
export type FindingKind = (typeof FINDING_KINDS)[number]
