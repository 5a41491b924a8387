/**
 * Operating-system dumps: `/etc/os-release` (`KEY=value`, values optionally quoted: os-release(5)),
 * `lsb_release -a` (`Key:<TAB>value`, lsb-release's `lsb_release` script), `cat /etc/debian_version`.
 * @module
 */

import type { EnvFactKind } from '../events/env.ts'

const OS_RELEASE: ReadonlyMap<string, EnvFactKind | null> = new Map<string, EnvFactKind | null>([
  ['PRETTY_NAME', 'os'],
  ['ID', 'os-id'],
  ['VERSION_ID', 'os-version'],
  ['VERSION_CODENAME', 'os-codename'],
  ['NAME', null],
  ['VERSION', null],
  ['ID_LIKE', null],
  ['UBUNTU_CODENAME', null],
  ['HOME_URL', null],
  ['SUPPORT_URL', null],
  ['BUG_REPORT_URL', null],
  ['PRIVACY_POLICY_URL', null],
  ['LOGO', null],
  ['DEBIAN_VERSION_FULL', null],
])

/** An `/etc/os-release` line: its fact (`null`: known, no fact), or undefined. */
export function parseOsRelease(line: string): { fact: EnvFactKind | null; value: string } | undefined {
  const eq = line.indexOf('=')
  if (eq < 2 || eq > 20) return undefined
  const key = line.slice(0, eq)
  if (!OS_RELEASE.has(key)) return undefined
  let value = line.slice(eq + 1)
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1)
  else if (value.includes(' ')) return undefined // unquoted values have no spaces in os-release
  return { fact: OS_RELEASE.get(key) ?? null, value }
}

const LSB: ReadonlyMap<string, EnvFactKind> = new Map<string, EnvFactKind>([
  ['Distributor ID', 'os-id'],
  ['Description', 'os'],
  ['Release', 'os-version'],
  ['Codename', 'os-codename'],
])

/** An `lsb_release -a` line (`Codename:\tbookworm`), or undefined. */
export function parseLsbRelease(line: string): { fact: EnvFactKind; value: string } | undefined {
  const tab = line.indexOf(':\t')
  if (tab === -1) return undefined
  const fact = LSB.get(line.slice(0, tab))
  if (fact === undefined) return undefined
  const value = line.slice(tab + 2).trim()
  return value === '' ? undefined : { fact, value }
}

/** `/etc/debian_version`: `12.5`, `bookworm/sid`. */
export function isDebianVersion(line: string): boolean {
  return /^(?:\d+(?:\.\d+)*|[a-z]+\/sid)$/.test(line)
}
