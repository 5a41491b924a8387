/**
 * The apt grammar of one stream context: dispatches each line through the rule table
 * (`rules.ts`), keeps at most one open block (an `Err:` with its text, a message with its
 * continuation lines, a plan list, an unmet-dependency block, a note paragraph) and emits events
 * and problems as soon as the line that completes them arrives.
 * @module
 */

import type {
  AptAcquireEvent,
  AptDiskSpaceEvent,
  AptDownloadSizeEvent,
  AptFetchedEvent,
  AptLogEvent,
  AptMessageEvent,
  AptNoteEvent,
  AptNoteKind,
  AptPhaseEvent,
  AptPlanCountsEvent,
  AptPlanListEvent,
  AptPlanListKind,
  LineContext,
  LineLocale,
} from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { ProblemEvent, ProblemKind, ProblemSeverity } from '../events/problem.ts'
import { startEvent } from '../grammar/event.ts'
import { createDispatch } from '../grammar/rules.ts'
import { wants, type Emit, type Grammar } from '../grammar/types.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, type Verdict } from '../grammar/verdict.ts'
import type { LocaleLineMatch } from '../locale/matcher.ts'
import { englishMessageText } from '../locale/message-texts.ts'
import { createLocaleTally, type LocaleTally, type LocalizedGrammar } from '../locale/tally.ts'
import {
  continueErr,
  continueList,
  continueMessage,
  continueNote,
  continueUnmet,
  type Block,
  type ErrBlock,
  type ListBlock,
  type MessageBlock,
  type NoteBlock,
  type PendingRelation,
  type UnmetBlock,
} from './blocks.ts'
import { classifyMessage, classifyMessageWith, ONCE_PER_FAILURE, type ProblemSpec } from './classify.ts'
import { looksLikeApt } from './familiar.ts'
import { assignDescription } from './acquire.ts'
import type { AcquireLine, AptLine } from './line-kinds.ts'
import { localizedAptLine } from './localized.ts'
import { parseListBody } from './plan-list.ts'
import { TOP_LEVEL_RULES } from './rules.ts'
import { solverRule } from './solver.ts'
import { trimEnd } from './tokens.ts'
import { describeTarget, unmetLineRule } from './unmet.ts'

/** Note kinds that belong to a dependency failure (they do not end it). */
const FAILURE_NOTES: ReadonlySet<AptNoteKind> = new Set<AptNoteKind>(['impossible-situation', 'fix-broken-hint'])

// Rules hold no state: one compiled table serves every stream context.
const dispatch = createDispatch<AptLine>(TOP_LEVEL_RULES)

/** `{ locale }` for a localized event, nothing for an English one (the field is last in the event). */
function localeField(locale: LineLocale | undefined): { locale?: LineLocale } {
  return locale === undefined ? {} : { locale }
}

/** What an `apt.note` says: the note, its text, and the package and version it names. */
type NoteFields = Pick<AptNoteEvent, 'note' | 'text' | 'package' | 'version'>

/** A problem the apt grammar reports: its last line, what it is and how it reads. */
interface ProblemReport {
  /** Last line of its evidence. */
  readonly endLine: number
  /** Kind, cause and package. */
  readonly spec: ProblemSpec
  /** Error or warning. */
  readonly severity: ProblemSeverity
  /** The message as apt printed it. */
  readonly message: string
  /** Report it even when this failure already has a problem of its kind (an unmet block). */
  readonly always?: boolean
  /** The language of a translated line. */
  readonly locale?: LineLocale | undefined
}

/**
 * Create the apt grammar for one stream context. `tally` is the context's locale tally: localized
 * lines (docs/locales.md) are read through it once no English rule took them.
 */
export function createAptGrammar(emit: Emit, tally: LocaleTally = createLocaleTally()): Grammar & LocalizedGrammar {
  let block: Block | undefined
  /** Once-per-failure kinds already reported in the current failure (a run of messages and unmet blocks). */
  const reported = new Set<ProblemKind>()
  /** Plan lists shown since the last `Reading package lists...` (apt 1.0's shared refusal message). */
  const shownLists = new Set<AptPlanListKind>()
  /** apt 3 column layout seen in this command: lists under shared titles are columns too. */
  let columnsSeen = false
  /** Some apt output was seen in this context: apt 3's `Error:`/`Warning:` prefixes are also other tools' words. */
  let aptSeen = false
  // Acquire lines are one event in eight: not built when the consumer did not select them.
  const buildAcquire = wants(emit, 'apt.acquire')

  /** An unindented line after a list title is no list line when a rule (English, or a localized line) claims it. */
  const claimedByARule = (text: string): boolean => dispatch.match(text) !== undefined || tally.match(text) !== undefined

  /**
   * A message whose text is translated (`E: Paket x kann nicht gefunden werden.`: apt ≤ 2.x never
   * translates its `E:`; `Fehler: …`: apt 3's `apt`): the problem its C text proves, read by the
   * English rules, and the template it was. `lines` are the message's text lines.
   */
  function translatedMessage(lines: readonly string[]): { spec: ProblemSpec; match: LocaleLineMatch } | undefined {
    const english = englishMessageText(lines[0] ?? '')
    if (english === undefined) return undefined
    const found = classifyMessageWith([english.text, ...lines.slice(1)].join('\n'), shownLists)
    return found === undefined ? undefined : { spec: found.spec, match: english.match }
  }

  /** The open block is being closed by the end of its input before apt finished printing it. */
  let cutting = false

  function send(event: AptLogEvent): void {
    if (cutting) event = { ...event, cut: true }
    const partOfFailure =
      event.type === 'problem' ||
      event.type === 'apt.message' ||
      event.type === 'apt.unmet' ||
      event.type === 'apt.solver' ||
      (event.type === 'apt.note' && FAILURE_NOTES.has(event.note))
    noteOutput(event.type === 'problem', partOfFailure)
    emit(event)
  }

  /** What an event (built or not) tells the grammar: apt printed something; a failure goes on or has ended. */
  function noteOutput(isProblem: boolean, partOfFailure: boolean): void {
    if (!isProblem) aptSeen = true
    // `clear` allocates a new table even for an empty set; most events end no failure.
    if (!partOfFailure && reported.size > 0) reported.clear()
  }

  /**
   * Emit a problem. A once-per-failure kind already reported in this failure is dropped, unless
   * `always` (an unmet block: it proves the failure with the most detail, and its header line must
   * be covered by an event).
   */
  function report(ctx: LineContext, rule: string, problem: ProblemReport): void {
    const { endLine, spec, severity, message, locale } = problem
    if (ONCE_PER_FAILURE.has(spec.kind)) {
      if (reported.has(spec.kind) && problem.always !== true) return
      reported.add(spec.kind)
    }
    const event = startEvent<ProblemEvent>('problem', ctx, rule, endLine)
    event.kind = spec.kind
    event.severity = severity
    event.message = message
    if (spec.cause !== undefined) event.cause = spec.cause
    if (spec.package !== undefined) event.package = spec.package
    if (locale !== undefined) event.locale = locale
    send(event)
  }

  // ---- closing blocks -------------------------------------------------------------------------

  /** An `apt.acquire` event, built by assignment (one in eight events of a typical log; see `grammar/event.ts`). */
  function sendAcquire(ctx: LineContext, rule: string, line: AcquireLine, endLine?: number, errors?: string[], locale?: LineLocale): void {
    if (!buildAcquire) {
      noteOutput(false, false)
      return
    }
    const event = startEvent<AptAcquireEvent>('apt.acquire', ctx, rule, endLine)
    event.result = line.result
    event.id = line.id
    assignDescription(event, line.description)
    if (line.sizeBytes !== undefined) event.sizeBytes = line.sizeBytes
    if (errors !== undefined && errors.length > 0) event.errors = errors
    if (locale !== undefined) event.locale = locale
    send(event)
  }

  function closeErr(b: ErrBlock): void {
    sendAcquire(b.ctx, b.rule, b.line, b.endLine, b.errors, b.locale)
  }

  function closeMessage(b: MessageBlock): void {
    const text = b.lines.join('\n')
    const { level, prefix } = b.message
    const classifies = level === 'error' || level === 'warning'
    let spec = classifies ? classifyMessage(text, shownLists) : undefined
    let locale = b.locale
    let rule = b.rule ?? 'apt.message'
    if (spec === undefined && classifies) {
      // Only once the English rules know nothing of the text: a fallback, never a first try.
      const translated = translatedMessage(b.lines)
      if (translated !== undefined) {
        spec = translated.spec
        rule = `locale.${translated.match.id}`
        if (locale === undefined) {
          // An English prefix: this text is the line's only translated part (a translated prefix was counted already).
          locale = tally.localeOf(translated.match)
          tally.count(translated.match)
        }
      }
    }
    const message = startEvent<AptMessageEvent>('apt.message', b.ctx, rule, b.endLine)
    message.level = level
    message.prefix = prefix
    message.text = text
    if (locale !== undefined) message.locale = locale
    send(message)
    const solver = solverRule.match(text)
    if (solver !== undefined) {
      send({ type: 'apt.solver', ...baseFields(b.ctx, solverRule.id, b.endLine), ...solver, steps: solver.steps })
    }
    if (!classifies) return
    const severity: ProblemSeverity = level === 'error' && spec?.survivable !== true ? 'error' : 'warning'
    if (spec === undefined) {
      if (level !== 'error') return
      spec = { kind: 'apt.other-error' }
    }
    if (spec.kind === 'apt.unmet-dependencies' && spec.package === undefined && solver?.package !== undefined) {
      spec = { ...spec, package: solver.package }
    }
    report(b.ctx, rule, { endLine: b.endLine, spec, severity, message: b.lines[0] ?? '', locale })
  }

  function closeList(b: ListBlock): void {
    const body = parseListBody(b.lines, b.header.columns || columnsSeen, b.truncated)
    if (body.layout === 'columns') columnsSeen = true
    shownLists.add(b.header.list)
    const event = startEvent<AptPlanListEvent>('apt.plan.list', b.ctx, b.rule, b.endLine)
    event.list = b.header.list
    event.header = b.headerText
    event.layout = body.layout
    event.packages = body.packages
    if (body.purge.length > 0) event.purge = body.purge
    if (body.versions.length > 0) event.versions = body.versions
    if (body.elided) event.elided = true
    if (b.locale !== undefined) event.locale = b.locale
    send(event)
  }

  function sendRelation(b: UnmetBlock, r: PendingRelation): void {
    b.relations++
    if (b.firstPackage === undefined) {
      b.firstPackage = r.package
      b.firstDescription = `${r.package} : ${r.relation}: ${r.targets.map(describeTarget).join(' or ')}`
    }
    send({ type: 'apt.unmet', ...baseFields(r.ctx, unmetLineRule.id, r.endLine), package: r.package, relation: r.relation, targets: r.targets })
  }

  function closeUnmet(b: UnmetBlock): void {
    if (b.pending !== undefined) sendRelation(b, b.pending)
    b.pending = undefined
    const more = b.relations > 1 ? ` (and ${b.relations - 1} more unmet relations)` : ''
    const message = b.firstDescription === undefined ? 'unmet dependencies' : `${b.firstDescription}${more}`
    const spec: ProblemSpec = b.firstPackage === undefined ? { kind: 'apt.unmet-dependencies' } : { kind: 'apt.unmet-dependencies', package: b.firstPackage }
    report(b.ctx, 'apt.unmet.header', { endLine: b.endLine, spec, severity: 'error', message, always: true })
  }

  function closeNote(b: NoteBlock): void {
    const packages = [...b.packages]
    if (b.replacements.length > 0) packages.push(...parseListBody(b.replacements, false, false).packages)
    const n = b.note
    send({
      type: 'apt.note',
      ...baseFields(b.ctx, b.rule, b.endLine),
      note: n.note,
      text: b.lines.join('\n'),
      ...(n.package === undefined ? {} : { package: n.package }),
      ...(n.version === undefined ? {} : { version: n.version }),
      ...(packages.length === 0 ? {} : { packages }),
    })
  }

  function close(): void {
    const b = block
    if (b === undefined) return
    block = undefined
    if (b.type === 'err') closeErr(b)
    else if (b.type === 'message') closeMessage(b)
    else if (b.type === 'list') closeList(b)
    else if (b.type === 'unmet') closeUnmet(b)
    else closeNote(b)
  }

  // ---- recognising lines ----------------------------------------------------------------------

  /**
   * Turn what a rule found into events and blocks. `locale` comes with a localized line: its
   * language (the events' `locale` field).
   */
  function handle(ruleId: string, value: AptLine, ctx: LineContext, locale?: LineLocale): Verdict {
    switch (value.kind) {
      case 'acquire':
        if (value.result === 'err') {
          block = { type: 'err', ctx, rule: ruleId, line: value, errors: [], locale, endLine: ctx.line }
        } else {
          sendAcquire(ctx, ruleId, value, undefined, undefined, locale)
        }
        return CONSUMED
      case 'fetched': {
        const event = startEvent<AptFetchedEvent>('apt.fetched', ctx, ruleId)
        event.bytes = value.bytes
        event.seconds = value.seconds
        event.bytesPerSecond = value.bytesPerSecond
        if (locale !== undefined) event.locale = locale
        send(event)
        return CONSUMED
      }
      case 'phase': {
        if (value.phase === 'reading-package-lists') {
          // A new apt command (or the index reload at the end of `update`): forget the previous plan.
          shownLists.clear()
          columnsSeen = false
        }
        const event = startEvent<AptPhaseEvent>('apt.phase', ctx, ruleId)
        event.phase = value.phase
        if (value.status !== undefined) event.status = value.status
        if (locale !== undefined) event.locale = locale
        send(event)
        return CONSUMED
      }
      case 'list-header': {
        if (value.columns) columnsSeen = true
        const lines = value.trailing === undefined ? [] : [value.trailing]
        block = {
          type: 'list',
          ctx,
          rule: ruleId,
          header: value,
          headerText: value.header,
          lines,
          chars: value.trailing?.length ?? 0,
          truncated: false,
          mode: value.trailing === undefined ? undefined : 'unindented',
          expectSecondLine: value.secondLine !== undefined,
          locale,
          endLine: ctx.line,
        }
        return CONSUMED
      }
      case 'counts': {
        const event = startEvent<AptPlanCountsEvent>('apt.plan.counts', ctx, ruleId)
        event.upgraded = value.upgraded
        event.newlyInstalled = value.newlyInstalled
        if (value.reinstalled !== undefined) event.reinstalled = value.reinstalled
        if (value.downgraded !== undefined) event.downgraded = value.downgraded
        event.removed = value.removed
        event.notUpgraded = value.notUpgraded
        event.layout = value.layout
        if (locale !== undefined) event.locale = locale
        send(event)
        return CONSUMED
      }
      case 'not-fully-installed':
        send({ type: 'apt.plan.not-fully-installed', ...baseFields(ctx, ruleId), count: value.count, ...localeField(locale) })
        return CONSUMED
      case 'download': {
        const event = startEvent<AptDownloadSizeEvent>('apt.plan.download', ctx, ruleId)
        event.bytes = value.bytes
        if (value.totalBytes !== undefined) event.totalBytes = value.totalBytes
        if (locale !== undefined) event.locale = locale
        send(event)
        return CONSUMED
      }
      case 'disk': {
        const event = startEvent<AptDiskSpaceEvent>('apt.plan.disk', ctx, ruleId)
        event.change = value.change
        event.bytes = value.bytes
        if (value.availableBytes !== undefined) event.availableBytes = value.availableBytes
        if (value.path !== undefined) event.path = value.path
        if (locale !== undefined) event.locale = locale
        send(event)
        return CONSUMED
      }
      case 'message':
        // `Error: Cannot find module …` from node is not apt's: a long prefix counts as apt's only
        // after other apt output in this context, or when the text is an apt template (English or translated).
        if (
          value.prefix.length > 1 &&
          !aptSeen &&
          locale === undefined &&
          classifyMessage(value.text, shownLists) === undefined &&
          translatedMessage([value.text]) === undefined
        ) {
          return UNRECOGNIZED
        }
        block =
          locale === undefined
            ? { type: 'message', ctx, message: value, lines: [value.text], endLine: ctx.line }
            : { type: 'message', ctx, message: value, lines: [value.text], rule: ruleId, locale, endLine: ctx.line }
        return CONSUMED
      case 'unmet-header':
        block = { type: 'unmet', ctx, currentPackage: undefined, pending: undefined, relations: 0, firstPackage: undefined, firstDescription: undefined, endLine: ctx.line }
        return CONSUMED
      case 'note':
        if (value.block !== undefined) {
          block = { type: 'note', ctx, rule: ruleId, note: value, lines: [value.text], packages: [], replacements: [], inReplacements: false, endLine: ctx.line }
        } else {
          sendNote(ctx, ruleId, value, locale)
          if (value.note === 'abort') report(ctx, ruleId, { endLine: ctx.line, spec: { kind: 'apt.aborted' }, severity: 'error', message: value.text, locale })
        }
        return CONSUMED
      case 'prompt':
        if (value.rest === 'Abort.') {
          const text = `${value.prompt} ${value.rest}`
          sendNote(ctx, ruleId, { note: 'abort', text })
          report(ctx, ruleId, { endLine: ctx.line, spec: { kind: 'apt.aborted' }, severity: 'error', message: text })
          return CONSUMED
        }
        sendNote(ctx, ruleId, { note: 'prompt', text: value.prompt })
        // The answer came from stdin, so apt's next output continues on the prompt's line.
        if (value.rest.length > 0) recognise(value.rest, ctx)
        return CONSUMED
      case 'simulate':
        send({
          type: 'apt.simulate',
          ...baseFields(ctx, ruleId),
          action: value.action,
          package: value.package,
          ...(value.version === undefined ? {} : { version: value.version }),
          ...(value.fromVersion === undefined ? {} : { fromVersion: value.fromVersion }),
        })
        return CONSUMED
      case 'noise':
        return IGNORED
    }
  }

  function sendNote(ctx: LineContext, rule: string, note: NoteFields, locale?: LineLocale): void {
    const event = startEvent<AptNoteEvent>('apt.note', ctx, rule)
    event.note = note.note
    event.text = note.text
    if (note.package !== undefined) event.package = note.package
    if (note.version !== undefined) event.version = note.version
    if (locale !== undefined) event.locale = locale
    send(event)
  }

  function recognise(raw: string, ctx: LineContext): Verdict {
    // The context offers a line to the open block first; should it not have, the block must not be lost.
    if (block !== undefined) close()
    const text = trimEnd(raw)
    if (text.length === 0) return UNRECOGNIZED
    const hit = dispatch.match(text)
    if (hit === undefined) return UNRECOGNIZED
    return handle(hit.rule.id, hit.value, ctx)
  }

  function continueBlock(raw: string, ctx: LineContext): Verdict {
    const b = block
    if (b === undefined) return UNRECOGNIZED
    const text = trimEnd(raw)
    let verdict: Verdict = UNRECOGNIZED
    switch (b.type) {
      case 'err':
        verdict = continueErr(b, text, ctx)
        break
      case 'message':
        verdict = continueMessage(b, text, ctx)
        break
      case 'list':
        verdict = continueList(b, text, ctx, claimedByARule)
        break
      case 'unmet':
        verdict = continueUnmet(b, text, ctx, sendRelation)
        break
      case 'note':
        verdict = continueNote(b, text, ctx)
        break
    }
    if (verdict === UNRECOGNIZED) close()
    return verdict
  }

  /** A line no English rule of any grammar took, which the locale tables know: read it as its C text. */
  function recogniseLocalized(raw: string, match: LocaleLineMatch, ctx: LineContext): Verdict {
    if (block !== undefined) close()
    const locale = tally.localeOf(match)
    const found = localizedAptLine(match, raw, locale)
    if (found === undefined) return UNRECOGNIZED
    const verdict = handle(`locale.${match.id}`, found.line, ctx, locale)
    if (verdict !== UNRECOGNIZED) tally.count(match)
    return verdict
  }

  return {
    hasOpenBlock: (): boolean => block !== undefined,
    continueBlock,
    recognise,
    recogniseLocalized,
    flush(): void {
      // apt always prints more after a plan list (the counts), an unmet block (its `E:` line) and
      // an `Err:` line (the error under it): the input ending there cut them.
      const b = block
      cutting = b !== undefined && (b.type === 'list' || b.type === 'unmet' || (b.type === 'err' && b.errors.length === 0))
      close()
      cutting = false
    },
    looksFamiliar: looksLikeApt,
  }
}
