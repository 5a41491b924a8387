/**
 * The multi-line blocks of the apt grammar and how each takes its next line: an `Err:` with its
 * error text, a message with its continuation lines, a plan list, an unmet-dependency block, a note
 * paragraph. A function returns `UNRECOGNIZED` when the line does not belong to the block; the
 * grammar then closes the block and dispatches the line anew.
 * @module
 */

import type { AptUnmetTarget, LineContext, LineLocale } from '../events/index.ts'
import { CONSUMED, UNRECOGNIZED, type Verdict } from '../grammar/verdict.ts'
import { acquireErrorTextRule } from './acquire.ts'
import type { AcquireLine, ListHeaderLine, MessageLine, NoteLine } from './line-kinds.ts'
import { MAX_MESSAGE_LINES, messageContinuationRule } from './messages.ts'
import { IMPOSSIBLE_SITUATION_REST } from './notes.ts'
import { MAX_LIST_ENTRIES } from './plan-list.ts'
import { indentOf, isListLikeLine } from './tokens.ts'
import { parseUnmetTarget, unmetLineRule } from './unmet.ts'

const MAX_ERROR_LINES = 100
const MAX_LIST_LINES = 20_000
const MAX_LIST_CHARS = 4_000_000
const MAX_NOTE_LINES = 1_000
const MAX_ALTERNATIVES = 1_000

/** `Err:N …` and its two-space indented error text. */
export interface ErrBlock {
  /** Discriminant. */
  readonly type: 'err'
  /** Context of the `Err:` line. */
  readonly ctx: LineContext
  /** Rule that matched it. */
  readonly rule: string
  /** What the `Err:` line said. */
  readonly line: AcquireLine
  /** Error lines read so far, apt's indent removed. */
  readonly errors: string[]
  /** The language of a localized `Err:` line (`Fehl:1 …`). */
  readonly locale?: LineLocale | undefined
  /** Last line of the block so far. */
  endLine: number
}

/** An `E:`/`W:`/`Error:` … message and its three-space continuation lines. */
export interface MessageBlock {
  /** Discriminant. */
  readonly type: 'message'
  /** Context of the first line. */
  readonly ctx: LineContext
  /** What the first line said. */
  readonly message: MessageLine
  /** The text lines: the first line's text, then each continuation without its three-space indent. */
  readonly lines: string[]
  /** Rule of a localized first line (`locale.message.unable-to-locate`); English ones are `apt.message`. */
  readonly rule?: string | undefined
  /** The language of a localized first line. */
  readonly locale?: LineLocale | undefined
  /** Last line of the block so far. */
  endLine: number
}

/** A plan list: its title and its lines as printed (parsed when it closes). */
export interface ListBlock {
  /** Discriminant. */
  readonly type: 'list'
  /** Context of the title line. */
  readonly ctx: LineContext
  /** Rule that matched the title. */
  readonly rule: string
  /** What the title said. */
  readonly header: ListHeaderLine
  /** The title as it goes into the event (the essential warning adds its second line). */
  headerText: string
  /** Body lines as printed, indentation included. */
  readonly lines: string[]
  /** Characters kept in `lines` (bounded). */
  chars: number
  /** True once lines were dropped at the bound. */
  truncated: boolean
  /** Whether the body is indented (normal) or not (a CI system ate the indentation); set by the first body line. */
  mode: 'indented' | 'unindented' | undefined
  /** True until the line after an essential warning title was seen. */
  expectSecondLine: boolean
  /** The language of a localized title (`Die folgenden NEUEN Pakete werden installiert:`). */
  readonly locale?: LineLocale | undefined
  /** Last line of the block so far. */
  endLine: number
}

/** An unmet relation still being read (its OR group continues). */
export interface PendingRelation {
  /** Context of its first line. */
  readonly ctx: LineContext
  /** The package whose relation fails. */
  readonly package: string
  /** `Depends`, `PreDepends` … */
  readonly relation: string
  /** Targets read so far (an OR group has several). */
  readonly targets: AptUnmetTarget[]
  /** Its last line so far. */
  endLine: number
}

/** The unmet-dependency block after its title. */
export interface UnmetBlock {
  /** Discriminant. */
  readonly type: 'unmet'
  /** Context of the title line. */
  readonly ctx: LineContext
  /** The package of the last ` pkg : …` line (later relations are indented under it). */
  currentPackage: string | undefined
  /** A relation whose OR group is still open. */
  pending: PendingRelation | undefined
  /** Relations emitted so far. */
  relations: number
  /** Package of the first relation: the one the problem names. */
  firstPackage: string | undefined
  /** The first relation in apt's words, for the problem's message. */
  firstDescription: string | undefined
  /** Last line of the block so far. */
  endLine: number
}

/** An informational paragraph (virtual package, not available, impossible situation, lock waiting, simulation). */
export interface NoteBlock {
  /** Discriminant. */
  readonly type: 'note'
  /** Context of the first line. */
  readonly ctx: LineContext
  /** Rule that matched the first line. */
  readonly rule: string
  /** What the first line said (its `block` says how the paragraph continues). */
  readonly note: NoteLine
  /** Text lines read so far. */
  readonly lines: string[]
  /** Providers of a virtual package. */
  readonly packages: string[]
  /** `not-available`: replacement list lines after `However the following packages replace it:`. */
  readonly replacements: string[]
  /** True after `However the following packages replace it:`. */
  inReplacements: boolean
  /** Last line of the block so far. */
  endLine: number
}

/** Any open block. */
export type Block = ErrBlock | MessageBlock | ListBlock | UnmetBlock | NoteBlock

const KEY_ID = /^[0-9A-F]{8,40}$/

/**
 * apt ≤ 1.2 printed a message's newlines unindented (FORMATS.md §4.1); the one multi-line warning
 * common in old CI logs is `W: There is no public key available for the following key IDs:` + a key id line.
 */
function legacyKeyIdLine(b: MessageBlock, text: string): string | undefined {
  return b.message.text.startsWith('There is no public key available for the following key IDs') && KEY_ID.test(text) ? text : undefined
}

/** An `Err:` block takes its two-space indented error lines. */
export function continueErr(b: ErrBlock, text: string, ctx: LineContext): Verdict {
  const error = acquireErrorTextRule.match(text)
  if (error === undefined) return UNRECOGNIZED
  if (b.errors.length < MAX_ERROR_LINES) b.errors.push(error)
  b.endLine = ctx.line
  return CONSUMED
}

/** A message takes its three-space continuation lines (and apt ≤ 1.2's unindented key id). */
export function continueMessage(b: MessageBlock, text: string, ctx: LineContext): Verdict {
  const more = messageContinuationRule.match(text) ?? legacyKeyIdLine(b, text)
  if (more === undefined) return UNRECOGNIZED
  if (b.lines.length < MAX_MESSAGE_LINES) b.lines.push(more)
  b.endLine = ctx.line
  return CONSUMED
}

/**
 * A plan list takes indented lines until the first line that is not; right after its title it also
 * takes unindented lines that read as a package list (`claimedElsewhere` says whether another apt
 * rule would take the line instead).
 */
export function continueList(b: ListBlock, text: string, ctx: LineContext, claimedElsewhere: (text: string) => boolean): Verdict {
  if (text.length === 0) return UNRECOGNIZED
  if (b.expectSecondLine) {
    b.expectSecondLine = false
    if (text === b.header.secondLine) {
      b.headerText = `${b.headerText}\n${text}`
      b.endLine = ctx.line
      return CONSUMED
    }
  }
  if (indentOf(text) > 0) {
    if (b.mode === 'unindented') return UNRECOGNIZED
    b.mode = 'indented'
  } else {
    // A CI system that ate the indentation (seed runner excerpt): take an unindented line only
    // when it reads as a package list and no apt rule claims it (FORMATS.md §3.2).
    if (b.mode === 'indented' || !isListLikeLine(text) || claimedElsewhere(text)) return UNRECOGNIZED
    b.mode = 'unindented'
  }
  b.endLine = ctx.line
  if (b.lines.length >= MAX_LIST_LINES || b.chars + text.length > MAX_LIST_CHARS) {
    b.truncated = true
    return CONSUMED
  }
  b.lines.push(text)
  b.chars += text.length
  return CONSUMED
}

/**
 * An unmet block takes ` pkg : Relation: …` lines, further relations and OR alternatives; a relation
 * goes to `onRelation` as soon as its last line (one not ending in ` or`) is read.
 */
export function continueUnmet(b: UnmetBlock, text: string, ctx: LineContext, onRelation: (b: UnmetBlock, r: PendingRelation) => void): Verdict {
  const line = unmetLineRule.match(text)
  if (line === undefined) return UNRECOGNIZED
  if (line.kind === 'alternative') {
    const p = b.pending
    if (p === undefined) return UNRECOGNIZED
    const { target, or } = parseUnmetTarget(line.target)
    if (p.targets.length < MAX_ALTERNATIVES) p.targets.push(target)
    p.endLine = ctx.line
    b.endLine = ctx.line
    if (!or) {
      b.pending = undefined
      onRelation(b, p)
    }
    return CONSUMED
  }
  if (b.pending !== undefined) {
    onRelation(b, b.pending)
    b.pending = undefined
  }
  const pkg = line.kind === 'package' ? line.package : b.currentPackage
  if (pkg === undefined) return UNRECOGNIZED
  b.currentPackage = pkg
  const { target, or } = parseUnmetTarget(line.target)
  const relation: PendingRelation = { ctx, package: pkg, relation: line.relation, targets: [target], endLine: ctx.line }
  b.endLine = ctx.line
  if (or) b.pending = relation
  else onRelation(b, relation)
  return CONSUMED
}

/** A note paragraph takes the lines its kind continues with (FORMATS.md §3.6, §4.2). */
export function continueNote(b: NoteBlock, text: string, ctx: LineContext): Verdict {
  if (text.length === 0) return UNRECOGNIZED
  // Past the bound the block still takes its lines, it just stops keeping them.
  const keep = (line: string): void => {
    if (b.lines.length < MAX_NOTE_LINES) b.lines.push(line)
  }
  const kind = b.note.block
  let take = false
  if (kind === 'impossible-situation') {
    take = IMPOSSIBLE_SITUATION_REST.has(text)
    if (take) keep(text)
  } else if (kind === 'virtual-package') {
    if (indentOf(text) >= 2) {
      // `  ssmtp 2.64-12` (+ ` [Installed]`): the provider is the first word.
      const provider = text.trim().split(' ', 1)[0] as string
      if (b.packages.length < MAX_LIST_ENTRIES) b.packages.push(provider)
      keep(text.trim())
      take = true
    } else if (text === 'You should explicitly select one to install.') {
      keep(text)
      take = true
    }
  } else if (kind === 'not-available') {
    if (text === 'This may mean that the package is missing, has been obsoleted, or' || text === 'is only available from another source') {
      take = !b.inReplacements
      if (take) keep(text)
    } else if (text === 'However the following packages replace it:') {
      b.inReplacements = true
      keep(text)
      take = true
    } else if (b.inReplacements && indentOf(text) >= 2) {
      if (b.replacements.length < MAX_NOTE_LINES) b.replacements.push(text)
      keep(text.trim())
      take = true
    }
  } else if (kind === 'lock-waiting') {
    // Repeated about once a second while apt waits; one note for the whole wait.
    take = text.startsWith('Waiting for cache lock: ')
  } else if (kind === 'simulation') {
    take = indentOf(text) >= 2
    if (take) keep(text.trim())
  }
  if (!take) return UNRECOGNIZED
  b.endLine = ctx.line
  return CONSUMED
}
