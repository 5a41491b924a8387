/**
 * The environment grammar's line rules (each a named rule with its first characters), exported
 * together so the regex-safety test runs them all.
 * @module
 */

import type { EnvFactKind } from '../events/env.ts'
import type { Rule } from '../grammar/rules.ts'
import { parseLsbRelease, parseOsRelease } from './os-release.ts'
import { githubRunnerVersion } from './runner-header.ts'
import { parseUname, type Uname } from './uname.ts'

/** A shell command echo: `$ docker info` (GitLab, set -v style) or `+ docker info` (sh -x). */
export const commandRule: Rule<string> = {
  id: 'env.command',
  first: '$+',
  match(text: string): string | undefined {
    // The commands worth knowing are short; a long echo line is none of them (and is not scanned).
    if (text.length < 3 || text.length > 200 || text.charCodeAt(1) !== 0x20) return undefined
    return text.slice(2).trim().replace(/\s+/g, ' ')
  },
}

/** `Linux vm 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux`. */
export const unameRule: Rule<Uname> = { id: 'env.uname', first: 'L', match: parseUname }

/** `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"`. */
export const osReleaseRule: Rule<{ fact: EnvFactKind | null; value: string }> = { id: 'env.os-release', first: 'PIVNUHBLD', match: parseOsRelease }

/** `Codename:\tbookworm`. */
export const lsbReleaseRule: Rule<{ fact: EnvFactKind; value: string }> = { id: 'env.lsb-release', first: 'DRC', match: parseLsbRelease }

/** `Current runner version: '2.311.0'`. */
export const githubRunnerRule: Rule<string> = { id: 'env.github-runner', first: 'C', match: githubRunnerVersion }

/** `github.com/docker/buildx v0.29.1 a1b2c3d` (`docker buildx version`). */
export const buildxVersionRule: Rule<string> = {
  id: 'env.buildx-version',
  first: 'g',
  match(text: string): string | undefined {
    if (!text.startsWith('github.com/docker/buildx ')) return undefined
    const version = text.split(' ')[1]
    return version !== undefined && /^v?\d/.test(version) ? version : undefined
  },
}

/** Every environment rule (line rules; the docker sections and runner headers are state-dependent readers). */
export const ENV_RULES: readonly Rule<unknown>[] = [commandRule, unameRule, osReleaseRule, lsbReleaseRule, githubRunnerRule, buildxVersionRule]
