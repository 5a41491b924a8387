/**
 * apt's informational lines (FORMATS.md §3.5, §3.6, §3.8, §4.2): already newest, manually
 * installed, the `apt` CLI banner, update statistics, the virtual-package and "not available"
 * blocks, autoremove and fix-broken hints, lock waiting, the prompt, simulation lines.
 * @module
 */

import type { AptNoteKind } from '../events/apt.ts'
import type { Rule } from '../grammar/rules.ts'
import type { NoteBlockKind, NoteLine, PromptLine, SimulateLine } from './line-kinds.ts'

function note(kind: AptNoteKind, text: string, extra?: { package?: string | undefined; version?: string | undefined; block?: NoteBlockKind }): NoteLine {
  const out: { kind: 'note'; note: AptNoteKind; text: string; package?: string; version?: string; block?: NoteBlockKind } = { kind: 'note', note: kind, text }
  if (extra?.package !== undefined) out.package = extra.package
  if (extra?.version !== undefined) out.version = extra.version
  if (extra?.block !== undefined) out.block = extra.block
  return out
}

// apt ≥ 1.1 adds the version in parentheses; 1.0 printed none (§3.6).
const ALREADY_NEWEST = /^(\S+) is already the newest version(?: \((\S+)\))?\.$/

/** `openssh-client is already the newest version (1:9.2p1-2+deb12u10).` */
export const alreadyNewestRule: Rule<NoteLine> = {
  id: 'apt.note.already-newest',
  first: 'abcdefghijklmnopqrstuvwxyz0123456789',
  match(text: string): NoteLine | undefined {
    if (!text.endsWith(').') && !text.endsWith(' version.')) return undefined
    const m = ALREADY_NEWEST.exec(text)
    return m === null ? undefined : note('already-newest', text, { package: m[1], version: m[2] })
  },
}

const MANUAL = /^(\S+) set to manually installed\.$/

/** `openssh-client set to manually installed.` */
export const manuallyInstalledRule: Rule<NoteLine> = {
  id: 'apt.note.set-manually-installed',
  first: 'abcdefghijklmnopqrstuvwxyz0123456789',
  match(text: string): NoteLine | undefined {
    if (!text.endsWith(' set to manually installed.')) return undefined
    const m = MANUAL.exec(text)
    return m === null ? undefined : note('set-manually-installed', text, { package: m[1] })
  },
}

/** The `apt` binary's stderr banner without a tty (§3.8; apt 1.0 said `interface yet.`; gone in 3.3). */
export const cliUnstableRule: Rule<NoteLine> = {
  id: 'apt.note.cli-unstable',
  first: 'W',
  match(text: string): NoteLine | undefined {
    if (text === 'WARNING: apt does not have a stable CLI interface. Use with caution in scripts.' || text === 'WARNING: apt does not have a stable CLI interface yet. Use with caution in scripts.') {
      return note('cli-unstable', text)
    }
    return undefined
  },
}

const UPGRADABLE = /^(\d{1,9}) packages? can be upgraded\. Run 'apt list --upgradable' to see (?:them|it)\.$/

/** `apt update`'s tail: `All packages are up to date.` / `6 packages can be upgraded. Run 'apt list --upgradable' to see them.` */
export const updateStatsRule: Rule<NoteLine> = {
  id: 'apt.note.update-stats',
  first: 'A0123456789',
  match(text: string): NoteLine | undefined {
    if (text === 'All packages are up to date.') return note('up-to-date', text)
    return UPGRADABLE.test(text) ? note('upgradable', text) : undefined
  },
}

const VIRTUAL = /^Package (\S+) is a virtual package provided by:$/
const NOT_AVAILABLE = /^Package (\S+) is not available, but is referred to by another package\.$/
const NOT_INSTALLED = /^Package '?([^' ]+)'? is not installed, so not removed/

/**
 * `Package mail-transport-agent is a virtual package provided by:` (+ provider lines),
 * `Package bash is not available, but is referred to by another package.` (+ its explanation),
 * `Package 'x' is not installed, so not removed`.
 */
export const packageNoteRule: Rule<NoteLine> = {
  id: 'apt.note.package',
  first: 'P',
  match(text: string): NoteLine | undefined {
    if (!text.startsWith('Package ')) return undefined
    let m = VIRTUAL.exec(text)
    if (m !== null) return note('virtual-package', text, { package: m[1], block: 'virtual-package' })
    m = NOT_AVAILABLE.exec(text)
    if (m !== null) return note('not-available', text, { package: m[1], block: 'not-available' })
    m = NOT_INSTALLED.exec(text)
    return m === null ? undefined : note('not-installed', text, { package: m[1] })
  },
}

const AUTOREMOVE_USE = /^Use '(?:sudo )?apt(?:-get)? autoremove' to remove (?:it|them)\.$/
const AUTOREMOVE_COUNT = /^\d{1,9} packages? (?:was|were) automatically installed and (?:is|are) no longer required\.$/

/** `Use 'apt autoremove' to remove them.` (1.0: `apt-get`; `sudo ` under sudo) and the long-list form `%lu packages were automatically installed …`. */
export const autoremoveHintRule: Rule<NoteLine> = {
  id: 'apt.note.autoremove-hint',
  first: 'U0123456789',
  match: (text: string): NoteLine | undefined => (AUTOREMOVE_USE.test(text) || AUTOREMOVE_COUNT.test(text) ? note('autoremove-hint', text) : undefined),
}

/** `You might want to run 'apt --fix-broken install' to correct these.` (≤ 1.3: `'apt-get -f install'`, sometimes with a colon). */
export const fixBrokenHintRule: Rule<NoteLine> = {
  id: 'apt.note.fix-broken-hint',
  first: 'Y',
  match: (text: string): NoteLine | undefined =>
    text.startsWith('You might want to run ') && (text.endsWith('to correct these.') || text.endsWith('to correct these:')) ? note('fix-broken-hint', text) : undefined,
}

/** First line of the "impossible situation" paragraph that precedes unmet dependencies. */
export const IMPOSSIBLE_SITUATION_FIRST = 'Some packages could not be installed. This may mean that you have'

/** The lines that may follow it (apt 1.0 … 3.x; the "single operation" variant is printed for one package). */
export const IMPOSSIBLE_SITUATION_REST: ReadonlySet<string> = new Set([
  'requested an impossible situation or if you are using the unstable',
  'distribution that some required packages have not yet been created',
  'or been moved out of Incoming.',
  'Since you only requested a single operation it is extremely likely that',
  'the package is simply not installable and a bug report against',
  'that package should be filed.',
  'The following information may help to resolve the situation:',
])

/** `Some packages could not be installed. This may mean that you have` (+ the rest of the paragraph). */
export const impossibleSituationRule: Rule<NoteLine> = {
  id: 'apt.note.impossible-situation',
  first: 'S',
  match: (text: string): NoteLine | undefined => (text === IMPOSSIBLE_SITUATION_FIRST ? note('impossible-situation', text, { block: 'impossible-situation' }) : undefined),
}

/** `Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 32654 (python3)...` (apt ≥ 1.9.12, §3.1). */
export const lockWaitingRule: Rule<NoteLine> = {
  id: 'apt.note.lock-waiting',
  first: 'W',
  match: (text: string): NoteLine | undefined => (text.startsWith('Waiting for cache lock: ') ? note('lock-waiting', text, { block: 'lock-waiting' }) : undefined),
}

/** `NOTE: This is only a simulation!` (non-root `-s`), followed by indented lines. */
export const simulationNoteRule: Rule<NoteLine> = {
  id: 'apt.note.simulation',
  first: 'N',
  match: (text: string): NoteLine | undefined => (text === 'NOTE: This is only a simulation!' ? note('simulation', text, { block: 'simulation' }) : undefined),
}

const SELECTING = /^Note, selecting '?([^' ]+)'? (?:instead of|for)/
const SELECTED = /^Selected version '([^']*)' \([^)]*\) for '([^']*)'/
const SKIPPING = /^Skipping (\S+), it is already installed and upgrade is not set\.$/
const REINSTALL_IMPOSSIBLE = /^Reinstallation of (\S+) is not possible, it cannot be downloaded\.$/

/** Other stdout notes: download-only, `Abort.`, `Note, selecting …`, `Selected version …`, `Skipping …`, `Reinstallation of … is not possible`. */
export const miscNoteRule: Rule<NoteLine> = {
  id: 'apt.note.misc',
  first: 'DANSRVY',
  match(text: string): NoteLine | undefined {
    if (text === 'Download complete and in download only mode') return note('download-only', text)
    if (text === 'Abort.') return note('abort', text)
    if (text === 'Authentication warning overridden.' || text === 'You should explicitly select one to install.') return note('other', text)
    let m = SELECTING.exec(text)
    if (m !== null) return note('selection', text, { package: m[1] })
    m = SELECTED.exec(text)
    if (m !== null) return note('selection', text, { package: m[2], version: m[1] })
    m = SKIPPING.exec(text)
    if (m !== null) return note('skipped', text, { package: m[1] })
    m = REINSTALL_IMPOSSIBLE.exec(text)
    if (m !== null) return note('other', text, { package: m[1] })
    if (text.startsWith("Virtual packages like '") && text.endsWith("' can't be removed")) return note('other', text)
    return undefined
  },
}

const PROMPTS: readonly string[] = [
  'Do you want to continue? [Y/n]',
  'Do you want to continue [Y/n]?',
  'Continue anyway? [y/N]',
  'Continue? [Y/n]',
  'Install these packages without verification? [y/N]',
  'Install these packages without verification [y/N]?',
]

/**
 * The confirmation prompt (§3.5). Without `-y` and without a tty apt reads the answer from stdin; the
 * next output follows on the same line: `Do you want to continue? [Y/n] Abort.`
 */
export const promptRule: Rule<PromptLine> = {
  id: 'apt.note.prompt',
  first: 'DCI',
  match(text: string): PromptLine | undefined {
    for (const prompt of PROMPTS) {
      if (text.startsWith(prompt)) return { kind: 'prompt', prompt, rest: text.slice(prompt.length).trim() }
    }
    return undefined
  },
}

// `Inst demo-b [1:2.0-1] (1:3.0-1 Lab:lab [amd64])`, `Conf demo-b (1:3.0-1 Lab:lab [amd64])`, `Remv pkg [1.0]`.
const SIMULATE = /^(Inst|Conf|Remv|Purg) (\S+)(?: \[([^\]]*)\])?(?: \(([^ )]+)(?: [^)]*)?\))?(?: \[[^\]]*\])?$/

/** Simulation lines of `apt-get -s` (§3.4). */
export const simulateRule: Rule<SimulateLine> = {
  id: 'apt.simulate',
  first: 'ICRP',
  match(text: string): SimulateLine | undefined {
    if (text.length > 4096) return undefined
    const m = SIMULATE.exec(text)
    if (m === null) return undefined
    const action = (m[1] as string).toLowerCase() as SimulateLine['action']
    const pkg = m[2] as string
    const bracket = m[3]
    const paren = m[4]
    // `Remv pkg [ver]`: the bracket is the version removed; `Inst pkg [old] (new …)`: bracket is the old one.
    if (action === 'remv' || action === 'purg') {
      return bracket === undefined ? { kind: 'simulate', action, package: pkg } : { kind: 'simulate', action, package: pkg, version: bracket }
    }
    const out: { kind: 'simulate'; action: SimulateLine['action']; package: string; version?: string; fromVersion?: string } = { kind: 'simulate', action, package: pkg }
    if (paren !== undefined) out.version = paren
    if (bracket !== undefined) out.fromVersion = bracket
    return out
  },
}
