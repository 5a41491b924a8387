/**
 * `--progress=rawjson` lines (FORMATS.md §7.4): one JSON-encoded `SolveStatus` per line with
 * `vertexes`, `statuses`, `logs` and `warnings` (each `omitempty`). A malformed or cut object, or
 * JSON that is not a SolveStatus, is not a rawjson line — never a throw.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'

/** A vertex update. */
export interface RawVertex {
  /** `sha256:…`, the vertex's identity in every later update. */
  readonly digest: string
  /** `[2/4] RUN …`, `[internal] load build context`, `exporting to image`. */
  readonly name: string | undefined
  /** RFC 3339 start of the current run interval. */
  readonly started: string | undefined
  /** RFC 3339 end of it. */
  readonly completed: string | undefined
  /** Result taken from the cache. */
  readonly cached: boolean
  /** Error text of a failed vertex. */
  readonly error: string | undefined
}

/** A status (progress item) of a vertex. */
export interface RawStatus {
  /** `transferring context:`, `writing image sha256:…`, `naming to docker.io/…`. */
  readonly id: string
  /** Digest of its vertex. */
  readonly vertex: string
  /** RFC 3339 completion, once finished. */
  readonly completed: string | undefined
}

/** A chunk of a vertex's output. */
export interface RawLog {
  /** Digest of its vertex. */
  readonly vertex: string
  /** Base64 bytes, cut anywhere (mid-line, mid-character). */
  readonly data: string
}

/** A build-check warning of a vertex. */
export interface RawWarning {
  /** Digest of its vertex. */
  readonly vertex: string
  /** Base64 short message. */
  readonly short: string | undefined
}

/** One rawjson line. */
export interface SolveStatus {
  /** Vertex updates. */
  readonly vertexes: readonly RawVertex[]
  /** Status updates. */
  readonly statuses: readonly RawStatus[]
  /** Output chunks. */
  readonly logs: readonly RawLog[]
  /** Warnings. */
  readonly warnings: readonly RawWarning[]
}

type JsonObject = Readonly<Record<string, unknown>>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringField(o: JsonObject, key: string): string | undefined {
  const value = o[key]
  return typeof value === 'string' ? value : undefined
}

function items<T>(o: JsonObject, key: string, read: (item: JsonObject) => T | undefined): T[] {
  const list = o[key]
  if (!Array.isArray(list)) return []
  const out: T[] = []
  for (const item of list as unknown[]) {
    if (!isObject(item)) continue
    const value = read(item)
    if (value !== undefined) out.push(value)
  }
  return out
}

function readVertex(o: JsonObject): RawVertex | undefined {
  const digest = stringField(o, 'digest')
  if (digest === undefined) return undefined
  return {
    digest,
    name: stringField(o, 'name'),
    started: stringField(o, 'started'),
    completed: stringField(o, 'completed'),
    cached: o['cached'] === true,
    error: stringField(o, 'error'),
  }
}

function readStatus(o: JsonObject): RawStatus | undefined {
  const id = stringField(o, 'id')
  const vertex = stringField(o, 'vertex')
  return id === undefined || vertex === undefined ? undefined : { id, vertex, completed: stringField(o, 'completed') }
}

function readLog(o: JsonObject): RawLog | undefined {
  const vertex = stringField(o, 'vertex')
  const data = stringField(o, 'data')
  return vertex === undefined || data === undefined ? undefined : { vertex, data }
}

function readWarning(o: JsonObject): RawWarning | undefined {
  const vertex = stringField(o, 'vertex')
  return vertex === undefined ? undefined : { vertex, short: stringField(o, 'short') }
}

const KEYS: readonly string[] = ['vertexes', 'statuses', 'logs', 'warnings']

/** A rawjson line: a JSON object with at least one of `vertexes`, `statuses`, `logs`, `warnings` as an array. */
export const RAWJSON_OBJECT: Rule<SolveStatus> = {
  id: 'docker.rawjson',
  first: '{',
  match(text) {
    if (text.charCodeAt(0) !== 0x7b || text.charCodeAt(text.length - 1) !== 0x7d) return undefined
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return undefined
    }
    if (!isObject(parsed) || !KEYS.some((key) => Array.isArray(parsed[key]))) return undefined
    return {
      vertexes: items(parsed, 'vertexes', readVertex),
      statuses: items(parsed, 'statuses', readStatus),
      logs: items(parsed, 'logs', readLog),
      warnings: items(parsed, 'warnings', readWarning),
    }
  },
}
