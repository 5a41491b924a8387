/**
 * Comparing the environments of two runs. In the incident the Dockerfile, the base tag and the
 * mirror were the same; the machine was not (the runner's kernel). When the job printed its
 * environment, the differences are findings with stable kinds.
 * @module
 */

import type { EnvFact, Finding, MessageFindingKind, RunSummary } from '../run/types.ts'

/** One fact in both runs. */
export interface EnvComparison {
  /** Which fact. */
  readonly fact: EnvFact['fact']
  /** Host or image. */
  readonly scope: EnvFact['scope']
  /** Value in A (null: A did not print it). */
  readonly a: string | null
  /** Value in B. */
  readonly b: string | null
  /** Both known and equal. */
  readonly same: boolean
}

/** Which finding a differing fact makes (host facts unless noted). */
const FINDING_OF: ReadonlyMap<string, MessageFindingKind> = new Map<string, MessageFindingKind>([
  ['kernel host', 'env.kernel-differs'],
  ['docker-engine-version host', 'env.docker-engine-differs'],
  ['docker-client-version host', 'env.docker-client-differs'],
  ['storage-driver host', 'env.storage-driver-differs'],
  ['os host', 'env.os-differs'],
  ['os-id host', 'env.os-differs'],
  ['os-version host', 'env.os-differs'],
  ['architecture host', 'env.architecture-differs'],
  ['runner-os host', 'env.runner-image-differs'],
  ['runner-image host', 'env.runner-image-differs'],
  ['runner-image-version host', 'env.runner-image-differs'],
  ['executor-image host', 'env.runner-image-differs'],
  ['executor-image-id host', 'env.runner-image-differs'],
  ['os image', 'env.os-differs'],
  ['os-version image', 'env.os-differs'],
  ['base-image-id image', 'env.base-image-differs'],
  ['base-image image', 'env.base-image-differs'],
  ['apt-language image', 'env.apt-language-differs'],
  ['apt-language host', 'env.apt-language-differs'],
])

const LABEL: ReadonlyMap<string, string> = new Map([
  ['kernel', 'kernel'],
  ['docker-engine-version', 'docker engine'],
  ['docker-client-version', 'docker client'],
  ['storage-driver', 'storage driver'],
  ['os', 'operating system'],
  ['os-id', 'operating system'],
  ['os-version', 'operating system version'],
  ['architecture', 'architecture'],
  ['runner-os', 'runner operating system'],
  ['runner-image', 'runner image'],
  ['runner-image-version', 'runner image version'],
  ['executor-image', 'job image'],
  ['executor-image-id', 'job image id'],
  ['apt-language', 'apt/dpkg language'],
])

/** Every fact either run knows, compared. */
export function compareEnvironments(a: RunSummary, b: RunSummary): EnvComparison[] {
  const key = (f: EnvFact): string => `${f.fact} ${f.scope}`
  const inA = new Map(a.environment.map((f) => [key(f), f]))
  const inB = new Map(b.environment.map((f) => [key(f), f]))
  const keys = [...new Set([...inA.keys(), ...inB.keys()])]
  return keys.map((k) => {
    const fa = inA.get(k)
    const fb = inB.get(k)
    const any = (fa ?? fb) as EnvFact
    return { fact: any.fact, scope: any.scope, a: fa?.value ?? null, b: fb?.value ?? null, same: fa !== undefined && fb !== undefined && fa.value === fb.value }
  })
}

/** Findings for facts that both runs printed and that differ; one per kind. */
export function environmentFindings(comparisons: readonly EnvComparison[]): Finding[] {
  const byKind = new Map<MessageFindingKind, string[]>()
  const value = (fact: string, scope: string): EnvComparison | undefined => comparisons.find((c) => c.fact === fact && c.scope === scope)
  for (const c of comparisons) {
    if (c.same || c.a === null || c.b === null) continue
    const kind = FINDING_OF.get(`${c.fact} ${c.scope}`)
    if (kind === undefined || kind === 'env.base-image-differs') continue
    const parts = byKind.get(kind) ?? []
    parts.push(`${LABEL.get(c.fact) ?? c.fact} ${c.a} → ${c.b}`)
    byKind.set(kind, parts)
  }
  const findings: Finding[] = [...byKind].map(([kind, parts]) => ({ kind, message: `${parts.join(', ')}` }))
  const ref = value('base-image', 'image')
  const id = value('base-image-id', 'image')
  if (ref !== undefined && ref.a !== null && ref.b !== null) {
    if (ref.same && id !== undefined && id.a !== null && id.b !== null && !id.same) {
      findings.unshift({ kind: 'env.base-image-differs', message: `the base image tag ${ref.a} moved: ${id.a} → ${id.b}` })
    } else if (!ref.same) {
      findings.unshift({ kind: 'env.base-image-differs', message: `base image ${ref.a} → ${ref.b}` })
    }
  }
  return findings
}
