/**
 * The dpkg grammar of one stream context: every line dpkg 1.17 … 1.23 prints (FORMATS.md §5),
 * under apt's pty (CR frames already resolved) or on its own, turned into `dpkg.*` events and the
 * problems they prove.
 *
 * Lines outside a block go through {@link LINE_RULES}; a header opens a block (error, dependency
 * problems, pre-dependency, summary, multi-line report) that takes the following lines until one
 * is not its own. The grammar remembers a little context between lines: the package being set up
 * (for `Installing new version of config file …`), the package just selected and whether this dpkg
 * run uses apt's numbered links (to decode `.deb` names), the block that closed just before an
 * error header (its detail goes into the error's problem), and whether this run's full disk was
 * already reported.
 * @module
 */

import type { AptLogEvent, LineContext, LineLocale } from '../events/index.ts'
import type { DpkgDatabaseEvent, DpkgDependencyProblemsEvent, DpkgPreDependencyEvent, DpkgProgressEvent } from '../events/dpkg.ts'
import { startEvent } from '../grammar/event.ts'
import { createDispatch, type RuleHit } from '../grammar/rules.ts'
import { wants, type Emit, type Grammar } from '../grammar/types.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, type Verdict } from '../grammar/verdict.ts'
import { cLine } from '../locale/lines.ts'
import type { LocaleLineMatch } from '../locale/matcher.ts'
import { createLocaleTally, type LocaleTally, type LocalizedGrammar } from '../locale/tally.ts'
import { problemEvent, REJECTED, TAKEN, TAKEN_LAST, type DpkgSink, type OpenBlock } from './block.ts'
import { baseName, decodeDebPath } from './deb-filename.ts'
import { openDependencyProblemsBlock } from './dependency-problems.ts'
import { openErrorBlock, type RecentPackage } from './error-block.ts'
import { openSummaryBlock } from './errors-summary.ts'
import { looksLikeDpkg } from './familiar.ts'
import type { DpkgLineLine, ProgressLine } from './hits.ts'
import type { PackageRef } from './package-ref.ts'
import { openPreDependencyBlock } from './pre-dependency.ts'
import { openReport } from './report-block.ts'
import { LINE_RULES } from './rules.ts'
import { isBlank } from '../lines/chars.ts'

const DISPATCH = createDispatch(LINE_RULES)

/** The file name without its directory and `.deb`: the last resort for a `prepare` line's package. */
function fileStem(path: string): string {
  const name = baseName(path)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/** The C text of a translated dpkg line (`Entpacken von x (1.0) ...` → `Unpacking x (1.0) ...`). */
function englishOf(match: LocaleLineMatch): string | undefined {
  return match.id.startsWith('dpkg.') ? cLine(match.id, match.shape, match.fields) : undefined
}

/**
 * Create the dpkg grammar for one stream context. `tally` is the context's locale tally: a
 * translated dpkg line (docs/locales.md) is read as its C text through the same rules and blocks,
 * its events marked with the language and its line rule named `locale.<template>`.
 */
export function createDpkgGrammar(emit: Emit, tally: LocaleTally = createLocaleTally()): Grammar & LocalizedGrammar {
  let open: OpenBlock | undefined
  /** The language of the open block's first line, when it was translated: its lines are translated too. */
  let openLocale: LineLocale | undefined
  /** The language of the line being read, when it is a translated one. */
  let lineLocale: LineLocale | undefined
  /** What `preceding` held before `recognise` cleared it for line `clearedAt` (a translated line is read after). */
  let clearedAt = 0
  let clearedPreceding: DpkgPreDependencyEvent | DpkgDependencyProblemsEvent | undefined
  /** The pre-dependency or dependency-problems block that closed last, until the next line. */
  let preceding: DpkgPreDependencyEvent | DpkgDependencyProblemsEvent | undefined
  /** This dpkg run's `.deb` names are apt's numbered links (`00-libbsd0_…`). */
  let numberedLinks = false
  /** `Selecting previously unselected package x.` just before a `Preparing to unpack` line. */
  let selected: string | undefined
  /** The package of the last `Setting up` line: config files belong to it. */
  let configuring: PackageRef | undefined
  /**
   * The package and version of the last progress line that printed one: an error header names
   * only the package. Kept as the line's own ref and version (an error block builds its
   * `RecentPackage` from them), not a new object per progress line.
   */
  let recentRef: PackageRef | undefined
  let recentVersion: string | undefined
  /** This dpkg run's `disk.full` problem was emitted. */
  let diskFullReported = false
  /**
   * An error was reported since the last `Errors were encountered` summary (which then repeats it).
   * Not reset at `(Reading database …`: dpkg reads it again within one run (D18: a pre-dependency
   * error, then `Unpacking loop2-app`, then the summary that lists the first).
   */
  let errorReported = false
  // Progress and database events are most of a log's events: not built when the consumer did not select them.
  const buildProgress = wants(emit, 'dpkg.progress')
  const buildDatabase = wants(emit, 'dpkg.database')

  /** The open block is being closed by the end of its input before dpkg finished printing it. */
  let cutting = false
  /** Emit, marking the events of a translated line or block with their language, and of a cut block. */
  const out = (event: AptLogEvent): void => {
    const locale = lineLocale ?? openLocale
    let marked = locale === undefined ? event : { ...event, locale }
    if (cutting) marked = { ...marked, cut: true }
    emit(marked)
  }
  const sink: DpkgSink = {
    event: (event) => out(event),
    problem: (evidence, fields) => {
      if (fields.severity === 'error') errorReported = true
      out(problemEvent(evidence, fields))
    },
  }
  const claimDiskFull = (): boolean => {
    if (diskFullReported) return false
    diskFullReported = true
    return true
  }
  const remember = (event: DpkgPreDependencyEvent | DpkgDependencyProblemsEvent): void => {
    preceding = event
  }
  const isDpkgLine = (text: string): boolean => DISPATCH.match(text) !== undefined

  function closeOpen(): void {
    const block = open
    open = undefined
    block?.close()
    openLocale = undefined
  }

  function progress(hit: ProgressLine, ctx: LineContext, rule: string): Verdict {
    let ref = hit.ref
    let version = hit.version
    if (hit.action === 'prepare' && hit.file !== undefined) {
      const decoded = decodeDebPath(hit.file, { numbered: numberedLinks, expectedPackage: selected })
      if (decoded !== undefined) {
        if (decoded.numbered) numberedLinks = true
        ref = { name: decoded.package, arch: decoded.arch }
        version = decoded.version
      } else {
        ref = { name: selected ?? fileStem(hit.file) }
      }
      selected = undefined
    } else if (hit.action === 'conffile') {
      // The line names only the file; dpkg prints it while setting up that package (configure.c).
      if (configuring === undefined) return IGNORED
      ref = configuring
    }
    if (ref === undefined) return UNRECOGNIZED
    if (hit.action === 'select') selected = ref.name
    if (hit.action === 'setup') configuring = ref
    if (version !== undefined) {
      recentRef = ref
      recentVersion = version
    }

    if (!buildProgress) return CONSUMED
    // Built by assignment, not spread: 55 % of all events are dpkg progress (see grammar/event.ts).
    const event = startEvent<DpkgProgressEvent>('dpkg.progress', ctx, rule)
    event.action = hit.action
    event.package = ref.name
    if (ref.arch !== undefined) event.arch = ref.arch
    if (version !== undefined) event.version = version
    if (hit.fromVersion !== undefined) event.fromVersion = hit.fromVersion
    if (hit.file !== undefined) event.file = hit.file
    if (hit.toAllow !== undefined) {
      const other = hit.toAllow
      event.toAllow = other.ref.arch === undefined
        ? { action: other.action, package: other.ref.name, version: other.version }
        : { action: other.action, package: other.ref.name, arch: other.ref.arch, version: other.version }
    }
    out(event)
    return CONSUMED
  }

  /** The last progress line's package and version, for an error header that names only the package. */
  function recentPackage(): RecentPackage | undefined {
    return recentRef === undefined || recentVersion === undefined ? undefined : { name: recentRef.name, arch: recentRef.arch, version: recentVersion }
  }

  /** Read a translated line as its C text, through the English rules. */
  function readTranslated(match: LocaleLineMatch, ctx: LineContext, before: typeof preceding): Verdict {
    const english = englishOf(match)
    const hit = english === undefined ? undefined : DISPATCH.match(english)
    if (hit === undefined) return UNRECOGNIZED
    lineLocale = tally.localeOf(match)
    const verdict = readLine(ctx, before, hit, `locale.${match.id}`)
    lineLocale = undefined
    if (verdict !== UNRECOGNIZED) tally.count(match)
    return verdict
  }

  /** Read a line outside any block that `hit` matched (`localeRule` names a translated line's template instead of the English rule). */
  function readLine(ctx: LineContext, before: typeof preceding, hit: RuleHit<DpkgLineLine>, localeRule?: string): Verdict {
    const rule = localeRule ?? hit.rule.id
    const value = hit.value
    switch (value.kind) {
      case 'progress':
        return progress(value, ctx, rule)
      case 'database': {
        // A new dpkg invocation: its archives are numbered (or not) afresh, its disk may fill anew.
        numberedLinks = false
        diskFullReported = false
        if (!buildDatabase) return CONSUMED
        const event = startEvent<DpkgDatabaseEvent>('dpkg.database', ctx, rule)
        event.files = value.files
        out(event)
        return CONSUMED
      }
      case 'database-frame':
      case 'noise':
        return IGNORED
      case 'error-header':
        open = openErrorBlock(value, ctx, rule, { sink, isDpkgLine, preceding: before, hints: { numbered: numberedLinks }, claimDiskFull, recent: recentPackage() })
        break
      case 'prevent-header':
        open = openDependencyProblemsBlock(value, ctx, rule, sink, remember)
        break
      case 'regarding':
        open = openPreDependencyBlock(value, ctx, rule, sink, { numbered: numberedLinks }, remember)
        break
      case 'summary-header':
        open = openSummaryBlock(ctx, rule, {
          sink,
          unexplained: () => !errorReported,
          hints: { numbered: numberedLinks },
          onClose: () => {
            diskFullReported = false
            errorReported = false
          },
        })
        break
      case 'warning':
      case 'fatal':
      case 'message':
        open = openReport(value, ctx, rule, { sink, claimDiskFull })
        break
    }
    openLocale = lineLocale
    return CONSUMED
  }

  /** Offer a line to the open block; a block opened by a translated line is offered the line's C text. */
  function offer(block: OpenBlock, text: string, ctx: LineContext): ReturnType<OpenBlock['offer']> {
    if (openLocale !== undefined) {
      const match = tally.match(text)
      const english = match === undefined ? undefined : englishOf(match)
      if (match !== undefined && english !== undefined) {
        const step = block.offer(english, ctx)
        if (step !== REJECTED) tally.count(match)
        return step
      }
    }
    return block.offer(text, ctx)
  }

  return {
    hasOpenBlock: (): boolean => open !== undefined,

    continueBlock(text: string, ctx: LineContext): Verdict {
      if (open === undefined) return UNRECOGNIZED
      const step = offer(open, text, ctx)
      if (step === TAKEN) return CONSUMED
      closeOpen()
      return step === TAKEN_LAST ? CONSUMED : UNRECOGNIZED
    },

    recognise(text: string, ctx: LineContext): Verdict {
      // Extra blank lines between a dependency block and its error keep the block's detail.
      if (isBlank(text)) return UNRECOGNIZED
      const before = preceding
      preceding = undefined
      clearedAt = ctx.line
      clearedPreceding = before
      const hit = DISPATCH.match(text)
      if (hit === undefined) return UNRECOGNIZED
      // `dpkg: Fehler beim Bearbeiten des Paketes x (--configure):` is also `<program>: <text>` to
      // the catch-all rule: a translated header the locale tables know is read as the header.
      if (hit.value.kind === 'message') {
        const match = tally.match(text)
        if (match !== undefined && readTranslated(match, ctx, before) !== UNRECOGNIZED) return CONSUMED
      }
      return readLine(ctx, before, hit)
    },

    recogniseLocalized(_text: string, match: LocaleLineMatch, ctx: LineContext): Verdict {
      return readTranslated(match, ctx, clearedAt === ctx.line ? clearedPreceding : preceding)
    },

    flush(): void {
      cutting = open?.unfinished?.() === true
      closeOpen()
      cutting = false
      preceding = undefined
    },

    looksFamiliar: (text: string): boolean => looksLikeDpkg(text),
  }
}
