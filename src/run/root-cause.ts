/**
 * Root cause: the first fatal problem that is not a consequence of another. Consequences are
 * decided by kind and place (the same docker step), never by wording:
 * - `ci.job-failed` (the CI runner's failure line) and `docker.service-exited` (compose's
 *   `web_1 exited with code 100`) follow from any other fatal problem;
 * - `dpkg.subprocess-failed` (apt's `Sub-process /usr/bin/dpkg returned an error code`) and
 *   `docker.step-failed` follow from the more specific problem before them in the same step;
 *   `docker.build-failed` from any earlier problem of the build;
 * - `apt.archives-fetch-failed` and `apt.index-download-failed` summarise earlier fetch failures;
 * - `apt.release-file-missing` follows from a failed download of that repository's Release file
 *   with a known cause other than a 404 (a TLS certificate, DNS, a refused connection …: the suite
 *   may well exist), stated by a `Failed to fetch` line or only by the `Err:` line
 *   (`fetch-causes.ts` makes that one a problem);
 * - an `apt.fetch-failed` whose reason aptlog does not know (or that apt left out: `Failed to fetch
 *   <uri>` after a missing method) follows from the last fetch failure with a known cause before
 *   it in the same step;
 * - `apt.package-not-found` / `apt.no-install-candidate` / `apt.version-not-found` after a failed
 *   index download in the same step are caused by it (the package lists are missing), even when
 *   that failure was only a warning (apt-get update prints `W:` for transient network errors);
 * - `dpkg.dependency-problems` are caused by a pre-dependency problem of the same step wherever
 *   it stands (it outranks them), else by an earlier dpkg failure of another kind (a failed
 *   postinst leaves its dependents unconfigured).
 * @module
 */

import type { Problem, ProblemKind } from '../events/index.ts'
import { namesRepository, repositoryOf } from './fetch-causes.ts'

const SUMMARY_OF_DPKG = new Set<ProblemKind>(['dpkg.subprocess-failed'])
const DOCKER_CONSEQUENCES = new Set<ProblemKind>(['docker.step-failed', 'docker.build-failed'])
const FETCH_SUMMARIES = new Set<ProblemKind>(['apt.archives-fetch-failed', 'apt.index-download-failed'])
const MISSING_PACKAGE = new Set<ProblemKind>(['apt.package-not-found', 'apt.no-install-candidate', 'apt.version-not-found'])
const INDEX_FAILURES = new Set<ProblemKind>(['apt.fetch-failed', 'apt.index-download-failed', 'apt.release-file-missing', 'apt.signature-invalid', 'apt.release-expired', 'apt.release-not-yet-valid'])
const DPKG_FAILURES = new Set<ProblemKind>(['dpkg.pre-dependency', 'dpkg.maintainer-script-failed', 'dpkg.file-conflict', 'dpkg.other-error', 'disk.full'])

/** Kinds that only report that something else failed. */
/** Verdicts of a process that ran the failing command (a CI runner, compose): the cause is anywhere before or around them. */
const EXIT_VERDICTS = new Set<ProblemKind>(['ci.job-failed', 'docker.service-exited'])
const CONSEQUENCE_ONLY = new Set<ProblemKind>([...SUMMARY_OF_DPKG, ...DOCKER_CONSEQUENCES, ...FETCH_SUMMARIES, ...EXIT_VERDICTS])

const sameStep = (a: Problem, b: Problem): boolean => (a.step ?? '') === (b.step ?? '')

/** The last problem before `index` that satisfies `test`. */
function lastBefore(problems: readonly Problem[], index: number, test: (p: Problem) => boolean): Problem | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const p = problems[i] as Problem
    if (test(p)) return p
  }
  return undefined
}

/** The problem that caused `problems[index]`, if the log shows one. */
export function causeOf(problems: readonly Problem[], index: number): Problem | undefined {
  const p = problems[index] as Problem
  if (SUMMARY_OF_DPKG.has(p.kind) || p.kind === 'docker.step-failed') {
    return lastBefore(problems, index, (q) => sameStep(q, p) && q.severity === 'error' && !CONSEQUENCE_ONLY.has(q.kind))
  }
  // The runner's verdict follows from any other fatal problem of the job, wherever it stands (an
  // apt message block may close only after the runner's line was read).
  if (EXIT_VERDICTS.has(p.kind)) return problems.find((q) => q.severity === 'error' && !EXIT_VERDICTS.has(q.kind))
  if (p.kind === 'docker.build-failed') {
    return lastBefore(problems, index, (q) => q.severity === 'error' && q.kind !== 'docker.build-failed')
  }
  if (p.kind === 'apt.release-file-missing') {
    const repo = repositoryOf(p.message)
    return lastBefore(
      problems,
      index,
      (q) => sameStep(q, p) && q.kind === 'apt.fetch-failed' && q.cause !== undefined && q.cause !== 'http-404' && (q.cause === 'method-missing' || repo === undefined || namesRepository(q.message, repo.uri, repo.suite)),
    )
  }
  if (p.kind === 'apt.fetch-failed' && p.cause === undefined) {
    return lastBefore(problems, index, (q) => sameStep(q, p) && q.kind === 'apt.fetch-failed' && q.cause !== undefined && (q.package === undefined || q.package === p.package || q.cause === 'method-missing'))
  }
  if (FETCH_SUMMARIES.has(p.kind)) {
    return lastBefore(problems, index, (q) => sameStep(q, p) && q.kind === 'apt.fetch-failed')
  }
  if (MISSING_PACKAGE.has(p.kind)) {
    return lastBefore(problems, index, (q) => sameStep(q, p) && INDEX_FAILURES.has(q.kind))
  }
  if (p.kind === 'dpkg.dependency-problems') {
    const preDependency = problems.find((q) => sameStep(q, p) && q.kind === 'dpkg.pre-dependency' && q.severity === 'error')
    if (preDependency !== undefined) return preDependency
    return lastBefore(problems, index, (q) => sameStep(q, p) && DPKG_FAILURES.has(q.kind) && q.severity === 'error')
  }
  return undefined
}

/** True for problems that make the run fail. */
export function isFatal(p: Problem): boolean {
  return p.severity === 'error'
}

/**
 * The root cause of a run: follow the first fatal problem back through its causes. Returns null
 * when no problem is fatal.
 */
export function findRootCause(problems: readonly Problem[]): Problem | null {
  const first = problems.findIndex(isFatal)
  if (first === -1) return null
  const indexOf = new Map<Problem, number>(problems.map((p, i) => [p, i]))
  let current = first
  // Each step moves to a different problem; the bound stops a cycle (dependency ↔ pre-dependency).
  for (let hops = 0; hops < problems.length; hops++) {
    const cause = causeOf(problems, current)
    if (cause === undefined) break
    const next = indexOf.get(cause) as number
    if (next === current) break
    current = next
  }
  return problems[current] as Problem
}

/**
 * The problems that follow from `root`, directly or through others (`causeOf` walked to the end
 * of each chain), in log order. Each chain's end is remembered, so a run with many problems is
 * walked once, not once per problem.
 */
export function consequencesOf(problems: readonly Problem[], root: Problem): Problem[] {
  const indexOf = new Map<Problem, number>(problems.map((p, i) => [p, i]))
  /** Index of the problem each chain ends at; -1 until known. */
  const ends = new Array<number>(problems.length).fill(-1)
  const endOf = (start: number): number => {
    const path: number[] = []
    let index = start
    // A chain is at most as long as the list; a cycle (a problem that is its own cause) ends it.
    for (let hops = 0; hops < problems.length && ends[index] === -1; hops++) {
      path.push(index)
      const cause = causeOf(problems, index)
      const next = cause === undefined ? index : (indexOf.get(cause) as number)
      if (next === index) break
      index = next
    }
    const end = ends[index] === -1 ? index : (ends[index] as number)
    for (const i of path) ends[i] = end
    return end
  }
  const out: Problem[] = []
  problems.forEach((p, i) => {
    if (p !== root && problems[endOf(i)] === root) out.push(p)
  })
  return out
}
