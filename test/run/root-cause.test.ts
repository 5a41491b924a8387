/**
 * The first cause beats its consequences across the chain: a download that failed for a reason
 * apt states (a TLS certificate, a 403, a missing https method …) is the root cause of the
 * "no Release file" or the bare `Failed to fetch` that follows it, with its own remedy. Each case
 * is a real sequence from a public issue thread (quoted), or a capture; the near misses keep the
 * consequence as the root cause where it is one (a 404 on the Release file: the suite is missing).
 * @module
 */

import { describe, expect, test } from 'vitest'
import { remedyFor } from '../../src/format/remedies.ts'
import { explainReport, parse, renderText, summarize, type Problem } from '../../src/index.ts'
import { causeOf, consequencesOf } from '../../src/run/root-cause.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const run = (lines: readonly string[]) => summarize(parse(`${lines.join('\n')}\n`))
const brief = (p: Problem | null | undefined) => (p === null || p === undefined ? null : [p.kind, p.cause ?? null, p.line])

interface Case {
  readonly name: string
  readonly lines: readonly string[]
  /** The root cause: kind, cause, line. */
  readonly root: [string, string | null, number]
  /** Kinds that follow from it (explain's "What followed from it"). */
  readonly followed: readonly string[]
}

const CASES: readonly Case[] = [
  {
    name: 'TLS, issuer unknown, on a Release file, then "no longer has a Release file" (mrclksr/linux-browser-installer#49, apt 2.0)',
    lines: [
      'Hit:1 http://archive.ubuntu.com/ubuntu focal InRelease',
      'Ign:2 https://dl.google.com/linux/chrome/deb stable InRelease',
      'Hit:3 http://archive.ubuntu.com/ubuntu focal-updates InRelease',
      'Hit:4 http://archive.ubuntu.com/ubuntu focal-security InRelease',
      'Err:5 https://dl.google.com/linux/chrome/deb stable Release',
      '  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 142.251.36.46 443]',
      'Reading package lists... Done',
      'W: https://dl.google.com/linux/chrome/deb/dists/stable/InRelease: No system certificates available. Try installing ca-certificates.',
      'W: https://dl.google.com/linux/chrome/deb/dists/stable/Release: No system certificates available. Try installing ca-certificates.',
      "E: The repository 'https://dl.google.com/linux/chrome/deb stable Release' no longer has a Release file.",
      "N: Updating from such a repository can't be done securely, and is therefore disabled by default.",
      'N: See apt-secure(8) manpage for repository creation and user configuration details.',
    ],
    root: ['apt.fetch-failed', 'tls', 5],
    followed: ['apt.release-file-missing'],
  },
  {
    name: 'TLS, OCSP response invalid, flat repository (Ximi1970/systray-x#130)',
    lines: [
      'Err:40 https://download.opensuse.org/repositories/home:/Ximi1970:/Mozilla:/Add-ons/xUbuntu_20.04 ./ Release',
      '  Certificate verification failed: The certificate is NOT trusted. The received OCSP status response is invalid.  Could not handshake: Error in the certificate verification. [IP: 195.135.221.134 443]',
      'Reading package lists... Done',
      "E: The repository 'https://download.opensuse.org/repositories/home:/Ximi1970:/Mozilla:/Add-ons/xUbuntu_20.04 ./ Release' no longer has a Release file.",
    ],
    root: ['apt.fetch-failed', 'tls', 1],
    followed: ['apt.release-file-missing'],
  },
  {
    name: 'TLS, expired chain, id-less Err lines (roddhjav/pass-import#163, its first four lines)',
    lines: [
      'Ign https://pkg.pujol.io/debian/repo all InRelease',
      'Err https://pkg.pujol.io/debian/repo all Release',
      '  Certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.  Could not handshake: Error in the certificate verification. [IP: 35.185.44.232 443]',
      "E: The repository 'https://pkg.pujol.io/debian/repo all Release' does not have a Release file.",
    ],
    root: ['apt.fetch-failed', 'tls', 2],
    followed: ['apt.release-file-missing'],
  },
  {
    name: '403 on the Release file, Err under the redirect target (balena-io/etcher#3253)',
    lines: [
      'Err:21 https://dl.bintray.com/etcher/debian stable Release',
      '  403  Forbidden [IP: 52.29.63.201 443]',
      'Reading package lists... Done',
      "E: The repository 'https://deb.etcher.io stable Release' no longer has a Release file.",
      "N: Updating from such a repository can't be done securely, and is therefore disabled by default.",
    ],
    root: ['apt.fetch-failed', 'http-other', 1],
    followed: ['apt.release-file-missing'],
  },
  {
    name: 'near miss: 404 on the Release file is what "does not have a Release file" means (bookworm-i2)',
    lines: [
      'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
      'Ign:2 http://mirror.example.com/debian bookworm-doesnotexist InRelease',
      'Err:3 http://mirror.example.com/debian bookworm-doesnotexist Release',
      '  404  Not Found [IP: 203.0.113.80 80]',
      'Reading package lists...',
      "E: The repository 'http://mirror.example.com/debian bookworm-doesnotexist Release' does not have a Release file.",
    ],
    root: ['apt.release-file-missing', null, 6],
    followed: [],
  },
  {
    name: 'near miss: a TLS failure of another suite does not explain this one (mrclksr#49 Err:5, then bookworm-i2 lines 3-6)',
    lines: [
      'Err:5 https://dl.google.com/linux/chrome/deb stable Release',
      '  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 142.251.36.46 443]',
      'Err:3 http://mirror.example.com/debian bookworm-doesnotexist Release',
      '  404  Not Found [IP: 203.0.113.80 80]',
      'Reading package lists...',
      "E: The repository 'http://mirror.example.com/debian bookworm-doesnotexist Release' does not have a Release file.",
    ],
    root: ['apt.release-file-missing', null, 6],
    followed: [],
  },
  {
    name: 'no https method: the bare Failed to fetch and the index summary follow from it (influxdata/influxdb#7914, apt 1.2)',
    lines: [
      'Hit:1 http://archive.ubuntu.com/ubuntu xenial InRelease',
      'Get:2 http://archive.ubuntu.com/ubuntu xenial-updates InRelease [102 kB]',
      'Hit:3 http://archive.ubuntu.com/ubuntu xenial-security InRelease',
      'Fetched 102 kB in 0s (250 kB/s)',
      'Reading package lists... Done',
      'E: The method driver /usr/lib/apt/methods/https could not be found.',
      'N: Is the package apt-transport-https installed?',
      'E: Failed to fetch https://repos.influxdata.com/ubuntu/dists/xenial/InRelease',
      'E: Some index files failed to download. They have been ignored, or old ones used instead.',
    ],
    root: ['apt.fetch-failed', 'method-missing', 6],
    followed: ['apt.fetch-failed', 'apt.index-download-failed'],
  },
  {
    name: 'no https method, apt 1.4 with two trailing blanks (sysown/proxysql#2525)',
    lines: [
      'E: The method driver /usr/lib/apt/methods/https could not be found.',
      'N: Is the package apt-transport-https installed?',
      'E: Failed to fetch https://repo.proxysql.com/ProxySQL/proxysql-2.0.x/stretch/./InRelease  ',
      'E: Some index files failed to download. They have been ignored, or old ones used instead.',
    ],
    root: ['apt.fetch-failed', 'method-missing', 1],
    followed: ['apt.fetch-failed', 'apt.index-download-failed'],
  },
  {
    name: 'a hash mismatch whose E: line lost its reason text is still one (the Err: block states it; bookworm-i8 lines 8-9 and 23, 35)',
    lines: [
      'Get:1 http://127.0.0.1:8765 ./ hashsum-pkg 1.0 [20.7 kB]',
      'Err:1 http://127.0.0.1:8765 ./ hashsum-pkg 1.0',
      '  Hash Sum mismatch',
      'Fetched 20.7 kB in 0s (0 B/s)',
      'E: Failed to fetch http://127.0.0.1:8765/./hashsum-pkg_1.0_all.deb',
      'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?',
    ],
    root: ['apt.fetch-failed', 'hash-mismatch', 2],
    followed: ['apt.fetch-failed', 'apt.archives-fetch-failed'],
  },
  {
    name: 'an excerpt with the Err: block and the summary but not the E: line between (bookworm-i3 lines 8-9 and 11)',
    lines: ['Err:1 http://127.0.0.1:8765 ./ stale-pkg 1.0', '  404  File not found [IP: 127.0.0.1 8765]', 'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?'],
    root: ['apt.fetch-failed', 'http-404', 1],
    followed: ['apt.archives-fetch-failed'],
  },
  {
    name: 'the whole capture: the E: Failed to fetch line states the cause, no Err: problem is added (bookworm-i3)',
    lines: [
      'Err:1 http://127.0.0.1:8765 ./ stale-pkg 1.0',
      '  404  File not found [IP: 127.0.0.1 8765]',
      'E: Failed to fetch http://127.0.0.1:8765/./stale-pkg_1.0_all.deb  404  File not found [IP: 127.0.0.1 8765]',
      'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?',
    ],
    root: ['apt.fetch-failed', 'http-404', 3],
    followed: ['apt.archives-fetch-failed'],
  },
]

describe('the first cause is the root cause', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const summary = run(c.lines)
      expect(summary.outcome).toBe('failure')
      expect(brief(summary.rootCause)).toEqual(c.root)
      const report = explainReport(summary, new Map())
      const followed = report.sections.find((s) => s.heading === 'What followed from it')?.items?.map((i) => i.text.slice(0, i.text.indexOf(':'))) ?? []
      expect(followed).toEqual(c.followed)
      const root = summary.rootCause as Problem
      expect(renderText(report)).toContain(remedyFor(root.kind, root.cause).remedy.slice(0, 40))
    })
  }

  test('an Err: line becomes a problem only where it explains one: a run that recovers gets none (bookworm-i6 lines 1-8, update only)', () => {
    const summary = run([
      'Ign:1 http://mirror.example.com/debian bookworm InRelease',
      'Err:1 http://mirror.example.com/debian bookworm InRelease',
      "  Temporary failure resolving 'mirror.example.com'",
      'Reading package lists...',
      "W: Failed to fetch http://mirror.example.com/debian/dists/bookworm/InRelease  Temporary failure resolving 'mirror.example.com'",
      'W: Some index files failed to download. They have been ignored, or old ones used instead.',
    ])
    expect(summary.problems.map((p) => [p.kind, p.cause ?? null, p.line])).toEqual([
      ['apt.fetch-failed', 'dns', 5],
      ['apt.index-download-failed', null, 6],
    ])
    expect(summary.rootCause).toBeNull()
  })

  test('the derived problem: a warning in apt\'s Err words, with the Err block as its lines', () => {
    const summary = run((CASES[0] as Case).lines)
    expect(summary.rootCause).toEqual({
      kind: 'apt.fetch-failed',
      severity: 'warning',
      line: 5,
      endLine: 6,
      message: 'Err https://dl.google.com/linux/chrome/deb stable Release  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 142.251.36.46 443]',
      cause: 'tls',
    })
  })
})

describe('consequencesOf walks each chain to its end', () => {
  /** The walk as first written: every problem's chain followed anew, hop by hop. */
  const walked = (problems: readonly Problem[], root: Problem): Problem[] =>
    problems.filter((p, i) => {
      if (p === root) return false
      let index = i
      for (let hops = 0; hops < problems.length; hops++) {
        const cause = causeOf(problems, index)
        const next = cause === undefined ? index : problems.indexOf(cause)
        if (next === index) break
        index = next
      }
      return problems[index] === root
    })

  for (const name of ['docker/D17-cli20-buildkit-plain-predepends-problem.log', 'apt/trixie-i5-archive-fetch-connection-refused-via-proxy.log', 'apt/bookworm-i6-dns-resolution-failure-update.log', 'apt/bookworm-h1-failing-postinst.log']) {
    test(`${name}: the same consequences as following every chain anew, for every problem as the root`, () => {
      const problems = summarize(parse(fixtureBytes(name))).problems
      expect(problems.length).toBeGreaterThan(1)
      let some = 0
      for (const root of problems) {
        const found = consequencesOf(problems, root)
        some += found.length
        expect(found).toEqual(walked(problems, root))
      }
      expect(some).toBeGreaterThan(0)
    })
  }
})
