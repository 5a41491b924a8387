import { describe, expect, test } from 'vitest'
import { fetchCause, packageOfUri } from '../../src/apt/classify.ts'
import type { ProblemEvent } from '../../src/events/index.ts'
import { ofType, runApt } from './support.ts'

/** The problems some lines prove. */
function problems(lines: readonly string[]): ProblemEvent[] {
  return ofType(runApt(lines).events, 'problem')
}

interface Case {
  readonly name: string
  readonly lines: readonly string[]
  readonly want: Partial<ProblemEvent>
}

const cases: Record<string, readonly Case[]> = {
  'apt.package-not-found': [
    { name: 'apt-get, every version (bookworm-f1)', lines: ['E: Unable to locate package nonexistent-pkg-xyz'], want: { severity: 'error', package: 'nonexistent-pkg-xyz' } },
    { name: 'apt 3 `apt` (trixie-f6)', lines: ['Error: Unable to locate package nonexistent-pkg-xyz'], want: { severity: 'error', package: 'nonexistent-pkg-xyz' } },
    { name: 'glob (§4.2)', lines: ["E: Couldn't find any package by glob 'libfoo*'"], want: { package: 'libfoo*' } },
    { name: 'German text after the untranslated `E:` (bookworm-de-f1, §1.4)', lines: ['E: Paket nonexistent-pkg-xyz kann nicht gefunden werden.'], want: { severity: 'error', package: 'nonexistent-pkg-xyz', locale: 'de' } },
    { name: 'apt 3 `apt`, German prefix and text (trixie-de-f6)', lines: ['Fehler: Paket nonexistent-pkg-xyz kann nicht gefunden werden.'], want: { severity: 'error', package: 'nonexistent-pkg-xyz', locale: 'de' } },
  ],
  'apt.no-install-candidate': [
    { name: 'virtual package (bookworm-f2)', lines: ["E: Package 'mail-transport-agent' has no installation candidate"], want: { package: 'mail-transport-agent' } },
    { name: 'lists deleted (trixie-i4)', lines: ["E: Package 'openssh-client' has no installation candidate"], want: { package: 'openssh-client' } },
    { name: 'apt 1.0 wording without quotes (§4.2, apt 1.0 source)', lines: ['E: Package python has no installation candidate'], want: { package: 'python' } },
  ],
  'apt.version-not-found': [{ name: 'bookworm-f4', lines: ["E: Version '0.0' for 'bash' was not found"], want: { package: 'bash' } }],
  'apt.release-not-found': [
    { name: 'APT::Default-Release from -t (bookworm-f5)', lines: ["E: The value 'bookworm-backports' is invalid for APT::Default-Release as such a release is not available in the sources"], want: {} },
    { name: 'pkg/release (§4.2)', lines: ["E: Release 'bookworm-backports' for 'bash' was not found"], want: { package: 'bash' } },
  ],
  'apt.unmet-dependencies': [
    { name: 'classic final error (bookworm-g1)', lines: ['E: Unable to correct problems, you have held broken packages.'], want: {} },
    { name: 'apt 3 `apt` (trixie-g3)', lines: ['Error: Unable to correct problems, you have held broken packages.'], want: {} },
    { name: 'broken system, apt ≥ 1.4 (trixie-b4)', lines: ["E: Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution)."], want: {} },
    { name: 'broken system, apt ≤ 1.3 (§4.2)', lines: ["E: Unmet dependencies. Try 'apt-get -f install' with no packages (or specify a solution)."], want: {} },
    {
      name: 'apt 3.3 solver error with its explanation (sid-g1): package from the first step',
      lines: ['E: Unable to satisfy dependencies. Reached two conflicting assignments:', '   1. unmet-libc:amd64=1.0 is selected for install', '   2. unmet-libc:amd64 Depends libc6 (>= 99)'],
      want: { package: 'unmet-libc', line: 1, endLine: 3 },
    },
    { name: 'resolver breaks (§4.2)', lines: ['E: Error, pkgProblemResolver::Resolve generated breaks, this may be caused by held packages.'], want: {} },
    {
      name: 'the unmet block itself (bookworm-g2): package = the one that cannot be installed',
      lines: ['The following packages have unmet dependencies:', ' predep-nonexistent : PreDepends: no-such-predep-pkg but it is not installable', 'E: Unable to correct problems, you have held broken packages.'],
      want: { package: 'predep-nonexistent', line: 1, endLine: 2, message: 'predep-nonexistent : PreDepends: no-such-predep-pkg but it is not installable' },
    },
  ],
  'apt.essential-removal-refused': [
    { name: '§4.2', lines: ['E: Removing essential system-critical packages is not permitted. This might break the system.'], want: {} },
    { name: 'with -y (§3.5)', lines: ['E: Essential packages were removed and -y was used without --allow-remove-essential.'], want: {} },
    {
      name: 'apt 1.0: one refusal for all, told apart by the list shown above it',
      lines: ['WARNING: The following essential packages will be removed.', 'This should NOT be done unless you know exactly what you are doing!', '  bash', 'E: There are problems and -y was used without --force-yes'],
      want: {},
    },
  ],
  'apt.downgrade-refused': [
    { name: 'with -y (§3.5)', lines: ['E: Packages were downgraded and -y was used without --allow-downgrades.'], want: {} },
    { name: 'apt 1.0', lines: ['The following packages will be DOWNGRADED:', '  tzdata', 'E: There are problems and -y was used without --force-yes'], want: {} },
  ],
  'apt.held-change-refused': [
    { name: 'FORMATS.md Appendix B (apt 2.6.1 run)', lines: ['E: Held packages were changed and -y was used without --allow-change-held-packages.'], want: {} },
    { name: 'apt 1.0', lines: ['The following held packages will be changed:', '  demo-b', 'E: There are problems and -y was used without --force-yes'], want: {} },
  ],
  'apt.fetch-failed': [
    {
      name: 'update, connection refused: a warning (bookworm-i1)',
      lines: ['W: Failed to fetch http://127.0.0.1:9/debian/dists/bookworm/InRelease  Could not connect to 127.0.0.1:9 (127.0.0.1). - connect (111: Connection refused)'],
      want: { severity: 'warning', cause: 'connection-refused' },
    },
    {
      name: 'update, apt 3.0 wording after retries (trixie-i1)',
      lines: ['W: Failed to fetch http://127.0.0.1:9/debian/dists/trixie/InRelease  Unable to connect to 127.0.0.1:9:'],
      want: { severity: 'warning', cause: 'connection-refused' },
    },
    {
      name: 'update, DNS (bookworm-i6)',
      lines: ["W: Failed to fetch http://mirror.example.com/debian/dists/bookworm/InRelease  Temporary failure resolving 'mirror.example.com'"],
      want: { severity: 'warning', cause: 'dns' },
    },
    {
      name: 'install, DNS: an error with the package from the URI (bookworm-i6)',
      lines: ["E: Failed to fetch http://mirror.example.com/debian/pool/main/o/openssl/libssl3_3.0.20-1%7edeb12u2_amd64.deb  Temporary failure resolving 'mirror.example.com'"],
      want: { severity: 'error', cause: 'dns', package: 'libssl3' },
    },
    {
      name: 'install via a dead proxy (bookworm-i5)',
      lines: ['E: Failed to fetch http://mirror.example.com/debian/pool/main/libe/libedit/libedit2_3.1-20221030-2_amd64.deb  Unable to connect to 127.0.0.1:9:'],
      want: { cause: 'connection-refused', package: 'libedit2' },
    },
    {
      name: 'stale lists, 404 from a flat repository (bookworm-i3)',
      lines: ['E: Failed to fetch http://127.0.0.1:8765/./stale-pkg_1.0_all.deb  404  File not found [IP: 127.0.0.1 8765]'],
      want: { cause: 'http-404', package: 'stale-pkg' },
    },
    { name: 'other HTTP status (§4.2)', lines: ['E: Failed to fetch http://mirror.example.com/debian/pool/main/a/adduser/adduser_3.152_all.deb  403  Forbidden [IP: 203.0.113.80 80]'], want: { cause: 'http-other', package: 'adduser' } },
    {
      name: 'hash mismatch with its hash lines (trixie-i8)',
      lines: ['E: Failed to fetch http://127.0.0.1:8765/./hashsum-pkg_1.0_all.deb  Hash Sum mismatch', '   Hashes of expected file:', '    - SHA256:31b46b9341e131f00c9e84fc94734765057e191ded0ab60e09a68f86be391615'],
      want: { cause: 'hash-mismatch', package: 'hashsum-pkg', endLine: 3, message: 'Failed to fetch http://127.0.0.1:8765/./hashsum-pkg_1.0_all.deb  Hash Sum mismatch' },
    },
    // Spacing: apt prints two spaces between the URI and the error (§4.2); pasted logs collapse or
    // widen them, and keep trailing blanks. A URI has no blank, so the cause and package survive.
    {
      name: 'apt 1.0 two spaces (jshimko/meteor-launchpad#104)',
      lines: ['E: Failed to fetch http://security.debian.org/pool/updates/main/o/openssl/openssl_1.0.1t-1+deb8u8_amd64.deb  Hash Sum mismatch'],
      want: { cause: 'hash-mismatch', package: 'openssl' },
    },
    {
      name: 'one space, as a web page renders it (the same line)',
      lines: ['E: Failed to fetch http://security.debian.org/pool/updates/main/o/openssl/openssl_1.0.1t-1+deb8u8_amd64.deb Hash Sum mismatch'],
      want: { cause: 'hash-mismatch', package: 'openssl' },
    },
    {
      name: 'a tab and trailing blanks (the same line)',
      lines: ['E: Failed to fetch http://security.debian.org/pool/updates/main/o/openssl/openssl_1.0.1t-1+deb8u8_amd64.deb\tHash Sum mismatch   '],
      want: { cause: 'hash-mismatch', package: 'openssl' },
    },
    {
      name: 'apt 2 with its hash block, trailing blanks on the lines under it (saltstack/salt-bootstrap#1451)',
      lines: [
        'E: Failed to fetch https://repo.saltstack.com/apt/ubuntu/18.04/amd64/latest/pool/main/s/salt/salt-common_3000.1+ds-1_all.deb  Hash Sum mismatch',
        '   Hashes of expected file:',
        '    - SHA1:eba2831c5639fec14e38133680bbbfd42fe5471e [weak]        ',
        '   Last modification reported: Wed, 01 Apr 2020 16:19:09 +0000    ',
      ],
      want: { cause: 'hash-mismatch', package: 'salt-common', endLine: 4 },
    },
    {
      name: "apt 3's Error: prefix, an index from apt's store: method (hydrapwk/hydrapwk#10)",
      lines: ['Error: Failed to fetch store:/var/lib/apt/lists/partial/repo.rstrike.my.id_apes_dists_apes_non-free_binary-amd64_Packages.gz  Hash Sum mismatch', '   Hashes of expected file:', '    - Filesize:947 [weak]'],
      want: { severity: 'error', cause: 'hash-mismatch', endLine: 3 },
    },
    {
      name: 'an index during update, warned (nodesource/distributions#381)',
      lines: ['W: Failed to fetch https://deb.nodesource.com/node_6.x/dists/precise/main/source/Sources  Hash Sum mismatch'],
      want: { severity: 'warning', cause: 'hash-mismatch' },
    },
    {
      name: 'no error text after the URI, two trailing spaces (sysown/proxysql#2525, apt 1.4)',
      lines: ['E: Failed to fetch https://repo.proxysql.com/ProxySQL/proxysql-2.0.x/stretch/./InRelease  '],
      want: { severity: 'error', message: 'Failed to fetch https://repo.proxysql.com/ProxySQL/proxysql-2.0.x/stretch/./InRelease' },
    },
    {
      name: 'no https method (influxdata/influxdb#7914, apt 1.2)',
      lines: ['E: The method driver /usr/lib/apt/methods/https could not be found.', 'N: Is the package apt-transport-https installed?'],
      want: { severity: 'error', cause: 'method-missing', line: 1, message: 'The method driver /usr/lib/apt/methods/https could not be found.' },
    },
    {
      name: 'no http method (angstwad/docker.ubuntu#88)',
      lines: ['E: The method driver /usr/lib/apt/methods/http could not be found.'],
      want: { cause: 'method-missing' },
    },
    {
      name: 'changed .deb of another size (FORMATS.md §10, apt 2.6.1 run)',
      lines: ['E: Failed to fetch http://127.0.0.1:18777/pool/demo-a_1.0-1_all.deb  File has unexpected size (640 != 630). Mirror sync in progress? [IP: 127.0.0.1 18777]'],
      want: { cause: 'size-mismatch', package: 'demo-a' },
    },
    {
      name: 'connect timeout (§4.2 template)',
      lines: ['E: Failed to fetch http://mirror.example.com/debian/pool/main/a/adduser/adduser_3.152_all.deb  Could not connect to mirror.example.com:80 (203.0.113.80), connection timed out'],
      want: { cause: 'timeout' },
    },
  ],
  'apt.release-file-missing': [
    { name: 'apt-get (bookworm-i2)', lines: ["E: The repository 'http://mirror.example.com/debian bookworm-doesnotexist Release' does not have a Release file."], want: { severity: 'error' } },
    { name: 'apt 3 `apt` (trixie-i2b)', lines: ["Error: The repository 'http://mirror.example.com/debian trixie-doesnotexist Release' does not have a Release file."], want: { severity: 'error' } },
    { name: 'apt 1.1–1.2 warned (§4.2)', lines: ["W: The repository 'http://mirror.example.com/debian jessie-doesnotexist Release' does not have a Release file."], want: { severity: 'warning' } },
  ],
  'apt.release-expired': [
    {
      name: 'apt 3.3.5 against an expired sid mirror (§2.3, §4.2)',
      lines: ['E: Release file for http://mirror.example.com/debian/dists/sid/InRelease is expired (invalid since 21d 14h 58min 2s). Updates for this repository will not be applied.'],
      want: {},
    },
  ],
  'apt.release-not-yet-valid': [
    {
      name: 'clock behind (§4.2, apt 2.6.1 run)',
      lines: ['E: Release file for http://127.0.0.1:18777/dists/lab/InRelease is not valid yet (invalid for another 2h 59min 49s). Updates for this repository will not be applied.'],
      want: {},
    },
  ],
  'apt.signature-invalid': [
    {
      name: 'NO_PUBKEY (§4.2, apt 2.6.1 run)',
      lines: ["W: GPG error: http://127.0.0.1:18777 ./ InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY D8FC428A1B2F4E40"],
      want: { severity: 'warning' },
    },
    { name: 'not signed (§4.2, apt 2.6.1 run)', lines: ["E: The repository 'http://127.0.0.1:18777 ./ InRelease' is not signed."], want: { severity: 'error' } },
    { name: 'apt ≥ 2.9.33 wording (§4.2)', lines: ["W: OpenPGP signature verification failed: http://127.0.0.1:18777 ./ InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY D8FC428A1B2F4E40"], want: {} },
  ],
  'apt.lock-held': [
    { name: 'apt ≥ 1.9.2 (bookworm-j1)', lines: ['E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 32460 (dpkg)'], want: { cause: 'held' } },
    { name: 'apt ≤ 1.9.1 (§4.2)', lines: ['E: Could not get lock /var/lib/dpkg/lock - open (11: Resource temporarily unavailable)'], want: { cause: 'held' } },
    { name: 'apt 1.0 (§4.2)', lines: ['E: Unable to lock the administration directory (/var/lib/dpkg/), is another process using it?'], want: { cause: 'held' } },
    { name: 'lock-wait timeout, apt 3 `apt` (§3.1)', lines: ['Error: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?'], want: { cause: 'held' } },
    { name: 'not root (§4.2)', lines: ['E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?'], want: { cause: 'not-root' } },
  ],
  'apt.reinstall-required': [{ name: 'trixie-k3', lines: ["E: The package slow-preinst needs to be reinstalled, but I can't find an archive for it."], want: { package: 'slow-preinst' } }],
  'apt.index-download-failed': [
    { name: 'warning after transient failures (bookworm-i1)', lines: ['W: Some index files failed to download. They have been ignored, or old ones used instead.'], want: { severity: 'warning' } },
    { name: 'error otherwise (§4.2)', lines: ['E: Some index files failed to download. They have been ignored, or old ones used instead.'], want: { severity: 'error' } },
  ],
  'apt.archives-fetch-failed': [
    { name: 'apt ≤ 3.0 (bookworm-i3)', lines: ['E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?'], want: {} },
    { name: 'apt 3.1+ (§4.2)', lines: ['E: Unable to fetch some archives, maybe run apt update or try with --fix-missing?'], want: {} },
    { name: '-d mode (§4.2)', lines: ['E: Some files failed to download'], want: {} },
  ],
  'apt.unauthenticated': [
    { name: 'apt 1.1+ (§4.2)', lines: ['E: There were unauthenticated packages and -y was used without --allow-unauthenticated'], want: {} },
    { name: 'apt 1.0 list + shared refusal', lines: ['WARNING: The following packages cannot be authenticated!', '  demo-a', 'E: There are problems and -y was used without --force-yes'], want: {} },
  ],
  'apt.hook-failed': [
    { name: 'hook + its sub-process line: one failure, one problem (§4.2, apt 2.6.1 run)', lines: ["E: Problem executing scripts APT::Update::Post-Invoke 'false'", 'E: Sub-process returned an error code'], want: {} },
  ],
  'apt.release-info-changed': [
    { name: 'a new stable release (§4.2)', lines: ["E: Repository 'http://mirror.example.com/debian bookworm InRelease' changed its 'Suite' value from 'stable' to 'oldstable'"], want: {} },
  ],
  'apt.pty-unavailable': [{ name: 'no /dev/pts: an E: that apt survives, so a warning (bookworm-l6 exits 0)', lines: ['E: Can not write log (Is /dev/pts mounted?) - posix_openpt (19: No such device)'], want: { severity: 'warning' } }],
  'apt.aborted': [
    { name: 'no -y and stdin is not a terminal (§3.5)', lines: ['Do you want to continue? [Y/n] Abort.'], want: { message: 'Do you want to continue? [Y/n] Abort.' } },
    { name: 'Abort. on its own line', lines: ['Abort.'], want: {} },
  ],
  'disk.full': [
    { name: 'archives directory (§3.4, apt 2.6.1 run)', lines: ["E: You don't have enough free space in /var/cache/apt/archives/."], want: { severity: 'error' } },
    { name: 'apt 3 space warning (§3.7)', lines: ['W: More space needed than available: 80.0 MB > 50.0 MB, installation may fail'], want: { severity: 'warning' } },
  ],
  'dpkg.interrupted': [{ name: 'ends with a space (bookworm-k1)', lines: ["E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem. "], want: {} }],
  'dpkg.subprocess-failed': [
    { name: 'apt-get (bookworm-h1)', lines: ['E: Sub-process /usr/bin/dpkg returned an error code (1)'], want: { severity: 'error' } },
    { name: 'apt 3 `apt` (trixie-h1c)', lines: ['Error: Sub-process /usr/bin/dpkg returned an error code (1)'], want: {} },
    { name: 'signal (§4.2)', lines: ['E: Sub-process /usr/bin/dpkg received a segmentation fault.'], want: {} },
  ],
  'apt.other-error': [
    { name: 'debconf missing from the dpkg database: survivable, a warning (trixie-b1 exits 0)', lines: ['E: Cannot get debconf version. Is debconf installed?'], want: { cause: 'debconf-unavailable', severity: 'warning' } },
    { name: 'sources unreadable (§4.2)', lines: ['E: The list of sources could not be read.'], want: {} },
    { name: 'an Italian text after the untranslated prefix: no tables for it (§1.4)', lines: ['E: Impossibile trovare il pacchetto nosuch'], want: {} },
  ],
}

describe('problems from apt output: one table per kind, real lines', () => {
  for (const [kind, table] of Object.entries(cases)) {
    describe(kind, () => {
      test.each(table)('$name', ({ lines, want }) => {
        const found = problems(lines)
        expect(found).toHaveLength(1)
        expect(found[0]).toMatchObject({ type: 'problem', kind, ...want })
      })
    })
  }
})

describe('lines that prove nothing', () => {
  test.each([
    ['W: --force-yes is deprecated, use one of the options starting with --allow instead.', 'a deprecation warning'],
    ['W: Target Packages (main/binary-amd64/Packages) is configured multiple times in /etc/apt/sources.list:1 and /etc/apt/sources.list.d/debian.sources:1', 'duplicate sources'],
    ["W: http://127.0.0.1:18777/dists/lab/InRelease: Key is stored in legacy trusted.gpg keyring (/etc/apt/trusted.gpg), see the DEPRECATION section in apt-key(8) for details.", 'apt-key deprecation (2.4 … 2.9)'],
    ['N: See apt-secure(8) manpage for repository creation and user configuration details.', 'notices are never problems'],
    ["Notice: Some sources can be modernized. Run 'apt modernize-sources' to do so.", 'apt 3 notice'],
    ['E: There are problems and -y was used without --force-yes', 'apt 1.0 refusal with no list to tell which — other-error instead'],
    ['N: Is the package apt-transport-https installed?', "the notice after a missing method (the E: line before it is the problem)"],
    ['E: The method driver /usr/lib/apt/methods/https could not be found', 'near miss: no full stop — other-error'],
  ])('%s (%s)', (line) => {
    const found = problems([line])
    expect(found.every((p) => p.kind === 'apt.other-error')).toBe(true)
    if (!line.startsWith('E: ')) expect(found).toEqual([])
  })
})

describe('one problem per failure', () => {
  test('trixie-g1: unmet block + classic error + solver context = one apt.unmet-dependencies', () => {
    const lines = [
      'The following packages have unmet dependencies:',
      ' unmet-libc : Depends: libc6 (>= 99) but 2.41-12+deb13u5 is to be installed',
      'E: Unable to correct problems, you have held broken packages.',
      'E: The following information from --solver 3.0 may provide additional context:',
      '   Unable to satisfy dependencies. Reached two conflicting decisions:',
      '   1. unmet-libc:amd64=1.0 is selected for install',
    ]
    expect(problems(lines).map((p) => [p.kind, p.package, p.line])).toEqual([['apt.unmet-dependencies', 'unmet-libc', 1]])
  })

  test('stderr before stdout: the unmet block still gets its problem, so its header is covered by an event', () => {
    // Found by fast-check: the error printed before the block (apt's stdout and stderr are not ordered, §1.1).
    const { events } = runApt(['E: Unable to correct problems, you have held broken packages.', 'The following packages have unmet dependencies:', ' unmet-libc : Depends: libc6 (>= 99) but 2.36-9+deb12u14 is to be installed'])
    expect(ofType(events, 'problem').map((p) => [p.line, p.package])).toEqual([
      [1, undefined],
      [2, 'unmet-libc'],
    ])
  })

  test('bookworm-j1: the lock message pair is one apt.lock-held', () => {
    const lines = ['E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 32460 (dpkg)', 'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?']
    expect(problems(lines).map((p) => p.kind)).toEqual(['apt.lock-held'])
  })

  test('two apt commands in one log fail twice: a new `Reading package lists...` starts a new failure', () => {
    const once = ['The following packages have unmet dependencies:', ' a : Depends: b but it is not installable', 'E: Unable to correct problems, you have held broken packages.']
    expect(problems([...once, 'Reading package lists...', ...once]).map((p) => p.line)).toEqual([1, 5])
  })

  test('each failed download is its own problem (bookworm-i5)', () => {
    const lines = [
      'E: Failed to fetch http://mirror.example.com/debian/pool/main/libb/libbsd/libbsd0_0.11.7-2_amd64.deb  Could not connect to 127.0.0.1:9 (127.0.0.1). - connect (111: Connection refused)',
      'E: Failed to fetch http://mirror.example.com/debian/pool/main/libe/libedit/libedit2_3.1-20221030-2_amd64.deb  Unable to connect to 127.0.0.1:9:',
      'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?',
    ]
    expect(problems(lines).map((p) => [p.kind, p.package])).toEqual([
      ['apt.fetch-failed', 'libbsd0'],
      ['apt.fetch-failed', 'libedit2'],
      ['apt.archives-fetch-failed', undefined],
    ])
  })

  test('a problem follows the event that proves it, with the same line range', () => {
    const { events } = runApt(['E: Failed to fetch http://127.0.0.1:8765/./hashsum-pkg_1.0_all.deb  Hash Sum mismatch', '   Hashes of expected file:'])
    expect(events.map((e) => [e.type, e.line, e.endLine])).toEqual([
      ['apt.message', 1, 2],
      ['problem', 1, 2],
    ])
  })
})

describe('fetch causes and package names', () => {
  test.each([
    ['404  Not Found [IP: 203.0.113.80 80]', 'http-404'],
    ['404 ', 'http-404'],
    ['404', 'http-404'],
    ['502  Bad Gateway [IP: 10.0.0.1 3128]', 'http-other'],
    ["Could not resolve 'mirror.example.com'", 'dns'],
    ['Connection failed [IP: 203.0.113.80 80]', 'connection-refused'],
    ['Cannot initiate the connection to mirror.example.com:80 (2001:db8::1). - connect (101: Network is unreachable)', 'connection-refused'],
    ['Certificate verification failed: The certificate is NOT trusted. Could not handshake: Error in the certificate verification. [IP: 203.0.113.80 443]', 'tls'],
    ['Writing more data than expected (20672 > 20480) [IP: 203.0.113.80 80]', 'size-mismatch'],
    // gnutls wordings under apt's `Certificate verification failed:`: untrusted issuer (mrclksr/linux-browser-installer#49),
    // expired chain (roddhjav/pass-import#163), OCSP (Ximi1970/systray-x#130), wrong name (shiftkey/desktop#1233)
    ['Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 142.251.36.46 443]', 'tls'],
    ['Certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.  Could not handshake: Error in the certificate verification. [IP: 35.185.44.232 443]', 'tls'],
    ['Certificate verification failed: The certificate is NOT trusted. The received OCSP status response is invalid.  Could not handshake: Error in the certificate verification. [IP: 195.135.221.134 443]', 'tls'],
    ['Certificate verification failed: The certificate is NOT trusted. The name in the certificate does not match the expected.  Could not handshake: Error in the certificate verification. [IP: 13.107.246.59 443]', 'tls'],
    ['Undetermined Error [IP: 203.0.113.80 80]', undefined],
    // near misses: a number that is not a status, a status glued to text
    ['4040 Not Found', undefined],
    ['404Not Found', undefined],
  ])('%s → %s', (text, cause) => {
    expect(fetchCause(text)).toBe(cause)
  })
  test.each([
    ['http://mirror.example.com/debian/pool/main/k/krb5/libkrb5-3_1.20.1-2%2bdeb12u5_amd64.deb', 'libkrb5-3'],
    ['http://127.0.0.1:8765/./stale-pkg_1.0_all.deb', 'stale-pkg'],
    ['http://mirror.example.com/debian/dists/bookworm/InRelease', undefined],
  ])('%s → %s', (uri, pkg) => {
    expect(packageOfUri(uri)).toBe(pkg)
  })
})
