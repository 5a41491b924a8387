/**
 * `.deb` file names as dpkg prints them (FORMATS.md §5.4): apt's cache names
 * `<name>_<version>_<arch>.deb` with `%xx` quoting (`libgcc1_1%3a4.9.2-10_amd64.deb` is libgcc1
 * 1:4.9.2-10 amd64), apt ≥ 1.3's numbered links `.../00-libbsd0_0.11.7-2_amd64.deb` in a
 * temporary `apt-dpkg-install-*` folder, and dpkg's shortened paths `.../archives/x.deb`,
 * `..././x.deb`.
 * @module
 */

import { isArchName, isPackageName } from './package-ref.ts'

/** What a `.deb` path says about its package. */
export interface DebFileName {
  /** Package name, `%xx` decoded. */
  readonly package: string
  /** Version with epoch, `%xx` decoded (`1%3a4.9.2-10` → `1:4.9.2-10`). */
  readonly version: string
  /** Architecture (`all`, `amd64`). */
  readonly arch: string
  /** True when a `NN-` link number was removed from the front of the name. */
  readonly numbered: boolean
}

/** What the surrounding lines tell about a file name whose front could be a link number. */
export interface DebNameHints {
  /** The current dpkg run already showed numbered links (its first one is `0-`, `00-` …). */
  readonly numbered?: boolean | undefined
  /** The package announced just before (`Selecting previously unselected package x.`). */
  readonly expectedPackage?: string | undefined
}

const EXTENSIONS: readonly string[] = ['.deb', '.udeb', '.ddeb']

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  return -1
}

/**
 * Undo apt's `%xx` quoting of cache file names. Bytes above 0x7f are UTF-8 and decoded as such;
 * a malformed sequence leaves the text as it was (never throws).
 */
export function unquoteFileName(text: string): string {
  if (!text.includes('%')) return text
  let ascii = ''
  let wide = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x25 && hexValue(text.charCodeAt(i + 1)) >= 0 && hexValue(text.charCodeAt(i + 2)) >= 0) {
      const byte = hexValue(text.charCodeAt(i + 1)) * 16 + hexValue(text.charCodeAt(i + 2))
      if (byte > 0x7f) wide = true
      ascii += String.fromCharCode(byte)
      i += 2
    } else {
      ascii += text[i]
    }
  }
  if (!wide) return ascii
  // Non-ASCII bytes: let the platform's URI decoder assemble the UTF-8 sequences.
  let escaped = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const isEscape = c === 0x25 && hexValue(text.charCodeAt(i + 1)) >= 0 && hexValue(text.charCodeAt(i + 2)) >= 0
    escaped += c === 0x25 && !isEscape ? '%25' : (text[i] as string)
  }
  try {
    return decodeURIComponent(escaped)
  } catch {
    return text
  }
}

/** The part after the last `/`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** `NN-` at the front of a name: the index past the dash, or -1. */
function linkNumberEnd(name: string): number {
  let i = 0
  while (i < name.length && name.charCodeAt(i) >= 0x30 && name.charCodeAt(i) <= 0x39) i++
  return i > 0 && name.charCodeAt(i) === 0x2d && i + 1 < name.length ? i + 1 : -1
}

/** `0`, `00`, `03`, `007`: apt's zero-padded numbers (a package name never starts like that). */
function isZeroPadded(digits: string): boolean {
  return digits.charCodeAt(0) === 0x30
}

/**
 * Decode a `.deb` path into package, version and architecture, or undefined when its file name
 * does not have the `<name>_<version>_<arch>.deb` shape (a local `mypkg.deb`).
 *
 * A leading `NN-` is ambiguous (`389-ds-base_…` is a real package), so it counts as apt's link
 * number only when the hints say so, when the folder is apt's `apt-dpkg-install-*`, or when the
 * number starts with `0` (apt numbers from 0 and zero-pads to the width of the count, so the
 * first link of a run is always `0-`, `00-` …: FORMATS.md §5.4).
 */
export function decodeDebPath(path: string, hints: DebNameHints = {}): DebFileName | undefined {
  const file = baseName(path)
  // indexOf scans, not `EXTENSIONS.find(…)` and `split('_')`: one `.deb` name per `Preparing` line.
  let stemEnd = -1
  for (const ext of EXTENSIONS) {
    if (file.endsWith(ext)) {
      stemEnd = file.length - ext.length
      break
    }
  }
  if (stemEnd === -1) return undefined
  // Exactly three `_`-separated parts: name, version, architecture.
  const first = file.indexOf('_')
  if (first === -1 || first >= stemEnd) return undefined
  const second = file.indexOf('_', first + 1)
  if (second === -1 || second >= stemEnd) return undefined
  const third = file.indexOf('_', second + 1)
  if (third !== -1 && third < stemEnd) return undefined
  const rawName = file.slice(0, first)
  const rawVersion = file.slice(first + 1, second)
  const rawArch = file.slice(second + 1, stemEnd)
  const version = unquoteFileName(rawVersion)
  const arch = unquoteFileName(rawArch)
  if (version.length === 0 || !isArchName(arch)) return undefined

  const literal = unquoteFileName(rawName)
  const literalOk = isPackageName(literal)
  const cut = linkNumberEnd(rawName)
  const unnumbered = cut === -1 ? undefined : unquoteFileName(rawName.slice(cut))
  const unnumberedOk = unnumbered !== undefined && isPackageName(unnumbered)

  let useNumbered = false
  if (unnumberedOk) {
    if (hints.expectedPackage !== undefined && (hints.expectedPackage === unnumbered || hints.expectedPackage === literal)) {
      useNumbered = hints.expectedPackage === unnumbered
    } else {
      useNumbered = hints.numbered === true || path.includes('/apt-dpkg-install-') || isZeroPadded(rawName.slice(0, cut - 1)) || !literalOk
    }
  }
  if (useNumbered) return { package: unnumbered as string, version, arch, numbered: true }
  if (!literalOk) return undefined
  return { package: literal, version, arch, numbered: false }
}
