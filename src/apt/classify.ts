/**
 * Which problem an apt message proves (FORMATS.md §4.2 catalogue, §3.5 safety refusals). Only the
 * C/English templates are known; an unknown `E:`/`Error:` becomes `apt.other-error` in the grammar,
 * an unknown warning is not a problem.
 * @module
 */

import type { AptPlanListKind } from '../events/apt.ts'
import type { ProblemKind } from '../events/problem.ts'
import { SOLVER_CONTEXT_HEAD } from './solver.ts'

/** What a message proves. */
export interface ProblemSpec {
  /** Stable kind. */
  readonly kind: ProblemKind
  /** Finer cause (`apt.fetch-failed`: `dns`, `http-404` …; `apt.lock-held`: `held`, `not-root`). */
  readonly cause?: string
  /** Package concerned. */
  readonly package?: string
  /**
   * An `E:` that does not stop the command (apt carries on and may exit 0): reported as a warning,
   * so it never makes a successful run a failure.
   */
  readonly survivable?: true
}

/** Why a download failed, from the error text after `Failed to fetch <uri>  ` or under an `Err:` line. */
export function fetchCause(error: string): string | undefined {
  // `404  Not Found`, or `404 ` from a server that sends no reason phrase (trimmed to `404` on a paste).
  const status = /^(\d{3})(?:\s|$)/.exec(error)
  if (status !== null) return status[1] === '404' ? 'http-404' : 'http-other'
  if (error.includes('Hash Sum mismatch') || error.includes('Hashes of expected file')) return 'hash-mismatch'
  if (error.includes('File has unexpected size') || error.includes('Size mismatch') || error.includes('Writing more data than expected')) return 'size-mismatch'
  if (error.includes('Temporary failure resolving') || error.includes('Could not resolve') || error.includes('Something wicked happened resolving')) return 'dns'
  if (error.includes('timed out')) return 'timeout'
  // Not in the brief's list of causes: a TLS failure (a proxy's own certificate, a missing CA) is common in CI.
  if (/certificate verification failed|could not handshake/i.test(error)) return 'tls'
  if (
    error.includes('Connection refused') ||
    error.includes('Could not connect to') ||
    error.includes('Unable to connect to') ||
    error.includes('Cannot initiate the connection') ||
    error.includes('Connection failed') ||
    error.includes('No route to host') ||
    error.includes('Network is unreachable')
  ) {
    return 'connection-refused'
  }
  return undefined
}

/** `http://…/pool/main/o/openssl/libssl3_3.0.20-1%7edeb12u2_amd64.deb` → `libssl3`; index URIs name no package. */
export function packageOfUri(uri: string): string | undefined {
  if (!uri.endsWith('.deb') && !uri.endsWith('.udeb')) return undefined
  const slash = uri.lastIndexOf('/')
  const file = uri.slice(slash + 1)
  const underscore = file.indexOf('_')
  return underscore > 0 ? file.slice(0, underscore) : undefined
}

/** Index of the first space or tab in `text` from `from`, or -1. */
function whitespaceAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09) return i
  }
  return -1
}

function fetchFailed(firstLine: string): ProblemSpec {
  const rest = firstLine.slice('Failed to fetch '.length).trim()
  // `Failed to fetch %s  %s`: apt puts two spaces between the URI and the error text (§4.2), but a
  // URI has no space, so any run of blanks ends it: pasted logs (web pages, chat) collapse the two
  // into one, and proxysql#2525 shows apt 1.4's `… InRelease  ` with no error text at all.
  const gap = whitespaceAt(rest, 0)
  const uri = gap === -1 ? rest : rest.slice(0, gap)
  const error = gap === -1 ? '' : rest.slice(gap + 1).trim()
  const cause = fetchCause(error)
  const pkg = packageOfUri(uri)
  return {
    kind: 'apt.fetch-failed',
    ...(cause === undefined ? {} : { cause }),
    ...(pkg === undefined ? {} : { package: pkg }),
  }
}

const LOCATE = /^Unable to locate package (\S+)$/
const GLOB = /^Couldn't find any package by (?:glob|regex) '([^']*)'$/
const COULD_NOT_FIND = /^Couldn't find package (\S+)$/
const NO_CANDIDATE = /^Package '?([^' ]+)'? has no installation candidate$/
const VERSION_NOT_FOUND = /^Version '([^']*)' for '([^']*)' was not found$/
const RELEASE_NOT_FOUND = /^Release '([^']*)' for '([^']*)' was not found$/
const REINSTALL = /^The package (\S+) needs to be reinstalled, but I can't find an archive for it\.$/
const DPKG_SUBPROCESS = /^Sub-process (\S*dpkg) (?:returned an error code \(\d+\)|received a segmentation fault\.|received signal \d+\.|exited unexpectedly)/
const OTHER_SUBPROCESS = /^Sub-process (\S+) (?:returned an error code|received|exited unexpectedly)/

function withPackage(kind: ProblemKind, m: RegExpExecArray | null, group: number): ProblemSpec | undefined {
  if (m === null) return undefined
  const pkg = m[group]
  return pkg === undefined || pkg === '' ? { kind } : { kind, package: pkg }
}

// The unmet-dependencies family: one failure, several messages (the grammar reports it once).
function isUnmetFamily(line: string): boolean {
  return (
    line.startsWith('Unable to correct problems, you have held broken packages') ||
    line.startsWith('Unmet dependencies. Try ') ||
    line === 'Unmet dependencies. Try using -f.' ||
    line === 'Broken packages' ||
    line.startsWith('Error, pkgProblemResolver::Resolve generated breaks') ||
    line.startsWith('Unable to satisfy dependencies. Reached two conflicting ') ||
    line === SOLVER_CONTEXT_HEAD
  )
}

function isSignatureProblem(line: string): boolean {
  return (
    line.includes('NO_PUBKEY') ||
    line.includes('EXPKEYSIG') ||
    line.includes('KEYEXPIRED') ||
    line.includes('GPG error:') ||
    line.includes('OpenPGP signature verification failed') ||
    line.includes('The following signatures were invalid') ||
    line.includes('An error occurred during the signature verification') ||
    line.includes('No good signature from required signer') ||
    (line.startsWith("The repository '") && (line.endsWith("' is not signed.") || line.endsWith("' is no longer signed."))) ||
    line.includes('provides only weak security information') ||
    line.startsWith('There is no public key available for the following key IDs')
  )
}

/**
 * One English message rule: a named test on the message's first line. `shownLists` are the plan
 * lists shown since the last `Reading package lists...` (apt 1.0's one refusal for everything).
 */
export interface MessageRule {
  /** Stable name (`apt.problem.<what>`): the locale tables name the msgids each rule reads (docs/locales.md). */
  readonly id: string
  /** The problem the line proves, or `undefined` when the rule does not apply. */
  readonly match: (line: string, shownLists: ReadonlySet<AptPlanListKind>) => ProblemSpec | undefined
}

const rule = (id: string, match: MessageRule['match']): MessageRule => ({ id, match })
/** A rule that proves one fixed problem when `test` holds. */
const when = (id: string, spec: ProblemSpec, test: (line: string) => boolean): MessageRule => rule(id, (line) => (test(line) ? spec : undefined))

const LOCK_HEADS: readonly string[] = [
  'Could not get lock ',
  'Unable to acquire the dpkg frontend lock',
  'Unable to lock the administration directory',
  'Unable to lock directory ',
  'Unable to lock the download directory',
  'Unable to lock the list directory',
  'Could not open lock file ',
]

/**
 * The English message rules, in the order they are tried (FORMATS.md §4.2 catalogue, §3.5 safety
 * refusals); the first that proves a problem wins.
 */
export const MESSAGE_RULES: readonly MessageRule[] = [
  rule('apt.problem.fetch-failed', (line) => (line.startsWith('Failed to fetch ') ? fetchFailed(line) : undefined)),
  rule('apt.problem.unable-to-locate', (line) => (line.startsWith('Unable to locate package ') ? (withPackage('apt.package-not-found', LOCATE.exec(line), 1) ?? { kind: 'apt.package-not-found' }) : undefined)),
  rule('apt.problem.no-package-by-pattern', (line) => (line.startsWith("Couldn't find any package by ") ? withPackage('apt.package-not-found', GLOB.exec(line), 1) : undefined)),
  rule('apt.problem.could-not-find-package', (line) => (line.startsWith("Couldn't find package ") ? withPackage('apt.package-not-found', COULD_NOT_FIND.exec(line), 1) : undefined)),
  rule('apt.problem.no-install-candidate', (line) =>
    line.endsWith(' has no installation candidate') ? (withPackage('apt.no-install-candidate', NO_CANDIDATE.exec(line), 1) ?? { kind: 'apt.no-install-candidate' }) : undefined,
  ),
  rule('apt.problem.version-not-found', (line) => (line.startsWith('Version ') ? withPackage('apt.version-not-found', VERSION_NOT_FOUND.exec(line), 2) : undefined)),
  rule('apt.problem.release-not-found', (line) => (line.startsWith('Release ') && line.endsWith(' was not found') ? withPackage('apt.release-not-found', RELEASE_NOT_FOUND.exec(line), 2) : undefined)),
  when('apt.problem.default-release-invalid', { kind: 'apt.release-not-found' }, (line) => line.startsWith("The value '") && line.includes(' is invalid for APT::Default-Release')),
  when('apt.problem.unmet-dependencies', { kind: 'apt.unmet-dependencies' }, isUnmetFamily),

  // Safety refusals (§3.5, §4.2).
  when(
    'apt.problem.essential-removal-refused',
    { kind: 'apt.essential-removal-refused' },
    (line) => line.startsWith('Removing essential system-critical packages is not permitted') || line.startsWith('Essential packages were removed and -y was used'),
  ),
  when('apt.problem.downgrade-refused', { kind: 'apt.downgrade-refused' }, (line) => line.startsWith('Packages were downgraded and -y was used')),
  when('apt.problem.held-change-refused', { kind: 'apt.held-change-refused' }, (line) => line.startsWith('Held packages were changed and -y was used')),
  when('apt.problem.unauthenticated', { kind: 'apt.unauthenticated' }, (line) => line.startsWith('There were unauthenticated packages and -y was used') || line === 'Some packages could not be authenticated'),
  rule('apt.problem.force-yes-refusal', (line, shownLists) => {
    if (!line.startsWith('There are problems and -y was used without --force-yes')) return undefined
    // apt 1.0 said this for every refusal; the list it showed above says which.
    if (shownLists.has('essential-remove')) return { kind: 'apt.essential-removal-refused' }
    if (shownLists.has('unauthenticated')) return { kind: 'apt.unauthenticated' }
    if (shownLists.has('held-change')) return { kind: 'apt.held-change-refused' }
    if (shownLists.has('downgrade')) return { kind: 'apt.downgrade-refused' }
    return undefined
  }),

  // Downloads and indexes.
  // apt has no transport for the URI's scheme (`https` before apt 1.5 without apt-transport-https;
  // `apt-pkg/acquire-worker.cc`, `Worker::Start`): every download through it then fails with a bare
  // `Failed to fetch <uri>`. The notice after it names the package (`apt-transport-https`); the
  // remedy does too, so the problem names none (it is not a package that failed).
  when(
    'apt.problem.method-missing',
    { kind: 'apt.fetch-failed', cause: 'method-missing' },
    (line) => line.startsWith('The method driver ') && line.endsWith(' could not be found.'),
  ),
  when('apt.problem.index-download-failed', { kind: 'apt.index-download-failed' }, (line) => line.startsWith('Some index files failed to download')),
  when(
    'apt.problem.archives-fetch-failed',
    { kind: 'apt.archives-fetch-failed' },
    (line) => line.startsWith('Unable to fetch some archives') || line === 'Some files failed to download' || line === 'Failed to fetch some archives.',
  ),

  // Repository trust and Release files.
  when(
    'apt.problem.release-file-missing',
    { kind: 'apt.release-file-missing' },
    (line) => line.startsWith("The repository '") && (line.endsWith("' does not have a Release file.") || line.endsWith("' no longer has a Release file.")),
  ),
  when('apt.problem.release-expired', { kind: 'apt.release-expired' }, (line) => line.startsWith('Release file for ') && line.includes(' is expired (')),
  when('apt.problem.release-not-yet-valid', { kind: 'apt.release-not-yet-valid' }, (line) => line.startsWith('Release file for ') && line.includes(' is not valid yet (')),
  when('apt.problem.release-info-changed', { kind: 'apt.release-info-changed' }, (line) => line.startsWith("Repository '") && line.includes("' changed its '")),
  when('apt.problem.signature', { kind: 'apt.signature-invalid' }, isSignatureProblem),

  // Locks.
  rule('apt.problem.lock', (line) => {
    if (!LOCK_HEADS.some((head) => line.startsWith(head))) return undefined
    const notRoot = line.endsWith('are you root?') || line.includes('Permission denied')
    return { kind: 'apt.lock-held', cause: notRoot ? 'not-root' : 'held' }
  }),

  // dpkg run and hooks.
  when('apt.problem.dpkg-interrupted', { kind: 'dpkg.interrupted' }, (line) => line.startsWith('dpkg was interrupted, you must manually run ')),
  when('apt.problem.dpkg-subprocess', { kind: 'dpkg.subprocess-failed' }, (line) => DPKG_SUBPROCESS.test(line)),
  when('apt.problem.hook-failed', { kind: 'apt.hook-failed' }, (line) => line.startsWith('Problem executing scripts ') || line === 'Sub-process returned an error code'),
  rule('apt.problem.verifier-subprocess', (line) => {
    if (!line.startsWith('Sub-process ')) return undefined
    const m = OTHER_SUBPROCESS.exec(line)
    return m !== null && (m[1]?.endsWith('sqv') === true || m[1]?.endsWith('gpgv') === true) ? { kind: 'apt.signature-invalid' } : undefined
  }),
  rule('apt.problem.reinstall-required', (line) =>
    line.startsWith('The package ') && line.includes(' needs to be reinstalled') ? (withPackage('apt.reinstall-required', REINSTALL.exec(line), 1) ?? { kind: 'apt.reinstall-required' }) : undefined,
  ),
  when('apt.problem.pty-unavailable', { kind: 'apt.pty-unavailable', survivable: true }, (line) => line.startsWith('Can not write log (Is /dev/pts mounted?)')),
  // apt-extracttemplates (run by debconf's dpkg-preconfigure) finds no debconf in the dpkg database:
  // not fatal, but a sign of a wiped or damaged status file (bad-status captures).
  when(
    'apt.problem.debconf-unavailable',
    { kind: 'apt.other-error', cause: 'debconf-unavailable', survivable: true },
    (line) => line === 'Cannot get debconf version. Is debconf installed?',
  ),

  // Disk space.
  when(
    'apt.problem.disk-full',
    { kind: 'disk.full' },
    (line) =>
      line.startsWith("You don't have enough free space in ") ||
      line.includes('No space left on device') ||
      line.startsWith('More space needed than available') ||
      line.startsWith('More space needed in '),
  ),
]

/**
 * The problem a message proves, or `undefined` when no rule matches. `text` is the whole message
 * (lines joined by `\n`); the rules read its first line. `shownLists` are the plan lists shown
 * since the last `Reading package lists...`, for apt 1.0's one refusal for everything
 * (`There are problems and -y was used without --force-yes`).
 */
export function classifyMessage(text: string, shownLists: ReadonlySet<AptPlanListKind>): ProblemSpec | undefined {
  return classifyMessageWith(text, shownLists)?.spec
}

/** {@link classifyMessage}, with the rule that decided. */
export function classifyMessageWith(text: string, shownLists: ReadonlySet<AptPlanListKind>): { readonly rule: MessageRule; readonly spec: ProblemSpec } | undefined {
  const newline = text.indexOf('\n')
  const line = newline === -1 ? text : text.slice(0, newline)
  for (const r of MESSAGE_RULES) {
    const spec = r.match(line, shownLists)
    if (spec !== undefined) return { rule: r, spec }
  }
  return undefined
}

/** Kinds reported once per failure even when apt prints several messages for it. */
export const ONCE_PER_FAILURE: ReadonlySet<ProblemKind> = new Set<ProblemKind>(['apt.unmet-dependencies', 'apt.lock-held', 'apt.hook-failed'])
