/**
 * What each problem kind means and what to do about it: the short remedies `aptlog explain` prints
 * and docs/problems.md lists. Kinds are the public ids of `events/*.ts`.
 * @module
 */

import type { ProblemKind } from '../events/index.ts'

/** A title and a remedy. */
export interface Remedy {
  /** A few words naming the problem. */
  readonly title: string
  /** What to do, in one or two sentences. */
  readonly remedy: string
}

const TABLE: Record<ProblemKind, Remedy> = {
  'apt.package-not-found': { title: 'package not found', remedy: 'Check the name, and that `apt-get update` ran in the same RUN step as the install (an earlier layer may have deleted /var/lib/apt/lists) with the suite and component that carry the package in sources.list.' },
  'apt.no-install-candidate': { title: 'no installation candidate', remedy: 'The name is virtual or only referred to by other packages: install one of the providers apt listed, or add the repository that carries it.' },
  'apt.version-not-found': { title: 'version not found', remedy: 'Pin a version the archive still has (`apt-cache policy <pkg>`); superseded versions leave the archive, use snapshot.debian.org for reproducible pins.' },
  'apt.release-not-found': { title: 'release not found', remedy: 'The suite given with -t / APT::Default-Release is not in sources.list: add it (e.g. backports) or drop the option.' },
  'apt.unmet-dependencies': { title: 'unmet dependencies', remedy: 'The versions apt sees do not fit together: run update and install in the same step, do not mix suites, pin compatible versions; on a half-configured system `apt-get -f install` repairs.' },
  'apt.essential-removal-refused': { title: 'Essential package removal refused', remedy: 'The requested change would remove an Essential package: find which package pulls the conflict; never pass --allow-remove-essential in a build.' },
  'apt.downgrade-refused': { title: 'downgrade refused', remedy: 'Pass --allow-downgrades deliberately, or pin the version you want.' },
  'apt.held-change-refused': { title: 'held package change refused', remedy: 'A held package has to change: `apt-mark unhold` it, or pass --allow-change-held-packages.' },
  'apt.fetch-failed': { title: 'download failed', remedy: 'Connection or DNS failures: the mirror or proxy was unreachable from the builder (network, proxy settings, `--network`). 404: the package lists are stale, run apt-get update in the same RUN as the install. Hash or size mismatch: a mirror sync in progress or a stale caching proxy, retry or change mirror.' },
  'apt.release-file-missing': { title: 'no Release file', remedy: 'The suite does not exist on that mirror: a typo, or an end-of-life release that moved to archive.debian.org.' },
  'apt.release-expired': { title: 'Release file expired', remedy: 'The mirror is stale or the release is archived: use a current mirror; for archive.debian.org set Acquire::Check-Valid-Until=false.' },
  'apt.release-not-yet-valid': { title: 'Release file not yet valid', remedy: "The builder's clock is behind the mirror's: fix the clock (or, for frozen snapshots, Acquire::Check-Date=false)." },
  'apt.signature-invalid': { title: 'repository signature invalid', remedy: "Install the repository's signing key and reference it with signed-by=; do not disable verification." },
  'apt.lock-held': { title: 'dpkg lock held', remedy: 'Another apt or dpkg is running (unattended-upgrades on the host, parallel steps sharing a cache mount): wait for it, or set DPkg::Lock::Timeout.' },
  'apt.reinstall-required': { title: 'package needs reinstalling', remedy: 'dpkg left a package half-installed: run `dpkg --configure -a`, then reinstall it or remove it with --force-remove-reinstreq.' },
  'apt.index-download-failed': { title: 'some index files failed to download', remedy: 'Some repositories were not updated and old or no lists are used: fix the download failures reported before it.' },
  'apt.archives-fetch-failed': { title: 'archives could not be fetched', remedy: 'Package downloads failed (see the failures before it): run apt-get update in the same RUN as the install, or retry.' },
  'apt.unauthenticated': { title: 'unauthenticated packages', remedy: "Packages came from a source apt cannot verify: add the repository's key, or do not install from it." },
  'apt.hook-failed': { title: 'APT hook failed', remedy: 'A configured Pre-Invoke/Post-Invoke hook failed: check the hook command in /etc/apt/apt.conf.d.' },
  'apt.release-info-changed': { title: 'repository changed its release information', remedy: "The repository's Suite/Codename/Origin/Label changed (a new stable release): accept it explicitly with `apt-get update --allow-releaseinfo-change`, or point sources.list at the codename you mean." },
  'apt.pty-unavailable': { title: 'no pseudo-terminal for dpkg', remedy: 'apt could not open a pty (/dev/pts not mounted) and carried on without dpkg progress; harmless in chroots, mount /dev/pts to silence it.' },
  'apt.aborted': { title: 'apt aborted', remedy: 'apt asked for confirmation and got none: pass -y (and --allow-* flags only where the change is intended).' },
  'apt.other-error': { title: 'apt error', remedy: 'The message is the error as apt printed it.' },
  'disk.full': { title: 'disk full', remedy: 'The builder ran out of space: clean in the same RUN (`apt-get clean`, `rm -rf /var/lib/apt/lists/*`), prune docker, or give the builder more disk.' },
  'dpkg.interrupted': { title: 'dpkg was interrupted', remedy: 'An earlier dpkg run was killed: run `dpkg --configure -a` before installing.' },
  'dpkg.pre-dependency': { title: 'pre-dependency problem', remedy: "dpkg refused to unpack a package whose Pre-Depends is not configured. In images this usually means the dpkg database does not match the files: a damaged or replaced /var/lib/dpkg/status, or a base image built differently. Compare with the base image and rebuild from a clean one." },
  'dpkg.dependency-problems': { title: 'dependency problems', remedy: 'A dependency was not configured first: fix the failure of the package it depends on (earlier in the log).' },
  'dpkg.maintainer-script-failed': { title: 'maintainer script failed', remedy: "The package's install script failed; its own output is just above the dpkg error. In containers: missing /proc, no init system, a policy-rc.d, no network." },
  'dpkg.file-conflict': { title: 'file conflict', remedy: 'Two packages ship the same file: install only one, or a version that declares Replaces.' },
  'dpkg.subprocess-failed': { title: 'dpkg returned an error', remedy: "This is apt's summary that dpkg failed; the cause is the dpkg error before it." },
  'dpkg.other-error': { title: 'dpkg error', remedy: "Read dpkg's reason line." },
  'dpkg.processing-failed': {
    title: 'dpkg could not process packages',
    remedy:
      "dpkg's summary names the packages it failed on, but its reason (`dpkg: error processing …` and the lines under it) is not in this log: read the full log above the summary. The first package listed is the one dpkg failed on first; the others usually fail because of it.",
  },
  'docker.step-failed': { title: 'build step failed', remedy: "The step's command exited non-zero; the cause is the problem inside the step." },
  'docker.build-failed': {
    title: 'build failed',
    remedy:
      'When a step failed, the cause is that step’s problem. When no step ran, docker refused the command line or its builder set-up, as the message says: a flag this CLI or builder does not take (the legacy builder has no --progress), or a missing buildx component.',
  },
  'ci.job-failed': {
    title: 'CI job failed',
    remedy:
      "The CI runner reports the job's exit status; the cause is in the job's own output. When aptlog names nothing else, the failing command printed nothing it reads: `aptlog parse --unrecognized` lists the lines it could not.",
  },
  'docker.log-clipped': { title: 'step output clipped', remedy: 'BuildKit dropped step output after the marker, so evidence may be missing: raise BUILDKIT_STEP_LOG_MAX_SIZE, or make the step quieter (apt-get -q).' },
  'docker.service-exited': {
    title: 'compose service exited',
    remedy:
      "A service's container exited with a non-zero code; the cause is in its output (the lines behind its `name  | ` gutter). Run `docker compose logs <service>` for all of it, and `docker compose up --exit-code-from <service>` to make CI fail with it.",
  },
}

const REMEDIES: ReadonlyMap<string, Remedy> = new Map(Object.entries(TABLE))

/**
 * Remedies for a kind and its finer `cause`, where the cause changes what to do: a hash mismatch is
 * not fixed the way a DNS failure is (retrying helps one and not the other).
 */
const CAUSE_TABLE: Readonly<Record<string, string>> = {
  'apt.fetch-failed/connection-refused': 'The mirror or proxy could not be reached from the builder: check the build network (`--network`), the proxy settings (`http_proxy`, `Acquire::http::Proxy`) and that the mirror is up. Retrying helps only if the mirror was briefly down.',
  'apt.fetch-failed/dns': "The builder could not resolve the mirror's name: DNS inside the build (`--network`, the resolver the daemon hands to builds, a corporate DNS). Retrying helps only once the resolver works.",
  'apt.fetch-failed/timeout': 'The mirror or proxy did not answer in time: an overloaded or distant mirror, or a network path that drops packets. Retry (`Acquire::Retries=3`) or use a closer mirror.',
  'apt.fetch-failed/http-404': 'The file is gone from the mirror: the package lists are older than the archive. Run `apt-get update` in the same RUN as the install (a cached update layer goes stale), and pin versions the archive still has.',
  'apt.fetch-failed/http-other': 'The mirror answered with an HTTP error: 401/403 is credentials or a proxy policy, 5xx the mirror or the proxy itself. The status is in the message.',
  'apt.fetch-failed/hash-mismatch': "The file does not match the checksum in the index apt read: a mirror in the middle of a sync, or a caching proxy serving an older file. Retrying the same mirror rarely helps until its sync finishes: use another mirror or snapshot.debian.org, or clear the proxy's cache.",
  'apt.fetch-failed/size-mismatch': "The file's size does not match the index apt read: a mirror in the middle of a sync, a truncated download, or a caching proxy serving an older file. Retry once; if it repeats, use another mirror or clear the proxy's cache.",
  'apt.fetch-failed/tls':
    "apt could not verify the mirror's TLS certificate. `The certificate issuer is unknown` (or `No system certificates available`): the image has no CA bundle — install ca-certificates from an http source first, or add the CA of a proxy that intercepts TLS. `The certificate chain uses expired certificate`: the image's ca-certificates is older than the mirror's chain (update it), the mirror's certificate expired, or the builder's clock is wrong. `The name in the certificate does not match`: the mirror URL is wrong or a proxy answers for it.",
  'apt.fetch-failed/method-missing':
    'apt has no download method for the URI scheme: apt older than 1.5 (Debian stretch, Ubuntu xenial) needs apt-transport-https (and ca-certificates) for https sources — install them in the same RUN before adding the https source, or use http for the base mirror; another scheme (tor+, s3) needs the apt-transport package apt names.',
  'apt.lock-held/not-root': 'apt is not running as root: run it as root (`USER root` in the Dockerfile) or with sudo.',
}

/** Every `kind/cause` pair with a remedy of its own. */
export const CAUSE_REMEDY_KEYS: readonly string[] = Object.keys(CAUSE_TABLE)

/**
 * The remedy for a problem kind, made specific by its `cause` where that changes what to do
 * (`apt.fetch-failed` with `hash-mismatch`); unknown kinds get a neutral one.
 */
export function remedyFor(kind: string, cause?: string): Remedy {
  const base = REMEDIES.get(kind) ?? { title: kind, remedy: 'No remedy is known for this kind.' }
  const specific = cause === undefined ? undefined : CAUSE_TABLE[`${kind}/${cause}`]
  return specific === undefined ? base : { title: base.title, remedy: specific }
}

/** Every kind with a remedy, in table order. */
export const REMEDY_KINDS: readonly string[] = Object.keys(TABLE)
