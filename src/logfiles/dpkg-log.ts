/**
 * dpkg.log rules (FORMATS.md §6.1). A dpkg.log line is `YYYY-MM-DD HH:MM:SS <event>`; the line
 * layer already took the timestamp off (as a plain CI prefix), so these rules read `<event>` only,
 * and the grammar applies them only to lines that had such a timestamp. Events (dpkg
 * `lib/dpkg/log.c` `log_message`, `src/main/*.c` `log_action`):
 *
 * - `startup archives|packages <action>`
 * - `<action> <pkg>[:<arch>] <installed-version> <available-version>`, `<none>` for no version
 * - `status <state> <pkg>[:<arch>] <version>`
 * - `conffile <path> install|keep`
 *
 * Fields are separated by one space; a version must start with a digit (so prose such as
 * `configure the thing now` is not an action).
 * @module
 */

import type { DpkgLogAction, DpkgLogState } from '../events/logfile.ts'
import type { Rule } from '../grammar/rules.ts'
import { isDigit } from '../lines/chars.ts'
import { parsePackageRef } from '../dpkg/package-ref.ts'
import { isVersionText } from './entries.ts'
import type { DpkgLogActionLine, DpkgLogConffileLine, DpkgLogStartupLine, DpkgLogStatusLine } from './hits.ts'

const NONE = '<none>'

const ACTIONS: ReadonlySet<string> = new Set<DpkgLogAction>(['install', 'upgrade', 'configure', 'trigproc', 'remove', 'purge', 'disappear'])

const STATES: ReadonlySet<string> = new Set<DpkgLogState>([
  'not-installed',
  'config-files',
  'half-installed',
  'unpacked',
  'half-configured',
  'triggers-awaited',
  'triggers-pending',
  'installed',
])

/** A version field: `<none>` (→ null) or a version starting with a digit; undefined when neither. */
function readVersion(text: string): string | null | undefined {
  if (text === NONE) return null
  return isDigit(text.charCodeAt(0)) && isVersionText(text) ? text : undefined
}

/** Split at single spaces into exactly `count` non-empty fields, or undefined. Linear. */
function fields(text: string, count: number): string[] | undefined {
  const out: string[] = []
  let start = 0
  for (let i = 1; i < count; i++) {
    const space = text.indexOf(' ', start)
    if (space <= start) return undefined
    out.push(text.slice(start, space))
    start = space + 1
  }
  if (start >= text.length || text.indexOf(' ', start) !== -1) return undefined
  out.push(text.slice(start))
  return out
}

/** `startup archives unpack`, `startup packages configure`. */
export const DPKG_LOG_STARTUP_RULE: Rule<DpkgLogStartupLine> = {
  id: 'dpkg.log.startup',
  first: 's',
  match(text: string): DpkgLogStartupLine | undefined {
    if (!text.startsWith('startup ')) return undefined
    const f = fields(text, 3)
    if (f === undefined) return undefined
    const [, mode, action] = f as [string, string, string]
    if (mode !== 'archives' && mode !== 'packages') return undefined
    for (let i = 0; i < action.length; i++) {
      const c = action.charCodeAt(i)
      if (!((c >= 0x61 && c <= 0x7a) || c === 0x2d)) return undefined
    }
    return { kind: 'dpkg-startup', mode, action }
  },
}

/** `status half-configured demo-fail:all 1.0`, `status not-installed demo-fail:all <none>`. */
export const DPKG_LOG_STATUS_RULE: Rule<DpkgLogStatusLine> = {
  id: 'dpkg.log.status',
  first: 's',
  match(text: string): DpkgLogStatusLine | undefined {
    if (!text.startsWith('status ')) return undefined
    const f = fields(text, 4)
    if (f === undefined) return undefined
    const [, state, pkg, ver] = f as [string, string, string, string]
    if (!STATES.has(state)) return undefined
    const ref = parsePackageRef(pkg)
    const version = readVersion(ver)
    if (ref === undefined || version === undefined) return undefined
    return { kind: 'dpkg-status', state: state as DpkgLogState, ref, version: version ?? undefined }
  },
}

/** `install demo-fail:all <none> 1.0`, `configure demo-a:all 2.0-1 <none>`, `upgrade dpkg 1.21.23 1.21.23`. */
export const DPKG_LOG_ACTION_RULE: Rule<DpkgLogActionLine> = {
  id: 'dpkg.log.action',
  first: 'cdiprtu',
  match(text: string): DpkgLogActionLine | undefined {
    const f = fields(text, 4)
    if (f === undefined) return undefined
    const [action, pkg, installed, available] = f as [string, string, string, string]
    if (!ACTIONS.has(action)) return undefined
    const ref = parsePackageRef(pkg)
    const from = readVersion(installed)
    const to = readVersion(available)
    if (ref === undefined || from === undefined || to === undefined) return undefined
    return { kind: 'dpkg-action', action: action as DpkgLogAction, ref, installed: from ?? undefined, available: to ?? undefined }
  },
}

/** `conffile /etc/login.defs keep`: the path may contain spaces, the decision is the last field. */
export const DPKG_LOG_CONFFILE_RULE: Rule<DpkgLogConffileLine> = {
  id: 'dpkg.log.conffile',
  first: 'c',
  match(text: string): DpkgLogConffileLine | undefined {
    if (!text.startsWith('conffile /')) return undefined
    const space = text.lastIndexOf(' ')
    const decision = text.slice(space + 1)
    if (space <= 9 || (decision !== 'install' && decision !== 'keep')) return undefined
    return { kind: 'dpkg-conffile', path: text.slice(9, space), decision }
  },
}
