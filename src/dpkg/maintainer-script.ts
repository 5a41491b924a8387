/**
 * Maintainer-script failure reasons, the most version-dependent dpkg line (FORMATS.md §5.5):
 *
 * - ≤ 1.18: `subprocess installed post-installation script returned error exit status 1`
 * - 1.19 … 1.22: `installed failing-postinst package post-installation script subprocess returned error exit status 1`
 * - 1.23+: `old failing-postinst package postinst maintainer script subprocess failed with exit status 1`
 *
 * plus the killed / interrupted / wait-status endings of each generation.
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import { parsePackageRef, type PackageRef } from './package-ref.ts'

/** The script file name, whatever the wording. */
export type MaintainerScript = 'preinst' | 'postinst' | 'prerm' | 'postrm'

/** A parsed maintainer-script failure. */
export interface ScriptFailure {
  /** Which script failed. */
  readonly script: MaintainerScript
  /** Whose copy of it: the `installed` package's, the `new` or the `old` one. */
  readonly owner: 'installed' | 'new' | 'old'
  /** The package, named from dpkg 1.19 on. */
  readonly ref?: PackageRef | undefined
  /** The exit status, when it exited. */
  readonly exitStatus?: number | undefined
  /** The signal name, when it was killed (`Terminated`). */
  readonly signal?: string | undefined
  /** Which dpkg wording the line uses. */
  readonly wording: '1.17' | '1.19' | '1.23'
}

const DESCRIPTION_TO_SCRIPT: ReadonlyMap<string, MaintainerScript> = new Map<string, MaintainerScript>([
  ['pre-installation', 'preinst'],
  ['post-installation', 'postinst'],
  ['pre-removal', 'prerm'],
  ['post-removal', 'postrm'],
  ['preinst', 'preinst'],
  ['postinst', 'postinst'],
  ['prerm', 'prerm'],
  ['postrm', 'postrm'],
])

/** How a maintainer-script subprocess ended. */
interface Ending {
  /** Its exit status, when it exited. */
  readonly exitStatus?: number
  /** The signal, when it was killed. */
  readonly signal?: string
}

/** A small non-negative decimal, or undefined. */
function parseStatus(text: string): number | undefined {
  if (text.length === 0 || text.length > 9) return undefined
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return undefined
  }
  return Number(text)
}

/** `(Terminated)` or `(Segmentation fault), core dumped` → the signal name. */
function parseSignal(text: string): string | undefined {
  const rest = text.endsWith(', core dumped') ? text.slice(0, -', core dumped'.length) : text
  if (!rest.startsWith('(') || !rest.endsWith(')')) return undefined
  const name = rest.slice(1, -1)
  return name.length > 0 && !name.includes(')') ? name : undefined
}

/**
 * How the subprocess ended, in any generation's words: `returned error exit status N` (≤ 1.22),
 * `failed with exit status N` (1.23), `[was ]killed by signal (X)[, core dumped]`,
 * `was interrupted`, `failed with wait status code N`.
 */
function parseEnding(text: string): Ending | undefined {
  for (const head of ['returned error exit status ', 'failed with exit status ']) {
    if (text.startsWith(head)) {
      const exitStatus = parseStatus(text.slice(head.length))
      return exitStatus === undefined ? undefined : { exitStatus }
    }
  }
  for (const head of ['was killed by signal ', 'killed by signal ']) {
    if (text.startsWith(head)) {
      const signal = parseSignal(text.slice(head.length))
      return signal === undefined ? undefined : { signal }
    }
  }
  if (text === 'was interrupted') return {}
  if (text.startsWith('failed with wait status code ')) return parseStatus(text.slice('failed with wait status code '.length)) === undefined ? undefined : {}
  return undefined
}

function failure(script: string, owner: string, refText: string | undefined, ending: string, wording: ScriptFailure['wording']): ScriptFailure | undefined {
  const name = DESCRIPTION_TO_SCRIPT.get(script)
  const end = parseEnding(ending)
  if (name === undefined || end === undefined) return undefined
  let ref: PackageRef | undefined
  if (refText !== undefined) {
    ref = parsePackageRef(refText)
    if (ref === undefined) return undefined
  }
  const out: { -readonly [K in keyof ScriptFailure]: ScriptFailure[K] } = { script: name, owner: owner as ScriptFailure['owner'], wording }
  if (ref !== undefined) out.ref = ref
  if (end.exitStatus !== undefined) out.exitStatus = end.exitStatus
  if (end.signal !== undefined) out.signal = end.signal
  return out
}

/** dpkg ≤ 1.18: `subprocess installed post-installation script returned error exit status 1`. */
export const SCRIPT_FAILURE_1_17_RULE: Rule<ScriptFailure> = {
  id: 'dpkg.error.reason.script-1.17',
  first: 's',
  match(text: string): ScriptFailure | undefined {
    const m = /^subprocess (installed|new|old) (pre-installation|post-installation|pre-removal|post-removal) script (.+)$/.exec(text)
    return m === null ? undefined : failure(m[2] as string, m[1] as string, undefined, m[3] as string, '1.17')
  },
}

/** dpkg 1.19 … 1.22: `installed x package post-installation script subprocess returned error exit status 1`. */
export const SCRIPT_FAILURE_1_19_RULE: Rule<ScriptFailure> = {
  id: 'dpkg.error.reason.script-1.19',
  first: 'ino',
  match(text: string): ScriptFailure | undefined {
    const m = /^(installed|new|old) (\S+) package (pre-installation|post-installation|pre-removal|post-removal) script subprocess (.+)$/.exec(text)
    return m === null ? undefined : failure(m[3] as string, m[1] as string, m[2] as string, m[4] as string, '1.19')
  },
}

/** dpkg 1.23+: `old x package postinst maintainer script subprocess failed with exit status 1`. */
export const SCRIPT_FAILURE_1_23_RULE: Rule<ScriptFailure> = {
  id: 'dpkg.error.reason.script-1.23',
  first: 'ino',
  match(text: string): ScriptFailure | undefined {
    const m = /^(installed|new|old) (\S+) package (preinst|postinst|prerm|postrm) maintainer script subprocess (.+)$/.exec(text)
    return m === null ? undefined : failure(m[3] as string, m[1] as string, m[2] as string, m[4] as string, '1.23')
  },
}

/** The three wordings, oldest first. */
export const SCRIPT_FAILURE_RULES: readonly Rule<ScriptFailure>[] = [SCRIPT_FAILURE_1_17_RULE, SCRIPT_FAILURE_1_19_RULE, SCRIPT_FAILURE_1_23_RULE]

/** Parse a reason line as a maintainer-script failure in any dpkg wording. */
export function parseScriptFailure(reason: string): ScriptFailure | undefined {
  for (const rule of SCRIPT_FAILURE_RULES) {
    const hit = rule.match(reason)
    if (hit !== undefined) return hit
  }
  return undefined
}
