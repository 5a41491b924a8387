/**
 * The apt rule tables: the top-level table the grammar dispatches every line through (order
 * matters within a first-character bucket), and {@link APT_RULES}, every rule object of the apt
 * source, for the regex-safety test.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { ACQUIRE_RULES, acquireErrorTextRule, fetchedRule } from './acquire.ts'
import type { AptLine } from './line-kinds.ts'
import { messageContinuationRule, messageRule } from './messages.ts'
import {
  alreadyNewestRule,
  autoremoveHintRule,
  cliUnstableRule,
  fixBrokenHintRule,
  impossibleSituationRule,
  lockWaitingRule,
  manuallyInstalledRule,
  miscNoteRule,
  packageNoteRule,
  promptRule,
  simulateRule,
  simulationNoteRule,
  updateStatsRule,
} from './notes.ts'
import { acquireProgressRule, dpkgProgressBarRule, PHASE_RULES, preconfigureRule } from './phases.ts'
import {
  afterOperationRule,
  classicCountsRule,
  classicHeaderRule,
  downloadSizeRule,
  enGbCountsRule,
  needToGetRule,
  notFullyInstalledRule,
  summaryCountsRule,
  summarySpaceRule,
  summaryTitleRule,
  v30HeaderRule,
  warningHeaderRule,
} from './plan.ts'
import { versionLineRule } from './plan-list.ts'
import { solverRule } from './solver.ts'
import { unmetHeaderRule, unmetLineRule } from './unmet.ts'

/** Rules tried on a line no open block took, in this order within each first-character bucket. */
export const TOP_LEVEL_RULES: readonly Rule<AptLine>[] = [
  messageRule,
  ...ACQUIRE_RULES,
  fetchedRule,
  ...PHASE_RULES,
  classicCountsRule,
  enGbCountsRule,
  summaryCountsRule,
  notFullyInstalledRule,
  needToGetRule,
  downloadSizeRule,
  afterOperationRule,
  summarySpaceRule,
  summaryTitleRule,
  unmetHeaderRule,
  warningHeaderRule,
  classicHeaderRule,
  v30HeaderRule,
  cliUnstableRule,
  updateStatsRule,
  packageNoteRule,
  autoremoveHintRule,
  fixBrokenHintRule,
  impossibleSituationRule,
  lockWaitingRule,
  simulationNoteRule,
  miscNoteRule,
  promptRule,
  alreadyNewestRule,
  manuallyInstalledRule,
  simulateRule,
  acquireProgressRule,
  dpkgProgressBarRule,
  preconfigureRule,
]

/** Rules applied inside open blocks or to a message's text, not dispatched on their own. */
export const BLOCK_RULES: readonly Rule<unknown>[] = [acquireErrorTextRule, messageContinuationRule, unmetLineRule, versionLineRule, solverRule]

/** Every rule object of the apt source (top-level and block rules), for tests that run them all. */
export const APT_RULES: readonly Rule<unknown>[] = [...TOP_LEVEL_RULES, ...BLOCK_RULES]
