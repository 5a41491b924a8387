import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED, UNRECOGNIZED } from '../../src/grammar/verdict.ts'
import { onlyEvent, runDpkg } from './support.ts'

interface Case {
  readonly name: string
  readonly line: string
  readonly event: Record<string, unknown>
}

// Real lines from the captures (file named per case); the template-only ones say so.
const CASES: readonly Case[] = [
  {
    name: 'select, Multi-Arch: same package with :arch (bookworm-a, dpkg 1.21)',
    line: 'Selecting previously unselected package libbsd0:amd64.',
    event: { action: 'select', package: 'libbsd0', arch: 'amd64', rule: 'dpkg.progress.select' },
  },
  {
    name: 'select, plain name (sid-a, dpkg 1.23)',
    line: 'Selecting previously unselected package openssh-client.',
    event: { action: 'select', package: 'openssh-client', rule: 'dpkg.progress.select' },
  },
  {
    name: "prepare, apt's numbered link (bookworm-a)",
    line: 'Preparing to unpack .../00-libbsd0_0.11.7-2_amd64.deb ...',
    event: { action: 'prepare', package: 'libbsd0', arch: 'amd64', version: '0.11.7-2', file: '.../00-libbsd0_0.11.7-2_amd64.deb', rule: 'dpkg.progress.prepare' },
  },
  {
    name: 'prepare, first numbered link with an epoch %3a (trixie-c)',
    line: 'Preparing to unpack .../00-bash-completion_1%3a2.16.0-7_all.deb ...',
    event: { action: 'prepare', package: 'bash-completion', arch: 'all', version: '1:2.16.0-7', file: '.../00-bash-completion_1%3a2.16.0-7_all.deb' },
  },
  {
    name: 'prepare, short name keeps its folder: .../archives/ (trixie-l1)',
    line: 'Preparing to unpack .../archives/adduser_3.152_all.deb ...',
    event: { action: 'prepare', package: 'adduser', arch: 'all', version: '3.152', file: '.../archives/adduser_3.152_all.deb' },
  },
  {
    name: 'prepare, a local ./x.deb shortened to ..././ (bookworm-h1)',
    line: 'Preparing to unpack ..././failing-postinst_1.0_all.deb ...',
    event: { action: 'prepare', package: 'failing-postinst', arch: 'all', version: '1.0', file: '..././failing-postinst_1.0_all.deb' },
  },
  {
    name: 'prepare, dpkg -i with an absolute path (bookworm-h4c)',
    line: 'Preparing to unpack /repo/conflict-b_1.0_all.deb ...',
    event: { action: 'prepare', package: 'conflict-b', arch: 'all', version: '1.0', file: '/repo/conflict-b_1.0_all.deb' },
  },
  {
    name: 'unpack, new install (bookworm-a)',
    line: 'Unpacking libbsd0:amd64 (0.11.7-2) ...',
    event: { action: 'unpack', package: 'libbsd0', arch: 'amd64', version: '0.11.7-2', rule: 'dpkg.progress.unpack' },
  },
  {
    name: 'unpack over, an upgrade with epochs (bookworm-d4)',
    line: 'Unpacking login (1:4.16.0-2+really2.41.5-0+deb13u1) over (1:4.13+dfsg1-1+deb12u2) ...',
    event: { action: 'unpack', package: 'login', version: '1:4.16.0-2+really2.41.5-0+deb13u1', fromVersion: '1:4.13+dfsg1-1+deb12u2' },
  },
  {
    name: 'unpack over, a downgrade (bookworm-d6)',
    line: 'Unpacking tzdata (2026b-0+deb12u1) over (2026f-0+deb12u1) ...',
    event: { action: 'unpack', package: 'tzdata', version: '2026b-0+deb12u1', fromVersion: '2026f-0+deb12u1' },
  },
  {
    name: 'setup (trixie-a, dpkg 1.22)',
    line: 'Setting up libkeyutils1:amd64 (1.6.3-6) ...',
    event: { action: 'setup', package: 'libkeyutils1', arch: 'amd64', version: '1.6.3-6', rule: 'dpkg.progress.setup' },
  },
  {
    name: 'triggers (sid-a, dpkg 1.23)',
    line: 'Processing triggers for libc-bin (2.43-7) ...',
    event: { action: 'trigger', package: 'libc-bin', version: '2.43-7', rule: 'dpkg.progress.trigger' },
  },
  {
    name: 'remove (trixie-e1)',
    line: 'Removing openssh-client (1:10.0p1-7+deb13u4) ...',
    event: { action: 'remove', package: 'openssh-client', version: '1:10.0p1-7+deb13u4', rule: 'dpkg.progress.remove' },
  },
  {
    name: 'purge with :arch (bookworm-e7)',
    line: 'Purging configuration files for libgssapi-krb5-2:amd64 (1.20.1-2+deb12u5) ...',
    event: { action: 'purge', package: 'libgssapi-krb5-2', arch: 'amd64', version: '1.20.1-2+deb12u5', rule: 'dpkg.progress.purge' },
  },
  {
    name: 'replacing files in old package (bookworm-d4)',
    line: 'Replacing files in old package login (1:4.13+dfsg1-1+deb12u2) ...',
    event: { action: 'replace-files', package: 'login', version: '1:4.13+dfsg1-1+deb12u2', rule: 'dpkg.progress.replace-files' },
  },
  {
    name: 'replaced by files in installed package (FORMATS.md §5.2 template)',
    line: 'Replaced by files in installed package login.defs (1:4.17.4-2) ...',
    event: { action: 'replaced-by', package: 'login.defs', version: '1:4.17.4-2', rule: 'dpkg.progress.replaced-by' },
  },
  {
    name: 'de-configuring to allow removal (FORMATS.md §5.2 template)',
    line: 'De-configuring libpam-modules:amd64 (1.5.2-6+deb12u2), to allow removal of libdb5.3:amd64 (5.3.28+dfsg2-1) ...',
    event: {
      action: 'deconfigure',
      package: 'libpam-modules',
      arch: 'amd64',
      version: '1.5.2-6+deb12u2',
      toAllow: { action: 'removal', package: 'libdb5.3', arch: 'amd64', version: '5.3.28+dfsg2-1' },
    },
  },
  {
    name: 'de-configuring alone (dpkg unpack.c template)',
    line: 'De-configuring e2fsprogs (1.47.0-2+b2) ...',
    event: { action: 'deconfigure', package: 'e2fsprogs', version: '1.47.0-2+b2' },
  },
  {
    name: 'removing to allow configuration (FORMATS.md §5.2 template)',
    line: 'Removing libext2fs2:amd64 (1.47.0-2+b2), to allow configuration of libext2fs2t64:amd64 (1.47.2-3+b12) ...',
    event: {
      action: 'remove',
      package: 'libext2fs2',
      arch: 'amd64',
      version: '1.47.0-2+b2',
      toAllow: { action: 'configuration', package: 'libext2fs2t64', arch: 'amd64', version: '1.47.2-3+b12' },
    },
  },
  {
    name: 'on hold, two spaces (FORMATS.md §5.2)',
    line: 'Package tzdata is on hold, not touching it.  Use --force-hold to override.',
    event: { action: 'hold', package: 'tzdata', rule: 'dpkg.progress.hold' },
  },
  {
    name: 'on hold, one space (dpkg errors.c, newer sources)',
    line: 'Package tzdata is on hold, not touching it. Use --force-hold to override.',
    event: { action: 'hold', package: 'tzdata' },
  },
]

describe('dpkg.progress: one event per line', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const event = onlyEvent(c.line)
      expect(event).toMatchObject({ type: 'dpkg.progress', line: 1, ...c.event })
      expect(event).not.toHaveProperty('endLine')
    })
  }

  test('optional fields are absent, not undefined', () => {
    const event = onlyEvent('Setting up openssh-client (1:9.2p1-2+deb12u10) ...')
    expect(Object.keys(event)).toEqual(['type', 'line', 'rule', 'action', 'package', 'version'])
  })
})

describe('config files belong to the package being set up (bookworm-d3)', () => {
  test('Installing new version of config file … takes the last Setting up package', () => {
    const { dpkg, verdicts } = runDpkg([
      'Setting up base-files (13.8+deb13u8) ...',
      'Installing new version of config file /etc/debian_version ...',
      'Installing new version of config file /etc/issue ...',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED])
    expect(dpkg.slice(1)).toEqual([
      { type: 'dpkg.progress', line: 2, rule: 'dpkg.progress.conffile', action: 'conffile', package: 'base-files', file: '/etc/debian_version' },
      { type: 'dpkg.progress', line: 3, rule: 'dpkg.progress.conffile', action: 'conffile', package: 'base-files', file: '/etc/issue' },
    ])
  })

  test('without a Setting up line before it the line is known but gives no event', () => {
    const { events, verdicts } = runDpkg(['Installing new version of config file /etc/login.defs ...'])
    expect(events).toEqual([])
    expect(verdicts).toEqual([IGNORED])
  })
})

describe('.deb names in context', () => {
  test('a later numbered link is read through the Selecting line before it (trixie-c)', () => {
    const { dpkg } = runDpkg(['Selecting previously unselected package openssh-client.', 'Preparing to unpack .../13-openssh-client_1%3a10.0p1-7+deb13u4_amd64.deb ...'])
    expect(dpkg[1]).toMatchObject({ action: 'prepare', package: 'openssh-client', arch: 'amd64', version: '1:10.0p1-7+deb13u4' })
  })

  test('a Selecting line names the package of an ambiguous NN- prefix (389-ds-base is a real name)', () => {
    const { dpkg } = runDpkg(['Selecting previously unselected package 389-ds-base.', 'Preparing to unpack .../389-ds-base_2.3.1+dfsg1-1_amd64.deb ...'])
    expect(dpkg[1]).toMatchObject({ action: 'prepare', package: '389-ds-base', version: '2.3.1+dfsg1-1' })
  })

  test('once a run shows numbered links, a later NN- prefix is a link number (upgrades have no Selecting line)', () => {
    const { dpkg } = runDpkg([
      '(Reading database ... 6096 files and directories currently installed.)',
      'Preparing to unpack .../0-libzstd1_1.5.7+dfsg-1+deb13u1_amd64.deb ...',
      'Preparing to unpack .../7-passwd_1%3a4.17.4-2+deb13u1_amd64.deb ...',
    ])
    expect(dpkg[2]).toMatchObject({ package: 'passwd', version: '1:4.17.4-2+deb13u1', arch: 'amd64' })
  })

  test('a new dpkg run forgets the numbering of the previous one', () => {
    const { dpkg } = runDpkg([
      'Preparing to unpack .../0-libzstd1_1.5.7+dfsg-1+deb13u1_amd64.deb ...',
      '(Reading database ... 6096 files and directories currently installed.)',
      'Preparing to unpack .../389-ds-base_2.3.1+dfsg1-1_amd64.deb ...',
    ])
    expect(dpkg[2]).toMatchObject({ package: '389-ds-base' })
  })

  test('a file name without the cache shape falls back to the selected package, then to the file stem', () => {
    const selected = runDpkg(['Selecting previously unselected package my-app.', 'Preparing to unpack /tmp/build/my-app.deb ...'])
    expect(selected.dpkg[1]).toEqual({ type: 'dpkg.progress', line: 2, rule: 'dpkg.progress.prepare', action: 'prepare', package: 'my-app', file: '/tmp/build/my-app.deb' })
    const alone = runDpkg(['Preparing to unpack ./my-app.deb ...'])
    expect(alone.dpkg[0]).toMatchObject({ package: 'my-app' })
  })
})

describe('near misses are not progress lines', () => {
  const misses: readonly [string, string][] = [
    ['no trailing " ..."', 'Setting up libbsd0:amd64 (0.11.7-2)'],
    ['no version in parentheses', 'Setting up libbsd0:amd64 ...'],
    ['a version with a blank', 'Unpacking x (1.0 beta) ...'],
    ['"over" without its version', 'Unpacking x (1.0) over ...'],
    ['a package name that cannot be one', 'Setting up -x (1.0) ...'],
    ['Selecting without the final period', 'Selecting previously unselected package libbsd0:amd64'],
    ['indented progress text (not at line start)', ' Setting up libbsd0:amd64 (0.11.7-2) ...'],
    ["debootstrap's own progress (trixie-debootstrap)", 'I: Unpacking gcc-14-base:amd64...'],
    ['an empty Preparing path', 'Preparing to unpack  ...'],
    ['dpkg-divert output is not a removal (bookworm-d3)', "Removing 'diversion of /bin/sh to /bin/sh.distrib by dash'"],
    ['apt, not dpkg (bookworm-f4)', 'Package bash is not available, but is referred to by another package.'],
  ]
  for (const [name, line] of misses) {
    test(name, () => {
      const { dpkg } = runDpkg([line])
      expect(dpkg.filter((e) => e.type === 'dpkg.progress')).toEqual([])
    })
  }

  test('the diversion line is known noise, not unrecognised', () => {
    expect(runDpkg(["Removing 'diversion of /bin/sh to /bin/sh.distrib by dash'"]).verdicts).toEqual([IGNORED])
    expect(runDpkg(['I: Unpacking gcc-14-base:amd64...']).verdicts).toEqual([UNRECOGNIZED])
  })
})
