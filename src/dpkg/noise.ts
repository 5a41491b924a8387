/**
 * Known lines that maintainer scripts and their helpers print inside the dpkg phase and that carry
 * nothing worth an event (FORMATS.md §5.6). Only texts seen in the captures or listed there, each
 * matched by its own template: a wide pattern here could swallow a real error.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { DpkgNoiseLine } from './hits.ts'

const NOISE: DpkgNoiseLine = { kind: 'noise' }

function noise(id: string, first: string, test: (text: string) => boolean): Rule<DpkgNoiseLine> {
  return { id, first, match: (text: string): DpkgNoiseLine | undefined => (test(text) ? NOISE : undefined) }
}

/** Digits only. */
function isNumber(text: string): boolean {
  if (text.length === 0 || text.length > 12) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** `debconf: delaying package configuration, since apt-utils is not installed` (every capture without apt-utils). */
export const DEBCONF_DELAYING_RULE: Rule<DpkgNoiseLine> = noise(
  'dpkg.noise.debconf-delaying',
  'd',
  (t) => t === 'debconf: delaying package configuration, since apt-utils is not installed',
)

/**
 * debconf's frontend fallback chain without a terminal: `debconf: unable to initialize frontend: Dialog`,
 * `debconf: (TERM is not set, so the dialog frontend is not usable.)`, `debconf: falling back to
 * frontend: Readline`, `debconf: (This frontend requires a controlling tty.)`, `debconf: (Can't
 * locate Term/ReadLine.pm in @INC …)`, `… Teletype`, `… Noninteractive`.
 */
export const DEBCONF_FRONTEND_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.debconf-frontend', 'd', (t) =>
  // One anchored regex (a frontend name is 1 to 40 ASCII letters): a CI log repeats these lines for
  // every package with a config script, and `startsWith` costs a few ns per character it compares.
  /^debconf: (?:(?:unable to initialize|falling back to) frontend: [A-Za-z]{1,40}|\([^]*\))$/.test(t),
)

/** apt-utils' `dpkg-preconfigure: unable to re-open stdin: …` without a terminal (bookworm-b7). */
export const PRECONFIGURE_STDIN_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.dpkg-preconfigure', 'd', (t) => t.startsWith('dpkg-preconfigure: unable to re-open stdin:'))

/** `update-alternatives: using /usr/sbin/iptables-legacy to provide /usr/sbin/iptables (iptables) in auto mode`. */
export const ALTERNATIVES_USING_RULE: Rule<DpkgNoiseLine> = noise(
  'dpkg.noise.update-alternatives',
  'u',
  (t) => t.startsWith('update-alternatives: using ') && t.includes(' to provide ') && t.endsWith(') in auto mode'),
)

/** invoke-rc.d in a container: the three texts of the captures and FORMATS.md §5.6. */
export const INVOKE_RC_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.invoke-rc.d', 'i', (t) => {
  if (!t.startsWith('invoke-rc.d: ')) return false
  const rest = t.slice('invoke-rc.d: '.length)
  return (
    rest === 'could not determine current runlevel' ||
    (rest.startsWith('policy-rc.d denied execution of ') && rest.endsWith('.')) ||
    rest === 'WARNING: No init system and policy-rc.d missing! Defaulting to block.'
  )
})

/** systemd's `Created symlink /etc/… → /lib/…` and `Created symlink '/etc/…' -> '/usr/…'.` (sid). */
export const CREATED_SYMLINK_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.created-symlink', 'C', (t) => t.startsWith('Created symlink /') || t.startsWith("Created symlink '/"))

/**
 * adduser: ``Adding group `docker' (GID 105) ...`` (host-install-docker-io), and its user/system
 * forms, in backquote (≤ 3.134) and straight-quote (3.152) style.
 */
export const ADDUSER_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.adduser', 'A', (t) => {
  if (!t.endsWith(' ...')) return false
  for (const head of ['Adding group ', 'Adding system group ', 'Adding new group ', 'Adding user ', 'Adding system user ', 'Adding new user ']) {
    if (t.startsWith(head)) {
      const q = t.charCodeAt(head.length)
      return q === 0x60 || q === 0x27
    }
  }
  return false
})

/**
 * dpkg-divert: `Adding 'diversion of /sbin/mkfs.bfs to /sbin/mkfs.bfs.usr-is-merged by
 * util-linux-extra'` (bookworm-d4), `Removing 'diversion of /bin/sh to /bin/sh.distrib by dash'` (bookworm-d3).
 */
export const DIVERSION_RULE: Rule<DpkgNoiseLine> = noise(
  'dpkg.noise.dpkg-divert',
  'AR',
  (t) => (t.startsWith("Adding 'diversion of ") || t.startsWith("Removing 'diversion of ")) && t.includes(' to ') && t.endsWith("'"),
)

/** deluser while purging: ``warn: The group `ssh' does not exist.`` (e3). */
export const DELUSER_RULE: Rule<DpkgNoiseLine> = noise(
  'dpkg.noise.deluser',
  'w',
  (t) => (t.startsWith('warn: The group `') || t.startsWith("warn: The group '")) && t.endsWith("' does not exist."),
)

/** tzdata's postinst (bookworm-d6): `Current default time zone: 'Etc/UTC'`, the two clocks, the hint. */
export const TZDATA_RULE: Rule<DpkgNoiseLine> = noise(
  'dpkg.noise.tzdata',
  'CLUR',
  (t) =>
    (t.startsWith("Current default time zone: '") && t.endsWith("'")) ||
    t.startsWith('Local time is now:  ') ||
    t.startsWith('Universal Time is now:  ') ||
    t === "Run 'dpkg-reconfigure tzdata' if you wish to change it.",
)

/** ca-certificates (D11): `Updating certificates in /etc/ssl/certs...`, `142 added, 0 removed; done.`, the hooks, `done.` */
export const CA_CERTIFICATES_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.ca-certificates', 'URd0123456789', (t) => {
  if (t === 'Updating certificates in /etc/ssl/certs...' || t === 'Running hooks in /etc/ca-certificates/update.d...' || t === 'done.') return true
  const m = /^(\d+) added, (\d+) removed; done\.$/.exec(t)
  return m !== null
})

/** base-files (d3): `Updating /etc/profile to current default.` */
export const BASE_FILES_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.base-files', 'U', (t) => /^Updating \/\S+ to current default\.$/.test(t))

/** passwd (D31): `Shadow passwords are now on.` */
export const SHADOW_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.passwd', 'S', (t) => t === 'Shadow passwords are now on.')

/**
 * systemd (sid-a): `Initializing machine ID from random generator.`, systemd-sysusers'
 * `Creating group 'lpadmin' with GID 999.` and `Creating user 'x' (…) with UID 997 and GID 997.`
 */
export const SYSTEMD_RULE: Rule<DpkgNoiseLine> = noise('dpkg.noise.systemd', 'IC', (t) => {
  if (t === 'Initializing machine ID from random generator.') return true
  if (t.startsWith("Creating group '")) {
    const at = t.lastIndexOf("' with GID ")
    return at > 0 && t.endsWith('.') && isNumber(t.slice(at + "' with GID ".length, -1))
  }
  if (t.startsWith("Creating user '")) return /^Creating user '[^']+' \([^()]*\) with UID \d+ and GID \d+\.$/.test(t)
  return false
})

/** Every noise rule. */
export const NOISE_RULES: readonly Rule<DpkgNoiseLine>[] = [
  DEBCONF_DELAYING_RULE,
  DEBCONF_FRONTEND_RULE,
  PRECONFIGURE_STDIN_RULE,
  ALTERNATIVES_USING_RULE,
  INVOKE_RC_RULE,
  CREATED_SYMLINK_RULE,
  ADDUSER_RULE,
  DIVERSION_RULE,
  DELUSER_RULE,
  TZDATA_RULE,
  CA_CERTIFICATES_RULE,
  BASE_FILES_RULE,
  SHADOW_RULE,
  SYSTEMD_RULE,
]
