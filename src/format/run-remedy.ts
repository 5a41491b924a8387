/**
 * Remedies that depend on the rest of the run, not only on the problem's kind and cause: a package
 * apt cannot find (or a 404 on its `.deb`) in a docker step whose package lists came from an
 * earlier `RUN apt-get update` step that the build took from its cache (BuildKit `CACHED`, the
 * legacy builder's `Using cache`). Those lists are as old as that layer: the classic Docker cache
 * pitfall (moby/moby#16307, docker-library/golang#471), fixed by updating and installing in one RUN.
 * @module
 */

import type { Problem } from '../events/index.ts'
import type { RunSummary, Step } from '../run/types.ts'
import { remedyFor, type Remedy } from './remedies.ts'

/** Problems stale package lists explain. */
const STALE_LIST_KINDS: ReadonlySet<string> = new Set(['apt.package-not-found', 'apt.no-install-candidate', 'apt.version-not-found'])

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
}

/** `apt` or `apt-get` ending a word (`apt-get`, `/usr/bin/apt-get`, `;apt`), not `myapt`. */
function isAptWord(word: string): boolean {
  for (const name of ['apt-get', 'apt']) {
    if (!word.endsWith(name)) continue
    const before = word.length - name.length
    if (before === 0 || !isWordChar(word.charCodeAt(before - 1))) return true
  }
  return false
}

/**
 * True when a step's instruction runs `apt-get update`, `apt update`, `apt-get -qq update` (words
 * scanned once: a regex with a repeated option group was quadratic on a long instruction).
 */
export function runsAptUpdate(step: Step): boolean {
  const words = (step.instruction ?? step.name ?? '').split(' ')
  for (let i = 0; i < words.length; i++) {
    if (!isAptWord(words[i] as string)) continue
    let j = i + 1
    while (j < words.length && ((words[j] as string) === '' || (words[j] as string).startsWith('-'))) j++
    const next = words[j]
    if (next !== undefined && next.startsWith('update') && (next.length === 6 || !isWordChar(next.charCodeAt(6)))) return true
  }
  return false
}

/**
 * The cached step whose `apt-get update` made the package lists that `p`'s step read, when `p` is
 * one stale lists explain and its own step does not update them; undefined otherwise.
 */
export function cachedUpdateStep(run: RunSummary, p: Problem): Step | undefined {
  if (p.step === undefined) return undefined
  if (!STALE_LIST_KINDS.has(p.kind) && !(p.kind === 'apt.fetch-failed' && p.cause === 'http-404')) return undefined
  const failing = run.steps.find((s) => s.id === p.step)
  if (failing === undefined || runsAptUpdate(failing)) return undefined
  // The lists come from the last step before it in the same stage that ran apt-get update.
  let source: Step | undefined
  for (const s of run.steps) {
    if (s === failing) break
    if ((s.stage ?? '') === (failing.stage ?? '') && s.line < failing.line && runsAptUpdate(s)) source = s
  }
  return source?.status === 'cached' ? source : undefined
}

/** The remedy for a problem of this run: {@link remedyFor}, unless the run shows a more specific reason. */
export function remedyInRun(run: RunSummary, p: Problem): Remedy {
  const base = remedyFor(p.kind, p.cause)
  const cached = cachedUpdateStep(run, p)
  if (cached === undefined) return base
  const instruction = cached.instruction ?? cached.name ?? 'RUN apt-get update'
  return {
    title: base.title,
    remedy: `Step ${cached.id} (\`${instruction}\`) came from the build cache, so the package lists this step read are as old as that layer, and the archive has moved on since. Run \`apt-get update && apt-get install …\` in one RUN instruction, so that changing the install reruns the update (or build once with --no-cache).`,
  }
}
