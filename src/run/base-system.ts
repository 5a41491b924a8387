/**
 * Packages every Debian or Ubuntu base system already has. When apt plans to *install* one of
 * them, the image's dpkg database is not what its base image shipped: the incident's signature
 * (an emptied or damaged /var/lib/dpkg/status makes apt plan `dpkg`, `debconf`, `libc6` …).
 *
 * Data, with its sources:
 * - ESSENTIAL and REQUIRED: `Essential: yes` and `Priority: required` stanzas of Debian's
 *   `main/binary-amd64/Packages` for bookworm (deb.debian.org, snapshot 2025-05-20) and trixie
 *   (deb.debian.org, read 2026-11-28), merged.
 * - BASE_LIBRARIES: packages that both the bookworm and the trixie `debootstrap --variant=minbase`
 *   runs retrieved (fixtures/other/*-debootstrap-minbase.log, `I: Retrieving` lines) and that are
 *   neither Essential nor required there: the libraries the Essential set depends on.
 * - HISTORICAL: names of older releases that the incident (jessie, apt 1.0) and Ubuntu base images
 *   show in the same role (libgcc1 before libgcc-s1, multiarch-support). Not checked against an
 *   archive Packages file: jessie's is not reachable from here.
 * @module
 */

/** How strongly a package belongs to every base system. */
export type BaseSystemTier = 'essential' | 'required' | 'base-library'

const ESSENTIAL = [
  'base-files', 'base-passwd', 'bash', 'bsdutils', 'coreutils', 'dash', 'debianutils', 'diffutils', 'dpkg',
  'findutils', 'grep', 'gzip', 'hostname', 'init-system-helpers', 'libc-bin', 'login', 'ncurses-base',
  'ncurses-bin', 'perl-base', 'sed', 'sysvinit-utils', 'tar', 'util-linux',
]

const REQUIRED = [
  'apt', 'debconf', 'e2fsprogs', 'libpam-modules', 'libpam-modules-bin', 'libpam-runtime', 'login.defs',
  'mawk', 'mount', 'passwd', 'tzdata',
  // Required in practice though no longer Priority: required (bookworm lowered library priorities):
  // every Essential binary links them.
  'libc6', 'libgcc-s1', 'zlib1g',
]

const BASE_LIBRARIES = [
  'debian-archive-keyring', 'gpgv', 'libacl1', 'libattr1', 'libaudit-common', 'libaudit1', 'libblkid1',
  'libbz2-1.0', 'libcap-ng0', 'libcap2', 'libcrypt1', 'libdebconfclient0', 'libgmp10',
  'liblz4-1', 'liblzma5', 'libmd0', 'libmount1', 'libpam0g', 'libpcre2-8-0', 'libseccomp2', 'libselinux1',
  'libsemanage-common', 'libsemanage2', 'libsepol2', 'libsmartcols1', 'libstdc++6', 'libsystemd0',
  'libtinfo6', 'libudev1', 'libuuid1', 'libxxhash0', 'libzstd1',
]

const HISTORICAL: readonly [string, BaseSystemTier][] = [
  ['libgcc1', 'required'],
  ['multiarch-support', 'required'],
  ['sysvinit', 'essential'],
  ['initscripts', 'required'],
  ['libtinfo5', 'base-library'],
  ['libncurses5', 'base-library'],
]

function buildTable(): ReadonlyMap<string, BaseSystemTier> {
  const table = new Map<string, BaseSystemTier>()
  for (const [name, tier] of HISTORICAL) table.set(name, tier)
  for (const name of BASE_LIBRARIES) table.set(name, 'base-library')
  for (const name of REQUIRED) table.set(name, 'required')
  for (const name of ESSENTIAL) table.set(name, 'essential')
  return table
}

const TABLE: ReadonlyMap<string, BaseSystemTier> = buildTable()

/** `gcc-12-base`, `gcc-4.9-base`: the gcc runtime base package of each release. */
function isGccBase(name: string): boolean {
  return name.startsWith('gcc-') && name.endsWith('-base') && /^gcc-\d+(?:\.\d+)?-base$/.test(name)
}

/**
 * The tier of a package name (with or without `:arch`), or undefined when it is not a base
 * system package.
 */
export function baseSystemTier(name: string): BaseSystemTier | undefined {
  const colon = name.indexOf(':')
  const bare = colon === -1 ? name : name.slice(0, colon)
  return TABLE.get(bare) ?? (isGccBase(bare) ? 'base-library' : undefined)
}
