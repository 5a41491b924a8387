/**
 * Package references as dpkg prints them: `libbsd0:amd64` for `Multi-Arch: same` and foreign
 * packages, a plain `openssh-client` otherwise (FORMATS.md §5.1, "non-ambiguous" names).
 * @module
 */

/** A package name with its architecture when one was printed. */
export interface PackageRef {
  /** Name without `:arch`. */
  readonly name: string
  /** Architecture after the colon, when printed. */
  readonly arch?: string
}

/** `a-z`, `A-Z`, `0-9`: dpkg lets a name start with any of these (`pkg_name_is_illegal`). */
function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)
}

/** True for a package name: an alphanumeric first character, then alphanumerics and `+ - . _`. */
export function isPackageName(text: string): boolean {
  if (text.length === 0 || !isAlnum(text.charCodeAt(0))) return false
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!isAlnum(c) && c !== 0x2b && c !== 0x2d && c !== 0x2e && c !== 0x5f) return false
  }
  return true
}

/** True for an architecture name: lower-case letters, digits and `-` (`amd64`, `arm64`, `all`, `musl-linux-amd64`). */
export function isArchName(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return false
  }
  return true
}

/** Read `name` or `name:arch`; undefined when the text is not a package reference. */
export function parsePackageRef(text: string): PackageRef | undefined {
  const colon = text.indexOf(':')
  if (colon === -1) return isPackageName(text) ? { name: text } : undefined
  const name = text.slice(0, colon)
  const arch = text.slice(colon + 1)
  if (!isPackageName(name) || !isArchName(arch)) return undefined
  return { name, arch }
}

/** `name` or `name:arch` back as printed. */
export function formatPackageRef(ref: PackageRef): string {
  return ref.arch === undefined ? ref.name : `${ref.name}:${ref.arch}`
}
