import { describe, expect, test } from 'vitest'
import { createStreamContext } from '../../src/context/stream-context.ts'
import { createDpkgGrammar } from '../../src/dpkg/grammar.ts'
import type { AptLogEvent } from '../../src/events/index.ts'
import { CONSUMED, UNRECOGNIZED } from '../../src/grammar/verdict.ts'
import { runDpkg } from './support.ts'

interface Case {
  readonly name: string
  readonly lines: readonly string[]
  readonly event: Record<string, unknown>
  readonly problem: Record<string, unknown> | null
}

const CASES: readonly Case[] = [
  // Maintainer scripts: the three wordings (FORMATS.md §5.5).
  {
    name: 'postinst, dpkg 1.21 wording (bookworm-h1)',
    lines: [
      'dpkg: error processing package failing-postinst (--configure):',
      ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
    ],
    event: { subject: 'package', action: 'configure', package: 'failing-postinst', cause: 'maintainer-script', script: 'postinst', exitStatus: 1 },
    problem: { kind: 'dpkg.maintainer-script-failed', severity: 'error', cause: 'postinst', package: 'failing-postinst' },
  },
  {
    name: 'postinst, dpkg 1.22 wording (trixie-h1c, apt binary)',
    lines: [
      'dpkg: error processing package failing-postinst (--configure):',
      ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
    ],
    event: { subject: 'package', action: 'configure', script: 'postinst', exitStatus: 1 },
    problem: {
      kind: 'dpkg.maintainer-script-failed',
      message:
        'error processing package failing-postinst (--configure): installed failing-postinst package post-installation script subprocess returned error exit status 1',
    },
  },
  {
    name: 'postinst, dpkg 1.23 wording (sid capture quoted in FORMATS.md §5.5)',
    lines: ['dpkg: error processing package failing-postinst (--configure):', ' old failing-postinst package postinst maintainer script subprocess failed with exit status 1'],
    event: { subject: 'package', package: 'failing-postinst', cause: 'maintainer-script', script: 'postinst', exitStatus: 1 },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'postinst', package: 'failing-postinst' },
  },
  {
    name: 'preinst, dpkg 1.23 wording (sid capture quoted in FORMATS.md §5.5)',
    lines: ['dpkg: error processing archive /repo/./failing-preinst_1.0_all.deb (--unpack):', ' new failing-preinst package preinst maintainer script subprocess failed with exit status 1'],
    event: { subject: 'archive', action: 'unpack', package: 'failing-preinst', version: '1.0', arch: 'all', archive: '/repo/./failing-preinst_1.0_all.deb', script: 'preinst', exitStatus: 1 },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'preinst', package: 'failing-preinst' },
  },
  {
    name: 'preinst, dpkg 1.21 wording, archive subject (bookworm-h5)',
    lines: [
      'dpkg: error processing archive /repo/./failing-preinst_1.0_all.deb (--unpack):',
      ' new failing-preinst package pre-installation script subprocess returned error exit status 1',
    ],
    event: { subject: 'archive', action: 'unpack', package: 'failing-preinst', script: 'preinst', exitStatus: 1 },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'preinst', package: 'failing-preinst' },
  },
  {
    name: 'postinst, dpkg ≤ 1.18 wording: no package in the reason (FORMATS.md §5.5 template)',
    lines: ['dpkg: error processing package demo-fail (--configure):', ' subprocess installed post-installation script returned error exit status 1'],
    event: { package: 'demo-fail', script: 'postinst', exitStatus: 1 },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'postinst', package: 'demo-fail' },
  },
  {
    name: 'prerm killed by a signal with a core dump, dpkg ≤ 1.18 (subproc.c template)',
    lines: ['dpkg: error processing package demo-fail (--remove):', ' subprocess installed pre-removal script killed by signal (Segmentation fault), core dumped'],
    event: { action: 'remove', script: 'prerm', signal: 'Segmentation fault' },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'prerm' },
  },
  {
    name: 'postrm killed by a signal, dpkg 1.19–1.22 (FORMATS.md §5.5 template)',
    lines: ['dpkg: error processing package demo-fail (--purge):', ' installed demo-fail package post-removal script subprocess was killed by signal (Terminated)'],
    event: { action: 'purge', script: 'postrm', signal: 'Terminated' },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'postrm' },
  },
  {
    name: 'postinst with a wait status, dpkg 1.23 (FORMATS.md §5.5 template)',
    lines: ['dpkg: error processing package demo-fail (--configure):', ' installed demo-fail package postinst maintainer script subprocess failed with wait status code 134'],
    event: { script: 'postinst' },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'postinst' },
  },
  // File conflicts: both spellings.
  {
    name: 'file conflict, dpkg ≤ 1.22.11: bare owner version (bookworm-h4c, dpkg -i)',
    lines: [
      'dpkg: error processing archive /repo/conflict-b_1.0_all.deb (--install):',
      " trying to overwrite '/usr/share/conflict-demo/shared-file.txt', which is also in package conflict-a 1.0",
    ],
    event: {
      subject: 'archive',
      action: 'install',
      package: 'conflict-b',
      version: '1.0',
      cause: 'file-conflict',
      conflict: { path: '/usr/share/conflict-demo/shared-file.txt', package: 'conflict-a', version: '1.0' },
    },
    problem: {
      kind: 'dpkg.file-conflict',
      package: 'conflict-b',
      cause: 'file',
      message:
        "error processing archive /repo/conflict-b_1.0_all.deb (--install): trying to overwrite '/usr/share/conflict-demo/shared-file.txt', which is also in package conflict-a 1.0",
    },
  },
  {
    name: 'file conflict, dpkg ≥ 1.22.12: parenthesised owner version (trixie-h4, under apt)',
    lines: [
      'dpkg: error processing archive /repo/./conflict-b_1.0_all.deb (--unpack):',
      " trying to overwrite '/usr/share/conflict-demo/shared-file.txt', which is also in package conflict-a (1.0)",
    ],
    event: { action: 'unpack', package: 'conflict-b', conflict: { path: '/usr/share/conflict-demo/shared-file.txt', package: 'conflict-a', version: '1.0' } },
    problem: { kind: 'dpkg.file-conflict', package: 'conflict-b' },
  },
  {
    name: 'file conflict with an arch-qualified owner (seen in the wild, dpkg 1.19)',
    lines: [
      'dpkg: error processing archive /var/cache/apt/archives/libpython3.9-minimal_3.9.5-3~20.04.1_amd64.deb (--unpack):',
      " trying to overwrite '/usr/lib/python3.9/typing.py', which is also in package libpython3.9-stdlib:amd64 3.9.4-1+bionic1",
    ],
    event: {
      package: 'libpython3.9-minimal',
      version: '3.9.5-3~20.04.1',
      arch: 'amd64',
      conflict: { path: '/usr/lib/python3.9/typing.py', package: 'libpython3.9-stdlib', arch: 'amd64', version: '3.9.4-1+bionic1' },
    },
    problem: { kind: 'dpkg.file-conflict', package: 'libpython3.9-minimal' },
  },
  {
    name: 'directory replaced by a non-directory (archives.c template)',
    lines: ['dpkg: error processing archive /repo/x_1.0_all.deb (--unpack):', " trying to overwrite directory '/usr/share/demo' in package demo 1.0 with nondirectory"],
    event: { cause: 'file-conflict', conflict: { path: '/usr/share/demo', package: 'demo', version: '1.0' } },
    problem: { kind: 'dpkg.file-conflict', cause: 'directory' },
  },
  {
    name: 'a diverted file (archives.c template): a conflict without an owner package',
    lines: ['dpkg: error processing archive /repo/x_1.0_all.deb (--unpack):', " trying to overwrite '/bin/sh', which is the diverted version of '/bin/sh.distrib'"],
    event: { cause: 'file-conflict' },
    problem: { kind: 'dpkg.file-conflict', cause: 'diversion', package: 'x' },
  },
  // Dependencies and pre-dependencies on their own (the blocks before them are tested elsewhere).
  {
    name: 'dependency problems - leaving unconfigured (bookworm-b6e)',
    lines: ['dpkg: error processing package loop2-libc6:amd64 (--configure):', ' dependency problems - leaving unconfigured'],
    event: { subject: 'package', package: 'loop2-libc6', arch: 'amd64', cause: 'dependency' },
    problem: {
      kind: 'dpkg.dependency-problems',
      package: 'loop2-libc6',
      message: 'error processing package loop2-libc6:amd64 (--configure): dependency problems - leaving unconfigured',
    },
  },
  {
    name: 'pre-dependency problem, indented (bookworm-b6e)',
    lines: [
      'dpkg: error processing archive /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):',
      ' pre-dependency problem - not installing loop2-libgcc1:amd64',
    ],
    event: { subject: 'archive', action: 'unpack', package: 'loop2-libgcc1', version: '1:4.9.2-10', arch: 'amd64', cause: 'pre-dependency' },
    problem: { kind: 'dpkg.pre-dependency', package: 'loop2-libgcc1', message: 'pre-dependency problem - not installing loop2-libgcc1:amd64' },
  },
  {
    name: "the incident, dpkg 1.17: the CI system ate the reason's leading space (seed runner excerpt)",
    lines: ['dpkg: error processing archive /var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):', 'pre-dependency problem - not installing libgcc1:amd64'],
    event: {
      subject: 'archive',
      action: 'unpack',
      package: 'libgcc1',
      version: '1:4.9.2-10',
      arch: 'amd64',
      archive: '/var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb',
      reasons: ['pre-dependency problem - not installing libgcc1:amd64'],
      cause: 'pre-dependency',
    },
    problem: { kind: 'dpkg.pre-dependency', severity: 'error', package: 'libgcc1' },
  },
  // Everything else.
  {
    name: 'a two-line reason with a one-space continuation (configure.c template)',
    lines: ['dpkg: error processing package x (--configure):', ' package is in a very bad inconsistent state; you should', ' reinstall it before attempting configuration'],
    event: { reasons: ['package is in a very bad inconsistent state; you should', 'reinstall it before attempting configuration'], cause: 'other', endLine: 3 },
    problem: {
      kind: 'dpkg.other-error',
      package: 'x',
      message: 'error processing package x (--configure): package is in a very bad inconsistent state; you should reinstall it before attempting configuration',
    },
  },
  {
    name: 'a full disk while unpacking (seen in the wild)',
    lines: [
      'dpkg: error processing archive /var/cache/apt/archives/libllvm15_1%3a15.0.6-4+b1_amd64.deb (--unpack):',
      " cannot copy extracted data for './usr/lib/x86_64-linux-gnu/libLLVM-15.so.1' to '/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1.dpkg-new': failed to write (No space left on device)",
    ],
    event: { package: 'libllvm15', version: '1:15.0.6-4+b1', cause: 'disk-full' },
    problem: { kind: 'disk.full', severity: 'error', package: 'libllvm15' },
  },
  {
    name: 'triggers-only action (errors.c: any --action)',
    lines: ['dpkg: error processing package man-db (--triggers-only):', ' dependency problems - leaving triggers unprocessed'],
    event: { action: 'triggers-only', cause: 'dependency' },
    problem: { kind: 'dpkg.dependency-problems', package: 'man-db' },
  },
  {
    name: 'an older header without archive/package: read by its shape',
    lines: ['dpkg: error processing /var/cache/apt/archives/x_1.0_all.deb (--unpack):', ' subprocess new pre-installation script returned error exit status 1'],
    event: { subject: 'archive', package: 'x', script: 'preinst' },
    problem: { kind: 'dpkg.maintainer-script-failed', cause: 'preinst' },
  },
]

describe('dpkg.error blocks and their problems', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { dpkg, problems, verdicts } = runDpkg(c.lines)
      expect(verdicts.every((v) => v === CONSUMED)).toBe(true)
      expect(dpkg).toHaveLength(1)
      const event = dpkg[0]
      expect(event).toMatchObject({ type: 'dpkg.error', line: 1, endLine: c.lines.length, rule: 'dpkg.error.processing', ...c.event })
      if (c.problem === null) {
        expect(problems).toEqual([])
        return
      }
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({ type: 'problem', line: 1, endLine: c.lines.length, rule: 'dpkg.error.processing', ...c.problem })
      expect(problems[0]).toEqual(expect.objectContaining({ message: expect.any(String) }))
      // A problem follows the event that proves it.
      expect(runDpkg(c.lines).events.map((e) => e.type)).toEqual(['dpkg.error', 'problem'])
    })
  }

  test('a package error takes its version from the Setting up line of that package just before (bookworm-h1)', () => {
    const lines = [
      'Setting up failing-postinst (1.0) ...',
      'failing-postinst: simulated configure failure',
      'dpkg: error processing package failing-postinst (--configure):',
      ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
    ]
    expect(runDpkg(lines).dpkg.find((e) => e.type === 'dpkg.error')).toMatchObject({ package: 'failing-postinst', version: '1.0' })
    // another package's line gives it no version
    const other = ['Setting up libfoo1:amd64 (2.0) ...', ...lines.slice(1)]
    expect(runDpkg(other).dpkg.find((e) => e.type === 'dpkg.error')).not.toHaveProperty('version')
    // nor does an architecture that differs
    const arch = ['Setting up failing-postinst:i386 (1.0) ...', 'dpkg: error processing package failing-postinst:amd64 (--configure):', lines[3] as string]
    expect(runDpkg(arch).dpkg.find((e) => e.type === 'dpkg.error')).not.toHaveProperty('version')
  })

  test('optional fields are omitted, and the field order is stable (package error)', () => {
    const { dpkg } = runDpkg(['dpkg: error processing package failing-postinst (--configure):', ' installed failing-postinst package post-installation script subprocess returned error exit status 1'])
    expect(Object.keys(dpkg[0] as object)).toEqual(['type', 'line', 'rule', 'endLine', 'subject', 'action', 'package', 'reasons', 'cause', 'script', 'exitStatus'])
  })
})

describe('the block boundary', () => {
  test('the event leaves when the line after the block arrives, not before (streaming)', () => {
    const events: AptLogEvent[] = []
    const context = createStreamContext((e) => events.push(e), [createDpkgGrammar])
    const at = (line: number) => ({ line, ts: undefined, step: undefined, stage: undefined })
    context.line('dpkg: error processing package failing-postinst (--configure):', at(1))
    context.line(' installed failing-postinst package post-installation script subprocess returned error exit status 1', at(2))
    expect(events).toEqual([])
    expect(context.line('Errors were encountered while processing:', at(3))).toBe(CONSUMED)
    expect(events.map((e) => e.type)).toEqual(['dpkg.error', 'problem'])
  })

  test('only one unindented line after the header is a reason; the next is dispatched anew', () => {
    const { dpkg, verdicts } = runDpkg([
      'dpkg: error processing archive /var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):',
      'pre-dependency problem - not installing libgcc1:amd64',
      'failing-postinst: simulated configure failure',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, UNRECOGNIZED])
    expect(dpkg[0]).toMatchObject({ endLine: 2, reasons: ['pre-dependency problem - not installing libgcc1:amd64'] })
  })

  test('an unindented known line right after the header is never taken as its reason', () => {
    const { dpkg } = runDpkg(['dpkg: error processing package x (--configure):', 'Setting up y (1.0) ...', 'E: Sub-process /usr/bin/dpkg returned an error code (1)'])
    expect(dpkg.map((e) => e.type)).toEqual(['dpkg.error', 'dpkg.progress'])
    expect(dpkg[0]).toMatchObject({ reasons: [], cause: 'other' })
    const apt = runDpkg(['dpkg: error processing package x (--configure):', 'E: Sub-process /usr/bin/dpkg returned an error code (1)'])
    expect(apt.dpkg[0]).toMatchObject({ reasons: [] })
    expect(apt.verdicts[1]).toBe(UNRECOGNIZED)
  })

  test('a blank line closes the block and is not part of it', () => {
    const { dpkg } = runDpkg(['dpkg: error processing package x (--configure):', ' dependency problems - leaving unconfigured', ''])
    expect(dpkg[0]).toMatchObject({ endLine: 2 })
  })

  test('the end of the input closes an open block (flush)', () => {
    const { events } = runDpkg(['dpkg: error processing package x (--configure):'])
    expect(events.map((e) => e.type)).toEqual(['dpkg.error', 'problem'])
  })

  test('a runaway block keeps consuming but stores a bounded number of lines', () => {
    const lines = ['dpkg: error processing package x (--configure):', ...Array.from({ length: 5000 }, (_, i) => ` reason ${i}`)]
    const { dpkg, verdicts } = runDpkg(lines)
    expect(verdicts.every((v) => v === CONSUMED)).toBe(true)
    const event = dpkg[0]
    if (event?.type !== 'dpkg.error') throw new Error('expected a dpkg.error event')
    expect(event.reasons.length).toBeLessThanOrEqual(200)
    expect(event.reasons.length).toBeGreaterThan(100)
    expect(dpkg[0]).toMatchObject({ endLine: 5001 })
  })
})

describe('near misses are not error headers', () => {
  const misses: readonly [string, string][] = [
    ['no colon at the end', 'dpkg: error processing package x (--configure)'],
    ['no action', 'dpkg: error processing package x:'],
    ['an action with capitals', 'dpkg: error processing package x (--Configure):'],
    ['another program', 'dpkg-deb: error processing package x (--configure):'],
    ['translated (de)', 'dpkg: Fehler beim Bearbeiten des Paketes x (--configure):'],
  ]
  for (const [name, line] of misses) {
    test(name, () => {
      const { dpkg } = runDpkg([line])
      expect(dpkg.filter((e) => e.type === 'dpkg.error' && e.rule === 'dpkg.error.processing')).toEqual([])
    })
  }
})
