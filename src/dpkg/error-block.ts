/**
 * dpkg's per-item error block (FORMATS.md §5.5, dpkg `src/main/errors.c`):
 *
 * ```
 * dpkg: error processing archive /var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):
 *  pre-dependency problem - not installing libgcc1:amd64
 * dpkg: error processing package failing-postinst (--configure):
 *  installed failing-postinst package post-installation script subprocess returned error exit status 1
 * ```
 *
 * One `dpkg.error` event per block, then the problem it proves.
 * @module
 */

import type { LineContext } from '../events/index.ts'
import { baseFields } from '../events/index.ts'
import type { DpkgDependencyProblemsEvent, DpkgErrorEvent, DpkgPreDependencyEvent } from '../events/dpkg.ts'
import { readMessagePrefix } from '../grammar/message-prefix.ts'
import type { Rule } from '../grammar/rules.ts'
import { clip, MAX_BLOCK_LINES, REJECTED, TAKEN, type BlockStep, type DpkgSink, type OpenBlock, type ProblemFields } from './block.ts'
import { classifyReasons, problemKindOf, reasonCause, type ErrorClassification } from './classify.ts'
import { decodeDebPath, type DebNameHints } from './deb-filename.ts'
import type { ErrorHeaderLine } from './hits.ts'
import { parsePackageRef, type PackageRef } from './package-ref.ts'
import { isBlank } from '../lines/chars.ts'

const HEAD = 'dpkg: error processing '

/** Actions dpkg prints as `(--%s)`: lower-case letters and dashes. */
function isAction(text: string): boolean {
  if (text.length === 0 || text.length > 30) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!((c >= 0x61 && c <= 0x7a) || c === 0x2d)) return false
  }
  return true
}

/**
 * `dpkg: error processing archive <path> (--unpack):` and `… package <name> (--configure):`
 * (`--install`, `--remove`, `--purge`, `--triggers-only` …). A header without the word
 * `archive`/`package` (older dpkg) is read by its shape: a path or `.deb` is an archive.
 */
export const ERROR_HEADER_RULE: Rule<ErrorHeaderLine> = {
  id: 'dpkg.error.processing',
  first: 'd',
  match(text: string): ErrorHeaderLine | undefined {
    if (!text.startsWith(HEAD) || !text.endsWith('):')) return undefined
    const open = text.lastIndexOf(' (--')
    if (open < HEAD.length) return undefined
    const action = text.slice(open + 4, text.length - 2)
    if (!isAction(action)) return undefined
    const middle = text.slice(HEAD.length, open)
    if (middle.startsWith('archive ')) return { kind: 'error-header', subject: 'archive', target: middle.slice(8), action }
    if (middle.startsWith('package ')) return { kind: 'error-header', subject: 'package', target: middle.slice(8), action }
    if (middle.length === 0 || middle.includes(' ')) return undefined
    const subject = middle.includes('/') || middle.endsWith('.deb') ? 'archive' : 'package'
    return { kind: 'error-header', subject, target: middle, action }
  },
}

/** What the error block needs from the grammar. */
export interface ErrorBlockDeps {
  /** Where events go. */
  readonly sink: DpkgSink
  /** True for a line some top-level dpkg rule recognises (it cannot be a stripped reason). */
  readonly isDpkgLine: (text: string) => boolean
  /** The block that closed just before this header: its detail enriches the problem. */
  readonly preceding: DpkgPreDependencyEvent | DpkgDependencyProblemsEvent | undefined
  /** Hints for decoding the archive's file name. */
  readonly hints: DebNameHints
  /** Claims the one `disk.full` problem of this dpkg run; false when it was already reported. */
  readonly claimDiskFull: () => boolean
  /** The last progress line's package and version (`Setting up x (1.0) ...`), for a header that names only the package. */
  readonly recent?: RecentPackage | undefined
}

/** A package with the version a progress line printed for it. */
export interface RecentPackage {
  readonly name: string
  readonly arch: string | undefined
  readonly version: string
}

/** Open the block for an error header line. */
export function openErrorBlock(hit: ErrorHeaderLine, ctx: LineContext, rule: string, deps: ErrorBlockDeps): OpenBlock {
  const reasons: string[] = []
  let endLine = ctx.line
  return {
    // dpkg prints at least one reason line under its header.
    unfinished: (): boolean => reasons.length === 0,
    offer(text: string, lineCtx: LineContext): BlockStep {
      let reason: string
      if (text.charCodeAt(0) === 0x20 && !isBlank(text)) {
        reason = text.trimStart()
      } else if (
        // A CI system may strip the reason's leading space (the seed incident log does): accept
        // one unindented line right after the header, unless it is a known line of its own.
        reasons.length === 0 &&
        !isBlank(text) &&
        !deps.isDpkgLine(text) &&
        // An apt message (any prefix, grammar/message-prefix.ts) is never a dpkg reason.
        readMessagePrefix(text) === undefined
      ) {
        reason = text
      } else {
        return REJECTED
      }
      if (reasons.length < MAX_BLOCK_LINES) reasons.push(clip(reason))
      endLine = lineCtx.line
      return TAKEN
    },
    close(): void {
      const classification = classifyReasons(reasons)
      const event = buildEvent(hit, ctx, rule, endLine, reasons, classification, deps.hints, deps.recent)
      deps.sink.event(event)
      const problem = problemFor(event, hit, classification, deps)
      if (problem !== undefined) deps.sink.problem(event, problem)
    },
  }
}

/** The `dpkg.error` event of a closed block, fields in their documented order. */
function buildEvent(
  hit: ErrorHeaderLine,
  ctx: LineContext,
  rule: string,
  endLine: number,
  reasons: readonly string[],
  c: ErrorClassification,
  hints: DebNameHints,
  recent: RecentPackage | undefined,
): DpkgErrorEvent {
  const event: { -readonly [K in keyof DpkgErrorEvent]: DpkgErrorEvent[K] } = {
    type: 'dpkg.error',
    ...baseFields(ctx, rule, endLine),
    subject: hit.subject,
    action: hit.action,
  } as DpkgErrorEvent
  const named: PackageRef | undefined = c.notInstalling ?? c.script?.ref
  if (hit.subject === 'package') {
    const ref = parsePackageRef(hit.target)
    // `Setting up x (1.0) ...` (or `Removing x (1.0) ...`) just before names the version the header leaves out.
    const same = ref !== undefined && recent !== undefined && recent.name === ref.name && (ref.arch === undefined || recent.arch === undefined || ref.arch === recent.arch)
    if (ref !== undefined) setPackage(event, ref.name, ref.arch ?? (same ? recent.arch : undefined), same ? recent.version : undefined)
  } else {
    const decoded = decodeDebPath(hit.target, named === undefined ? hints : { ...hints, expectedPackage: named.name })
    if (decoded !== undefined) setPackage(event, decoded.package, named?.arch ?? decoded.arch, decoded.version)
    else if (named !== undefined) setPackage(event, named.name, named.arch, undefined)
    event.archive = hit.target
  }
  event.reasons = reasons
  event.cause = c.cause
  if (c.script !== undefined) {
    event.script = c.script.script
    if (c.script.exitStatus !== undefined) event.exitStatus = c.script.exitStatus
    if (c.script.signal !== undefined) event.signal = c.script.signal
  }
  if (c.conflict?.owner !== undefined) {
    const conflict: { path: string; package: string; arch?: string; version?: string } = { path: c.conflict.path, package: c.conflict.owner.name }
    if (c.conflict.owner.arch !== undefined) conflict.arch = c.conflict.owner.arch
    if (c.conflict.ownerVersion !== undefined) conflict.version = c.conflict.ownerVersion
    event.conflict = conflict
  }
  return event
}

/** Set package, version, arch in that order (the JSON field order stays stable). */
function setPackage(event: { package?: string | undefined; version?: string | undefined; arch?: string | undefined }, name: string, arch: string | undefined, version: string | undefined): void {
  event.package = name
  if (version !== undefined) event.version = version
  if (arch !== undefined) event.arch = arch
}

/** How dpkg's prevent header names each operation. */
const OPERATION_WORDS: Readonly<Record<DpkgDependencyProblemsEvent['operation'], string>> = {
  configuration: 'configuration of',
  removal: 'removal of',
  triggers: 'processing triggers for',
}

/** `error processing package x (--configure): <reasons>`: the problem message in the log's words. */
function headline(hit: ErrorHeaderLine, reasons: readonly string[]): string {
  return `error processing ${hit.subject} ${hit.target} (--${hit.action}): ${reasons.join(' ')}`
}

/** The problem an error proves (none for a full disk already reported in this dpkg run). */
function problemFor(event: DpkgErrorEvent, hit: ErrorHeaderLine, c: ErrorClassification, deps: ErrorBlockDeps): ProblemFields | undefined {
  const kind = problemKindOf(c.cause)
  const pkg = event.package
  const withPackage = (fields: ProblemFields, name: string | undefined): ProblemFields => (name === undefined ? fields : { ...fields, package: name })
  switch (c.cause) {
    case 'disk-full':
      return deps.claimDiskFull() ? withPackage({ kind, severity: 'error', message: headline(hit, event.reasons) }, pkg) : undefined
    case 'maintainer-script': {
      const script = c.script
      return withPackage({ kind, severity: 'error', message: headline(hit, event.reasons), cause: script?.script }, script?.ref?.name ?? pkg)
    }
    case 'file-conflict':
      return withPackage({ kind, severity: 'error', message: headline(hit, event.reasons), cause: c.conflict?.kind }, pkg)
    case 'pre-dependency': {
      const name = c.notInstalling?.name ?? pkg
      const detail = deps.preceding?.type === 'dpkg.pre-dependency' && deps.preceding.package === name ? deps.preceding : undefined
      const reason = event.reasons[0] ?? ''
      if (detail === undefined) return withPackage({ kind, severity: 'error', message: reason }, name)
      const why = detail.reasons.length > 0 ? `: ${detail.reasons.join(' ')}` : ''
      const rel = detail.dependsOn === undefined ? '' : ` (${detail.package} pre-depends on ${detail.dependsOn}${why})`
      const first = detail.reasons[0]
      return withPackage({ kind, severity: 'error', message: `${reason}${rel}`, cause: first === undefined ? undefined : reasonCause(first) }, name)
    }
    case 'dependency': {
      const detail = deps.preceding?.type === 'dpkg.dependency-problems' && deps.preceding.package === pkg && deps.preceding.forced !== true ? deps.preceding : undefined
      if (detail === undefined) return withPackage({ kind, severity: 'error', message: headline(hit, event.reasons) }, pkg)
      // The block before the error says why, in dpkg's words: `dependency problems prevent
      // configuration of x: x depends on y (Package y is not installed.)`.
      const relations = detail.relations.map((r) => `${r.package} ${r.relation} ${r.target}${r.reasons.length > 0 ? ` (${r.reasons.join(' ')})` : ''}`)
      const first = detail.relations[0]?.reasons[0]
      const prevented = `dependency problems prevent ${OPERATION_WORDS[detail.operation]} ${hit.target}`
      return withPackage(
        { kind, severity: 'error', message: `${prevented}: ${relations.join('; ')}`, cause: first === undefined ? undefined : reasonCause(first) },
        pkg,
      )
    }
    default:
      return withPackage({ kind, severity: 'error', message: headline(hit, event.reasons) }, pkg)
  }
}
