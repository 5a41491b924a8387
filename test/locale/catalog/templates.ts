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

  // Messages (src/apt/messages.ts): apt 3's `apt` prefixes, and message texts the problems read.
  lib('message.error', 'Error:', 'apt.message (apt 3 `apt`)'),
  lib('message.warning', 'Warning:', 'apt.message (apt 3 `apt`)'),
  lib('message.notice', 'Notice:', 'apt.message (apt 3 `apt`)'),
  lib('message.audit', 'Audit:', 'apt.message (apt 3 `apt`)'),
  apt('message.unable-to-locate', 'Unable to locate package %s', 'apt.message text (problem apt.unable-to-locate)'),
  apt('message.failed-to-fetch', 'Failed to fetch %s  %s', 'apt.message text'),
  lib('message.subprocess-error', 'Sub-process %s returned an error code (%u)', 'apt.message text'),

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
