/**
 * The template list: the C msgids of the structural lines the apt and dpkg grammars read
 * (src/apt/*, src/dpkg/*), each with a stable id. `npm run locale:tables` looks every one up in
 * the pinned catalogues and writes their translations to src/locale/catalog.ts. A msgid is
 * written exactly as in the sources (`\n` included: the generator drops trailing newlines).
 *
 * Pieces that are not lines on their own (`%lu reinstalled, `, `...`, `Error:`) are templates
 * too; src/locale/lines.ts composes them into line templates the way apt and dpkg print them.
 * @module
 */

/** The gettext domain a msgid lives in (`libapt-pkg` is libapt-pkg6.0 in bookworm, libapt-pkg7.0 in trixie and sid). */
export type TemplateDomain = 'apt' | 'libapt-pkg' | 'dpkg'

/** One template of the list. */
export interface TemplateSpec {
  /** Stable id, used as the key of the generated tables. */
  readonly id: string
  /** The catalogue it is read from. */
  readonly domain: TemplateDomain
  /** The C msgid. */
  readonly msgid: string
  /** Where the grammar reads the English line (a rule id or file), for the reader. */
  readonly english: string
}

const apt = (id: string, msgid: string, english: string): TemplateSpec => ({ id, domain: 'apt', msgid, english })
const lib = (id: string, msgid: string, english: string): TemplateSpec => ({ id, domain: 'libapt-pkg', msgid, english })
const dpkg = (id: string, msgid: string, english: string): TemplateSpec => ({ id, domain: 'dpkg', msgid, english })

/** Every template, in the order the generated module lists them. */
export const TEMPLATE_SPECS: readonly TemplateSpec[] = [
  // Operation progress (src/apt/phases.ts): `<op>...` without a tty, `\r<op>... Done` with one.
  lib('phase.reading-package-lists', 'Reading package lists', 'apt.phase.reading-package-lists'),
  lib('phase.building-dependency-tree', 'Building dependency tree', 'apt.phase.building-dependency-tree'),
  lib('phase.reading-state-information', 'Reading state information', 'apt.phase.reading-state-information'),
  lib('phase.calculating-upgrade', 'Calculating upgrade', 'apt.phase.calculating-upgrade'),
  lib('phase.solving-dependencies', 'Solving dependencies', 'apt.phase.solving-dependencies'),
  apt('phase.correcting-dependencies', 'Correcting dependencies...', 'apt.phase.correcting-dependencies'),
  lib('progress.ellipsis', '...', 'apt.phase.* (OpTextProgress::Update, no tty)'),
  lib('progress.done', '%c%s... Done', 'apt.phase.* (OpTextProgress::Done, tty)'),
  lib('progress.error', '%c%s... Error!', 'apt.phase.* (OpTextProgress::Done, tty)'),
  lib('progress.percent', '%c%s... %u%%', 'apt.phase.* (OpTextProgress::Update, tty frame)'),

  // Download lines (src/apt/acquire.ts).
  apt('acquire.get', 'Get:%lu %s', 'apt.acquire.get'),
  apt('acquire.hit', 'Hit:%lu %s', 'apt.acquire.hit'),
  apt('acquire.ign', 'Ign:%lu %s', 'apt.acquire.ign'),
  apt('acquire.err', 'Err:%lu %s', 'apt.acquire.err'),
  apt('fetched', 'Fetched %sB in %s (%sB/s)\n', 'apt.fetched'),
  lib('time.days', '%lid %lih %limin %lis', 'apt.fetched (TimeToStr)'),
  lib('time.hours', '%lih %limin %lis', 'apt.fetched (TimeToStr)'),
  lib('time.minutes', '%limin %lis', 'apt.fetched (TimeToStr)'),
  lib('time.seconds', '%lis', 'apt.fetched (TimeToStr)'),

  // Plan list headers, classic layout (src/apt/plan.ts CLASSIC_HEADERS, SHARED_HEADERS).
  apt('plan.header.extra', 'The following extra packages will be installed:', 'apt.plan.header (apt ≤ 1.0)'),
  apt('plan.header.additional', 'The following additional packages will be installed:', 'apt.plan.header'),
  apt('plan.header.new', 'The following NEW packages will be installed:', 'apt.plan.header'),
  apt('plan.header.upgrade', 'The following packages will be upgraded:', 'apt.plan.header'),
  apt('plan.header.remove', 'The following packages will be REMOVED:', 'apt.plan.header'),
  apt('plan.header.kept-back', 'The following packages have been kept back:', 'apt.plan.header'),
  apt('plan.header.held-change', 'The following held packages will be changed:', 'apt.plan.header'),
  apt('plan.header.downgrade', 'The following packages will be DOWNGRADED:', 'apt.plan.header'),
  apt('plan.header.phasing-deferred', 'The following upgrades have been deferred due to phasing:', 'apt.plan.header'),
  apt('plan.header.autoremove', 'The following package was automatically installed and is no longer required:', 'apt.plan.header'),
  apt('plan.header.suggested', 'Suggested packages:', 'apt.plan.header'),
  apt('plan.header.recommended', 'Recommended packages:', 'apt.plan.header'),
  apt('plan.header.unmet', 'The following packages have unmet dependencies:', 'apt.unmet (src/apt/unmet.ts)'),

  // apt 3 "Output-Version 30" block titles and summary (src/apt/plan.ts V30_HEADERS, §3.7).
  apt('plan.v30.install', 'Installing:', 'apt.plan.header.v30'),
  apt('plan.v30.install-dependencies', 'Installing dependencies:', 'apt.plan.header.v30'),
  apt('plan.v30.upgrade', 'Upgrading:', 'apt.plan.header.v30'),
  apt('plan.v30.remove', 'REMOVING:', 'apt.plan.header.v30'),
  apt('plan.v30.not-upgrading', 'Not upgrading:', 'apt.plan.header.v30'),
  apt('plan.v30.not-upgrading-phasing', 'Not upgrading yet due to phasing:', 'apt.plan.header.v30'),
  apt('plan.v30.held-change', 'Changing held packages:', 'apt.plan.header.v30'),
  apt('plan.v30.downgrade', 'DOWNGRADING:', 'apt.plan.header.v30'),
  apt('plan.v30.summary', 'Summary:', 'apt.plan.summary'),

  // Counts (src/apt/plan.ts classicCountsRule, summaryCountsRule): pieces printed one after another.
  apt('counts.upgraded-installed', '%lu upgraded, %lu newly installed, ', 'apt.plan.counts'),
  apt('counts.reinstalled', '%lu reinstalled, ', 'apt.plan.counts'),
  apt('counts.downgraded', '%lu downgraded, ', 'apt.plan.counts'),
  apt('counts.remove-not-upgraded', '%lu to remove and %lu not upgraded.\n', 'apt.plan.counts'),
  apt('counts.not-fully-installed', '%lu not fully installed or removed.\n', 'apt.plan.not-fully-installed'),
  apt('summary.upgrading-installing', 'Upgrading: %lu, Installing: %lu, ', 'apt.plan.counts.summary'),
  apt('summary.reinstalling', 'Reinstalling: %lu, ', 'apt.plan.counts.summary'),
  apt('summary.downgrading', 'Downgrading: %lu, ', 'apt.plan.counts.summary'),
  apt('summary.removing-not-upgrading', 'Removing: %lu, Not Upgrading: %lu\n', 'apt.plan.counts.summary'),

  // Download and disk lines (src/apt/plan.ts needToGetRule, afterOperationRule, summary lines).
  apt('download.need', 'Need to get %sB of archives.\n', 'apt.plan.download'),
  apt('download.need-partial', 'Need to get %sB/%sB of archives.\n', 'apt.plan.download'),
  apt('download.need-source', 'Need to get %sB of source archives.\n', 'apt.plan.download'),
  apt('download.need-source-partial', 'Need to get %sB/%sB of source archives.\n', 'apt.plan.download'),
  apt('disk.used', 'After this operation, %sB of additional disk space will be used.\n', 'apt.plan.disk'),
  apt('disk.freed', 'After this operation, %sB disk space will be freed.\n', 'apt.plan.disk'),
  apt('summary.download', '  Download size: %sB\n', 'apt.plan.download.summary'),
  apt('summary.download-partial', '  Download size: %sB / %sB\n', 'apt.plan.download.summary'),
  apt('summary.space-needed', 'Space needed: %sB\n', 'apt.plan.disk.summary'),
  apt('summary.space-needed-available', 'Space needed: %sB / %sB available\n', 'apt.plan.disk.summary'),
  apt('summary.freed', '  Freed space: %sB\n', 'apt.plan.disk.summary'),
  apt('summary.space-in-mount', 'in %s:  %sB / %sB available\n', 'apt.plan.disk.summary (after `  └─ `)'),

  // `apt update`'s tail (src/apt/notes.ts updateStatsRule).
  apt('note.up-to-date', 'All packages are up to date.', 'apt.note.update-stats'),
  apt('note.upgradable', "%i package can be upgraded. Run 'apt list --upgradable' to see it.\n", 'apt.note.update-stats'),

  // Message prefixes (grammar/message-prefix.ts): apt 3's `apt` words.
  lib('message.error', 'Error:', 'apt.message (apt 3 `apt`)'),
  lib('message.warning', 'Warning:', 'apt.message (apt 3 `apt`)'),
  lib('message.notice', 'Notice:', 'apt.message (apt 3 `apt`)'),
  lib('message.audit', 'Audit:', 'apt.message (apt 3 `apt`)'),

  // Message texts (after the prefix): one for each msgid an English message rule reads
  // (src/apt/classify.ts MESSAGE_RULES, the rule named last; test/locale/messages.test.ts walks them).
  apt('message.unable-to-locate', 'Unable to locate package %s', 'apt.problem.unable-to-locate'),
  apt('message.failed-to-fetch', 'Failed to fetch %s  %s', 'apt.problem.fetch-failed'),
  lib('message.subprocess-error', 'Sub-process %s returned an error code (%u)', 'apt.problem.dpkg-subprocess, apt.problem.verifier-subprocess'),
  lib('message.subprocess-segfault', 'Sub-process %s received a segmentation fault.', 'apt.problem.dpkg-subprocess, apt.problem.verifier-subprocess'),
  lib('message.subprocess-signal', 'Sub-process %s received signal %u.', 'apt.problem.dpkg-subprocess, apt.problem.verifier-subprocess'),
  lib('message.subprocess-exited', 'Sub-process %s exited unexpectedly', 'apt.problem.dpkg-subprocess, apt.problem.verifier-subprocess'),
  lib('message.no-package-by-glob', "Couldn't find any package by glob '%s'", 'apt.problem.no-package-by-pattern'),
  lib('message.no-package-by-regex', "Couldn't find any package by regex '%s'", 'apt.problem.no-package-by-pattern'),
  apt('message.could-not-find-package', "Couldn't find package %s", 'apt.problem.could-not-find-package'),
  apt('message.no-install-candidate', "Package '%s' has no installation candidate", 'apt.problem.no-install-candidate'),
  lib('message.version-not-found', "Version '%s' for '%s' was not found", 'apt.problem.version-not-found'),
  lib('message.release-not-found', "Release '%s' for '%s' was not found", 'apt.problem.release-not-found'),
  lib('message.default-release-invalid', "The value '%s' is invalid for APT::Default-Release as such a release is not available in the sources", 'apt.problem.default-release-invalid'),
  lib('message.held-broken', 'Unable to correct problems, you have held broken packages.', 'apt.problem.unmet-dependencies'),
  apt('message.unmet-fix-broken', "Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution).", 'apt.problem.unmet-dependencies'),
  apt('message.broken-packages', 'Broken packages', 'apt.problem.unmet-dependencies'),
  lib('message.resolver-breaks', 'Error, pkgProblemResolver::Resolve generated breaks, this may be caused by held packages.', 'apt.problem.unmet-dependencies'),
  apt('message.essential-not-permitted', 'Removing essential system-critical packages is not permitted. This might break the system.', 'apt.problem.essential-removal-refused'),
  apt('message.essential-removed', 'Essential packages were removed and -y was used without --allow-remove-essential.', 'apt.problem.essential-removal-refused'),
  apt('message.downgrade-refused', 'Packages were downgraded and -y was used without --allow-downgrades.', 'apt.problem.downgrade-refused'),
  apt('message.held-change-refused', 'Held packages were changed and -y was used without --allow-change-held-packages.', 'apt.problem.held-change-refused'),
  apt('message.unauthenticated-refused', 'There were unauthenticated packages and -y was used without --allow-unauthenticated', 'apt.problem.unauthenticated'),
  apt('message.not-authenticated', 'Some packages could not be authenticated', 'apt.problem.unauthenticated'),
  // apt has no transport for the URI's scheme (apt-pkg/acquire-worker.cc), and says which package
  // would bring it in a notice (`N: Is the package apt-transport-https installed?`): a notice, no
  // problem, in any language (the notice is listed so the walk can print it; no rule reads its text).
  lib('message.method-missing', 'The method driver %s could not be found.', 'apt.problem.method-missing'),
  lib('notice.method-package', 'Is the package %s installed?', 'apt.message (the notice after apt.problem.method-missing)'),
  lib('message.index-download-failed', 'Some index files failed to download. They have been ignored, or old ones used instead.', 'apt.problem.index-download-failed'),
  apt('message.archives-fetch-failed', 'Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?', 'apt.problem.archives-fetch-failed'),
  // apt 3.1 says `apt update` (FORMATS.md §4.2): a new msgid.
  apt('message.archives-fetch-failed-3.1', 'Unable to fetch some archives, maybe run apt update or try with --fix-missing?', 'apt.problem.archives-fetch-failed'),
  apt('message.some-files-failed', 'Some files failed to download', 'apt.problem.archives-fetch-failed'),
  apt('message.failed-some-archives', 'Failed to fetch some archives.', 'apt.problem.archives-fetch-failed'),
  lib('message.no-release-file', "The repository '%s' does not have a Release file.", 'apt.problem.release-file-missing'),
  lib('message.no-longer-release-file', "The repository '%s' no longer has a Release file.", 'apt.problem.release-file-missing'),
  lib('message.release-expired', 'Release file for %s is expired (invalid since %s). Updates for this repository will not be applied.', 'apt.problem.release-expired'),
  lib('message.release-not-yet-valid', 'Release file for %s is not valid yet (invalid for another %s). Updates for this repository will not be applied.', 'apt.problem.release-not-yet-valid'),
  lib('message.release-info-changed', "Repository '%s' changed its '%s' value from '%s' to '%s'", 'apt.problem.release-info-changed'),
  lib('message.gpg-error', 'GPG error: %s: %s', 'apt.problem.signature'),
  lib('message.signature-error-gpg', 'An error occurred during the signature verification. The repository is not updated and the previous index files will be used. GPG error: %s: %s', 'apt.problem.signature'),
  // apt 3.0's wording of the two (apt 3.1+ has them in no catalogue: printed in English).
  lib('message.openpgp-failed', 'OpenPGP signature verification failed: %s: %s', 'apt.problem.signature'),
  lib('message.signature-error-openpgp', 'An error occurred during the signature verification. The repository is not updated and the previous index files will be used. OpenPGP signature verification failed: %s: %s', 'apt.problem.signature'),
  lib('message.not-signed', "The repository '%s' is not signed.", 'apt.problem.signature'),
  lib('message.no-longer-signed', "The repository '%s' is no longer signed.", 'apt.problem.signature'),
  lib('message.weak-security', "The repository '%s' provides only weak security information.", 'apt.problem.signature'),
  lib('message.weak-security-skip', "Skipping acquire of configured file '%s' as repository '%s' provides only weak security information for it", 'apt.problem.signature'),
  lib('message.lock-held-by', 'Could not get lock %s. It is held by process %d (%s)', 'apt.problem.lock'),
  lib('message.lock-held-by-pid', 'Could not get lock %s. It is held by process %d', 'apt.problem.lock'),
  lib('message.lock', 'Could not get lock %s', 'apt.problem.lock'),
  lib('message.frontend-lock-busy', 'Unable to acquire the dpkg frontend lock (%s), is another process using it?', 'apt.problem.lock'),
  lib('message.frontend-lock-root', 'Unable to acquire the dpkg frontend lock (%s), are you root?', 'apt.problem.lock'),
  lib('message.admin-lock-busy', 'Unable to lock the administration directory (%s), is another process using it?', 'apt.problem.lock'),
  lib('message.admin-lock-root', 'Unable to lock the administration directory (%s), are you root?', 'apt.problem.lock'),
  lib('message.lock-directory', 'Unable to lock directory %s', 'apt.problem.lock'),
  apt('message.lock-download-directory', 'Unable to lock the download directory', 'apt.problem.lock'),
  lib('message.open-lock-file', 'Could not open lock file %s', 'apt.problem.lock'),
  lib('message.dpkg-interrupted', "dpkg was interrupted, you must manually run '%s' to correct the problem. ", 'apt.problem.dpkg-interrupted'),
  lib('message.reinstall-required', "The package %s needs to be reinstalled, but I can't find an archive for it.", 'apt.problem.reinstall-required'),
  // `Can not write log (Is /dev/pts mounted?)`: the second is the first's argument.
  lib('message.pty-log', 'Can not write log (%s)', 'apt.problem.pty-unavailable'),
  lib('message.pty-mounted', 'Is /dev/pts mounted?', 'apt.problem.pty-unavailable (inside message.pty-log)'),
  apt('message.not-enough-space', "You don't have enough free space in %s.", 'apt.problem.disk-full'),
  apt('message.more-space-needed', 'More space needed than available: %sB > %sB, installation may fail', 'apt.problem.disk-full'),
  apt('message.more-space-needed-in', 'More space needed in %s than available: %sB > %sB, installation may fail', 'apt.problem.disk-full'),

  // Texts English message rules read that no pinned catalogue translates (printed in English in
  // every language): listed so the generated module proves it (their releases are empty).
  lib('untranslated.hook-scripts', "Problem executing scripts %s '%s'", 'apt.problem.hook-failed'),
  lib('untranslated.hook-subprocess', 'Sub-process returned an error code', 'apt.problem.hook-failed'),
  lib('untranslated.solver3-context', 'The following information from --solver 3.0 may provide additional context:', 'apt.problem.unmet-dependencies'),
  apt('untranslated.unmet-try-f', 'Unmet dependencies. Try using -f.', 'apt.problem.unmet-dependencies (apt ≤ 1.0)'),
  apt('untranslated.force-yes', 'There are problems and -y was used without --force-yes', 'apt.problem.force-yes-refusal (apt 1.0)'),
  apt('untranslated.lock-list-directory', 'Unable to lock the list directory', 'apt.problem.lock (apt ≤ 1.0)'),
  apt('untranslated.no-public-key', 'There is no public key available for the following key IDs:\n', 'apt.problem.signature (apt ≤ 1.2)'),

  // Why a download failed: the text after `Failed to fetch %s  ` (src/apt/classify.ts fetchCause),
  // from apt's methods (`methods/basehttp.cc`, `connect.cc`) and the acquire system.
  apt('fetch.temporary-failure-resolving', "Temporary failure resolving '%s'", 'fetchCause dns'),
  apt('fetch.could-not-resolve', "Could not resolve '%s'", 'fetchCause dns'),
  apt('fetch.wicked-resolving', "Something wicked happened resolving '%s:%s' (%i - %s)", 'fetchCause dns'),
  apt('fetch.connect-timed-out', 'Could not connect to %s:%s (%s), connection timed out', 'fetchCause timeout'),
  apt('fetch.could-not-connect', 'Could not connect to %s:%s (%s).', 'fetchCause connection-refused'),
  apt('fetch.unable-to-connect', 'Unable to connect to %s:%s:', 'fetchCause connection-refused'),
  apt('fetch.cannot-initiate', 'Cannot initiate the connection to %s:%s (%s).', 'fetchCause connection-refused'),
  apt('fetch.connection-failed', 'Connection failed', 'fetchCause connection-refused'),
  apt('fetch.connection-timed-out', 'Connection timed out', 'fetchCause timeout'),
  lib('fetch.hash-sum-mismatch', 'Hash Sum mismatch', 'fetchCause hash-mismatch'),
  apt('fetch.unexpected-size', 'File has unexpected size (%llu != %llu). Mirror sync in progress?', 'fetchCause size-mismatch'),
  lib('fetch.size-mismatch', 'Size mismatch', 'fetchCause size-mismatch'),

  // dpkg progress (src/dpkg/progress.ts, database.ts).
  dpkg('dpkg.select', 'Selecting previously unselected package %s.\n', 'dpkg.progress.select'),
  dpkg('dpkg.prepare', 'Preparing to unpack %s ...\n', 'dpkg.progress.prepare'),
  dpkg('dpkg.unpack', 'Unpacking %s (%s) ...\n', 'dpkg.progress.unpack'),
  dpkg('dpkg.unpack-over', 'Unpacking %s (%s) over (%s) ...\n', 'dpkg.progress.unpack'),
  dpkg('dpkg.setup', 'Setting up %s (%s) ...\n', 'dpkg.progress.setup'),
  dpkg('dpkg.trigger', 'Processing triggers for %s (%s) ...\n', 'dpkg.progress.trigger'),
  dpkg('dpkg.remove', 'Removing %s (%s) ...\n', 'dpkg.progress.remove'),
  dpkg('dpkg.purge', 'Purging configuration files for %s (%s) ...\n', 'dpkg.progress.purge'),
  dpkg('dpkg.database.reading', '(Reading database ... ', 'dpkg.database, dpkg.database.frame'),
  dpkg('dpkg.database.installed', '%d file or directory currently installed.)\n', 'dpkg.database'),

  // dpkg errors (src/dpkg/error-block.ts, pre-dependency.ts, dependency-problems.ts, errors-summary.ts, reports.ts).
  dpkg('dpkg.error.archive', 'error processing archive %s (--%s):\n %s', 'dpkg.error.processing'),
  dpkg('dpkg.error.package', 'error processing package %s (--%s):\n %s', 'dpkg.error.processing'),
  dpkg('dpkg.reason.pre-dependency', 'pre-dependency problem - not installing %.250s', 'dpkg.error.processing reason'),
  // dpkg 1.23 dropped the `%.250s` precision from these msgids: new msgids, so new templates (same English line).
  dpkg('dpkg.reason.pre-dependency-1.23', 'pre-dependency problem - not installing %s', 'dpkg.error.processing reason'),
  dpkg('dpkg.reason.dependency', 'dependency problems - leaving unconfigured', 'dpkg.error.processing reason'),
  dpkg('dpkg.reason.subprocess-status', '%s subprocess returned error exit status %d', 'dpkg.error.reason.script-1.19'),
  dpkg('dpkg.script.installed', 'installed %s package %s script', 'dpkg.error.reason.script-1.19'),
  dpkg('dpkg.script.new', 'new %s package %s script', 'dpkg.error.reason.script-1.19'),
  dpkg('dpkg.script.old', 'old %s package %s script', 'dpkg.error.reason.script-1.19'),
  // dpkg 1.23's wording: `old x package postinst maintainer script subprocess failed with exit status 1`
  // (no `installed` form: the installed package's scripts are the `old` ones).
  dpkg('dpkg.reason.subprocess-status-1.23', '%s subprocess failed with exit status %d', 'dpkg.error.reason.script-1.23'),
  dpkg('dpkg.script.new-1.23', 'new %s package %s maintainer script', 'dpkg.error.reason.script-1.23'),
  dpkg('dpkg.script.old-1.23', 'old %s package %s maintainer script', 'dpkg.error.reason.script-1.23'),
  dpkg('dpkg.regarding', 'regarding %s containing %s, pre-dependency problem:\n%s', 'dpkg.pre-dependency'),
  dpkg('dpkg.prevent-configuration', 'dependency problems prevent configuration of %s:\n%s', 'dpkg.dependency-problems'),
  dpkg('dpkg.relation.depends', '%s depends on %s', 'dpkg.relation'),
  dpkg('dpkg.relation.pre-depends', '%s pre-depends on %s', 'dpkg.relation'),
  dpkg('dpkg.relation.however', '; however:\n', 'dpkg.relation'),
  dpkg('dpkg.status.not-installed', '  %.250s is not installed.\n', 'dpkg.dependency-problems reason'),
  dpkg('dpkg.status.unpacked-not-configured', '  %.250s is unpacked, but has never been configured.\n', 'dpkg.dependency-problems reason'),
  dpkg('dpkg.status.not-installed-1.23', '  %s is not installed.\n', 'dpkg.dependency-problems reason'),
  dpkg('dpkg.status.unpacked-not-configured-1.23', '  %s is unpacked, but has never been configured.\n', 'dpkg.dependency-problems reason'),
  dpkg('dpkg.status.package-not-installed', '  Package %s is not installed.\n', 'dpkg.dependency-problems reason'),
  dpkg('dpkg.errors-summary', 'Errors were encountered while processing:\n', 'dpkg.errors-summary'),
  dpkg('dpkg.halted', 'Processing was halted because there were too many errors.\n', 'dpkg.errors-summary.halted'),
  dpkg('dpkg.report.warning', 'warning', 'dpkg.warning (`dpkg: warning: …`)'),
  dpkg('dpkg.report.error', 'error', 'dpkg.error.fatal (`dpkg: error: …`)'),
]
