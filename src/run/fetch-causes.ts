/**
 * Download failures that only apt's `Err:` lines explain. apt prints the reason of a failed
 * download under its `Err:` line; the `W:`/`E:` messages at the end of the command repeat it in
 * `Failed to fetch <uri>  <reason>` — but not always: a Release file that failed (apt ≥ 1.1, after
 * `Ign` on InRelease) gets only `E: The repository '…' does not have a Release file.`, and an
 * excerpt may hold the `Err:` block and the summary (`Unable to fetch some archives`) but not the
 * lines between. There the first cause (a TLS certificate apt could not verify, a refused
 * connection, a DNS failure …) is on the `Err:` line alone, and the run model would blame its
 * consequence ("the suite does not exist").
 *
 * The collector keeps the `Err:` failures with a known cause; when a later problem of the same step
 * is their consequence and no problem states the cause already, the failure becomes an
 * `apt.fetch-failed` problem (a warning, as apt carries on after an `Err:` line) placed in log
 * order, so the root cause follows it (`root-cause.ts`).
 *
 * Sources of the sequences: mrclksr/linux-browser-installer#49 (apt 2.0: `Err:5 … stable Release`,
 * `Certificate verification failed: … issuer is unknown …`, then `E: The repository '…' no longer
 * has a Release file.`), Ximi1970/systray-x#130 (the same with an OCSP failure),
 * roddhjav/pass-import#163 (an expired chain, `E: … does not have a Release file.`).
 * @module
 */

import { fetchCause } from '../apt/classify.ts'
import type { AptAcquireEvent, Problem, ProblemKind } from '../events/index.ts'
import type { Interner } from './keep.ts'

/** `Err:` failures kept per run: a log with more is not one CI job's, the first ones say why. */
export const MAX_ACQUIRE_FAILURES = 256

/** Characters of an `Err:` reason kept in a derived problem's message. */
const MAX_REASON = 300

/** One `Err:` line with a cause aptlog knows. */
interface AcquireFailure {
  readonly step: string | undefined
  readonly line: number
  readonly endLine: number
  readonly uri: string
  readonly suite: string
  readonly target: AptAcquireEvent['target']
  readonly package: string | undefined
  readonly cause: string
  readonly message: string
}

/** Problems that follow from failed downloads (what an `Err:` line can explain). */
const FETCH_SUMMARIES = new Set<ProblemKind>(['apt.archives-fetch-failed', 'apt.index-download-failed'])
const MISSING_PACKAGE = new Set<ProblemKind>(['apt.package-not-found', 'apt.no-install-candidate', 'apt.version-not-found'])
/** What a missing-package problem already has as its cause when one of these is before it (root-cause.ts). */
const INDEX_FAILURES = new Set<ProblemKind>(['apt.fetch-failed', 'apt.index-download-failed', 'apt.release-file-missing', 'apt.signature-invalid', 'apt.release-expired', 'apt.release-not-yet-valid'])

const sameStep = (a: { readonly step?: string | undefined }, b: { readonly step?: string | undefined }): boolean => (a.step ?? '') === (b.step ?? '')

/**
 * `The repository 'http://host/debian bookworm Release' does not have a Release file.` → the URI
 * and suite it names; undefined for another wording (a translated message).
 */
export function repositoryOf(message: string): { readonly uri: string; readonly suite: string } | undefined {
  if (!message.startsWith("The repository '")) return undefined
  const end = message.indexOf("'", "The repository '".length)
  if (end === -1) return undefined
  const parts = message.slice("The repository '".length, end).split(' ')
  if (parts.length < 2) return undefined
  return { uri: parts[0] as string, suite: parts[1] as string }
}

/**
 * True when a fetch problem's message names the repository `uri`/`suite`: apt's `Failed to fetch`
 * URL (`<uri>/dists/<suite>/…`, `<uri>/./…` for a flat one), or a derived `Err` message about a
 * Release file of that suite — under any URI, as apt names the `Err:` line after the redirect it
 * followed and the `E:` line after sources.list (balena-io/etcher#3253: `Err:21
 * https://dl.bintray.com/etcher/debian stable Release` / `403  Forbidden`, then `E: The repository
 * 'https://deb.etcher.io stable Release' no longer has a Release file.`).
 */
export function namesRepository(message: string, uri: string, suite: string): boolean {
  if (message.includes(`${uri}/dists/${suite}/`) || (suite === './' && message.includes(`${uri}/./`))) return true
  return message.startsWith('Err ') && (message.includes(` ${suite} Release  `) || message.includes(` ${suite} InRelease  `))
}

/** The failure as a problem, in apt's `Err` words: `Err <uri> <suite> <item>  <reason>`. */
function describe(event: AptAcquireEvent, reason: string): string {
  const suite = event.suite === undefined ? '' : event.component === undefined ? ` ${event.suite}` : ` ${event.suite}/${event.component}`
  const item = event.target === 'package' ? [event.package, event.version] : [event.arch, event.file]
  const what = item.filter((x) => x !== undefined).join(' ')
  const text = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason
  return `Err ${event.uri}${suite}${what === '' ? '' : ` ${what}`}  ${text}`
}

/** True when `problems` has, before `p` in its step, a problem `test` accepts. */
function hasBefore(problems: readonly Problem[], p: Problem, test: (q: Problem) => boolean): boolean {
  for (const q of problems) {
    if (q === p) return false
    if (sameStep(q, p) && test(q)) return true
  }
  return false
}

/** True when problem `p` (later, same step) is a consequence of failure `f`, and nothing else explains it. */
function explains(f: AcquireFailure, p: Problem, problems: readonly Problem[]): boolean {
  if (!sameStep(f, p) || p.line <= f.line) return false
  if (p.kind === 'apt.release-file-missing') {
    // A 404 on the Release file is what "does not have a Release file" means: the suite is missing.
    if (f.target !== 'release' || f.cause === 'http-404') return false
    const repo = repositoryOf(p.message)
    return repo === undefined || repo.suite === f.suite // any URI: see namesRepository
  }
  if (p.kind === 'apt.fetch-failed') return p.cause === undefined && (f.package === undefined ? p.package === undefined && p.message.includes(f.uri) : p.package === f.package)
  if (FETCH_SUMMARIES.has(p.kind)) return !hasBefore(problems, p, (q) => q.kind === 'apt.fetch-failed')
  if (MISSING_PACKAGE.has(p.kind)) return f.target !== 'package' && !hasBefore(problems, p, (q) => INDEX_FAILURES.has(q.kind))
  return false
}

/** True when a problem already states `f`'s cause for the same item. */
function stated(f: AcquireFailure, problems: readonly Problem[]): boolean {
  return problems.some(
    (q) => q.kind === 'apt.fetch-failed' && q.cause === f.cause && sameStep(q, f) && (f.package === undefined ? q.package === undefined && (q.message.includes(f.uri)) : q.package === f.package),
  )
}

/** Collects `Err:` failures and adds the problems only they explain. */
export interface FetchCauseCollector {
  /** Note one acquire line (only `Err` lines with a known cause are kept). */
  add(event: AptAcquireEvent): void
  /**
   * `problems` with an `apt.fetch-failed` warning for each kept failure that explains a later
   * problem of its step no other problem explains, in log order. `problems` itself when none does.
   */
  withCauses(problems: readonly Problem[]): readonly Problem[]
}

/** Create a collector; strings are kept through `strings` (see keep.ts). */
export function createFetchCauseCollector(strings: Interner): FetchCauseCollector {
  const failures: AcquireFailure[] = []
  return {
    add(event: AptAcquireEvent): void {
      if (event.result !== 'err' || event.errors === undefined || failures.length >= MAX_ACQUIRE_FAILURES) return
      const reason = event.errors.join(' ')
      const cause = fetchCause(reason)
      if (cause === undefined) return
      failures.push({
        step: strings.optional(event.step),
        line: event.line,
        endLine: event.endLine ?? event.line,
        uri: strings.of(event.uri),
        suite: strings.of(event.suite ?? ''),
        target: event.target,
        package: strings.optional(event.package),
        cause,
        message: strings.of(describe(event, event.errors[0] ?? reason)),
      })
    },

    withCauses(problems: readonly Problem[]): readonly Problem[] {
      const derived: Problem[] = []
      for (const f of failures) {
        if (stated(f, problems) || !problems.some((p) => explains(f, p, problems))) continue
        const p: { -readonly [K in keyof Problem]: Problem[K] } = { kind: 'apt.fetch-failed', severity: 'warning', line: f.line, message: f.message, cause: f.cause }
        if (f.endLine !== f.line) p.endLine = f.endLine
        if (f.package !== undefined) p.package = f.package
        if (f.step !== undefined) p.step = f.step
        derived.push(p)
      }
      if (derived.length === 0) return problems
      // Into log order: each before the first problem that starts after it.
      const out = [...problems]
      for (const d of derived) {
        const at = out.findIndex((q) => q.line > d.line)
        out.splice(at === -1 ? out.length : at, 0, d)
      }
      return out
    },
  }
}
