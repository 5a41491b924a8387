/**
 * The install/upgrade/remove screen (FORMATS.md §3.2–§3.4, §3.7): list headers (classic, apt 1.0's
 * `extra`, apt 3's column blocks), counts (classic, en_GB, apt 3 `Summary:`), download and disk lines.
 * The list bodies are parsed in `plan-list.ts`.
 * @module
 */

import type { AptPlanListKind } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import type { CountsLine, DiskLine, DownloadLine, ListHeaderLine, NoiseLine, NotFullyInstalledLine } from './line-kinds.ts'
import { parseSize } from './sizes.ts'
import { isListLikeLine } from './tokens.ts'

interface HeaderSpec {
  readonly words: string
  readonly list: AptPlanListKind
}

// Classic headers (§3.2), written without their colon: en_GB prints some of them without one
// (`The following NEW packages will be installed`, seen in the wild on Ubuntu 24.04).
const CLASSIC_HEADERS: readonly HeaderSpec[] = [
  { words: 'The following extra packages will be installed', list: 'extra' },
  { words: 'The following additional packages will be installed', list: 'additional' },
  { words: 'The following NEW packages will be installed', list: 'new' },
  { words: 'The following packages will be upgraded', list: 'upgrade' },
  { words: 'The following packages will be REMOVED', list: 'remove' },
  { words: 'The following packages have been kept back', list: 'kept-back' },
  { words: 'The following held packages will be changed', list: 'held-change' },
  { words: 'The following packages will be DOWNGRADED', list: 'downgrade' },
  { words: 'The following upgrades have been deferred due to phasing', list: 'phasing-deferred' },
  { words: 'The following package was automatically installed and is no longer required', list: 'autoremove' },
  { words: 'The following packages were automatically installed and are no longer required', list: 'autoremove' },
]

// Headers shared by both layouts: the list itself says which (columns have ≥ 2-space gaps).
const SHARED_HEADERS: readonly HeaderSpec[] = [
  { words: 'Suggested packages', list: 'suggested' },
  { words: 'Recommended packages', list: 'recommended' },
]

// apt 3 "Output-Version 30" block titles (§3.7); `Reinstalling:` is in apt's source only.
const V30_HEADERS: readonly HeaderSpec[] = [
  { words: 'Installing', list: 'install' },
  { words: 'Installing dependencies', list: 'install-dependencies' },
  { words: 'Upgrading', list: 'upgrade' },
  { words: 'REMOVING', list: 'remove' },
  { words: 'Not upgrading', list: 'not-upgrading' },
  { words: 'Not upgrading yet due to phasing', list: 'not-upgrading-phasing' },
  { words: 'Changing held packages', list: 'held-change' },
  { words: 'DOWNGRADING', list: 'downgrade' },
  { words: 'Reinstalling', list: 'reinstall' },
]

/**
 * After the header words: `:` (or nothing / `.` for en_GB's classic headers), optionally followed by
 * list text on the same line (`Suggested packages: ...` in a pasted excerpt, seed runner log).
 */
function headerTail(after: string, colonOptional: boolean): { trailing?: string } | undefined {
  if (after === ':' || (colonOptional && (after === '' || after === '.'))) return {}
  if (!after.startsWith(': ')) return undefined
  const trailing = after.slice(2).trim()
  if (trailing === '') return {}
  return isListLikeLine(trailing) ? { trailing } : undefined
}

function matchHeader(text: string, specs: readonly HeaderSpec[], columns: boolean, colonOptional: boolean): ListHeaderLine | undefined {
  let best: ListHeaderLine | undefined
  for (const spec of specs) {
    if (!text.startsWith(spec.words)) continue
    const tail = headerTail(text.slice(spec.words.length), colonOptional)
    if (tail === undefined) continue
    // The longest title wins (`Installing dependencies:` over `Installing:`).
    if (best !== undefined && best.header.length > spec.words.length) continue
    const header = `${spec.words}:`
    best = tail.trailing === undefined
      ? { kind: 'list-header', list: spec.list, header, columns }
      : { kind: 'list-header', list: spec.list, header, columns, trailing: tail.trailing }
  }
  return best
}

/** Classic headers: `The following NEW packages will be installed:` and the rest of §3.2. */
export const classicHeaderRule: Rule<ListHeaderLine> = {
  id: 'apt.plan.header',
  first: 'TSR',
  match: (text: string): ListHeaderLine | undefined =>
    text.startsWith('The following ') ? matchHeader(text, CLASSIC_HEADERS, false, true) : matchHeader(text, SHARED_HEADERS, false, false),
}

/** apt 3 block titles: `Installing:`, `Installing dependencies:`, `Upgrading:`, `REMOVING:`, `Not upgrading:` … (§3.7). */
export const v30HeaderRule: Rule<ListHeaderLine> = {
  id: 'apt.plan.header.v30',
  first: 'IURNCD',
  match: (text: string): ListHeaderLine | undefined => matchHeader(text, V30_HEADERS, true, false),
}

const ESSENTIAL_WARNING = 'WARNING: The following essential packages will be removed.'
const ESSENTIAL_SECOND_LINE = 'This should NOT be done unless you know exactly what you are doing!'
const UNAUTHENTICATED_WARNING = 'WARNING: The following packages cannot be authenticated!'

/** `WARNING: The following essential packages will be removed.` (+ its second line) and apt ≤ 1.0's unauthenticated list. */
export const warningHeaderRule: Rule<ListHeaderLine> = {
  id: 'apt.plan.header.warning',
  first: 'W',
  match(text: string): ListHeaderLine | undefined {
    if (text === ESSENTIAL_WARNING) {
      return { kind: 'list-header', list: 'essential-remove', header: ESSENTIAL_WARNING, columns: false, secondLine: ESSENTIAL_SECOND_LINE }
    }
    if (text === UNAUTHENTICATED_WARNING) return { kind: 'list-header', list: 'unauthenticated', header: UNAUTHENTICATED_WARNING, columns: false }
    return undefined
  },
}

function counts(m: RegExpExecArray, layout: CountsLine['layout']): CountsLine {
  const base = {
    kind: 'counts' as const,
    upgraded: Number(m[1]),
    newlyInstalled: Number(m[2]),
    removed: Number(m[5]),
    notUpgraded: Number(m[6]),
    layout,
  }
  const reinstalled = m[3] === undefined ? {} : { reinstalled: Number(m[3]) }
  const downgraded = m[4] === undefined ? {} : { downgraded: Number(m[4]) }
  return { ...base, ...reinstalled, ...downgraded }
}

const CLASSIC_COUNTS = /^(\d{1,9}) upgraded, (\d{1,9}) newly installed, (?:(\d{1,9}) reinstalled, )?(?:(\d{1,9}) downgraded, )?(\d{1,9}) to remove and (\d{1,9}) not upgraded\.$/

/** `0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.` (+ `1 reinstalled, `, `1 downgraded, `; §3.3). */
export const classicCountsRule: Rule<CountsLine> = {
  id: 'apt.plan.counts',
  first: '0123456789',
  match(text: string): CountsLine | undefined {
    const m = CLASSIC_COUNTS.exec(text)
    return m === null ? undefined : counts(m, 'classic')
  },
}

// en_GB (LANGUAGE=en_GB): `0 to upgrade, 1 to newly install, 0 to remove and 56 not to upgrade.`
// (seen in the wild; the reinstall/downgrade pieces are not verified, both wordings are accepted).
const EN_GB_COUNTS =
  /^(\d{1,9}) to upgrade, (\d{1,9}) to newly install, (?:(\d{1,9}) (?:to reinstall|reinstalled), )?(?:(\d{1,9}) (?:to downgrade|downgraded), )?(\d{1,9}) to remove and (\d{1,9}) not to upgrade\.$/

/** The en_GB wording of the counts line. */
export const enGbCountsRule: Rule<CountsLine> = {
  id: 'apt.plan.counts.en-gb',
  first: '0123456789',
  match(text: string): CountsLine | undefined {
    const m = EN_GB_COUNTS.exec(text)
    return m === null ? undefined : counts(m, 'classic')
  },
}

const SUMMARY_COUNTS =
  /^ *Upgrading: (\d{1,9}), Installing: (\d{1,9}), (?:Reinstalling: (\d{1,9}), )?(?:Downgrading: (\d{1,9}), )?Removing: (\d{1,9}), Not Upgrading: (\d{1,9})$/

/** apt 3 `Summary:` counts: `  Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0` (§3.7). */
export const summaryCountsRule: Rule<CountsLine> = {
  id: 'apt.plan.counts.summary',
  first: ' U',
  match(text: string): CountsLine | undefined {
    const m = SUMMARY_COUNTS.exec(text)
    return m === null ? undefined : counts(m, 'summary')
  },
}

const NOT_FULLY = /^ *(\d{1,9}) not fully installed or removed\.$/

/** `1 not fully installed or removed.` (classic, and indented inside apt 3's `Summary:`). */
export const notFullyInstalledRule: Rule<NotFullyInstalledLine> = {
  id: 'apt.plan.not-fully-installed',
  first: ' 0123456789',
  match(text: string): NotFullyInstalledLine | undefined {
    const m = NOT_FULLY.exec(text)
    return m === null ? undefined : { kind: 'not-fully-installed', count: Number(m[1]) }
  },
}

/** `X` or `X/Y` (classic) or `X / Y` (apt 3) as bytes. */
function sizePair(text: string, separator: string): { bytes: number; total?: number } | undefined {
  const at = text.indexOf(separator)
  if (at === -1) {
    const bytes = parseSize(text)
    return bytes === undefined ? undefined : { bytes }
  }
  const bytes = parseSize(text.slice(0, at))
  const total = parseSize(text.slice(at + separator.length))
  return bytes === undefined || total === undefined ? undefined : { bytes, total }
}

function download(pair: { bytes: number; total?: number } | undefined): DownloadLine | undefined {
  if (pair === undefined) return undefined
  return pair.total === undefined ? { kind: 'download', bytes: pair.bytes } : { kind: 'download', bytes: pair.bytes, totalBytes: pair.total }
}

/** `Need to get 3934 kB of archives.`, `Need to get 0 B/896 B of archives.` (§3.4; also `… of source archives.`). */
export const needToGetRule: Rule<DownloadLine> = {
  id: 'apt.plan.download',
  first: 'N',
  match(text: string): DownloadLine | undefined {
    if (!text.startsWith('Need to get ')) return undefined
    const tail = text.endsWith(' of source archives.') ? ' of source archives.' : ' of archives.'
    if (!text.endsWith(tail)) return undefined
    return download(sizePair(text.slice(12, text.length - tail.length), '/'))
  },
}

/** apt 3 `  Download size: 1995 kB` / `  Download size: 1995 kB / 13.0 MB` (§3.7). */
export const downloadSizeRule: Rule<DownloadLine> = {
  id: 'apt.plan.download.summary',
  first: ' D',
  match(text: string): DownloadLine | undefined {
    const t = text.trimStart()
    if (!t.startsWith('Download size: ')) return undefined
    return download(sizePair(t.slice(15), ' / '))
  },
}

/** `After this operation, 14.9 MB of additional disk space will be used.` / `… disk space will be freed.` (and 0.x `After unpacking …`). */
export const afterOperationRule: Rule<DiskLine> = {
  id: 'apt.plan.disk',
  first: 'A',
  match(text: string): DiskLine | undefined {
    let rest: string
    if (text.startsWith('After this operation, ')) rest = text.slice(22)
    else if (text.startsWith('After unpacking ')) rest = text.slice(16)
    else return undefined
    if (rest.endsWith(' of additional disk space will be used.')) {
      const bytes = parseSize(rest.slice(0, -39))
      return bytes === undefined ? undefined : { kind: 'disk', change: 'used', bytes }
    }
    if (rest.endsWith(' disk space will be freed.')) {
      const bytes = parseSize(rest.slice(0, -26))
      return bytes === undefined ? undefined : { kind: 'disk', change: 'freed', bytes }
    }
    return undefined
  },
}

/** `X / Y available` or `X`. */
function spaceWithAvailable(text: string): { bytes: number; available?: number } | undefined {
  if (text.endsWith(' available')) {
    const pair = sizePair(text.slice(0, -10), ' / ')
    if (pair?.total === undefined) return undefined
    return { bytes: pair.bytes, available: pair.total }
  }
  const bytes = parseSize(text)
  return bytes === undefined ? undefined : { bytes }
}

function disk(change: DiskLine['change'], space: { bytes: number; available?: number } | undefined, path?: string): DiskLine | undefined {
  if (space === undefined) return undefined
  const available = space.available === undefined ? {} : { availableBytes: space.available }
  return path === undefined ? { kind: 'disk', change, bytes: space.bytes, ...available } : { kind: 'disk', change, bytes: space.bytes, ...available, path }
}

/**
 * apt 3 summary space lines (§3.7): `  Space needed: 8254 kB / 78.9 GB available`, `  Space needed: 8254 kB`,
 * `  Freed space: 5131 kB`, and the per-mount line `  └─ in /boot:  42.0 MB / 1024 MB available`
 * (`   - in /boot:` in non-UTF-8 locales).
 */
export const summarySpaceRule: Rule<DiskLine> = {
  id: 'apt.plan.disk.summary',
  first: ' SF-',
  match(text: string): DiskLine | undefined {
    const t = text.trimStart()
    if (t.startsWith('Space needed: ')) return disk('used', spaceWithAvailable(t.slice(14)))
    if (t.startsWith('Freed space: ')) return disk('freed', spaceWithAvailable(t.slice(13)))
    let mount: string
    if (t.startsWith('└─ in ')) mount = t.slice(6)
    else if (t.startsWith('- in ')) mount = t.slice(5)
    else return undefined
    const colon = mount.indexOf(': ')
    if (colon <= 0) return undefined
    return disk('used', spaceWithAvailable(mount.slice(colon + 2).trimStart()), mount.slice(0, colon))
  },
}

const NOISE: NoiseLine = { kind: 'noise' }

/** apt 3's `Summary:` title: known, no event of its own (its lines are). */
export const summaryTitleRule: Rule<NoiseLine> = {
  id: 'apt.plan.summary',
  first: 'S',
  match: (text: string): NoiseLine | undefined => (text === 'Summary:' ? NOISE : undefined),
}

/** The second line of the essential-packages warning, consumed by the list that follows it. */
export const ESSENTIAL_WARNING_SECOND_LINE: string = ESSENTIAL_SECOND_LINE
