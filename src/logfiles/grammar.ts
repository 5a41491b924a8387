/**
 * The log-file grammar of one stream context: apt's `history.log` (a stanza per apt run, one
 * event when it closes), the `Log started:` / `Log ended:` framing of apt's `term.log` (the dpkg
 * output between them is the dpkg grammar's), and dpkg's `dpkg.log` (one event per line).
 * FORMATS.md §6.
 *
 * Detection is per line, so a CI log that prints one of these files is read too, and console
 * output is never taken for them: a dpkg.log event needs the line's `YYYY-MM-DD HH:MM:SS` stamp
 * (taken off by the line layer as a plain CI timestamp, or still in the text when the file was
 * printed inside a docker step), a stanza needs `Start-Date:` with apt's two-space date, and its
 * keys are read only while it is open.
 * @module
 */

import type {
  AptHistoryDisappeared,
  AptHistoryEvent,
  AptHistoryListKind,
  AptHistoryPackage,
  DpkgLogActionEvent,
  DpkgLogStatusEvent,
  LogfileEvent,
} from '../events/logfile.ts'
import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { ProblemKind } from '../events/problem.ts'
import { createDispatch } from '../grammar/rules.ts'
import type { Emit, Grammar } from '../grammar/types.ts'
import { CONSUMED, UNRECOGNIZED, type Verdict } from '../grammar/verdict.ts'
import { isStamp, STAMP_LENGTH, startsWithStamp } from './dates.ts'
import type { LogfileLine } from './hits.ts'
import { DPKG_LOG_RULES, LINE_RULES, STANZA_RULES } from './rules.ts'

const LINE_DISPATCH = createDispatch(LINE_RULES)
const STANZA_DISPATCH = createDispatch(STANZA_RULES)
const DPKG_LOG_DISPATCH = createDispatch(DPKG_LOG_RULES)

const HISTORY_RULE = 'apt.history'
const LIST_ORDER: readonly AptHistoryListKind[] = ['install', 'reinstall', 'upgrade', 'downgrade', 'remove', 'purge']

/** Prefixes of the date-keyed lines: with a date apt would not write, they are still history.log / term.log lines. */
const FAMILIAR_PREFIXES: readonly string[] = ['Start-Date:', 'End-Date:', 'Log started:', 'Log ended:']

/** An event under construction. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** An open history.log stanza. */
interface Stanza {
  readonly ctx: LineContext
  endLine: number
  readonly startDate: string
  endDate: string | undefined
  commandline: string | undefined
  requestedBy: string | undefined
  comment: string | undefined
  error: string | undefined
  readonly lists: Map<AptHistoryListKind, AptHistoryPackage[]>
  disappeared: AptHistoryDisappeared[] | undefined
  truncated: boolean
  unread: number
}

/**
 * apt records the dpkg failure it saw (`pkgDPkgPM::CloseLog` writes `d->dpkg_error`): the
 * `Sub-process …dpkg …` texts are apt's summary of a dpkg failure, anything else is apt's own.
 */
export function historyErrorKind(text: string): ProblemKind {
  if (!text.startsWith('Sub-process ')) return 'apt.other-error'
  const space = text.indexOf(' ', 12)
  const program = space === -1 ? text.slice(12) : text.slice(12, space)
  return program.endsWith('dpkg') ? 'dpkg.subprocess-failed' : 'apt.other-error'
}

/** The event of a closed stanza, fields in the file's order. */
function stanzaEvent(s: Stanza): AptHistoryEvent {
  const event: Mutable<AptHistoryEvent> = {
    type: 'apt.history',
    ...baseFields(s.ctx, HISTORY_RULE, s.endLine),
    startDate: s.startDate,
  }
  if (s.endDate !== undefined) event.endDate = s.endDate
  if (s.commandline !== undefined) event.commandline = s.commandline
  if (s.requestedBy !== undefined) event.requestedBy = s.requestedBy
  if (s.comment !== undefined) event.comment = s.comment
  for (const kind of LIST_ORDER) {
    const entries = s.lists.get(kind)
    if (entries !== undefined) event[kind] = entries
  }
  if (s.disappeared !== undefined) event.disappeared = s.disappeared
  if (s.error !== undefined) event.error = s.error
  if (s.truncated) event.truncated = true
  if (s.unread > 0) event.unreadEntries = s.unread
  return event
}

/** The text after a dpkg.log stamp and the context carrying that stamp as `ts`, or undefined. */
function dpkgLogLine(text: string, ctx: LineContext): { readonly text: string; readonly ctx: LineContext } | undefined {
  // Still in the text: the file printed inside a docker step, or under another CI timestamp.
  if (startsWithStamp(text) && text.charCodeAt(STAMP_LENGTH) === 0x20) {
    return { text: text.slice(STAMP_LENGTH + 1), ctx: { line: ctx.line, ts: text.slice(0, STAMP_LENGTH), step: ctx.step, stage: ctx.stage } }
  }
  if (ctx.ts !== undefined && isStamp(ctx.ts)) return { text, ctx }
  return undefined
}

/** Create the log-file grammar for one stream context. */
export function createLogfileGrammar(emit: Emit): Grammar {
  let stanza: Stanza | undefined

  function closeStanza(): void {
    const s = stanza
    if (s === undefined) return
    stanza = undefined
    emit(stanzaEvent(s))
    if (s.error !== undefined) {
      emit({ type: 'problem', ...baseFields(s.ctx, HISTORY_RULE, s.endLine), kind: historyErrorKind(s.error), severity: 'error', message: s.error })
    }
  }

  function addToStanza(s: Stanza, hit: LogfileLine): void {
    switch (hit.kind) {
      case 'history-field':
        s[hit.field] = hit.value
        return
      case 'history-list': {
        // apt writes each list once; a repeated key (a hand-edited file) adds to the list, in place
        // (copying it each time made a stanza of many repeated keys quadratic).
        const before = s.lists.get(hit.list)
        if (before === undefined) s.lists.set(hit.list, [...hit.entries])
        else for (const entry of hit.entries) before.push(entry)
        if (hit.truncated) s.truncated = true
        s.unread += hit.unread
        return
      }
      case 'history-disappeared':
        if (s.disappeared === undefined) s.disappeared = [...hit.entries]
        else for (const entry of hit.entries) s.disappeared.push(entry)
        if (hit.truncated) s.truncated = true
        s.unread += hit.unread
        return
      case 'history-end':
        s.endDate = hit.date
        return
      default:
        return
    }
  }

  function dpkgLogEvent(hit: LogfileLine, ctx: LineContext, rule: string): LogfileEvent | undefined {
    const base = baseFields(ctx, rule)
    switch (hit.kind) {
      case 'dpkg-startup':
        return { type: 'dpkg.log.startup', ...base, mode: hit.mode, action: hit.action }
      case 'dpkg-action': {
        const event: Mutable<DpkgLogActionEvent> = {
          type: 'dpkg.log.action',
          ...base,
          action: hit.action,
          package: hit.ref.name,
        }
        if (hit.ref.arch !== undefined) event.arch = hit.ref.arch
        if (hit.installed !== undefined) event.installedVersion = hit.installed
        if (hit.available !== undefined) event.availableVersion = hit.available
        return event
      }
      case 'dpkg-status': {
        const event: Mutable<DpkgLogStatusEvent> = {
          type: 'dpkg.log.status',
          ...base,
          state: hit.state,
          package: hit.ref.name,
        }
        if (hit.ref.arch !== undefined) event.arch = hit.ref.arch
        if (hit.version !== undefined) event.version = hit.version
        return event
      }
      case 'dpkg-conffile':
        return { type: 'dpkg.log.conffile', ...base, path: hit.path, decision: hit.decision }
      default:
        return undefined
    }
  }

  return {
    hasOpenBlock: (): boolean => stanza !== undefined,

    continueBlock(text: string, ctx: LineContext): Verdict {
      const s = stanza
      if (s === undefined) return UNRECOGNIZED
      const hit = STANZA_DISPATCH.match(text)
      if (hit === undefined) {
        // A blank line, the next `Start-Date:` or anything else: the stanza had no `End-Date:`.
        closeStanza()
        return UNRECOGNIZED
      }
      s.endLine = ctx.line
      addToStanza(s, hit.value)
      if (hit.value.kind === 'history-end') closeStanza()
      return CONSUMED
    },

    recognise(text: string, ctx: LineContext): Verdict {
      const dpkgLog = dpkgLogLine(text, ctx)
      if (dpkgLog !== undefined) {
        const hit = DPKG_LOG_DISPATCH.match(dpkgLog.text)
        const event = hit === undefined ? undefined : dpkgLogEvent(hit.value, dpkgLog.ctx, hit.rule.id)
        if (event !== undefined) {
          emit(event)
          return CONSUMED
        }
      }
      const hit = LINE_DISPATCH.match(text)
      if (hit === undefined) return UNRECOGNIZED
      const value = hit.value
      switch (value.kind) {
        case 'history-start':
          closeStanza()
          stanza = {
            ctx,
            endLine: ctx.line,
            startDate: value.date,
            endDate: undefined,
            commandline: undefined,
            requestedBy: undefined,
            comment: undefined,
            error: undefined,
            lists: new Map(),
            disappeared: undefined,
            truncated: false,
            unread: 0,
          }
          return CONSUMED
        case 'term-start':
          emit({ type: 'apt.term-log.start', ...baseFields(ctx, hit.rule.id), date: value.date })
          return CONSUMED
        case 'term-end':
          emit({ type: 'apt.term-log.end', ...baseFields(ctx, hit.rule.id), date: value.date })
          return CONSUMED
        default:
          return UNRECOGNIZED
      }
    },

    flush(): void {
      closeStanza()
    },

    looksFamiliar(text: string): boolean {
      const c = text.charCodeAt(0)
      if (c !== 0x53 /* S */ && c !== 0x45 /* E */ && c !== 0x4c /* L */) return false
      return FAMILIAR_PREFIXES.some((prefix) => text.startsWith(prefix))
    },
  }
}
