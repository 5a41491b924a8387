/**
 * Localized apt lines (docs/locales.md): a locale match (src/locale/) turned into the `AptLine`
 * the English rule gives for the same line in C. A message is split at its prefix here; the
 * problem its text proves is found when the message closes (the grammar gives the text back in C,
 * src/locale/message-texts.ts, to the English rules). Sizes and durations are read with the
 * line's language (src/locale/numbers.ts); a field that does not read leaves the line
 * unrecognised, as an English line with a bad size is.
 * @module
 */

import type { AptMessageLevel, AptPhase, AptPlanListKind } from '../events/apt.ts'
import { readMessagePrefix } from '../grammar/message-prefix.ts'
import type { CatalogLocale } from '../locale/catalog.ts'
import { matchLocaleTemplate, type LocaleLineMatch } from '../locale/matcher.ts'
import { parseLocaleBytes, parseLocaleDuration, parseLocaleSize } from '../locale/numbers.ts'
import { parseAcquireDescription } from './acquire.ts'
import type { AcquireLine, AptLine, CountsLine, DiskLine, MessageLine, PhaseLine } from './line-kinds.ts'
import { trimEnd } from './tokens.ts'

/** A localized apt line: what the English rule would have found. */
export interface LocalizedAptLine {
  /** The line, as the English rule gives it for the C text. */
  readonly line: AptLine
}

const PHASES: ReadonlyMap<string, AptPhase> = new Map<string, AptPhase>([
  ['phase.reading-package-lists', 'reading-package-lists'],
  ['phase.building-dependency-tree', 'building-dependency-tree'],
  ['phase.reading-state-information', 'reading-state-information'],
  ['phase.calculating-upgrade', 'calculating-upgrade'],
  ['phase.solving-dependencies', 'solving-dependencies'],
  ['phase.correcting-dependencies', 'correcting-dependencies'],
])

/** A phase line's shapes (locale/lines.ts): plain `…`, `… Done`, `… Error!`, a percentage frame. */
const PHASE_STATUS: readonly PhaseLine['status'][] = [undefined, 'done', 'error', undefined]

/** Classic headers (and the two shared by both layouts): their lists are read from the body. */
const CLASSIC_HEADERS: ReadonlyMap<string, AptPlanListKind> = new Map<string, AptPlanListKind>([
  ['plan.header.extra', 'extra'],
  ['plan.header.additional', 'additional'],
  ['plan.header.new', 'new'],
  ['plan.header.upgrade', 'upgrade'],
  ['plan.header.remove', 'remove'],
  ['plan.header.kept-back', 'kept-back'],
  ['plan.header.held-change', 'held-change'],
  ['plan.header.downgrade', 'downgrade'],
  ['plan.header.phasing-deferred', 'phasing-deferred'],
  ['plan.header.autoremove', 'autoremove'],
  ['plan.header.suggested', 'suggested'],
  ['plan.header.recommended', 'recommended'],
])

/** apt 3 block titles: column lists. */
const V30_HEADERS: ReadonlyMap<string, AptPlanListKind> = new Map<string, AptPlanListKind>([
  ['plan.v30.install', 'install'],
  ['plan.v30.install-dependencies', 'install-dependencies'],
  ['plan.v30.upgrade', 'upgrade'],
  ['plan.v30.remove', 'remove'],
  ['plan.v30.not-upgrading', 'not-upgrading'],
  ['plan.v30.not-upgrading-phasing', 'not-upgrading-phasing'],
  ['plan.v30.held-change', 'held-change'],
  ['plan.v30.downgrade', 'downgrade'],
])

/** apt 3's translated prefixes, by template id. */
const MESSAGE_LEVELS: ReadonlyMap<string, AptMessageLevel> = new Map<string, AptMessageLevel>([
  ['message.error', 'error'],
  ['message.warning', 'warning'],
  ['message.notice', 'notice'],
  ['message.audit', 'audit'],
])

const NOISE: AptLine = { kind: 'noise' }

/** A digits field (the matcher checked the digits): its number. */
function count(field: string | undefined): number {
  return field === undefined ? 0 : Number(field)
}

/** The prefix as printed, without its colon and blanks: `Fehler`, `Erreur`, `错误`. */
function bareprefix(printed: string): string {
  let p = printed.trimEnd()
  if (p.endsWith(':') || p.endsWith('：')) p = p.slice(0, -1).trimEnd()
  return p
}

/**
 * Split a message line into level, prefix as printed and text, whichever language its prefix is
 * in: apt's untranslated letters (grammar/message-prefix.ts, the English rule's reader), else apt
 * 3's translated words (`Fehler: `, `错误：`).
 */
export function splitLocalizedMessage(text: string): MessageLine | undefined {
  const english = readMessagePrefix(text)
  if (english !== undefined) return { kind: 'message', level: english.level, prefix: english.prefix, text: english.text }
  for (const [id, level] of MESSAGE_LEVELS) {
    const m = matchLocaleTemplate(id, text)
    const body = m?.fields[0]
    if (body === undefined) continue
    const trimmed = trimEnd(text)
    return { kind: 'message', level, prefix: bareprefix(trimmed.slice(0, trimmed.length - body.length)), text: body }
  }
  return undefined
}

function acquire(m: LocaleLineMatch, locale: CatalogLocale): AcquireLine | undefined {
  const result = m.id === 'acquire.get' ? 'get' : m.id === 'acquire.hit' ? 'hit' : m.id === 'acquire.ign' ? 'ign' : 'err'
  let description = m.fields[1] ?? ''
  let sizeBytes: number | undefined
  if (description.endsWith(']')) {
    const open = description.lastIndexOf(' [')
    if (open !== -1) {
      sizeBytes = parseLocaleBytes(description.slice(open + 2, -1), locale)
      if (sizeBytes === undefined) return undefined
      description = description.slice(0, open)
    }
  }
  const parsed = parseAcquireDescription(description)
  if (parsed === undefined) return undefined
  const id = count(m.fields[0])
  return sizeBytes === undefined ? { kind: 'acquire', result, id, description: parsed } : { kind: 'acquire', result, id, description: parsed, sizeBytes }
}

function counts(m: LocaleLineMatch, layout: CountsLine['layout']): CountsLine {
  const f = m.fields
  const out: { -readonly [K in keyof CountsLine]: CountsLine[K] } = { kind: 'counts', upgraded: count(f[0]), newlyInstalled: count(f[1]), removed: count(f[4]), notUpgraded: count(f[5]), layout }
  if (f[2] !== undefined) out.reinstalled = count(f[2])
  if (f[3] !== undefined) out.downgraded = count(f[3])
  return out
}

function disk(change: DiskLine['change'], bytes: number | undefined, available?: number | null, path?: string): DiskLine | undefined {
  if (bytes === undefined || available === undefined) return undefined
  const out: { -readonly [K in keyof DiskLine]: DiskLine[K] } = { kind: 'disk', change, bytes }
  if (available !== null) out.availableBytes = available
  if (path !== undefined) out.path = path
  return out
}

/**
 * The apt line a localized match stands for, in `locale` (the language the line reports: sizes
 * and durations are read with it). `text` is the line as the grammar sees it. `undefined` for a
 * template that is not apt's (dpkg's lines) or a field that does not read.
 */
export function localizedAptLine(m: LocaleLineMatch, text: string, locale: CatalogLocale): LocalizedAptLine | undefined {
  const id = m.id
  const f = m.fields
  const size = (i: number): number | undefined => {
    const field = f[i]
    return field === undefined ? undefined : parseLocaleSize(field, locale)
  }
  const phase = PHASES.get(id)
  if (phase !== undefined) {
    const status = PHASE_STATUS[m.shape]
    return { line: status === undefined ? { kind: 'phase', phase } : { kind: 'phase', phase, status } }
  }
  const classic = CLASSIC_HEADERS.get(id)
  if (classic !== undefined) return { line: { kind: 'list-header', list: classic, header: trimEnd(text).trim(), columns: false } }
  const v30 = V30_HEADERS.get(id)
  if (v30 !== undefined) return { line: { kind: 'list-header', list: v30, header: trimEnd(text).trim(), columns: true } }
  // A translated prefix (`message.error`), or a message text after any prefix (`message.unable-to-locate`).
  if (id.startsWith('message.')) {
    const message = splitLocalizedMessage(trimEnd(text))
    return message === undefined ? undefined : { line: message }
  }
  let line: AptLine | undefined
  switch (id) {
    case 'acquire.get':
    case 'acquire.hit':
    case 'acquire.ign':
    case 'acquire.err':
      line = acquire(m, locale)
      break
    case 'fetched': {
      const bytes = size(0)
      const seconds = f[1] === undefined ? undefined : parseLocaleDuration(f[1], locale)
      const rate = size(2)
      if (bytes !== undefined && seconds !== undefined && rate !== undefined) line = { kind: 'fetched', bytes, seconds, bytesPerSecond: rate }
      break
    }
    case 'plan.header.unmet':
      line = { kind: 'unmet-header' }
      break
    case 'plan.v30.summary':
      line = NOISE
      break
    case 'counts':
      line = counts(m, 'classic')
      break
    case 'summary.counts':
      line = counts(m, 'summary')
      break
    case 'counts.not-fully-installed':
      line = { kind: 'not-fully-installed', count: count(f[0]) }
      break
    case 'download.need':
    case 'download.need-source':
    case 'summary.download': {
      const bytes = size(0)
      if (bytes !== undefined) line = { kind: 'download', bytes }
      break
    }
    case 'download.need-partial':
    case 'download.need-source-partial':
    case 'summary.download-partial': {
      const bytes = size(0)
      const total = size(1)
      if (bytes !== undefined && total !== undefined) line = { kind: 'download', bytes, totalBytes: total }
      break
    }
    case 'disk.used':
    case 'summary.space-needed':
      line = disk('used', size(0), null)
      break
    case 'disk.freed':
    case 'summary.freed':
      line = disk('freed', size(0), null)
      break
    case 'summary.space-needed-available':
      line = disk('used', size(0), size(1))
      break
    case 'summary.space-in-mount':
      line = disk('used', size(1), size(2), f[0])
      break
    case 'note.up-to-date':
      line = { kind: 'note', note: 'up-to-date', text: trimEnd(text) }
      break
    case 'note.upgradable':
      line = { kind: 'note', note: 'upgradable', text: trimEnd(text) }
      break
  }
  return line === undefined ? undefined : { line }
}
