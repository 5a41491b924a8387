/**
 * Reading an aggregate document back (`aptlog fleet merge`, or a browser page given one): it is
 * data from outside, so its size, every field's type and the limits it claims are checked before
 * it is merged, and the first wrong field is named. The checks walk the known shape only, so a
 * deeply nested or huge document costs no more than its size.
 * @module
 */

import { createFleetAggregate, FLEET_LIMITS, FLEET_SCHEMA, type FleetAggregate, type FleetAggregateJSON, type FleetLimits } from './aggregate.ts'
import { FLEET_TEXT_LIMIT } from './run.ts'

/** Largest document text read (characters): the largest aggregate the limits allow is far smaller. */
export const FLEET_DOCUMENT_LIMIT: number = 64 * 1024 * 1024

/** A document that is not a fleet aggregate: `path` names the first wrong field. */
export class FleetDocumentError extends Error {
  /** Always `FleetDocumentError`, so the class survives minification and structured cloning. */
  override readonly name = 'FleetDocumentError'
  /** Path of the offending field (`dimensions[2].values[0].failure`), `''` for the whole document. */
  readonly path: string
  /** `problem` says what is wrong with the field at `path`. */
  constructor(path: string, problem: string) {
    super(path === '' ? problem : `${path}: ${problem}`)
    this.path = path
  }
}

type Obj = Record<string, unknown>

function object(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FleetDocumentError(path, 'expected an object')
  return v as Obj
}

function count(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new FleetDocumentError(path, 'expected a non-negative integer')
  return v
}

function text(v: unknown, path: string, max = FLEET_TEXT_LIMIT): string {
  if (typeof v !== 'string') throw new FleetDocumentError(path, 'expected a string')
  if (v.length > max) throw new FleetDocumentError(path, `longer than ${max} characters`)
  return v
}

function list(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new FleetDocumentError(path, 'expected an array')
  if (v.length > max) throw new FleetDocumentError(path, `more than ${max} entries (the document's limits)`)
  return v
}

function outcomes(v: unknown, path: string): void {
  const o = object(v, path)
  for (const k of ['success', 'failure', 'unknown']) count(o[k], `${path}.${k}`)
}

function limitsOf(v: unknown): FleetLimits {
  const o = object(v, 'limits')
  const out: Record<string, number> = {}
  for (const [name, most] of Object.entries(FLEET_LIMITS)) {
    const n = count(o[name], `limits.${name}`)
    if (n < 1 || n > most) throw new FleetDocumentError(`limits.${name}`, `expected 1 to ${most}`)
    out[name] = n
  }
  return out as unknown as FleetLimits
}

function unique(keys: readonly string[], path: string): void {
  const seen = new Set<string>()
  keys.forEach((k, i) => {
    if (seen.has(k)) throw new FleetDocumentError(`${path}[${i}]`, 'repeats an earlier entry')
    seen.add(k)
  })
}

/** Check `value` is an aggregate document; return it typed. Throws {@link FleetDocumentError}. */
export function checkFleetDocument(value: unknown): FleetAggregateJSON {
  const doc = object(value, '')
  if (doc['schema'] !== FLEET_SCHEMA) throw new FleetDocumentError('schema', `expected "${FLEET_SCHEMA}" (is this the output of aptlog fleet --format json?)`)
  const limits = limitsOf(doc['limits'])
  count(doc['runs'], 'runs')
  count(doc['lines'], 'lines')
  outcomes(doc['outcomes'], 'outcomes')
  const steps = object(doc['steps'], 'steps')
  count(steps['total'], 'steps.total')
  count(steps['failed'], 'steps.failed')
  const inputs = object(doc['inputs'], 'inputs')
  for (const k of ['unreadable', 'crashed', 'outOfMemory']) count(inputs[k], `inputs.${k}`)
  list(inputs['examples'], 'inputs.examples', limits.inputs).forEach((e, i) => {
    const p = `inputs.examples[${i}]`
    const o = object(e, p)
    text(o['path'], `${p}.path`)
    text(o['message'], `${p}.message`)
    if (o['reason'] !== 'unreadable' && o['reason'] !== 'crashed' && o['reason'] !== 'out-of-memory') throw new FleetDocumentError(`${p}.reason`, 'expected "unreadable", "crashed" or "out-of-memory"')
  })
  const roots = object(doc['rootCauses'], 'rootCauses')
  count(roots['all'], 'rootCauses.all')
  const causes = list(roots['entries'], 'rootCauses.entries', limits.causes).map((e, i) => {
    const p = `rootCauses.entries[${i}]`
    const o = object(e, p)
    const kind = text(o['kind'], `${p}.kind`)
    const cause = o['cause'] === null ? null : text(o['cause'], `${p}.cause`)
    count(o['count'], `${p}.count`)
    count(o['failed'], `${p}.failed`)
    list(o['examples'], `${p}.examples`, limits.examples).forEach((x, j) => {
      const q = `${p}.examples[${j}]`
      const ex = object(x, q)
      text(ex['path'], `${q}.path`)
      count(ex['line'], `${q}.line`)
      text(ex['evidence'], `${q}.evidence`)
    })
    return `${kind}\u0000${cause ?? '\u0001'}`
  })
  unique(causes, 'rootCauses.entries')
  const names = list(doc['dimensions'], 'dimensions', limits.dimensions).map((d, i) => {
    const p = `dimensions[${i}]`
    const o = object(d, p)
    const name = text(o['name'], `${p}.name`)
    outcomes(o['all'], `${p}.all`)
    const values = list(o['values'], `${p}.values`, limits.values).map((v, j) => {
      const q = `${p}.values[${j}]`
      outcomes(v, q)
      return text((v as Obj)['value'], `${q}.value`)
    })
    unique(values, `${p}.values`)
    return name
  })
  unique(names, 'dimensions')
  return doc as unknown as FleetAggregateJSON
}

/** An aggregate from a document (an object, or its JSON text), checked first. Throws {@link FleetDocumentError}. */
export function readFleetAggregate(document: unknown): FleetAggregate {
  let value = document
  if (typeof document === 'string') {
    if (document.length > FLEET_DOCUMENT_LIMIT) throw new FleetDocumentError('', `larger than ${FLEET_DOCUMENT_LIMIT} characters`)
    try {
      value = JSON.parse(document)
    } catch (error) {
      throw new FleetDocumentError('', `not JSON (${error instanceof Error ? error.message : String(error)})`)
    }
  }
  const doc = checkFleetDocument(value)
  const aggregate = createFleetAggregate({ limits: doc.limits })
  aggregate.merge(doc)
  return aggregate
}
