/**
 * What each repository did in a run, from apt's acquire lines: how many `Hit`/`Get`/`Ign`/`Err`
 * lines it had, the bytes and packages it served, and whether it failed. This is the table CI users
 * rebuild by hand from `W:` lines: which source was unreachable, and whether it failed on indexes
 * (`apt-get update`) or on the packages themselves.
 * @module
 */

import { fetchCause } from '../apt/classify.ts'
import type { AptAcquireEvent } from '../events/apt.ts'
import type { Interner } from './keep.ts'
import type { Repository } from './types.ts'

/** Repositories kept per run; a log naming more is not a CI job's, and the rest are not counted. */
export const MAX_REPOSITORIES = 256

interface RepositoryRecord {
  uri: string
  suite: string
  hit: number
  get: number
  ign: number
  err: number
  bytes: number
  packages: number
  failedPackages: number
  cause: string | undefined
  error: string | undefined
  errorLine: number | undefined
  line: number
}

/** Collects repositories from `apt.acquire` events. */
export interface RepositoryCollector {
  /** Count one acquire line. */
  add(event: AptAcquireEvent): void
  /** The repositories in the order they were first named. */
  repositories(): Repository[]
}

/** Create a collector; strings are kept through `strings` (see keep.ts). */
export function createRepositoryCollector(strings: Interner): RepositoryCollector {
  const byKey = new Map<string, RepositoryRecord>()
  return {
    add(event: AptAcquireEvent): void {
      // A `.deb` file given on the command line (`apt-get install ./x.deb`) comes from no repository.
      if (event.uri.charCodeAt(0) === 0x2f) return
      // `bookworm/main` and `bookworm` name one suite; a flat repository (`./`) has only its path.
      const uri = strings.of(event.uri)
      const suite = strings.of(event.suite ?? '')
      const key = `${uri} ${suite}`
      let r = byKey.get(key)
      if (r === undefined) {
        if (byKey.size >= MAX_REPOSITORIES) return
        r = { uri, suite, hit: 0, get: 0, ign: 0, err: 0, bytes: 0, packages: 0, failedPackages: 0, cause: undefined, error: undefined, errorLine: undefined, line: event.line }
        byKey.set(key, r)
      }
      r[event.result]++
      if (event.result === 'get') {
        if (event.sizeBytes !== undefined) r.bytes += event.sizeBytes
        if (event.target === 'package') r.packages++
      } else if (event.result === 'err') {
        if (event.target === 'package') r.failedPackages++
        if (r.error !== undefined) return
        const first = event.errors?.[0]
        if (first !== undefined) {
          r.error = strings.of(first.length > 300 ? first.slice(0, 300) : first)
          r.cause = fetchCause(first)
        }
        r.errorLine = event.line
      }
    },
    repositories(): Repository[] {
      return [...byKey.values()].map((r): Repository => {
        const status = r.err === 0 ? 'ok' : r.hit + r.get === 0 ? 'failed' : 'partial'
        const out: { -readonly [K in keyof Repository]: Repository[K] } = { uri: r.uri, suite: r.suite, status, hit: r.hit, get: r.get, ign: r.ign, err: r.err, bytes: r.bytes, packages: r.packages, failedPackages: r.failedPackages, line: r.line }
        if (r.cause !== undefined) out.cause = r.cause
        if (r.error !== undefined) out.error = r.error
        if (r.errorLine !== undefined) out.errorLine = r.errorLine
        return out
      })
    },
  }
}
