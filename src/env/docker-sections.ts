/**
 * `docker version` and `docker info`: `Client:` and `Server:` sections of `Key: value` lines whose
 * indentation nests them (`Server:` / ` Engine:` / `  Version: 20.10.24`). Formats from
 * docker/cli `cli/command/system/version.go` (its template) and `info.go` (`prettyPrintInfo`),
 * checked against corpus D30/D31.
 * @module
 */

import type { EnvFactKind } from '../events/env.ts'

/** A fact by its section path (`Server/Engine/Version`). */
const FACTS: ReadonlyMap<string, EnvFactKind> = new Map<string, EnvFactKind>([
  ['Client/Version', 'docker-client-version'],
  ['Client/API version', 'docker-client-api-version'],
  ['Client/Go version', 'docker-client-go-version'],
  ['Client/OS/Arch', 'docker-client-os-arch'],
  ['Client/Plugins/buildx/Version', 'buildx-version'],
  ['Server/Engine/Version', 'docker-engine-version'],
  ['Server/Engine/API version', 'docker-engine-api-version'],
  ['Server/Engine/Go version', 'docker-engine-go-version'],
  ['Server/Engine/OS/Arch', 'docker-engine-os-arch'],
  ['Server/containerd/Version', 'containerd-version'],
  ['Server/runc/Version', 'runc-version'],
  ['Server/Server Version', 'docker-engine-version'],
  ['Server/Storage Driver', 'storage-driver'],
  ['Server/Logging Driver', 'logging-driver'],
  ['Server/Cgroup Driver', 'cgroup-driver'],
  ['Server/Cgroup Version', 'cgroup-version'],
  ['Server/Kernel Version', 'kernel'],
  ['Server/Operating System', 'os'],
  ['Server/Architecture', 'architecture'],
  ['Server/CPUs', 'cpus'],
  ['Server/Total Memory', 'memory'],
  ['Server/containerd version', 'containerd-version'],
  ['Server/runc version', 'runc-version'],
])

/** Keys only `docker info` prints: they tell the two commands apart. */
const INFO_ONLY: ReadonlySet<string> = new Set(['Server Version', 'Storage Driver', 'Containers', 'Debug Mode', 'Kernel Version'])

/** `Client:` / `Server:` (also `Client: Docker Engine - Community`): the top of a section. */
export function sectionHeader(line: string): 'Client' | 'Server' | undefined {
  if (line === 'Client:' || line.startsWith('Client: ')) return 'Client'
  if (line === 'Server:' || line.startsWith('Server: ')) return 'Server'
  return undefined
}

/** Reads the indented lines of one `docker version`/`docker info` output. */
export interface DockerSections {
  /** A new top section. */
  open(top: 'Client' | 'Server'): void
  /**
   * One indented line. Returns the fact it states, `null` for a known line with no fact, or
   * `undefined` when the line is not a `Key: value` line of these sections.
   */
  line(text: string): { fact: EnvFactKind; value: string; info: boolean } | null | undefined
}

/** Create a reader. */
export function createDockerSections(): DockerSections {
  let stack: { indent: number; name: string }[] = []
  return {
    open(top: 'Client' | 'Server'): void {
      stack = [{ indent: -1, name: top }]
    },
    line(text: string) {
      let indent = 0
      while (indent < text.length && text.charCodeAt(indent) === 0x20) indent++
      if (indent === 0 || stack.length === 0) return undefined
      const colon = text.indexOf(':', indent)
      if (colon === -1) return null // plugin list entries, security option names: known, no fact
      const key = text.slice(indent, colon)
      while (stack.length > 1 && (stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop()
      const path = `${stack.map((s) => s.name).join('/')}/${key}`
      stack.push({ indent, name: key })
      const fact = FACTS.get(path)
      const value = text.slice(colon + 1).trim()
      if (fact === undefined || value === '') return null
      // `1.41 (downgraded from 1.50)`, `1.41 (minimum version 1.12)`: the version is the first word
      const clean = fact.endsWith('api-version') ? (value.split(' ')[0] as string) : value
      return { fact, value: clean, info: INFO_ONLY.has(key) }
    },
  }
}
