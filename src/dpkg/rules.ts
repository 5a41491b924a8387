/**
 * The dpkg rule tables: {@link LINE_RULES} in dispatch order for lines outside a block, and
 * {@link DPKG_RULES}, every rule object of the dpkg grammar (line rules and the parsers blocks
 * use for their inner lines), for tests that run them all against adversarial input.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { DATABASE_FRAME_RULE, DATABASE_RULE } from './database.ts'
import { FORCED_HEADER_RULE, PREVENT_HEADER_RULE } from './dependency-problems.ts'
import { ERROR_HEADER_RULE } from './error-block.ts'
import { HALTED_RULE, SUMMARY_HEADER_RULE } from './errors-summary.ts'
import { FILE_CONFLICT_RULE } from './file-conflict.ts'
import type { DpkgLineLine } from './hits.ts'
import { SCRIPT_FAILURE_RULES } from './maintainer-script.ts'
import { NOISE_RULES } from './noise.ts'
import { REGARDING_RULE } from './pre-dependency.ts'
import { PROGRESS_RULES } from './progress.ts'
import { RELATION_RULE } from './relations.ts'
import { FATAL_RULE, MESSAGE_RULE, WARNING_RULE } from './reports.ts'

/**
 * Rules for a line no block took, in order: specific `dpkg:` shapes before warnings and errors,
 * known noise before the catch-all `<program>: …` message rule.
 */
export const LINE_RULES: readonly Rule<DpkgLineLine>[] = [
  DATABASE_RULE,
  DATABASE_FRAME_RULE,
  ...PROGRESS_RULES,
  SUMMARY_HEADER_RULE,
  HALTED_RULE,
  ERROR_HEADER_RULE,
  PREVENT_HEADER_RULE,
  FORCED_HEADER_RULE,
  REGARDING_RULE,
  WARNING_RULE,
  FATAL_RULE,
  ...NOISE_RULES,
  MESSAGE_RULE,
]

/** Every rule object of the dpkg grammar. */
export const DPKG_RULES: readonly Rule<unknown>[] = [...LINE_RULES, RELATION_RULE, ...SCRIPT_FAILURE_RULES, FILE_CONFLICT_RULE]
