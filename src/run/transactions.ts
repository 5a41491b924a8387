/**
 * Cutting one stream context's apt/dpkg events into transactions (one per apt or dpkg run). The
 * log has no "command started" line, so boundaries come from what each command prints first:
 * `apt-get update` prints index `Get`/`Hit` lines and ends with `Reading package lists...`;
 * `apt-get install` starts with `Reading package lists...`, plans, downloads, runs dpkg; a bare
 * `dpkg -i` starts with dpkg lines.
 * @module
 */

import type { AptAcquireEvent, AptEvent, AptHistoryEvent, AptHistoryPackage, DpkgEvent, DpkgLogActionEvent } from '../events/index.ts'
import type { Interner } from './keep.ts'
import type { AptSource, Pkg, PlanCounts, Transaction, TransactionKind } from './types.ts'

type PlannedKey = 'new' | 'additional' | 'upgrade' | 'remove' | 'downgrade' | 'keptBack' | 'suggested' | 'recommended'

/**
 * Which `planned` lists each apt plan list feeds: apt 3's `Installing dependencies:` is both new
 * and additional (apt 2's NEW list holds the additional packages too); kept back gathers every
 * "not upgrading" wording. Lists not named here (held changes, autoremove hints) plan nothing.
 */
const LIST_TARGETS: ReadonlyMap<string, readonly PlannedKey[]> = new Map<string, readonly PlannedKey[]>([
  ['new', ['new']],
  ['install', ['new']],
  ['install-dependencies', ['new', 'additional']],
  ['extra', ['additional']],
  ['additional', ['additional']],
  ['upgrade', ['upgrade']],
  ['remove', ['remove']],
  ['essential-remove', ['remove']],
  ['downgrade', ['downgrade']],
  ['kept-back', ['keptBack']],
  ['not-upgrading', ['keptBack']],
  ['not-upgrading-phasing', ['keptBack']],
  ['phasing-deferred', ['keptBack']],
  ['suggested', ['suggested']],
  ['recommended', ['recommended']],
])

/** Plan lists whose packages are newly installed. */
const NEW_LISTS: ReadonlySet<string> = new Set(['new', 'install', 'install-dependencies', 'extra', 'additional'])

/** A transaction being built. */
export class TransactionBuilder {
  readonly step: string | null
  readonly line: number
  endLine: number
  private sawUpdateAcquire = false
  private sawRead = false
  private hasPlan = false
  private hasDpkg = false
  private hasApt = false
  private readonly lists: Record<PlannedKey, ListSet>
  private counts: PlanCounts | null = null
  /** Packages the counts line says dpkg will set up: upgraded, newly installed, downgraded, reinstalled. */
  private expectedSetUp = 0
  private downloadBytes: number | undefined
  private diskDeltaBytes: number | undefined
  private fetched: { bytes: number; seconds: number } | undefined
  private readonly sources = new Map<string, AptSource>()
  private readonly downloaded: Pkg[] = []
  private readonly unpacked: Pkg[] = []
  private readonly setUp: Pkg[] = []
  private readonly removed: Pkg[] = []
  /** `Processing triggers for …` lines: dpkg's last work in a run. */
  private triggers = 0
  /** Something after this run proved it over: the next run started, its docker step ended, or its log file said so. */
  private endSeen = false
  /** A history.log stanza: its lists are the whole plan. */
  private fromHistory = false
  /** Packages dpkg selected for the first time (`Selecting previously unselected package`). */
  readonly selected: Pkg[] = []
  /** Lines of the plan lists that name newly installed packages: the evidence for findings about them. */
  readonly newListLines: number[] = []

  private readonly strings: Interner

  /**
   * False past the summarizer's transaction cap: such a transaction is only counted, so it tracks
   * just what its boundaries need and keeps no packages (most of the run model's cost on a
   * gigabyte of concatenated builds).
   */
  private readonly detailed: boolean

  constructor(step: string | null, line: number, strings: Interner, detailed = true) {
    this.detailed = detailed
    this.step = step
    this.line = line
    this.endLine = line
    this.strings = strings
    const list = (): ListSet => new ListSet(strings)
    this.lists = { new: list(), additional: list(), upgrade: list(), remove: list(), downgrade: list(), keptBack: list(), suggested: list(), recommended: list() }
  }

  /**
   * Whether `event` belongs to a new transaction rather than this one. Called before `add`.
   */
  startsNew(event: AptEvent | DpkgEvent): boolean {
    switch (event.type) {
      case 'apt.phase':
        if (event.phase !== 'reading-package-lists') return false
        // The update's own tail: index lines, then one `Reading package lists...`.
        if (this.sawUpdateAcquire && !this.sawRead && !this.hasPlan && !this.hasDpkg) return false
        return this.sawRead || this.hasPlan || this.hasDpkg || this.sawUpdateAcquire
      case 'apt.acquire':
        if (event.target === 'package') return false
        return this.hasPlan || this.hasDpkg || (this.sawRead && !this.sawUpdateAcquire) || (this.sawUpdateAcquire && this.sawRead)
      case 'apt.plan.list':
      case 'apt.plan.counts':
        return this.hasDpkg
      default:
        return false
    }
  }

  /** Fold one apt or dpkg event in. */
  add(event: AptEvent | DpkgEvent): void {
    this.endLine = Math.max(this.endLine, event.endLine ?? event.line)
    if (event.type.startsWith('dpkg.')) this.hasDpkg = true
    else this.hasApt = true
    if (!this.detailed) {
      this.addBoundaryFacts(event)
      return
    }
    switch (event.type) {
      case 'apt.phase':
        if (event.phase === 'reading-package-lists') this.sawRead = true
        break
      case 'apt.acquire':
        this.addAcquire(event)
        break
      case 'apt.fetched': {
        const before = this.fetched ?? { bytes: 0, seconds: 0 }
        this.fetched = { bytes: before.bytes + event.bytes, seconds: before.seconds + event.seconds }
        break
      }
      case 'apt.plan.list':
        this.hasPlan = true
        this.addList(event.list, event.packages)
        if (NEW_LISTS.has(event.list)) for (let n = event.line; n <= (event.endLine ?? event.line); n++) this.newListLines.push(n)
        break
      case 'apt.plan.counts':
        this.hasPlan = true
        this.counts = { upgraded: event.upgraded, newlyInstalled: event.newlyInstalled, removed: event.removed, notUpgraded: event.notUpgraded }
        this.expectedSetUp = event.upgraded + event.newlyInstalled + (event.downgraded ?? 0) + (event.reinstalled ?? 0)
        break
      case 'apt.plan.download':
        this.hasPlan = true
        this.downloadBytes = event.bytes
        break
      case 'apt.plan.disk':
        this.hasPlan = true
        this.diskDeltaBytes = event.change === 'used' ? event.bytes : -event.bytes
        break
      case 'dpkg.progress': {
        if (event.action === 'trigger') {
          this.triggers++
          break
        }
        const list = event.action === 'unpack' ? this.unpacked : event.action === 'setup' ? this.setUp : event.action === 'remove' || event.action === 'purge' ? this.removed : event.action === 'select' ? this.selected : undefined
        if (list !== undefined && this.strings.admit()) list.push(pkgOf(this.strings, event.package, event.version, event.arch))
        break
      }
      default:
        break
    }
  }

  /** What `startsNew` and `kind` need, without any detail. */
  private addBoundaryFacts(event: AptEvent | DpkgEvent): void {
    switch (event.type) {
      case 'apt.phase':
        if (event.phase === 'reading-package-lists') this.sawRead = true
        break
      case 'apt.acquire':
        if (event.target !== 'package' && !this.hasPlan && !this.hasDpkg) this.sawUpdateAcquire = true
        break
      case 'apt.plan.list':
      case 'apt.plan.counts':
      case 'apt.plan.download':
      case 'apt.plan.disk':
        this.hasPlan = true
        break
      default:
        break
    }
  }

  private addAcquire(event: AptAcquireEvent): void {
    if (event.target === 'package') {
      if (event.result === 'get' && event.package !== undefined && this.strings.admit()) this.downloaded.push(pkgOf(this.strings, event.package, event.version, event.packageArch))
    } else if (!this.hasPlan && !this.hasDpkg) {
      this.sawUpdateAcquire = true
    }
    // Repositories as `apt-get update` names them (Release and index lines). `.deb` lines name the
    // same repository differently in apt 1.0 (full URI with path, where index lines have only the
    // host: FORMATS.md §2.2), so they would make one repository look like two.
    if (event.suite !== undefined && event.target !== 'package') {
      const component = event.component ?? ''
      const source = { uri: this.strings.of(event.uri), suite: this.strings.of(event.suite), component: this.strings.of(component) }
      const key = `${source.uri} ${source.suite} ${source.component}`
      if (!this.sources.has(key) && this.strings.admit()) this.sources.set(key, source)
    }
  }

  private addList(list: string, packages: readonly string[]): void {
    for (const target of LIST_TARGETS.get(list) ?? []) this.lists[target].addAll(packages)
  }

  /**
   * A history.log stanza is a whole apt run. Its package lists are the plan; when the stanza
   * finished without `Error:`, dpkg got every package through, so they are also unpacked and set
   * up (or removed). A failed stanza cannot say which got through: plan only.
   */
  addHistory(event: AptHistoryEvent): void {
    this.hasApt = true
    this.hasPlan = true
    this.fromHistory = true
    // `End-Date:` closes a stanza apt finished writing (a run still going, or killed, has none).
    if (event.endDate !== undefined) this.endSeen = true
    this.endLine = Math.max(this.endLine, event.endLine ?? event.line)
    const names = (entries: readonly AptHistoryPackage[] | undefined): string[] => (entries ?? []).map((e) => e.name)
    this.lists.new.addAll(names(event.install))
    this.lists.additional.addAll(names(event.install?.filter((e) => e.automatic === true)))
    this.lists.upgrade.addAll(names(event.upgrade))
    this.lists.downgrade.addAll(names(event.downgrade))
    this.lists.remove.addAll([...names(event.remove), ...names(event.purge)])
    if (event.endDate === undefined || event.error !== undefined) return
    const pkgs = (entries: readonly AptHistoryPackage[] | undefined): Pkg[] => (entries ?? []).filter(() => this.strings.admit()).map((e) => pkgOf(this.strings, e.name, e.version, e.arch))
    const installed = [...pkgs(event.install), ...pkgs(event.reinstall), ...pkgs(event.upgrade), ...pkgs(event.downgrade)]
    this.unpacked.push(...installed)
    this.setUp.push(...installed)
    this.removed.push(...pkgs(event.remove), ...pkgs(event.purge))
  }

  /** A term.log run (`Log started:`) is an apt run even though only dpkg's output is in it. */
  markApt(): void {
    this.hasApt = true
  }

  /** A dpkg.log action, mapped as the console's Unpacking / Setting up / Removing lines are. */
  addDpkgLogAction(event: DpkgLogActionEvent): void {
    this.hasDpkg = true
    this.endLine = Math.max(this.endLine, event.line)
    if (!this.strings.admit()) return
    if (event.action === 'install' || event.action === 'upgrade') this.unpacked.push(pkgOf(this.strings, event.package, event.availableVersion, event.arch))
    else if (event.action === 'configure') this.setUp.push(pkgOf(this.strings, event.package, event.installedVersion, event.arch))
    else if (event.action === 'remove' || event.action === 'purge' || event.action === 'disappear') this.removed.push(pkgOf(this.strings, event.package, event.installedVersion, event.arch))
  }

  /** Something after this run proves it is over (the next run started, its step ended, its log file closed it). */
  markEnded(): void {
    this.endSeen = true
  }

  /**
   * True when the log shows this run's end, so what it did is all there: something after it
   * ({@link markEnded}), or its own output —
   * - a plan's counts (`0 upgraded, 36 newly installed, 0 to remove …`, with downgraded and
   *   reinstalled where printed) that dpkg's `Setting up` and `Removing` lines have reached: every
   *   package apt counted went through;
   * - without counts (`dpkg -i`, `apt-get -qq`, a tail excerpt): every package dpkg selected or
   *   unpacked was set up, and it set up, removed or ran triggers for something. apt may run dpkg
   *   again after that (a Pre-Depends first: trixie-l3), which no line announces: a plan-less run
   *   cut between two dpkg runs looks ended;
   * - `apt-get update`: its index lines and the `Reading package lists...` that closes them.
   * A run cut in the middle (a plan, some `Unpacking` lines, nothing after) shows none of these.
   */
  showsEnd(): boolean {
    if (this.endSeen) return true
    if (!this.detailed) return false
    if (this.counts !== null) {
      // A purge prints `Removing x` and then `Purging configuration files for x`: count names.
      return this.setUp.length >= this.expectedSetUp && (this.counts.removed === 0 || new Set(this.removed.map((p) => p.name)).size >= this.counts.removed)
    }
    if (this.hasDpkg) {
      if (this.setUp.length + this.removed.length + this.triggers === 0) return false
      const setUp = new Set(this.setUp.map((p) => p.name))
      return this.unpacked.every((p) => setUp.has(p.name)) && this.selected.every((p) => setUp.has(p.name))
    }
    return this.sawUpdateAcquire && this.sawRead
  }

  /**
   * True when the plan is whole: apt printed its counts line (after every list), the run came from
   * a history.log stanza, or it printed no plan and only dpkg's lines say what it installs (then
   * {@link showsEnd} says whether they are all there).
   */
  planComplete(): boolean {
    return this.counts !== null || this.fromHistory || (!this.hasPlan && this.hasDpkg)
  }

  /** What the transaction looks like. */
  kind(): TransactionKind {
    const l = this.lists
    if (l.new.size > 0 || this.selected.length > 0) return 'install'
    if (l.upgrade.size > 0 || l.downgrade.size > 0) return 'upgrade'
    if (l.remove.size > 0 || this.removed.length > 0) return 'remove'
    if (this.hasDpkg || this.setUp.length + this.unpacked.length > 0) return this.hasApt ? 'install' : 'dpkg'
    if (this.sawUpdateAcquire) return 'update'
    return 'other'
  }

  /** Packages this run newly installs, from every kind of evidence (plan lists, dpkg selections). */
  newlyInstalledNames(): string[] {
    return [...new Set([...this.lists.new.values(), ...this.lists.additional.values(), ...this.selected.map((p) => p.name)])]
  }

  /** The finished, immutable transaction. */
  build(): Transaction {
    const l = this.lists
    const tx: {
      -readonly [K in keyof Transaction]: Transaction[K]
    } = {
      step: this.step,
      kind: this.kind(),
      planned: {
        new: l.new.values(),
        additional: l.additional.values(),
        upgrade: l.upgrade.values(),
        remove: l.remove.values(),
        downgrade: l.downgrade.values(),
        keptBack: l.keptBack.values(),
        suggested: l.suggested.values(),
        recommended: l.recommended.values(),
      },
      counts: this.counts,
      sources: [...this.sources.values()],
      downloaded: this.downloaded,
      unpacked: this.unpacked,
      setUp: this.setUp,
      removed: this.removed,
      line: this.line,
      endLine: this.endLine,
    }
    if (this.downloadBytes !== undefined) tx.downloadBytes = this.downloadBytes
    if (this.diskDeltaBytes !== undefined) tx.diskDeltaBytes = this.diskDeltaBytes
    if (this.fetched !== undefined) tx.fetched = this.fetched
    return tx
  }
}

/** An insertion-ordered set of names. */
class ListSet {
  private readonly seen = new Set<string>()
  private readonly strings: Interner
  constructor(strings: Interner) {
    this.strings = strings
  }
  addAll(names: readonly string[]): void {
    for (const name of names) {
      const kept = this.strings.of(name)
      if (!this.seen.has(kept) && this.strings.admit()) this.seen.add(kept)
    }
  }
  values(): string[] {
    return [...this.seen]
  }
  get size(): number {
    return this.seen.size
  }
}

/** A package record without absent fields, its strings kept through `strings`. */
export function pkgOf(strings: Interner, name: string, version: string | undefined, arch: string | undefined): Pkg {
  const n = strings.of(name)
  if (version === undefined && arch === undefined) return { name: n }
  if (arch === undefined) return { name: n, version: strings.of(version as string) }
  if (version === undefined) return { name: n, arch: strings.of(arch) }
  return { name: n, version: strings.of(version), arch: strings.of(arch) }
}
