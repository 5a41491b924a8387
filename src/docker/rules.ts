/**
 * Every docker rule, for the dispatch table and for tests (the regex-safety test runs them all on
 * adversarial lines).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { BUILDKIT_PLAIN_RULES } from './buildkit-plain-rules.ts'
import { COMPOSE_RULES } from './compose-rules.ts'
import { TTY_RULES } from './buildkit-tty-rules.ts'
import { ECHO_NAME, ECHO_OPEN, ECHO_REPLAY, SOURCE_LINE, SOURCE_OPEN } from './echo-rules.ts'
import { FINAL_ERROR_RULES } from './final-error-rules.ts'
import { LEGACY_RULES } from './legacy-rules.ts'
import type { DockerLine } from './line-kinds.ts'
import type { DockerRule } from './keyed-dispatch.ts'
import { LOG_CLIPPED } from './log-clipped.ts'
import { NOTICE_RULES } from './notice-rules.ts'
import { PODMAN_RULES } from './podman-rules.ts'
import { RAWJSON_OBJECT } from './rawjson-rules.ts'

/**
 * The rules that can start a line's docker reading and are keyed on its first character, in
 * dispatch order within each first character: notices before final errors (`ERROR: BuildKit is
 * enabled …` is not `ERROR: failed to solve`), Podman before legacy where both could match
 * (`--> ` vs ` ---> `).
 */
export const KEYED_DOCKER_LINE_RULES: readonly DockerRule<DockerLine>[] = [
  ...BUILDKIT_PLAIN_RULES,
  ...TTY_RULES,
  ...NOTICE_RULES,
  ...FINAL_ERROR_RULES,
  ...PODMAN_RULES,
  ...LEGACY_RULES,
  ECHO_OPEN,
]

/**
 * The rules that can start a line's docker reading, in dispatch order: the keyed ones, then the
 * source-excerpt header (`Dockerfile:2`, any first character), tried only where no keyed rule matched.
 */
export const DOCKER_LINE_RULES: readonly Rule<DockerLine>[] = [...KEYED_DOCKER_LINE_RULES, SOURCE_OPEN]

/** Every docker rule object: the dispatched ones, those read inside blocks, payloads and rawjson, and compose's (read on lines no grammar took). */
export const DOCKER_RULES: readonly Rule<unknown>[] = [...DOCKER_LINE_RULES, ECHO_NAME, ECHO_REPLAY, SOURCE_LINE, LOG_CLIPPED, RAWJSON_OBJECT, ...COMPOSE_RULES]
