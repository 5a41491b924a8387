/**
 * Rules for the legacy builder's lines (FORMATS.md §7.2): the daemon's `Step N/M :` framing and the
 * CLI's context upload and failure lines. A CI wrapper may eat the leading space of ` ---> …`
 * (the incident's runner excerpt: `---> Running in c3fb701ef925`), so both forms are accepted.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import { lastFrame } from '../lines/frames.ts'
import type {
  LegacyBuiltLine,
  LegacyContextLine,
  LegacyInfoLine,
  LegacyMarkerLine,
  LegacyStepLine,
  LegacyTaggedLine,
  StepFailureLine,
} from './line-kinds.ts'
import { isHexRange, parseHumanSize, parseUint, skipDigits } from './text.ts'

const CONTEXT = 'Sending build context to Docker daemon '

/**
 * `Sending build context to Docker daemon  3.072kB`: size right-aligned in 8 columns. On a tty the
 * CLI repaints it with bare CRs, so the last frame holds the final size.
 */
export const LEGACY_CONTEXT: DockerRule<LegacyContextLine> = {
  id: 'docker.legacy.context',
  first: 'S',
  second: 'e',
  match(text) {
    if (!text.startsWith(CONTEXT)) return undefined
    const frame = lastFrame(text)
    if (!frame.startsWith(CONTEXT)) return undefined
    const size = frame.slice(CONTEXT.length).trim()
    const bytes = parseHumanSize(size)
    return bytes === undefined ? undefined : { kind: 'legacy.context', size, bytes }
  },
}

/** `Step 2/5 : RUN apt-get update` (since 1.13) and `Step 2 : RUN …` (before). */
export const LEGACY_STEP: DockerRule<LegacyStepLine> = {
  id: 'docker.legacy.step',
  first: 'S',
  second: 't',
  match(text) {
    if (!text.startsWith('Step ')) return undefined
    const indexEnd = skipDigits(text, 5)
    const index = parseUint(text, 5, indexEnd)
    if (index === undefined) return undefined
    let at = indexEnd
    let total: number | undefined
    if (text.charCodeAt(at) === 0x2f) {
      const totalEnd = skipDigits(text, at + 1)
      total = parseUint(text, at + 1, totalEnd)
      if (total === undefined) return undefined
      at = totalEnd
    }
    if (!text.startsWith(' : ', at) || at + 3 >= text.length) return undefined
    const instruction = text.slice(at + 3)
    return total === undefined ? { kind: 'legacy.step', index, instruction } : { kind: 'legacy.step', index, total, instruction }
  },
}

/** Index after ` ---> ` (or `---> ` when a CI ate the space), -1 otherwise. */
function arrow(text: string): number {
  if (text.startsWith(' ---> ')) return 6
  if (text.startsWith('---> ')) return 5
  return -1
}

/** Shortest and longest hex ids accepted (docker prints 12; `sha256:` digests are 64). */
const MIN_ID = 7
const MAX_ID = 64

function isId(text: string, from: number): boolean {
  const length = text.length - from
  return length >= MIN_ID && length <= MAX_ID && isHexRange(text, from, text.length)
}

const RUNNING_IN = 'Running in '

/** ` ---> Running in 8ad72937455d`: the step runs in a container; its output follows. */
export const LEGACY_RUNNING_IN: DockerRule<LegacyInfoLine> = {
  id: 'docker.legacy.running-in',
  first: ' -',
  second: '-',
  match(text) {
    const at = arrow(text)
    if (at === -1 || !text.startsWith(RUNNING_IN, at) || !isId(text, at + RUNNING_IN.length)) return undefined
    return { kind: 'legacy.running-in', value: text.slice(at + RUNNING_IN.length) }
  },
}

/** ` ---> Using cache`: the step's result comes from the build cache (the image id follows). */
export const LEGACY_USING_CACHE: DockerRule<LegacyMarkerLine> = {
  id: 'docker.legacy.using-cache',
  first: ' -',
  second: '-',
  match(text) {
    const at = arrow(text)
    return at !== -1 && text.length === at + 11 && text.startsWith('Using cache', at) ? { kind: 'legacy.using-cache' } : undefined
  },
}

/** ` ---> [Warning] …`. */
export const LEGACY_WARNING: DockerRule<LegacyInfoLine> = {
  id: 'docker.legacy.warning',
  first: ' -',
  second: '-',
  match(text) {
    const at = arrow(text)
    if (at === -1 || !text.startsWith('[Warning] ', at)) return undefined
    return { kind: 'legacy.warning', value: text.slice(at + 10) }
  },
}

const REMOVED = 'Removed intermediate container '
const REMOVING = 'Removing intermediate container '

/**
 * The container of a finished instruction is removed: `Removing intermediate container <id>`
 * (daemon ≤ 24) or ` ---> Removed intermediate container <id>` (daemon ≥ 25); a failed removal
 * appends `: <error>`.
 */
export const LEGACY_REMOVED_CONTAINER: DockerRule<LegacyInfoLine> = {
  id: 'docker.legacy.removed-container',
  first: ' -R',
  second: '-e',
  match(text) {
    let from: number
    if (text.startsWith(REMOVING)) from = REMOVING.length
    else {
      const at = arrow(text)
      if (at === -1 || !text.startsWith(REMOVED, at)) return undefined
      from = at + REMOVED.length
    }
    const colon = text.indexOf(':', from)
    const end = colon === -1 ? text.length : colon
    const length = end - from
    if (length < MIN_ID || length > MAX_ID || !isHexRange(text, from, end)) return undefined
    return { kind: 'legacy.removed-container', value: text.slice(from, end) }
  },
}

/** ` ---> c7321c6412da`: the step's resulting image (12 hex, `sha256:` stripped). */
export const LEGACY_IMAGE: DockerRule<LegacyInfoLine> = {
  id: 'docker.legacy.image',
  first: ' -',
  second: '-',
  match(text) {
    const at = arrow(text)
    return at !== -1 && isId(text, at) ? { kind: 'legacy.image', value: text.slice(at) } : undefined
  },
}

const BUILT = 'Successfully built '

/** `Successfully built 70fcb673dcc2` (hex only: pip's `Successfully built numpy` is not a docker line). */
export const LEGACY_BUILT: DockerRule<LegacyBuiltLine> = {
  id: 'docker.legacy.built',
  first: 'S',
  second: 'u',
  match(text) {
    return text.startsWith(BUILT) && isId(text, BUILT.length) ? { kind: 'legacy.built', imageId: text.slice(BUILT.length) } : undefined
  },
}

const TAGGED = 'Successfully tagged '

/** `Successfully tagged corpus/seed-bookworm:legacy` (one per `-t`; Podman prints the same words). */
export const LEGACY_TAGGED: DockerRule<LegacyTaggedLine> = {
  id: 'docker.legacy.tagged',
  first: 'S',
  second: 'u',
  match(text) {
    if (!text.startsWith(TAGGED)) return undefined
    const tag = text.slice(TAGGED.length)
    return tag.length === 0 || tag.includes(' ') ? undefined : { kind: 'legacy.tagged', tag }
  },
}

const COMMAND = "The command '"
const NONZERO = "' returned a non-zero code: "
/** Docker ≤ 1.6 printed the command as a Go slice: `The command [/bin/sh -c …] returned a non-zero code: 100`. */
const COMMAND_SLICE = 'The command ['
const NONZERO_SLICE = '] returned a non-zero code: '
const HUB_PREFIX = 'Build failed: '

/**
 * `The command '/bin/sh -c apt-get …' returned a non-zero code: 100` (the CLI, no prefix; Docker
 * Hub's old automated builds prefixed `Build failed: `); docker ≤ 1.6 `The command [/bin/sh -c …]
 * returned a non-zero code: 100` (moby `builder/internals.go`: `%v` of the argv slice); daemons
 * that know more append it: `…: 100: <error>`. The command may itself hold quotes and brackets,
 * so the end marker is searched from the right.
 */
export const LEGACY_NONZERO: DockerRule<StepFailureLine> = {
  id: 'docker.legacy.nonzero',
  first: 'TB',
  second: 'hu',
  match(text) {
    const from = text.startsWith(HUB_PREFIX) ? HUB_PREFIX.length : 0
    const slice = text.startsWith(COMMAND_SLICE, from)
    if (!slice && !text.startsWith(COMMAND, from)) return undefined
    const marker = slice ? NONZERO_SLICE : NONZERO
    const end = text.lastIndexOf(marker)
    const commandFrom = from + (slice ? COMMAND_SLICE : COMMAND).length
    if (end < commandFrom) return undefined
    const codeFrom = end + marker.length
    const codeEnd = skipDigits(text, codeFrom)
    if (codeEnd !== text.length && !text.startsWith(': ', codeEnd)) return undefined
    const exitCode = parseUint(text, codeFrom, codeEnd)
    if (exitCode === undefined) return undefined
    return { kind: 'legacy.nonzero', form: 'legacy-nonzero', text: text.slice(from), exitCode, command: text.slice(commandFrom, end) }
  },
}

/** `COPY failed: file not found in build context …` / `ADD failed: …`: the daemon's error for a failed COPY/ADD (seen in the wild, not in FORMATS.md). */
export const LEGACY_COPY_FAILED: DockerRule<StepFailureLine> = {
  id: 'docker.legacy.copy-failed',
  first: 'CA',
  second: 'OD',
  match(text) {
    return text.startsWith('COPY failed: ') || text.startsWith('ADD failed: ') ? { kind: 'legacy.copy-failed', form: 'other', text } : undefined
  },
}

/** `Build cancelled` (FORMATS.md §7.2). */
export const LEGACY_CANCELLED: DockerRule<LegacyMarkerLine> = {
  id: 'docker.legacy.cancelled',
  first: 'B',
  second: 'u',
  match(text) {
    return text === 'Build cancelled' ? { kind: 'legacy.cancelled' } : undefined
  },
}

/** The legacy builder rules. */
export const LEGACY_RULES: readonly Rule<
  LegacyContextLine | LegacyStepLine | LegacyInfoLine | LegacyMarkerLine | LegacyBuiltLine | LegacyTaggedLine | StepFailureLine
>[] = [
  LEGACY_CONTEXT,
  LEGACY_STEP,
  LEGACY_RUNNING_IN,
  LEGACY_USING_CACHE,
  LEGACY_WARNING,
  LEGACY_REMOVED_CONTAINER,
  LEGACY_IMAGE,
  LEGACY_BUILT,
  LEGACY_TAGGED,
  LEGACY_NONZERO,
  LEGACY_COPY_FAILED,
  LEGACY_CANCELLED,
]
