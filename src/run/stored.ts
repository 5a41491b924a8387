/**
 * A run model read back from JSON: `aptlog summary --format json` (or `JSON.stringify(summarize(…))`)
 * stored as a CI artifact of the last green build, to diff the next build against without keeping
 * its log. The JSON is data from outside, so it is checked before `diffRuns` trusts it: every field
 * the diff reads has the type the contract says, and a mismatch is named, never thrown.
 * @module
 */

import type { RunSummary } from './types.ts'

/** Why a value is not a run model: the first field that is wrong, as a path (`steps[3].status`). */
export interface StoredSummaryError {
  /** Path of the offending field. */
  readonly path: string
  /** What was expected there. */
  readonly expected: string
}

type Check = (value: unknown, path: string) => StoredSummaryError | undefined

const fail = (path: string, expected: string): StoredSummaryError => ({ path, expected })

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const str: Check = (v, p) => (typeof v === 'string' ? undefined : fail(p, 'a string'))
const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? undefined : fail(p, 'a number'))
const oneOf =
  (...values: readonly (string | null)[]): Check =>
  (v, p) =>
    values.includes(v as string | null) ? undefined : fail(p, values.map((x) => JSON.stringify(x)).join(' | '))
const nullable =
  (check: Check): Check =>
  (v, p) =>
    v === null ? undefined : check(v, p)
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p)
const arrayOf =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'an array')
    for (let i = 0; i < v.length; i++) {
      const e = check(v[i], `${p}[${i}]`)
      if (e !== undefined) return e
    }
    return undefined
  }
const shape =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'an object')
    for (const [name, check] of Object.entries(fields)) {
      const e = check(v[name], p === '' ? name : `${p}.${name}`)
      if (e !== undefined) return e
    }
    return undefined
  }

const pkg = shape({ name: str, version: optional(str), arch: optional(str) })
const problem = shape({ kind: str, severity: oneOf('error', 'warning'), line: num, message: str, cause: optional(str), package: optional(str), step: optional(str) })
const source = shape({ uri: str, suite: str, component: str })
const strings = arrayOf(str)
const numbers = arrayOf(num)
const generation = oneOf('1.0', '1.1-2.x', '3.x')

/** The fields each finding kind carries (types.ts `Finding`); a kind this version does not know needs a kind and a message. */
const FINDING_FIELDS: ReadonlyMap<string, Check> = new Map([
  ['run.essential-packages-planned', shape({ packages: strings, lines: numbers })],
  ['run.dpkg-unfinished', shape({ packages: strings, lines: numbers })],
  ['run.apt-generation', shape({ generation })],
  ['run.apt-sources', shape({ sources: arrayOf(source) })],
  ['diff.packages-planned', shape({ packages: strings })],
  ['diff.essential-packages-planned', shape({ packages: strings, lines: numbers, run: oneOf('b') })],
  ['diff.apt-generation-changed', shape({ generation })],
])
const finding: Check = (v, p) => shape({ kind: str, message: str })(v, p) ?? FINDING_FIELDS.get((v as { kind: string }).kind)?.(v, p)

/**
 * The schema id `aptlog summary --format json` writes first in its output (`"schema": "aptlog.run/1"`):
 * a stored baseline says which contract it follows. Its number changes only when a field the diff
 * reads changes meaning; added fields keep it.
 */
export const RUN_SUMMARY_SCHEMA = 'aptlog.run/1'

const SUMMARY: Check = shape({
  schema: optional(oneOf(RUN_SUMMARY_SCHEMA)),
  outcome: oneOf('success', 'failure', 'unknown'),
  rootCause: nullable(problem),
  problems: arrayOf(problem),
  findings: arrayOf(finding),
  steps: arrayOf(
    shape({ id: str, instruction: nullable(str), status: oneOf('done', 'cached', 'error', 'canceled', 'unknown'), line: num, stage: optional(str), name: optional(str), durationMs: optional(num), exitCode: optional(num) }),
  ),
  transactions: arrayOf(
    shape({
      step: nullable(str),
      kind: oneOf('update', 'install', 'upgrade', 'remove', 'dpkg', 'other'),
      planned: shape({ new: strings, additional: strings, upgrade: strings, remove: strings, downgrade: strings, keptBack: strings, suggested: strings, recommended: strings }),
      counts: nullable(shape({ upgraded: num, newlyInstalled: num, removed: num, notUpgraded: num })),
      downloadBytes: optional(num),
      diskDeltaBytes: optional(num),
      fetched: optional(shape({ bytes: num, seconds: num })),
      sources: arrayOf(source),
      downloaded: arrayOf(pkg),
      unpacked: arrayOf(pkg),
      setUp: arrayOf(pkg),
      removed: arrayOf(pkg),
      line: num,
      endLine: num,
    }),
  ),
  aptGeneration: nullable(generation),
  environment: arrayOf(shape({ fact: str, value: str, scope: oneOf('host', 'image'), source: str, line: num })),
  repositories: arrayOf(shape({ uri: str, suite: str, status: oneOf('ok', 'partial', 'failed'), hit: num, get: num, ign: num, err: num, bytes: num, packages: num, failedPackages: num, line: num, cause: optional(str), error: optional(str), errorLine: optional(num) })),
  lines: num,
  unrecognized: num,
})

/**
 * Check that a parsed JSON value is a run model `diffRuns` can read (`aptlog summary --format
 * json`, or a stored `summarize()` result): `undefined` when it is, else the first wrong field.
 * Unknown extra fields are allowed (a newer aptlog may add some).
 */
export function checkStoredSummary(value: unknown): StoredSummaryError | undefined {
  return SUMMARY(value, '')
}

/** True when `value` is a run model `diffRuns` can read (see {@link checkStoredSummary}). */
export function isRunSummary(value: unknown): value is RunSummary {
  return checkStoredSummary(value) === undefined
}
