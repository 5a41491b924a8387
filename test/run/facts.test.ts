import { describe, expect, test } from 'vitest'
import { parse, summarize, type RunSummary } from '../../src/index.ts'
import { allCaptures, fixtureBytes, fixtureText } from '../support/fixtures.ts'

/**
 * Facts about every capture, checked by eye against the capture and its row in the corpus
 * MANIFEST (the command that ran, its exit status, what the scenario provoked): outcome, root cause
 * (kind, package, cause), the apt/dpkg runs in order with their `newly installed` count, and
 * whether apt planned base-system packages (the emptied-status scenarios b1/b2/b5/b7, D16, D31 and
 * the incident's runner excerpt, nothing else).
 */
const FACTS: readonly [name: string, outcome: RunSummary['outcome'], root: [string, string | null, string | null] | null, runs: string, essential: boolean][] = [
  ["apt/bookworm-a-good-update-install-openssh-client-no-recommends", "success", null, "update install:11", false],
  ["apt/bookworm-b1-bad-status-truncated-update-install-openssh-client", "success", null, "update install:36", true],
  ["apt/bookworm-b2-bad-status-deleted-update-install-openssh-client", "success", null, "update install:36", true],
  ["apt/bookworm-b4-bad-status-essential-entries-removed-update-install-openssh-client", "success", null, "update install:11", false],
  ["apt/bookworm-b5-bad-status-truncated-update-dist-upgrade", "success", null, "update install:105", true],
  ["apt/bookworm-b6-predepends-loop-local-pkgs", "failure", ["dpkg.dependency-problems", "loop-libc6", "not-installed"], "install:4", false],
  ["apt/bookworm-b6b-predepends-loop-followup-f-install", "failure", ["dpkg.dependency-problems", "loop-libc6", "not-installed"], "install:1", false],
  ["apt/bookworm-b6c-predepends-loop-followup-install-again", "failure", ["apt.unmet-dependencies", "loop-app", null], "other", false],
  ["apt/bookworm-b6d-predepends-loop-stoponerror-false", "failure", ["dpkg.pre-dependency", "loop-libgcc1", "unconfigured"], "install:4", false],
  ["apt/bookworm-b6e-predepends-loop-http-stoponerror-false", "failure", ["dpkg.pre-dependency", "loop2-libgcc1", "unconfigured"], "install:4", false],
  ["apt/bookworm-b6f-predepends-loop-http-default", "failure", ["dpkg.dependency-problems", "loop2-libc6", "not-installed"], "install:4", false],
  ["apt/bookworm-b7-bad-status-truncated-with-apt-utils-install-openssh-client", "success", null, "install:36", true],
  ["apt/bookworm-c-install-with-recommends-openssh-client-curl", "success", null, "install:35", false],
  ["apt/bookworm-d1-update-security-then-upgrade", "success", null, "update upgrade:0", false],
  ["apt/bookworm-d2-update-security-then-dist-upgrade", "success", null, "update upgrade:0", false],
  ["apt/bookworm-d3-release-upgrade-to-trixie-apt-get-upgrade", "success", null, "update upgrade:0", false],
  ["apt/bookworm-d4-release-upgrade-to-trixie-apt-get-dist-upgrade", "success", null, "install:14", false],
  ["apt/bookworm-d6-downgrade-with-allow-downgrades", "success", null, "upgrade:0", false],
  ["apt/bookworm-d7-upgrade-after-downgrade", "success", null, "upgrade:0", false],
  ["apt/bookworm-d8-apt-update-upgrade", "success", null, "update upgrade:0", false],
  ["apt/bookworm-e1-remove", "success", null, "remove:0", false],
  ["apt/bookworm-e2-autoremove", "success", null, "remove:0", false],
  ["apt/bookworm-e3-purge-residual-config", "success", null, "remove:0", false],
  ["apt/bookworm-e4-purge-auto-remove", "success", null, "remove:0", false],
  ["apt/bookworm-e6-apt-remove", "success", null, "remove:0", false],
  ["apt/bookworm-e7-apt-purge-autoremove", "success", null, "remove:0", false],
  ["apt/bookworm-f1-unable-to-locate-package", "failure", ["apt.package-not-found", "nonexistent-pkg-xyz", null], "other", false],
  ["apt/bookworm-f2-virtual-package-no-candidate", "failure", ["apt.no-install-candidate", "mail-transport-agent", null], "other", false],
  ["apt/bookworm-f4-version-not-found", "failure", ["apt.version-not-found", "bash", null], "other", false],
  ["apt/bookworm-f5-release-not-found", "failure", ["apt.release-not-found", null, null], "other", false],
  ["apt/bookworm-f6-apt-unable-to-locate-package", "failure", ["apt.package-not-found", "nonexistent-pkg-xyz", null], "other", false],
  ["apt/bookworm-g0-update-with-local-file-repo", "success", null, "update", false],
  ["apt/bookworm-g0b-update-with-loopback-http-repo", "success", null, "update", false],
  ["apt/bookworm-g1-unmet-depends-held-broken", "failure", ["apt.unmet-dependencies", "unmet-libc", null], "other", false],
  ["apt/bookworm-g2-unmet-predepends-not-installable", "failure", ["apt.unmet-dependencies", "predep-nonexistent", null], "other", false],
  ["apt/bookworm-g3-apt-unmet-depends-held-broken", "failure", ["apt.unmet-dependencies", "unmet-libc", null], "other", false],
  ["apt/bookworm-h1-failing-postinst", "failure", ["dpkg.maintainer-script-failed", "failing-postinst", "postinst"], "install:1", false],
  ["apt/bookworm-h1b-failing-postinst-with-dependent", "failure", ["dpkg.maintainer-script-failed", "failing-postinst", "postinst"], "install:2", false],
  ["apt/bookworm-h1c-apt-failing-postinst", "failure", ["dpkg.maintainer-script-failed", "failing-postinst", "postinst"], "install:1", false],
  ["apt/bookworm-h2-dpkg-i-predepends-not-installed", "failure", ["dpkg.pre-dependency", "predep-missing", "not-installed"], "install", false],
  ["apt/bookworm-h2b-dpkg-i-predepends-nonexistent", "failure", ["dpkg.pre-dependency", "predep-nonexistent", "not-installed"], "install", false],
  ["apt/bookworm-h3-apt-install-predepends-resolved", "success", null, "install:2", false],
  ["apt/bookworm-h4-file-conflict-two-runs", "failure", ["dpkg.file-conflict", "conflict-b", "file"], "install:1 install:1", false],
  ["apt/bookworm-h4c-dpkg-i-file-conflict", "failure", ["dpkg.file-conflict", "conflict-b", "file"], "install", false],
  ["apt/bookworm-h5-failing-preinst", "failure", ["dpkg.maintainer-script-failed", "failing-preinst", "preinst"], "install:1", false],
  ["apt/bookworm-i1-connection-refused-update-then-install", "failure", ["apt.fetch-failed", null, "connection-refused"], "update other", false],
  ["apt/bookworm-i2-suite-does-not-have-release-file", "failure", ["apt.release-file-missing", null, null], "update", false],
  ["apt/bookworm-i2b-apt-update-suite-does-not-have-release-file", "failure", ["apt.release-file-missing", null, null], "update", false],
  ["apt/bookworm-i3-stale-lists-404-failed-to-fetch", "failure", ["apt.fetch-failed", "stale-pkg", "http-404"], "install:1", false],
  ["apt/bookworm-i4-lists-deleted-unable-to-locate", "failure", ["apt.package-not-found", "openssh-client", null], "other", false],
  ["apt/bookworm-i5-archive-fetch-connection-refused-via-proxy", "failure", ["apt.fetch-failed", "libbsd0", "connection-refused"], "install:11", false],
  ["apt/bookworm-i6-dns-resolution-failure-update", "failure", ["apt.fetch-failed", "libbsd0", "dns"], "update install:11", false],
  ["apt/bookworm-i8-hash-sum-mismatch", "failure", ["apt.fetch-failed", "hashsum-pkg", "hash-mismatch"], "install:1", false],
  ["apt/bookworm-j1-apt-get-could-not-get-lock", "failure", ["apt.lock-held", null, "held"], "other", false],
  ["apt/bookworm-j3-dpkg-l-while-preinst-running", "unknown", null, "", false],
  ["apt/bookworm-k1-dpkg-was-interrupted", "failure", ["dpkg.interrupted", null, null], "other", false],
  ["apt/bookworm-k2-dpkg-configure-a-after-interrupt", "unknown", null, "", false],
  ["apt/bookworm-k3-apt-get-install-after-recovery", "failure", ["apt.reinstall-required", "slow-preinst", null], "other", false],
  ["apt/bookworm-k5-apt-get-install-after-reinstreq-removed", "success", null, "install:11", false],
  ["apt/bookworm-l1-apt-not-apt-get-install-no-tty", "success", null, "install:11", false],
  ["apt/bookworm-l2-apt-get-q-install", "success", null, "install:11", false],
  ["apt/bookworm-l3-apt-get-qq-install", "success", null, "install", false],
  ["apt/bookworm-l4-debian-frontend-noninteractive-install", "success", null, "install:11", false],
  ["apt/bookworm-l6-no-dev-pts-install", "success", null, "install:11", false],
  ["apt/bookworm-l7-apt-update-no-tty", "success", null, "update", false],
  ["apt/bookworm-l7b-apt-get-qq-update", "unknown", null, "", false],
  ["apt/handmade-de-locale", "success", null, "update", false],
  ["apt/handmade-en-gb-install", "unknown", null, "install:3", false], // cut after its downloads: the plan is out, its end is not
  ["apt/sid-a-good-update-install-openssh-client-no-recommends", "success", null, "update install:7", false],
  ["apt/sid-g1-unmet-depends-held-broken", "failure", ["apt.unmet-dependencies", "unmet-libc", null], "other", false],
  ["apt/sid-l1-apt-not-apt-get-install-no-tty", "success", null, "install:7", false],
  ["apt/trixie-a-good-update-install-openssh-client-no-recommends", "success", null, "update install:11", false],
  ["apt/trixie-b1-bad-status-truncated-update-install-openssh-client", "success", null, "update install:46", true],
  ["apt/trixie-b2-bad-status-deleted-update-install-openssh-client", "success", null, "update install:46", true],
  ["apt/trixie-b4-bad-status-essential-entries-removed-update-install-openssh-client", "failure", ["apt.unmet-dependencies", "apt", null], "update other", false],
  ["apt/trixie-b5-bad-status-truncated-update-dist-upgrade", "success", null, "update install:82", true],
  ["apt/trixie-b6-predepends-loop-local-pkgs", "failure", ["dpkg.dependency-problems", "loop-libc6", "not-installed"], "install:4", false],
  ["apt/trixie-b6b-predepends-loop-followup-f-install", "failure", ["dpkg.dependency-problems", "loop-libc6", "not-installed"], "install:1", false],
  ["apt/trixie-b6c-predepends-loop-followup-install-again", "failure", ["apt.unmet-dependencies", "loop-app", null], "other", false],
  ["apt/trixie-b6d-predepends-loop-stoponerror-false", "failure", ["dpkg.pre-dependency", "loop-libgcc1", "unconfigured"], "install:4", false],
  ["apt/trixie-b6e-predepends-loop-http-stoponerror-false", "failure", ["dpkg.pre-dependency", "loop2-libgcc1", "unconfigured"], "install:4", false],
  ["apt/trixie-b6f-predepends-loop-http-default", "failure", ["dpkg.dependency-problems", "loop2-libc6", "not-installed"], "install:4", false],
  ["apt/trixie-b7-bad-status-truncated-with-apt-utils-install-openssh-client", "success", null, "install:46", true],
  ["apt/trixie-c-install-with-recommends-openssh-client-curl", "success", null, "install:43", false],
  ["apt/trixie-d1-update-security-then-upgrade", "success", null, "update upgrade:0", false],
  ["apt/trixie-d2-update-security-then-dist-upgrade", "success", null, "update upgrade:0", false],
  ["apt/trixie-d8-apt-update-upgrade", "success", null, "update upgrade:0", false],
  ["apt/trixie-e1-remove", "success", null, "remove:0", false],
  ["apt/trixie-e2-autoremove", "success", null, "remove:0", false],
  ["apt/trixie-e3-purge-residual-config", "success", null, "remove:0", false],
  ["apt/trixie-e4-purge-auto-remove", "success", null, "remove:0", false],
  ["apt/trixie-e6-apt-remove", "success", null, "remove:0", false],
  ["apt/trixie-e7-apt-purge-autoremove", "success", null, "remove:0", false],
  ["apt/trixie-f1-unable-to-locate-package", "failure", ["apt.package-not-found", "nonexistent-pkg-xyz", null], "other", false],
  ["apt/trixie-f2-virtual-package-no-candidate", "failure", ["apt.no-install-candidate", "mail-transport-agent", null], "other", false],
  ["apt/trixie-f4-version-not-found", "failure", ["apt.version-not-found", "bash", null], "other", false],
  ["apt/trixie-f5-release-not-found", "failure", ["apt.release-not-found", null, null], "other", false],
  ["apt/trixie-f6-apt-unable-to-locate-package", "failure", ["apt.package-not-found", "nonexistent-pkg-xyz", null], "other", false],
  ["apt/trixie-g0-update-with-local-file-repo", "success", null, "update", false],
  ["apt/trixie-g0b-update-with-loopback-http-repo", "success", null, "update", false],
  ["apt/trixie-g1-unmet-depends-held-broken", "failure", ["apt.unmet-dependencies", "unmet-libc", null], "other", false],
  ["apt/trixie-g2-unmet-predepends-not-installable", "failure", ["apt.unmet-dependencies", "predep-nonexistent", null], "other", false],
  ["apt/trixie-g3-apt-unmet-depends-held-broken", "failure", ["apt.unmet-dependencies", "unmet-libc", null], "other", false],
  ["apt/trixie-h1-failing-postinst", "failure", ["dpkg.maintainer-script-failed", "failing-postinst", "postinst"], "install:1", false],
  ["apt/trixie-h1b-failing-postinst-with-dependent", "failure", ["dpkg.maintainer-script-failed", "failing-postinst", "postinst"], "install:2", false],
  ["apt/trixie-h1c-apt-failing-postinst", "failure", ["dpkg.maintainer-script-failed", "failing-postinst", "postinst"], "install:1", false],
  ["apt/trixie-h2-dpkg-i-predepends-not-installed", "failure", ["dpkg.pre-dependency", "predep-missing", "not-installed"], "install", false],
  ["apt/trixie-h2b-dpkg-i-predepends-nonexistent", "failure", ["dpkg.pre-dependency", "predep-nonexistent", "not-installed"], "install", false],
  ["apt/trixie-h3-apt-install-predepends-resolved", "success", null, "install:2", false],
  ["apt/trixie-h4-file-conflict-two-runs", "failure", ["dpkg.file-conflict", "conflict-b", "file"], "install:1 install:1", false],
  ["apt/trixie-h4c-dpkg-i-file-conflict", "failure", ["dpkg.file-conflict", "conflict-b", "file"], "install", false],
  ["apt/trixie-h5-failing-preinst", "failure", ["dpkg.maintainer-script-failed", "failing-preinst", "preinst"], "install:1", false],
  ["apt/trixie-i1-connection-refused-update-then-install", "failure", ["apt.fetch-failed", null, "connection-refused"], "update other", false],
  ["apt/trixie-i2-suite-does-not-have-release-file", "failure", ["apt.release-file-missing", null, null], "update", false],
  ["apt/trixie-i2b-apt-update-suite-does-not-have-release-file", "failure", ["apt.release-file-missing", null, null], "update", false],
  ["apt/trixie-i3-stale-lists-404-failed-to-fetch", "failure", ["apt.fetch-failed", "stale-pkg", "http-404"], "install:1", false],
  ["apt/trixie-i4-lists-deleted-unable-to-locate", "failure", ["apt.no-install-candidate", "openssh-client", null], "other", false],
  ["apt/trixie-i5-archive-fetch-connection-refused-via-proxy", "failure", ["apt.fetch-failed", "adduser", "connection-refused"], "install:11", false],
  ["apt/trixie-i6-dns-resolution-failure-update", "failure", ["apt.fetch-failed", "adduser", "dns"], "update install:11", false],
  ["apt/trixie-i8-hash-sum-mismatch", "failure", ["apt.fetch-failed", "hashsum-pkg", "hash-mismatch"], "install:1", false],
  ["apt/trixie-j1-apt-get-could-not-get-lock", "failure", ["apt.lock-held", null, "held"], "other", false],
  ["apt/trixie-j3-dpkg-l-while-preinst-running", "unknown", null, "", false],
  ["apt/trixie-k1-dpkg-was-interrupted", "failure", ["dpkg.interrupted", null, null], "other", false],
  ["apt/trixie-k2-dpkg-configure-a-after-interrupt", "unknown", null, "", false],
  ["apt/trixie-k3-apt-get-install-after-recovery", "failure", ["apt.reinstall-required", "slow-preinst", null], "other", false],
  ["apt/trixie-k5-apt-get-install-after-reinstreq-removed", "success", null, "install:11", false],
  ["apt/trixie-l1-apt-not-apt-get-install-no-tty", "success", null, "install:11", false],
  ["apt/trixie-l2-apt-get-q-install", "success", null, "install:11", false],
  ["apt/trixie-l3-apt-get-qq-install", "success", null, "install", false],
  ["apt/trixie-l4-debian-frontend-noninteractive-install", "success", null, "install:11", false],
  ["apt/trixie-l5-apt-get-output-version-30-install", "success", null, "install:11", false],
  ["apt/trixie-l5b-apt-install-with-recommends", "success", null, "install:43", false],
  ["apt/trixie-l6-no-dev-pts-install", "success", null, "install:11", false],
  ["apt/trixie-l7-apt-update-no-tty", "success", null, "update", false],
  ["apt/trixie-l7b-apt-get-qq-update", "unknown", null, "", false],
  ["host/bookworm-apt-get-install-buildlog-consultant", "success", null, "install:4", false],
  ["host/host-install-debootstrap", "success", null, "install:2", false],
  ["host/host-install-docker-io", "success", null, "install:26", false],
  ["docker/D01-legacy-seed-bookworm", "success", null, "update install:11", false],
  ["docker/D02-cli28-buildkit-without-buildx-error", "failure", ["docker.build-failed", null, null], "", false],
  ["docker/D03-legacy-seed-bookworm-cache-hit", "success", null, "", false],
  ["docker/D05-cli20-legacy-seed-bookworm-no-cache", "success", null, "update install:11", false],
  ["docker/D06-cli20-buildkit-plain-seed-bookworm", "success", null, "update install:11", false],
  ["docker/D07-cli20-buildkit-plain-seed-bookworm-cache-hit", "success", null, "", false],
  ["docker/D11-cli20-buildkit-plain-multistage-concurrent-apt", "success", null, "update install:11 update install:18", false],
  ["docker/D13-cli20-buildkit-plain-failing-unknown-package", "failure", ["apt.package-not-found", "nonexistent-pkg-xyz", null], "update other", false],
  ["docker/D14-cli20-legacy-failing-unknown-package", "failure", ["apt.package-not-found", "nonexistent-pkg-xyz", null], "update other", false],
  ["docker/D16-cli20-legacy-bad-status-truncated", "success", null, "update install:36", true],
  ["docker/D17-cli20-buildkit-plain-predepends-problem", "failure", ["dpkg.pre-dependency", "loop2-libgcc1", "unconfigured"], "update install:4", false],
  ["docker/D18-cli20-legacy-predepends-problem", "failure", ["dpkg.pre-dependency", "loop2-libgcc1", "unconfigured"], "update install:4", false],
  ["docker/D19-cli20-buildkit-progress-rawjson-unsupported", "failure", ["docker.build-failed", null, null], "", false],
  ["docker/D20-cli28-progress-rawjson-without-buildx", "failure", ["docker.build-failed", null, null], "", false],
  ["docker/D21-cli28-buildx029-plain-seed-bookworm", "success", null, "update install:11", false],
  ["docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache", "success", null, "update install:11", false],
  ["docker/D30-ci-job-local-legacy-cli20", "success", null, "update install:11", false],
  ["docker/D31-ci-job-runner-legacy-cli28-broken-base", "success", null, "update install:36", true],
  ["seed/incident-local-excerpt", "unknown", null, "install:3", false],
  ["seed/incident-runner-excerpt", "failure", ["dpkg.pre-dependency", "libgcc1", null], "install:40", true],
]

const summaries = new Map<string, RunSummary>()
function summaryOf(name: string): RunSummary {
  let s = summaries.get(name)
  if (s === undefined) summaries.set(name, (s = summarize(parse(fixtureBytes(`${name}.log`)))))
  return s
}

describe('run model facts per capture', () => {
  test('every capture with a recorded command has a row', () => {
    const covered = new Set(FACTS.map(([name]) => `${name}.log`))
    const missing = allCaptures().filter((f) => /^(apt|host|docker|seed)\//.test(f) && f.endsWith('.log') && !f.includes('handmade') && !covered.has(f))
    expect(missing).toEqual([])
  })
  for (const [name, outcome, root, runs, essential] of FACTS) {
    test(name, () => {
      const s = summaryOf(name)
      expect(s.outcome).toBe(outcome)
      expect(s.rootCause === null ? null : [s.rootCause.kind, s.rootCause.package ?? null, s.rootCause.cause ?? null]).toEqual(root)
      expect(s.transactions.map((t) => t.kind + (t.counts === null ? '' : `:${t.counts.newlyInstalled}`)).join(' ')).toBe(runs)
      expect(s.findings.some((f) => f.kind === 'run.essential-packages-planned')).toBe(essential)
    })
  }
})

describe('outcome agrees with the exit status the corpus recorded', () => {
  // fixtures/README.md carries each capture's exit status. Zero-byte or apt-free outputs prove
  // nothing (unknown): k2 `dpkg --configure -a`, l7b `apt-get -qq update`, j3 `dpkg -l`.
  const UNKNOWN = new Set(['apt/bookworm-k2-dpkg-configure-a-after-interrupt', 'apt/trixie-k2-dpkg-configure-a-after-interrupt', 'apt/bookworm-l7b-apt-get-qq-update', 'apt/trixie-l7b-apt-get-qq-update', 'apt/bookworm-j3-dpkg-l-while-preinst-running', 'apt/trixie-j3-dpkg-l-while-preinst-running'])
  const exits = new Map<string, string>()
  for (const line of fixtureText('README.md').split('\n')) {
    const m = /^\| `([^`]+)\.log` \|.*\| ([^|]*) \|$/.exec(line)
    if (m !== null) exits.set(m[1] as string, (m[2] as string).trim())
  }
  // Localized captures (fixtures/locale/) are read through the locale tables: their outcome too.
  const numeric = [...exits].filter(([, exit]) => /^\d+$/.test(exit))
  test('the README gives exit statuses', () => {
    expect(numeric.length).toBeGreaterThan(140)
  })
  for (const [name, exit] of numeric) {
    // debootstrap's own output (other/) and apt's log files (aptlogs/) are not a run with an exit status
    if (name.includes('handmade') || name.startsWith('aptlogs/') || name.startsWith('other/')) continue
    test(`${name} exited ${exit}`, () => {
      const want = UNKNOWN.has(name) ? 'unknown' : exit === '0' ? 'success' : 'failure'
      expect(summaryOf(name).outcome).toBe(want)
    })
  }
})

describe('a successful apt run set up every package it planned as NEW', () => {
  // Each transaction of a successful run that both planned NEW packages and shows dpkg's Setting up
  // lines (the incident's author-elided excerpts and the fuzz inputs left out).
  const runs = allCaptures()
    .filter((n) => !n.startsWith('seed/') && !n.startsWith('fuzz/'))
    .flatMap((name) => {
      const run = summarize(parse(fixtureBytes(name)))
      return run.outcome !== 'success' ? [] : run.transactions.filter((t) => t.planned.new.length > 0 && t.setUp.length > 0).map((t) => ({ name, t }))
    })
  test('there are such runs (the check is not vacuous)', () => {
    expect(runs.length).toBeGreaterThanOrEqual(50)
  })
  test('none planned a package it did not set up', () => {
    const missing = runs.flatMap(({ name, t }) => {
      const up = new Set(t.setUp.map((p) => p.name))
      return t.planned.new.filter((p) => !up.has(p)).map((p) => `${name}:${t.line} ${p}`)
    })
    expect(missing).toEqual([])
  })
})
