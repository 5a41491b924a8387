/**
 * Rules for Podman/Buildah `podman build` / `buildah bud` output. FORMATS.md does not cover this
 * format; the shapes follow buildah's `imagebuildah/stage_executor.go` (`STEP %d/%d: %s`, a
 * `[%d/%d] ` stage prefix in multi-stage builds, `--> Using cache %s`, `--> %s`, `COMMIT %s`) and
 * the `STEP i:` → `STEP i/n:` change of buildah PR #3265 (LANDSCAPE.md). UNVERIFIED against a
 * capture: no Podman log is in the corpus; `fixtures/docker/handmade-podman-*.log` are hand-made.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import type { PodmanInfoLine, PodmanStepLine, StepFailureLine } from './line-kinds.ts'
import { exitCodeIn, isHexRange, parseUint, skipDigits } from './text.ts'

/** `[k/n] ` at the start: its `k` and the index after it; `{ at: 0 }` without a prefix; undefined for a malformed one. */
function stagePrefix(text: string): { stage?: number; at: number } | undefined {
  if (text.charCodeAt(0) !== 0x5b) return { at: 0 }
  const kEnd = skipDigits(text, 1)
  const stage = parseUint(text, 1, kEnd)
  if (stage === undefined || text.charCodeAt(kEnd) !== 0x2f) return undefined
  const nEnd = skipDigits(text, kEnd + 1)
  if (nEnd === kEnd + 1 || !text.startsWith('] ', nEnd)) return undefined
  return { stage, at: nEnd + 2 }
}

/** `STEP 2/5: RUN apt-get update`, `[1/2] STEP 1/3: FROM golang AS builder`, `STEP 2: RUN …` (buildah before 2021). */
export const PODMAN_STEP: DockerRule<PodmanStepLine> = {
  id: 'docker.podman.step',
  first: 'S[',
  second: 'T0123456789',
  match(text) {
    const prefix = stagePrefix(text)
    if (prefix === undefined || !text.startsWith('STEP ', prefix.at)) return undefined
    const from = prefix.at + 5
    const indexEnd = skipDigits(text, from)
    const index = parseUint(text, from, indexEnd)
    if (index === undefined) return undefined
    let at = indexEnd
    let total: number | undefined
    if (text.charCodeAt(at) === 0x2f) {
      const totalEnd = skipDigits(text, at + 1)
      total = parseUint(text, at + 1, totalEnd)
      if (total === undefined) return undefined
      at = totalEnd
    }
    if (!text.startsWith(': ', at) || at + 2 >= text.length) return undefined
    const line: { kind: 'podman.step'; index: number; instruction: string; total?: number; stage?: number } = {
      kind: 'podman.step',
      index,
      instruction: text.slice(at + 2),
    }
    if (total !== undefined) line.total = total
    if (prefix.stage !== undefined) line.stage = prefix.stage
    return line
  },
}

const USING_CACHE = '--> Using cache '

/** `--> Using cache 3c6d…` (full 64-hex id). */
export const PODMAN_USING_CACHE: DockerRule<PodmanInfoLine> = {
  id: 'docker.podman.using-cache',
  first: '-',
  second: '-',
  match(text) {
    if (!text.startsWith(USING_CACHE)) return undefined
    const id = text.slice(USING_CACHE.length)
    return id.length >= 7 && isHexRange(id, 0, id.length) ? { kind: 'podman.using-cache', value: id } : undefined
  },
}

/** `--> 3c6d0e1a9f2b` (the step's image, first 12 hex). */
export const PODMAN_IMAGE: DockerRule<PodmanInfoLine> = {
  id: 'docker.podman.image',
  first: '-',
  second: '-',
  match(text) {
    if (!text.startsWith('--> ') || text.length < 11 || text.length > 68 || !isHexRange(text, 4, text.length)) return undefined
    return { kind: 'podman.image', value: text.slice(4) }
  },
}

/** `--> Cache pulled from remote …` / `--> Pushing cache …` (`--cache-from` / `--cache-to`). */
export const PODMAN_CACHE_TRANSFER: DockerRule<PodmanInfoLine> = {
  id: 'docker.podman.cache-transfer',
  first: '-',
  second: '-',
  match(text) {
    return text.startsWith('--> Cache pulled from remote ') || text.startsWith('--> Pushing cache ')
      ? { kind: 'podman.cache-transfer', value: text.slice(4) }
      : undefined
  },
}

/** `COMMIT localhost/app:latest` / `[2/2] COMMIT app` / `COMMIT` (the last stage's result is committed). */
export const PODMAN_COMMIT: DockerRule<PodmanInfoLine> = {
  id: 'docker.podman.commit',
  first: 'C[',
  second: 'O0123456789',
  match(text) {
    const prefix = stagePrefix(text)
    if (prefix === undefined || !text.startsWith('COMMIT', prefix.at)) return undefined
    const rest = text.slice(prefix.at + 6)
    if (rest.length > 0 && (rest.charCodeAt(0) !== 0x20 || rest.indexOf(' ', 1) !== -1)) return undefined
    return { kind: 'podman.commit', value: text.slice(prefix.at) }
  },
}

const FULL_ID = 64

/** The final image id Podman prints on a line of its own (64 hex) after `Successfully tagged …`. */
export const PODMAN_IMAGE_ID: DockerRule<PodmanInfoLine> = {
  id: 'docker.podman.image-id',
  first: '0123456789abcdef',
  second: '0123456789abcdef',
  match(text) {
    return text.length === FULL_ID && isHexRange(text, 0, FULL_ID) ? { kind: 'podman.image-id', value: text } : undefined
  },
}

const AT_STEP_PREFIXES: readonly string[] = ['Error: building at STEP "', 'Error: error building at STEP "', 'error building at STEP "']
const AT_STEP_END = '": '

/**
 * `Error: building at STEP "RUN apt-get install -y foo": while running runtime: exit status 100`
 * (Podman ≥ 4), `error building at STEP "…": error while running runtime: exit status 100` and
 * `Error: error building at STEP …` (older).
 */
export const PODMAN_ERROR: DockerRule<StepFailureLine> = {
  id: 'docker.podman.error',
  first: 'Ee',
  second: 'r',
  match(text) {
    const prefix = AT_STEP_PREFIXES.find((p) => text.startsWith(p))
    if (prefix === undefined) return undefined
    const end = text.indexOf(AT_STEP_END, prefix.length)
    if (end === -1) return undefined
    const exitCode = exitCodeIn(text)
    const line: { kind: 'podman.error'; form: 'building-at-step'; text: string; command: string; exitCode?: number } = {
      kind: 'podman.error',
      form: 'building-at-step',
      text,
      command: text.slice(prefix.length, end),
    }
    if (exitCode !== undefined) line.exitCode = exitCode
    return line
  },
}

/** The Podman/Buildah rules. */
export const PODMAN_RULES: readonly Rule<PodmanStepLine | PodmanInfoLine | StepFailureLine>[] = [
  PODMAN_STEP,
  PODMAN_USING_CACHE,
  PODMAN_CACHE_TRANSFER,
  PODMAN_IMAGE,
  PODMAN_COMMIT,
  PODMAN_IMAGE_ID,
  PODMAN_ERROR,
]
