/**
 * history.log rules (FORMATS.md §6.2): `Start-Date:` with apt's two-space date opens a stanza; the
 * stanza's own keys are only read inside one (a `Commandline:` or `Error:` line elsewhere is not
 * history.log's).
 * @module
 */

import type { AptHistoryListKind } from '../events/logfile.ts'
import type { Rule } from '../grammar/rules.ts'
import { twoSpaceDateAt } from './dates.ts'
import { parseDisappeared, parsePackageList } from './entries.ts'
import type { HistoryDateLine, HistoryDisappearedLine, HistoryFieldLine, HistoryListLine } from './hits.ts'

const START = 'Start-Date: '
const END = 'End-Date: '

/** `Start-Date: 2026-11-27  23:28:36`: a stanza opens. The stanza event carries this rule's id. */
export const HISTORY_START_RULE: Rule<HistoryDateLine> = {
  id: 'apt.history',
  first: 'S',
  match(text: string): HistoryDateLine | undefined {
    if (!text.startsWith(START)) return undefined
    const date = twoSpaceDateAt(text, START.length)
    return date === undefined ? undefined : { kind: 'history-start', date }
  },
}

/** `End-Date: 2026-11-27  23:28:37`: the stanza closes. */
export const HISTORY_END_RULE: Rule<HistoryDateLine> = {
  id: 'apt.history.end',
  first: 'E',
  match(text: string): HistoryDateLine | undefined {
    if (!text.startsWith(END)) return undefined
    const date = twoSpaceDateAt(text, END.length)
    return date === undefined ? undefined : { kind: 'history-end', date }
  },
}

function fieldRule(id: string, key: string, field: HistoryFieldLine['field']): Rule<HistoryFieldLine> {
  const prefix = `${key}: `
  return {
    id,
    first: key.charAt(0),
    match: (text: string): HistoryFieldLine | undefined => (text.startsWith(prefix) ? { kind: 'history-field', field, value: text.slice(prefix.length) } : undefined),
  }
}

/** `Commandline: apt-get install -y openssh-client`. */
export const HISTORY_COMMANDLINE_RULE: Rule<HistoryFieldLine> = fieldRule('apt.history.commandline', 'Commandline', 'commandline')
/** `Requested-By: alice (1000)`. */
export const HISTORY_REQUESTED_BY_RULE: Rule<HistoryFieldLine> = fieldRule('apt.history.requested-by', 'Requested-By', 'requestedBy')
/** `Comment: …` (apt 3). */
export const HISTORY_COMMENT_RULE: Rule<HistoryFieldLine> = fieldRule('apt.history.comment', 'Comment', 'comment')
/** `Error: Sub-process /usr/bin/dpkg returned an error code (1)`. */
export const HISTORY_ERROR_RULE: Rule<HistoryFieldLine> = fieldRule('apt.history.error', 'Error', 'error')

function listRule(key: string, list: AptHistoryListKind): Rule<HistoryListLine> {
  const prefix = `${key}: `
  return {
    id: `apt.history.${list}`,
    first: key.charAt(0),
    match(text: string): HistoryListLine | undefined {
      if (!text.startsWith(prefix)) return undefined
      const { entries, truncated, unread } = parsePackageList(text.slice(prefix.length))
      return { kind: 'history-list', list, entries, truncated, unread }
    },
  }
}

/** The six package list rules: `Install:`, `Reinstall:`, `Upgrade:`, `Downgrade:`, `Remove:`, `Purge:`. */
export const HISTORY_LIST_RULES: readonly Rule<HistoryListLine>[] = [
  listRule('Install', 'install'),
  listRule('Reinstall', 'reinstall'),
  listRule('Upgrade', 'upgrade'),
  listRule('Downgrade', 'downgrade'),
  listRule('Remove', 'remove'),
  listRule('Purge', 'purge'),
]

const DISAPPEARED = 'Disappeared: '

/** `Disappeared: pkg (1.0), other`. */
export const HISTORY_DISAPPEARED_RULE: Rule<HistoryDisappearedLine> = {
  id: 'apt.history.disappeared',
  first: 'D',
  match(text: string): HistoryDisappearedLine | undefined {
    if (!text.startsWith(DISAPPEARED)) return undefined
    const { entries, truncated, unread } = parseDisappeared(text.slice(DISAPPEARED.length))
    return { kind: 'history-disappeared', entries, truncated, unread }
  },
}
