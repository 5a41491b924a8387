/**
 * CI runner headers. GitHub Actions' "Set up job" step (actions/runner: `Current runner version:
 * '…'` from its Runner.Listener, then `.setup_info` groups printed as `##[group]Operating System`,
 * `##[group]Runner Image` — `Virtual Environment` before 2021 — with `Image:`/`Environment:` and
 * `Version:` lines; the group markers are consumed by the line layer, so the lines are recognised by
 * their order). GitLab's runner (`Running with gitlab-runner 16.5.0 (853330f9)`, `Preparing the
 * "docker" executor`, `Using Docker executor with image ruby:3.1 ...`, `Using docker image sha256:…
 * for ruby:3.1 with digest ruby@sha256:… ...`, gitlab-runner executors/docker).
 * @module
 */

import type { EnvFactKind } from '../events/env.ts'

/** `Current runner version: '2.311.0'`. */
export function githubRunnerVersion(line: string): string | undefined {
  const m = /^Current runner version: '([^']{1,40})'$/.exec(line)
  return m?.[1]
}

/** Lines of the GitHub header after `Current runner version:` worth a fact, or known noise (`null`). */
export function githubHeaderLine(line: string, previous: string | undefined): { fact: EnvFactKind; value: string } | null | undefined {
  if (line.startsWith('Image: ')) return { fact: 'runner-image', value: line.slice(7).trim() }
  if (line.startsWith('Environment: ')) return { fact: 'runner-image', value: line.slice(13).trim() }
  if (line.startsWith('Version: ')) {
    if (previous !== undefined && (previous.startsWith('Image: ') || previous.startsWith('Environment: '))) return { fact: 'runner-image-version', value: line.slice(9).trim() }
    return null
  }
  if (/^\d+(?:\.\d+)+$/.test(line) && previous !== undefined && /^(?:Ubuntu|macOS|Debian|Microsoft Windows Server \d+|Microsoft Windows \d+)$/.test(previous)) {
    return { fact: 'runner-os', value: `${previous} ${line}` }
  }
  if (/^(?:Ubuntu|macOS|Debian|Microsoft Windows Server \d+|Microsoft Windows \d+|LTS|Hosted Compute Agent)$/.test(line)) return null
  if (/^(?:Included Software|Image Release|Commit|Build Date|Worker ID|Azure Region): /.test(line)) return null
  return undefined
}

/** GitLab runner lines. */
export function gitlabRunnerLine(line: string, executorImage: string | undefined): { fact: EnvFactKind; value: string } | undefined {
  let m = /^Running with gitlab-runner (\S{1,60}) \(/.exec(line)
  if (m !== null) return { fact: 'gitlab-runner-version', value: m[1] as string }
  m = /^Preparing the "([^"]{1,40})" executor/.exec(line)
  if (m !== null) return { fact: 'executor', value: m[1] as string }
  if (line.startsWith('Using Docker executor with image ') && line.endsWith(' ...')) {
    return { fact: 'executor-image', value: line.slice('Using Docker executor with image '.length, -4) }
  }
  if (executorImage !== undefined && line.startsWith('Using docker image ') && line.endsWith(' ...')) {
    const body = line.slice('Using docker image '.length, -4)
    const space = body.indexOf(' for ')
    if (space === -1) return undefined
    const id = body.slice(0, space)
    const rest = body.slice(space + 5)
    const withDigest = rest.indexOf(' with digest ')
    const name = withDigest === -1 ? rest : rest.slice(0, withDigest)
    if (name !== executorImage) return undefined
    return { fact: 'executor-image-id', value: withDigest === -1 ? id : rest.slice(withDigest + 13) }
  }
  return undefined
}
