/**
 * The log-file rule tables: {@link LINE_RULES} for lines outside a stanza, {@link STANZA_RULES}
 * for the lines of an open history.log stanza, {@link DPKG_LOG_RULES} for the text after a
 * dpkg.log timestamp, and {@link LOGFILE_RULES}, every rule object, for tests that run them all
 * against adversarial input.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { DPKG_LOG_ACTION_RULE, DPKG_LOG_CONFFILE_RULE, DPKG_LOG_STARTUP_RULE, DPKG_LOG_STATUS_RULE } from './dpkg-log.ts'
import {
  HISTORY_COMMANDLINE_RULE,
  HISTORY_COMMENT_RULE,
  HISTORY_DISAPPEARED_RULE,
  HISTORY_END_RULE,
  HISTORY_ERROR_RULE,
  HISTORY_LIST_RULES,
  HISTORY_REQUESTED_BY_RULE,
  HISTORY_START_RULE,
} from './history.ts'
import type { LogfileLine } from './hits.ts'
import { TERM_LOG_END_RULE, TERM_LOG_START_RULE } from './term-log.ts'

/** Lines outside a stanza: a history.log stanza start, term.log framing. */
export const LINE_RULES: readonly Rule<LogfileLine>[] = [HISTORY_START_RULE, TERM_LOG_START_RULE, TERM_LOG_END_RULE]

/** The keys of an open history.log stanza (`Start-Date:` is not one: it closes the stanza and opens the next). */
export const STANZA_RULES: readonly Rule<LogfileLine>[] = [
  HISTORY_COMMANDLINE_RULE,
  HISTORY_REQUESTED_BY_RULE,
  HISTORY_COMMENT_RULE,
  ...HISTORY_LIST_RULES,
  HISTORY_DISAPPEARED_RULE,
  HISTORY_ERROR_RULE,
  HISTORY_END_RULE,
]

/** dpkg.log events, read after the line's timestamp. */
export const DPKG_LOG_RULES: readonly Rule<LogfileLine>[] = [DPKG_LOG_STATUS_RULE, DPKG_LOG_STARTUP_RULE, DPKG_LOG_CONFFILE_RULE, DPKG_LOG_ACTION_RULE]

/** Every rule object of the log-file grammar. */
export const LOGFILE_RULES: readonly Rule<unknown>[] = [...LINE_RULES, ...STANZA_RULES, ...DPKG_LOG_RULES]
