/**
 * dpkg.log lines (FORMATS.md §6.1): real lines from the `aptlogs/*-dpkg.log` captures, and near
 * misses that must stay unrecognised.
 */
import { describe, expect, test } from 'vitest'
import { CONSUMED, UNRECOGNIZED } from '../../src/grammar/verdict.ts'
import { dpkgLogLine, runLogfile } from './support.ts'

interface Case {
  readonly name: string
  readonly line: string
  readonly event: Record<string, unknown>
}

const CASES: readonly Case[] = [
  {
    name: 'startup archives (bookworm-m1 dpkg.log line 1: debootstrap)',
    line: '2026-11-27 23:04:37 startup archives install',
    event: { type: 'dpkg.log.startup', rule: 'dpkg.log.startup', ts: '2026-11-27 23:04:37', mode: 'archives', action: 'install' },
  },
  {
    name: 'startup archives unpack (bookworm-m1 line 679: apt runs dpkg --unpack)',
    line: '2026-11-27 23:28:36 startup archives unpack',
    event: { type: 'dpkg.log.startup', mode: 'archives', action: 'unpack' },
  },
  {
    name: 'startup packages remove (bookworm-m2 line 683)',
    line: '2026-11-27 23:24:59 startup packages remove',
    event: { type: 'dpkg.log.startup', mode: 'packages', action: 'remove' },
  },
  {
    name: 'install: no installed version (bookworm-m1 line 2)',
    line: '2026-11-27 23:04:37 install base-passwd:amd64 <none> 3.6.1',
    event: { type: 'dpkg.log.action', rule: 'dpkg.log.action', ts: '2026-11-27 23:04:37', action: 'install', package: 'base-passwd', arch: 'amd64', availableVersion: '3.6.1' },
  },
  {
    name: 'install of an Architecture: all package keeps :all (bookworm-m2 line 680)',
    line: '2026-11-27 23:24:31 install slow-preinst:all <none> 1.0',
    event: { action: 'install', package: 'slow-preinst', arch: 'all', availableVersion: '1.0' },
  },
  {
    name: 'upgrade (bookworm-m4 line 1172)',
    line: '2026-11-27 23:20:29 upgrade libffi8:amd64 3.4.4-1 3.4.8-2',
    event: { action: 'upgrade', package: 'libffi8', arch: 'amd64', installedVersion: '3.4.4-1', availableVersion: '3.4.8-2' },
  },
  {
    name: 'upgrade of dpkg without :arch during bootstrap (bookworm-m1 line 16)',
    line: '2026-11-27 23:04:38 upgrade dpkg 1.21.23 1.21.23',
    event: { action: 'upgrade', package: 'dpkg', installedVersion: '1.21.23', availableVersion: '1.21.23' },
  },
  {
    name: 'configure with an epoch-less version and <none> (bookworm-m1 line 660)',
    line: '2026-11-27 23:04:50 configure libpam-runtime:all 1.5.2-6+deb12u2 <none>',
    event: { action: 'configure', package: 'libpam-runtime', arch: 'all', installedVersion: '1.5.2-6+deb12u2' },
  },
  {
    name: 'configure with an epoch (bookworm-m2 line 764)',
    line: '2026-11-27 23:25:01 configure openssh-client:amd64 1:9.2p1-2+deb12u10 <none>',
    event: { action: 'configure', package: 'openssh-client', arch: 'amd64', installedVersion: '1:9.2p1-2+deb12u10' },
  },
  {
    name: 'trigproc (bookworm-m1 line 676)',
    line: '2026-11-27 23:04:50 trigproc libc-bin:amd64 2.36-9+deb12u14 <none>',
    event: { action: 'trigproc', package: 'libc-bin', arch: 'amd64', installedVersion: '2.36-9+deb12u14' },
  },
  {
    name: 'remove (bookworm-m3 line 779)',
    line: '2026-11-27 23:20:23 remove openssh-client:amd64 1:9.2p1-2+deb12u10 <none>',
    event: { action: 'remove', package: 'openssh-client', arch: 'amd64', installedVersion: '1:9.2p1-2+deb12u10' },
  },
  {
    name: 'purge (no capture; log_action("purge") in dpkg remove.c, same shape as remove)',
    line: '2026-11-27 23:20:23 purge demo-fail:all 1.0 <none>',
    event: { action: 'purge', package: 'demo-fail', arch: 'all', installedVersion: '1.0' },
  },
  {
    name: 'disappear (no capture; log_action("disappear") in dpkg)',
    line: '2026-11-27 23:20:23 disappear old-lib:amd64 1.0 <none>',
    event: { action: 'disappear', package: 'old-lib', arch: 'amd64', installedVersion: '1.0' },
  },
  {
    name: 'status half-installed (bookworm-m2 line 681: the package a killed dpkg left behind)',
    line: '2026-11-27 23:24:31 status half-installed slow-preinst:all 1.0',
    event: { type: 'dpkg.log.status', rule: 'dpkg.log.status', ts: '2026-11-27 23:24:31', state: 'half-installed', package: 'slow-preinst', arch: 'all', version: '1.0' },
  },
  {
    name: 'status not-installed with <none> (bookworm-m2 line 687)',
    line: '2026-11-27 23:24:59 status not-installed slow-preinst:all <none>',
    event: { state: 'not-installed', package: 'slow-preinst', arch: 'all' },
  },
  {
    name: 'status config-files (bookworm-m2 line 686)',
    line: '2026-11-27 23:24:59 status config-files slow-preinst:all 1.0',
    event: { state: 'config-files', package: 'slow-preinst', version: '1.0' },
  },
  {
    name: 'status triggers-pending (bookworm-m1 line 460)',
    line: '2026-11-27 23:04:49 status triggers-pending libc-bin:amd64 2.36-9+deb12u14',
    event: { state: 'triggers-pending', package: 'libc-bin', arch: 'amd64', version: '2.36-9+deb12u14' },
  },
  {
    name: 'status without :arch (bookworm-m1 line 17)',
    line: '2026-11-27 23:04:38 status half-configured dpkg 1.21.23',
    event: { state: 'half-configured', package: 'dpkg', version: '1.21.23' },
  },
  {
    name: 'conffile keep (no capture; log_message("conffile %s %s") in dpkg configure.c)',
    line: '2026-11-27 23:20:27 conffile /etc/login.defs keep',
    event: { type: 'dpkg.log.conffile', rule: 'dpkg.log.conffile', path: '/etc/login.defs', decision: 'keep' },
  },
  {
    name: 'conffile install with a space in the path (no capture)',
    line: '2026-11-27 23:20:27 conffile /etc/my app/app.conf install',
    event: { type: 'dpkg.log.conffile', path: '/etc/my app/app.conf', decision: 'install' },
  },
]

describe('dpkg.log lines (the line layer has taken the stamp as a plain CI timestamp)', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { events, verdicts } = runLogfile([dpkgLogLine(c.line)])
      expect(verdicts).toEqual([CONSUMED])
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ line: 1, ts: c.line.slice(0, 19), ...c.event })
    })
  }

  test('optional fields are left out, not undefined', () => {
    const { events } = runLogfile([dpkgLogLine('2026-11-27 23:24:59 status not-installed slow-preinst:all <none>')])
    expect(Object.keys(events[0] as object)).toEqual(['type', 'line', 'rule', 'ts', 'state', 'package', 'arch'])
  })

  test('the stamp still in the text (a dpkg.log printed inside a docker step) is read and becomes ts', () => {
    const { events } = runLogfile(['2026-11-27 23:04:37 install base-passwd:amd64 <none> 3.6.1'])
    expect(events).toEqual([
      { type: 'dpkg.log.action', line: 1, rule: 'dpkg.log.action', ts: '2026-11-27 23:04:37', action: 'install', package: 'base-passwd', arch: 'amd64', availableVersion: '3.6.1' },
    ])
  })

  test('under another CI timestamp, the dpkg.log stamp in the text wins as ts', () => {
    const { events } = runLogfile([['2026-11-28T10:00:00.1234567Z', '2026-11-27 23:04:37 startup archives install']])
    expect(events).toEqual([{ type: 'dpkg.log.startup', line: 1, rule: 'dpkg.log.startup', ts: '2026-11-27 23:04:37', mode: 'archives', action: 'install' }])
  })
})

describe('near misses stay unrecognised', () => {
  const MISSES: readonly (readonly [string, string | readonly [string, string]])[] = [
    ['a status line without timestamp', 'status installed libc-bin:amd64 2.36-9+deb12u14'],
    ['an action line without timestamp', 'configure demo-a:all 2.0-1 <none>'],
    ['an action under an ISO (GitHub) timestamp only', ['2026-11-27T23:04:37.0000000Z', 'configure demo-a:all 2.0-1 <none>']],
    ['a plain timestamp with a fraction (not dpkg.log)', ['2026-11-27 23:04:37.123', 'configure demo-a:all 2.0-1 <none>']],
    ['"configure" in prose with a timestamp', dpkgLogLine('2026-11-27 23:04:37 configure the package now please')],
    ['four words of prose with a timestamp', dpkgLogLine('2026-11-27 23:04:37 configure the thing now')],
    ['an unknown action word', dpkgLogLine('2026-11-27 23:04:37 frobnicate demo-a:all 2.0-1 <none>')],
    ['an action with three fields', dpkgLogLine('2026-11-27 23:04:37 install demo-a:all <none>')],
    ['an action with five fields', dpkgLogLine('2026-11-27 23:04:37 install demo-a:all <none> 1.0 extra')],
    ['two spaces between fields', dpkgLogLine('2026-11-27 23:04:37 install demo-a:all  <none> 1.0')],
    ['an unknown state', dpkgLogLine('2026-11-27 23:04:37 status broken demo-a:all 1.0')],
    ['a status without version', dpkgLogLine('2026-11-27 23:04:37 status installed demo-a:all')],
    ['a status with an upper-case arch', dpkgLogLine('2026-11-27 23:04:37 status installed demo-a:AMD64 1.0')],
    ['startup of something else', dpkgLogLine('2026-11-27 23:04:37 startup services nginx')],
    ['conffile with another decision', dpkgLogLine('2026-11-27 23:04:37 conffile /etc/x replace')],
    ['conffile with a relative path', dpkgLogLine('2026-11-27 23:04:37 conffile etc/x keep')],
    ['dpkg console output with a timestamp', dpkgLogLine('2026-11-27 23:04:37 Setting up libbsd0:amd64 (0.11.7-2) ...')],
  ]
  for (const [name, input] of MISSES) {
    test(name, () => {
      const { events, verdicts } = runLogfile([input])
      expect(events).toEqual([])
      expect(verdicts).toEqual([UNRECOGNIZED])
    })
  }
})
