/**
 * Lines dpkg's programs report through their `<program>: ` prefix (FORMATS.md §5.1,
 * `lib/dpkg/report.c`): `dpkg: warning: …`, `dpkg: error: …`, plain notices `dpkg: …`, the same
 * from `dpkg-deb`, `dpkg-divert`, `update-alternatives` and the other dpkg tools, and
 * `<program> (subprocess): …` from a forked child (`lib/dpkg/subproc.c`).
 * @module
 */

import type { Rule } from '../grammar/rules.ts'
import type { ReportLine } from './hits.ts'

/** The programs of the dpkg suite that run inside a dpkg phase. */
const PROGRAMS: ReadonlySet<string> = new Set([
  'dpkg',
  'dpkg-deb',
  'dpkg-divert',
  'dpkg-maintscript-helper',
  'dpkg-query',
  'dpkg-realpath',
  'dpkg-split',
  'dpkg-statoverride',
  'dpkg-trigger',
  'update-alternatives',
])

/** The program and the text after `<program>: ` (or `<program> (subprocess): `). */
export function readProgramPrefix(text: string): { program: string; text: string } | undefined {
  // Every program above is `dpkg…` or `update-alternatives`; most lines asked are debconf's.
  if (!text.startsWith('dpkg') && !text.startsWith('update-alternatives')) return undefined
  const colon = text.indexOf(': ')
  if (colon < 4 || colon > 40) return undefined
  let program = text.slice(0, colon)
  const subprocess = program.endsWith(' (subprocess)')
  const name = subprocess ? program.slice(0, -' (subprocess)'.length) : program
  if (!PROGRAMS.has(name)) return undefined
  if (!subprocess) program = name
  const rest = text.slice(colon + 2)
  return rest.length === 0 ? undefined : { program, text: rest }
}

/** `dpkg: warning: downgrading tzdata from 2026f-0+deb12u1 to 2026b-0+deb12u1`, `update-alternatives: warning: …`. */
export const WARNING_RULE: Rule<ReportLine> = {
  id: 'dpkg.warning',
  first: 'du',
  match(text: string): ReportLine | undefined {
    const prefix = readProgramPrefix(text)
    if (prefix === undefined || !prefix.text.startsWith('warning: ')) return undefined
    return { kind: 'warning', program: prefix.program, text: prefix.text.slice('warning: '.length) }
  },
}

/**
 * A top-level error that names no package: `dpkg: error: dpkg frontend lock was locked by another
 * process with pid 5432`, `dpkg-deb: error: 'x.deb' is not a Debian format archive`, and dpkg's
 * last words `dpkg: unrecoverable fatal error, aborting:` (its reason follows, indented).
 */
export const FATAL_RULE: Rule<ReportLine> = {
  id: 'dpkg.error.fatal',
  first: 'du',
  match(text: string): ReportLine | undefined {
    const prefix = readProgramPrefix(text)
    if (prefix === undefined) return undefined
    if (prefix.text.startsWith('error: ')) return { kind: 'fatal', program: prefix.program, text: prefix.text.slice('error: '.length) }
    if (prefix.text === 'unrecoverable fatal error, aborting:') return { kind: 'fatal', program: prefix.program, text: prefix.text }
    return undefined
  },
}

/** Any other `<program>: …` line: `dpkg: considering deconfiguration of …`, `dpkg: too many errors, stopping`. */
export const MESSAGE_RULE: Rule<ReportLine> = {
  id: 'dpkg.message',
  first: 'du',
  match(text: string): ReportLine | undefined {
    const prefix = readProgramPrefix(text)
    return prefix === undefined ? undefined : { kind: 'message', program: prefix.program, text: prefix.text }
  },
}
