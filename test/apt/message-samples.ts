/**
 * One real English message for each message rule of src/apt/classify.ts (`MESSAGE_RULES`), as
 * apt prints it: level letter and text. Where each comes from is said: a capture of the corpus
 * (MANIFEST.md), a line FORMATS.md quotes, or apt's msgid (the catalogue's C text, filled in).
 */

/** A message a rule reads. */
export interface MessageSample {
  /** The rule that must decide it (`MessageRule.id`). */
  readonly rule: string
  /** `E` or `W`: the prefix apt prints it with. */
  readonly letter: 'E' | 'W'
  /** The text after the prefix. */
  readonly text: string
  /** Lines apt printed before it that the rule needs (apt 1.0's refusal reads the list shown). */
  readonly before?: readonly string[]
  /** Where the line comes from. */
  readonly source: string
}

const s = (rule: string, letter: 'E' | 'W', text: string, source: string, before?: readonly string[]): MessageSample =>
  before === undefined ? { rule, letter, text, source } : { rule, letter, text, source, before }

/** At least one sample per rule; some rules read several msgids, a few of which are here too. */
export const MESSAGE_SAMPLES: readonly MessageSample[] = [
  s('apt.problem.fetch-failed', 'E', 'Failed to fetch http://127.0.0.1:8765/./stale-pkg_1.0_all.deb  404  File not found [IP: 127.0.0.1 8765]', 'corpus, stale index capture'),
  s('apt.problem.fetch-failed', 'W', "Failed to fetch http://mirror.example.com/debian/dists/bookworm/InRelease  Temporary failure resolving 'mirror.example.com'", 'corpus bookworm-i6-dns-resolution-failure-update'),
  s('apt.problem.unable-to-locate', 'E', 'Unable to locate package nonexistent-pkg-xyz', 'corpus bookworm-f1'),
  s('apt.problem.no-package-by-pattern', 'E', "Couldn't find any package by glob 'Packet_Tracer822_amd64_signed.deb'", 'public issue thread (canonical/ubuntu.com#14591)'),
  s('apt.problem.no-package-by-pattern', 'E', "Couldn't find any package by regex 'Packet_Tracer822_amd64_signed.deb'", 'public issue thread (canonical/ubuntu.com#14591)'),
  s('apt.problem.could-not-find-package', 'E', "Couldn't find package foo", "apt msgid `Couldn't find package %s`"),
  s('apt.problem.no-install-candidate', 'E', "Package 'openssh-client' has no installation candidate", 'corpus'),
  s('apt.problem.version-not-found', 'E', "Version '0.0' for 'bash' was not found", 'corpus bookworm-f4-version-not-found'),
  s('apt.problem.release-not-found', 'E', "Release 'bookworm-backports' for 'bash' was not found", "libapt-pkg msgid `Release '%s' for '%s' was not found`"),
  s('apt.problem.default-release-invalid', 'E', "The value 'bookworm-backports' is invalid for APT::Default-Release as such a release is not available in the sources", 'corpus bookworm-f5-release-not-found'),
  s('apt.problem.unmet-dependencies', 'E', 'Unable to correct problems, you have held broken packages.', 'corpus bookworm-g1'),
  s('apt.problem.unmet-dependencies', 'E', "Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution).", 'corpus'),
  s('apt.problem.unmet-dependencies', 'E', 'The following information from --solver 3.0 may provide additional context:', 'corpus trixie-g1'),
  s('apt.problem.unmet-dependencies', 'E', 'Unable to satisfy dependencies. Reached two conflicting assignments:', 'corpus sid-g1'),
  s('apt.problem.essential-removal-refused', 'E', 'Removing essential system-critical packages is not permitted. This might break the system.', 'FORMATS.md §4.2'),
  s('apt.problem.essential-removal-refused', 'E', 'Essential packages were removed and -y was used without --allow-remove-essential.', 'FORMATS.md §3.5 (bookworm capture)'),
  s('apt.problem.downgrade-refused', 'E', 'Packages were downgraded and -y was used without --allow-downgrades.', 'FORMATS.md §3.5'),
  s('apt.problem.held-change-refused', 'E', 'Held packages were changed and -y was used without --allow-change-held-packages.', 'FORMATS.md §3.5'),
  s('apt.problem.unauthenticated', 'E', 'There were unauthenticated packages and -y was used without --allow-unauthenticated', 'FORMATS.md §4.2'),
  s('apt.problem.force-yes-refusal', 'E', 'There are problems and -y was used without --force-yes', 'FORMATS.md §4.2 (apt 1.0)', ['WARNING: The following packages cannot be authenticated!', '  demo-a']),
  s('apt.problem.method-missing', 'E', 'The method driver /usr/lib/apt/methods/https could not be found.', 'influxdata/influxdb#7914 (apt 1.2 without apt-transport-https)'),
  s('apt.problem.index-download-failed', 'W', 'Some index files failed to download. They have been ignored, or old ones used instead.', 'corpus bookworm-i1'),
  s('apt.problem.archives-fetch-failed', 'E', 'Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?', 'corpus'),
  s('apt.problem.release-file-missing', 'E', "The repository 'http://mirror.example.com/debian bookworm-doesnotexist Release' does not have a Release file.", 'corpus'),
  s('apt.problem.release-expired', 'E', 'Release file for http://mirror.example.com/debian/dists/sid/InRelease is expired (invalid since 2d 3h 4min 5s). Updates for this repository will not be applied.', 'FORMATS.md §4.2 template, a URI of the corpus'),
  s('apt.problem.release-not-yet-valid', 'E', 'Release file for http://127.0.0.1:18777/./InRelease is not valid yet (invalid for another 2h 59min 49s). Updates for this repository will not be applied.', 'FORMATS.md §4.2 ([run])'),
  s('apt.problem.release-info-changed', 'E', "Repository 'http://deb.debian.org/debian bullseye InRelease' changed its 'Suite' value from 'stable' to 'oldstable'", "libapt-pkg msgid `Repository '%s' changed its '%s' value from '%s' to '%s'`"),
  s('apt.problem.signature', 'W', "GPG error: http://127.0.0.1:18777 ./ InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY D8FC428A1B2F4E40", 'FORMATS.md §4.2 (apt 2.6.1 run)'),
  s('apt.problem.signature', 'E', "The repository 'http://127.0.0.1:18777 ./ InRelease' is not signed.", 'FORMATS.md §4.2 (apt 2.6.1 run)'),
  s('apt.problem.lock', 'E', 'Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 514 (dpkg)', 'corpus'),
  s('apt.problem.lock', 'E', 'Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?', 'corpus'),
  s('apt.problem.lock', 'E', 'Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)', 'libapt-pkg msgid `Could not open lock file %s` + errno suffix'),
  s('apt.problem.dpkg-interrupted', 'E', "dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem.", 'corpus'),
  s('apt.problem.dpkg-subprocess', 'E', 'Sub-process /usr/bin/dpkg returned an error code (1)', 'corpus'),
  s('apt.problem.hook-failed', 'E', "Problem executing scripts APT::Update::Post-Invoke 'false'", 'FORMATS.md §4.2 ([run])'),
  s('apt.problem.hook-failed', 'E', 'Sub-process returned an error code', 'FORMATS.md §4.2 ([run])'),
  s('apt.problem.verifier-subprocess', 'E', 'Sub-process /usr/bin/sqv returned an error code (1)', 'libapt-pkg msgid `Sub-process %s returned an error code (%u)`, apt 3 verifier'),
  s('apt.problem.reinstall-required', 'E', "The package slow-preinst needs to be reinstalled, but I can't find an archive for it.", 'corpus'),
  s('apt.problem.pty-unavailable', 'E', 'Can not write log (Is /dev/pts mounted?) - posix_openpt (19: No such device)', 'corpus'),
  s('apt.problem.debconf-unavailable', 'E', 'Cannot get debconf version. Is debconf installed?', 'corpus'),
  s('apt.problem.disk-full', 'E', "You don't have enough free space in /var/cache/apt/archives/.", 'FORMATS.md §3.4 ([run])'),
  s('apt.problem.disk-full', 'W', 'More space needed than available: 80.0 MB > 50.0 MB, installation may fail', 'apt 3 (FORMATS.md §3.7)'),
]
