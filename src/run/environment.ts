/**
 * Collecting environment facts: the `env.fact` events, and what docker events say about the base
 * image (`Step 1/5 : FROM ci/debian:bookworm` + ` ---> 7b3a3bca6e9a`; BuildKit
 * `[1/4] FROM docker.io/library/debian:bookworm@sha256:…` and its `resolve …@sha256:…` status; the
 * `[internal] load metadata for …` vertex names the reference when no FROM step was printed).
 * The language apt and dpkg printed in (`apt-language`: `en`, or the first translated line's
 * `locale`) is a fact of the same kind. The first value of each fact and scope is kept.
 * @module
 */

import type { AptLogEvent } from '../events/index.ts'
import type { Interner } from './keep.ts'
import type { EnvFact } from './types.ts'

/** `docker.io/library/debian:bookworm` and `debian:bookworm` are one reference. */
export function normalizeImageRef(ref: string): string {
  let r = ref
  if (r.startsWith('docker.io/')) r = r.slice('docker.io/'.length)
  if (r.startsWith('library/')) r = r.slice('library/'.length)
  return r
}

const LOAD_METADATA = '[internal] load metadata for '

/** Collects facts from events. */
export interface EnvironmentCollector {
  /** Look at one event. */
  add(event: AptLogEvent): void
  /** The facts, in the order they were first seen. */
  facts(): EnvFact[]
}

/** Create a collector. */
export function createEnvironmentCollector(strings: Interner): EnvironmentCollector {
  const facts = new Map<string, EnvFact>()
  let fromStep: string | undefined // the step of the first FROM, until its image id is known
  let fromRef: string | undefined
  /** The first `[internal] load metadata for REF`: the base image when the log shows no FROM step (clipped, cut). */
  let metadata: { ref: string; line: number } | undefined
  /** Where apt or dpkg first printed something: the `apt-language` fact is `en` unless a line was translated. */
  let aptOutput: { scope: EnvFact['scope']; line: number } | undefined
  let language: string | undefined

  function note(fact: EnvFact['fact'], value: string, scope: EnvFact['scope'], source: EnvFact['source'], line: number): void {
    const key = `${fact} ${scope}`
    if (!facts.has(key)) facts.set(key, { fact, value: strings.of(value), scope, source, line })
  }

  return {
    add(event: AptLogEvent): void {
      if (language === undefined && event.locale !== undefined) {
        language = event.locale
        note('apt-language', event.locale, event.step === undefined ? 'host' : 'image', 'apt-output', event.line)
      }
      if (aptOutput === undefined && event.type !== 'problem' && (event.type.startsWith('apt.') || event.type.startsWith('dpkg.'))) {
        aptOutput = { scope: event.step === undefined ? 'host' : 'image', line: event.line }
      }
      switch (event.type) {
        case 'env.fact':
          note(event.fact, event.value, event.step === undefined ? 'host' : 'image', event.source, event.line)
          break
        case 'docker.build.start':
          note('builder', event.builder, 'host', 'docker-build', event.line)
          break
        case 'docker.step.start': {
          if (metadata === undefined && event.instruction === null && event.name.startsWith(LOAD_METADATA)) {
            const ref = event.name.slice(LOAD_METADATA.length).split(' ')[0] as string
            if (ref !== '') metadata = { ref: strings.of(normalizeImageRef(ref)), line: event.line }
          }
          if (fromRef !== undefined || event.instruction === null) break
          const m = /^FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(event.instruction)
          if (m === null) break
          const [ref, digest] = (m[1] as string).split('@') as [string, string | undefined]
          fromRef = normalizeImageRef(ref)
          fromStep = event.step
          note('base-image', fromRef, 'image', 'docker-build', event.line)
          if (digest !== undefined) note('base-image-id', digest, 'image', 'docker-build', event.line)
          break
        }
        case 'docker.step.info':
          if (event.step !== fromStep) break
          if (event.info === 'image') note('base-image-id', event.value, 'image', 'docker-build', event.line)
          else if (event.info === 'status' && event.value.startsWith('resolve ')) {
            const at = event.value.indexOf('@sha256:')
            if (at !== -1) note('base-image-id', (event.value.slice(at + 1).split(' ')[0] as string), 'image', 'docker-build', event.line)
          }
          break
        case 'docker.step.end':
          if (event.step === fromStep) fromStep = undefined
          break
        default:
          break
      }
    },
    facts(): EnvFact[] {
      const all = [...facts.values()]
      if (fromRef === undefined && metadata !== undefined && !facts.has('base-image image')) {
        all.push({ fact: 'base-image', value: metadata.ref, scope: 'image', source: 'docker-build', line: metadata.line })
      }
      if (language === undefined && aptOutput !== undefined) {
        all.push({ fact: 'apt-language', value: 'en', scope: aptOutput.scope, source: 'apt-output', line: aptOutput.line })
      }
      return all
    },
  }
}
