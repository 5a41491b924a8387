/**
 * The run model: what one log says happened, folded from its events. JSON-serialisable and stable
 * (field names are read by other tools; documented in docs/run-model.md).
 * @module
 */

import type { EnvFactKind, EnvSource } from '../events/env.ts'
import type { Problem } from '../events/problem.ts'
import type { FindingKind } from './finding-kinds.ts'

export type { Problem } from '../events/problem.ts'
export type { FindingKind } from './finding-kinds.ts'

/** A package as dpkg or apt named it, `:arch` split off. */
export interface Pkg {
  /** Package name without architecture. */
  readonly name: string
  /** Version, with epoch. */
  readonly version?: string | undefined
  /** Architecture, when the log printed one. */
  readonly arch?: string | undefined
}

/** How a step ended. `unknown` when the log never said (cut log, no end line). */
export type StepStatus = 'done' | 'cached' | 'error' | 'canceled' | 'unknown'

/** A docker build step, or the single pseudo-step of a log without docker framing. */
export interface Step {
  /** Step id: `#5` (BuildKit), `5` (legacy), `log` for a plain log. */
  readonly id: string
  /** Build stage. */
  readonly stage?: string | undefined
  /** Dockerfile instruction (`RUN apt-get update`); `null` for internal vertices and plain logs. */
  readonly instruction: string | null
  /** Vertex or step name as printed (`[2/4] RUN …`). */
  readonly name?: string | undefined
  /** Outcome. */
  readonly status: StepStatus
  /** Duration in milliseconds, when the log gave one. */
  readonly durationMs?: number | undefined
  /** Exit code of a failed RUN. */
  readonly exitCode?: number | undefined
  /** First line of the step in the log. */
  readonly line: number
}

/** The package lists of one apt run's plan, names as apt printed them. */
export interface Planned {
  /** Every package newly installed (apt 2 NEW list; apt 3 `Installing:` + `Installing dependencies:`). */
  readonly new: readonly string[]
  /** apt 2 extra/additional list, apt 3 `Installing dependencies:`. */
  readonly additional: readonly string[]
  /** Upgraded packages. */
  readonly upgrade: readonly string[]
  /** Removed (or purged) packages. */
  readonly remove: readonly string[]
  /** Downgraded packages. */
  readonly downgrade: readonly string[]
  /** Kept back / not upgrading. */
  readonly keptBack: readonly string[]
  /** Suggested packages (alternatives kept whole: `a | b`). */
  readonly suggested: readonly string[]
  /** Recommended packages. */
  readonly recommended: readonly string[]
}

/** The summary counts apt printed. */
export interface PlanCounts {
  /** Upgraded. */
  readonly upgraded: number
  /** Newly installed. */
  readonly newlyInstalled: number
  /** To remove. */
  readonly removed: number
  /** Not upgraded. */
  readonly notUpgraded: number
}

/**
 * What a transaction did, from what it printed: `update` (index downloads only), `install` (new
 * packages), `upgrade` (upgrades or downgrades, nothing new), `remove`, `dpkg` (dpkg output with no
 * apt lines: `dpkg -i`, `apt-get -qq`), `other` (apt stopped before a plan: an error, a lock).
 */
export type TransactionKind = 'update' | 'install' | 'upgrade' | 'remove' | 'dpkg' | 'other'

/** One apt or dpkg run, in log order. */
export interface Transaction {
  /** Docker step id, or `null` outside docker steps. */
  readonly step: string | null
  /** What kind of run this looks like. */
  readonly kind: TransactionKind
  /** The plan's package lists (empty lists when nothing was planned). */
  readonly planned: Planned
  /** The summary counts, or `null` when none was printed. */
  readonly counts: PlanCounts | null
  /** `Need to get` / `Download size` bytes. */
  readonly downloadBytes?: number | undefined
  /** Disk space change in bytes: positive used, negative freed. */
  readonly diskDeltaBytes?: number | undefined
  /** `Fetched X in Ys`, summed when printed more than once. */
  readonly fetched?: { readonly bytes: number; readonly seconds: number } | undefined
  /** Repositories from the Release and index lines of Get/Hit/Ign/Err (what `update` talked to), first seen first. */
  readonly sources: readonly AptSource[]
  /** Packages downloaded (`Get:` lines of `.deb` files). */
  readonly downloaded: readonly Pkg[]
  /** dpkg `Unpacking` events. */
  readonly unpacked: readonly Pkg[]
  /** dpkg `Setting up` events. */
  readonly setUp: readonly Pkg[]
  /** dpkg `Removing` / `Purging` events. */
  readonly removed: readonly Pkg[]
  /** First and last line of the transaction's evidence. */
  readonly line: number
  /** Last line. */
  readonly endLine: number
}

/** A repository apt talked to. */
export interface AptSource {
  /** URI as printed. */
  readonly uri: string
  /** Suite (`bookworm`, `./`). */
  readonly suite: string
  /** Component, `''` for flat repositories. */
  readonly component: string
}

/** What every finding has: its stable kind and one sentence. */
export interface FindingBase<K extends FindingKind> {
  /** Stable kind (docs/run-model.md). */
  readonly kind: K
  /** One sentence a person can act on. */
  readonly message: string
}

/**
 * `run.essential-packages-planned`: apt plans packages every base system already has: the image's
 * dpkg database is not its base image's.
 */
export interface EssentialPackagesFinding extends FindingBase<'run.essential-packages-planned'> {
  /** The base-system packages planned, Essential ones first. */
  readonly packages: readonly string[]
  /** The plan lists that name them. */
  readonly lines: readonly number[]
}

/** `run.dpkg-unfinished`: dpkg.log leaves packages half-installed or unconfigured. */
export interface DpkgUnfinishedFinding extends FindingBase<'run.dpkg-unfinished'> {
  /** The packages left unfinished. */
  readonly packages: readonly string[]
  /** The dpkg.log line of each one's last state, in the same order. */
  readonly lines: readonly number[]
}

/** `run.apt-generation`: which apt generation printed the run. */
export interface AptGenerationFinding extends FindingBase<'run.apt-generation'> {
  /** The generation. */
  readonly generation: AptGeneration
}

/** `run.apt-sources`: the repositories apt talked to. */
export interface AptSourcesFinding extends FindingBase<'run.apt-sources'> {
  /** Repositories, first seen first. */
  readonly sources: readonly AptSource[]
}

/** `diff.packages-planned`: run B installs other packages than run A. */
export interface PackagesPlannedFinding extends FindingBase<'diff.packages-planned'> {
  /** Packages newly installed only in run B. */
  readonly packages: readonly string[]
}

/** `diff.essential-packages-planned`: only run B plans base-system packages (run B's own finding, restated). */
export interface DiffEssentialPackagesFinding extends FindingBase<'diff.essential-packages-planned'> {
  /** Run B's base-system packages, Essential ones first. */
  readonly packages: readonly string[]
  /** Run B's plan lists that name them. */
  readonly lines: readonly number[]
  /** The run the `lines` belong to. */
  readonly run: 'b'
}

/** `diff.apt-generation-changed`: the runs were printed by different apt generations. */
export interface AptGenerationChangedFinding extends FindingBase<'diff.apt-generation-changed'> {
  /** Run B's generation. */
  readonly generation: AptGeneration
}

/** The kinds whose finding is its sentence alone (every `env.*` kind and the other `diff.*` ones). */
export type MessageFindingKind = Exclude<
  FindingKind,
  (EssentialPackagesFinding | DpkgUnfinishedFinding | AptGenerationFinding | AptSourcesFinding | PackagesPlannedFinding | DiffEssentialPackagesFinding | AptGenerationChangedFinding)['kind']
>

/** A finding that is its sentence alone. */
export interface MessageFinding extends FindingBase<MessageFindingKind> {}

/**
 * A conclusion drawn from the whole run, or from the comparison of two: a discriminated union on
 * `kind` like the events, so the fields a kind carries are known once `kind` is checked.
 */
export type Finding =
  | EssentialPackagesFinding
  | DpkgUnfinishedFinding
  | AptGenerationFinding
  | AptSourcesFinding
  | PackagesPlannedFinding
  | DiffEssentialPackagesFinding
  | AptGenerationChangedFinding
  | MessageFinding

/**
 * Facts the run model adds from docker events (the base image a `FROM` resolved to, the builder)
 * and from apt's own output: `apt-language`, the language apt and dpkg printed in (`en`, or the
 * `locale` of their translated lines: `de`, `ja` …; docs/locales.md).
 */
export type DockerFactKind = 'base-image' | 'base-image-id' | 'builder' | 'apt-language'

/**
 * One environment fact. `scope` tells the machine (`host`: printed outside any docker step, such
 * as `uname -a` before the build) from the image (`image`: printed inside a step, or the base image).
 */
export interface EnvFact {
  /** Which fact. */
  readonly fact: EnvFactKind | DockerFactKind
  /** Its value as printed. */
  readonly value: string
  /** Host or image. */
  readonly scope: 'host' | 'image'
  /** Where it came from (`uname`, `docker-info`, `docker-build` …). */
  readonly source: EnvSource | 'docker-build' | 'apt-output'
  /** The line that says it. */
  readonly line: number
}

/**
 * One repository of the run (a URI and suite of apt's acquire lines), over every apt run of the log:
 * what it served and whether it failed.
 */
export interface Repository {
  /** The URI as apt printed it (`http://deb.debian.org/debian`, `file:/repo`). */
  readonly uri: string
  /** The suite (`bookworm`, `bookworm-security`; `./` for a flat repository). */
  readonly suite: string
  /** `failed`: only `Err`/`Ign` lines and at least one `Err`; `partial`: some `Err` lines among `Hit`/`Get`; `ok`: no `Err`. */
  readonly status: 'ok' | 'partial' | 'failed'
  /** `Hit` lines (index unchanged). */
  readonly hit: number
  /** `Get` lines (indexes and packages downloaded). */
  readonly get: number
  /** `Ign` lines (an optional file missing, or a failure apt ignored). */
  readonly ign: number
  /** `Err` lines. */
  readonly err: number
  /** Bytes of its `Get` lines. */
  readonly bytes: number
  /** Packages downloaded from it. */
  readonly packages: number
  /** Package downloads that failed (`Err` lines of `.deb` files): the repository failed the install itself, not only `update`. */
  readonly failedPackages: number
  /** The first `Err`'s cause, as problems name it (`connection-refused`, `dns`, `http-404` …). */
  readonly cause?: string | undefined
  /** The first `Err`'s error text, as apt printed it under the line. */
  readonly error?: string | undefined
  /** The line of the first `Err`. */
  readonly errorLine?: number | undefined
  /** The first line that names it. */
  readonly line: number
}

/** apt generations whose output differs: 1.0 (jessie, trusty), 1.1–2.x, 3.x. */
export type AptGeneration = '1.0' | '1.1-2.x' | '3.x'

/** The run model. */
export interface RunSummary {
  /**
   * `failure` when the log shows a failed build or a fatal apt/dpkg error; warnings alone leave
   * `success`, which also needs the log to show its end (a docker build's end, or each apt/dpkg
   * run's: docs/run-model.md); `unknown` when the log proves neither (an excerpt cut mid-run).
   */
  readonly outcome: 'success' | 'failure' | 'unknown'
  /** The first fatal problem that is not a consequence of another, or `null`. */
  readonly rootCause: Problem | null
  /** Every problem, in log order (with an `Err:` block made a problem where only it states a later failure's cause). */
  readonly problems: readonly Problem[]
  /** Conclusions drawn from the whole run. */
  readonly findings: readonly Finding[]
  /** Docker steps in log order (one `log` step for a plain log). */
  readonly steps: readonly Step[]
  /** apt/dpkg runs in log order. */
  readonly transactions: readonly Transaction[]
  /** apt generation seen in the log, when any apt output was. */
  readonly aptGeneration: AptGeneration | null
  /** Environment facts, the first of each kind and scope, in log order (docs/environment.md). */
  readonly environment: readonly EnvFact[]
  /** Repositories apt fetched from, in the order first named, with what each served and whether it failed. */
  readonly repositories: readonly Repository[]
  /** Physical lines in the log. */
  readonly lines: number
  /** Lines no rule recognised. */
  readonly unrecognized: number
  /**
   * Of those, lines shaped like apt or dpkg output (a language or version aptlog does not read);
   * present only when there were some.
   */
  readonly unrecognizedAptLike?: number | undefined
  /**
   * Entries past the summarizer's limits, counted but not kept (present only when some were);
   * `entries`: packages, sources and repositories past the run's 500 000 (present only when some were).
   */
  readonly omitted?: { readonly steps: number; readonly transactions: number; readonly problems: number; readonly entries?: number | undefined } | undefined
}
