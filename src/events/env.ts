/**
 * Environment facts a CI job prints before it builds (`uname -a`, `docker version`, `docker info`,
 * `/etc/os-release`, the runner's job header): the machine a build ran on. docs/environment.md says
 * where each fact's format comes from.
 * @module
 */

import type { EventBase } from './base.ts'

/** Which fact. */
export type EnvFactKind =
  | 'kernel'
  | 'hostname'
  | 'architecture'
  | 'os'
  | 'os-id'
  | 'os-version'
  | 'os-codename'
  | 'debian-version'
  | 'docker-client-version'
  | 'docker-client-api-version'
  | 'docker-engine-version'
  | 'docker-engine-api-version'
  | 'docker-client-go-version'
  | 'docker-client-os-arch'
  | 'docker-engine-go-version'
  | 'docker-engine-os-arch'
  | 'containerd-version'
  | 'runc-version'
  | 'storage-driver'
  | 'logging-driver'
  | 'cgroup-driver'
  | 'cgroup-version'
  | 'cpus'
  | 'memory'
  | 'buildx-version'
  | 'runner-version'
  | 'runner-os'
  | 'runner-image'
  | 'runner-image-version'
  | 'gitlab-runner-version'
  | 'executor'
  | 'executor-image'
  | 'executor-image-id'

/** The command or header a fact came from. */
export type EnvSource = 'uname' | 'docker-version' | 'docker-info' | 'docker-buildx-version' | 'os-release' | 'debian_version' | 'lsb_release' | 'github-runner' | 'gitlab-runner'

/** One environment fact: `Linux vm 6.18.44-fc-v657 #1 SMP … x86_64 GNU/Linux` gives kernel, hostname and architecture. */
export interface EnvFactEvent extends EventBase<'env.fact'> {
  /** Which fact. */
  readonly fact: EnvFactKind
  /** Its value as printed (`4.4.0-98-generic`, `20.10.24+dfsg1`, `vfs`). */
  readonly value: string
  /** Where it was read. */
  readonly source: EnvSource
}

/** Every environment event. */
export type EnvEvent = EnvFactEvent
