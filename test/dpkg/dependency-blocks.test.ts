import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED } from '../../src/grammar/verdict.ts'
import { runDpkg } from './support.ts'

describe('dpkg.dependency-problems (FORMATS.md §5.5)', () => {
  test('prevent configuration + error: one block event, one error, ONE problem with the block as detail (bookworm-b6e)', () => {
    const { events, verdicts } = runDpkg([
      'dpkg: dependency problems prevent configuration of loop2-multiarch-support:',
      ' loop2-multiarch-support depends on loop2-libc6 (>= 2.3.6-2); however:',
      '  Package loop2-libc6:amd64 is not configured yet.',
      '',
      'dpkg: error processing package loop2-multiarch-support (--configure):',
      ' dependency problems - leaving unconfigured',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED, CONSUMED, CONSUMED, CONSUMED])
    expect(events).toEqual([
      {
        type: 'dpkg.dependency-problems',
        line: 1,
        rule: 'dpkg.dependency-problems',
        endLine: 4,
        package: 'loop2-multiarch-support',
        operation: 'configuration',
        relations: [
          { package: 'loop2-multiarch-support', relation: 'depends on', target: 'loop2-libc6 (>= 2.3.6-2)', reasons: ['Package loop2-libc6:amd64 is not configured yet.'] },
        ],
      },
      {
        type: 'dpkg.error',
        line: 5,
        rule: 'dpkg.error.processing',
        endLine: 6,
        subject: 'package',
        action: 'configure',
        package: 'loop2-multiarch-support',
        reasons: ['dependency problems - leaving unconfigured'],
        cause: 'dependency',
      },
      {
        type: 'problem',
        line: 5,
        rule: 'dpkg.error.processing',
        endLine: 6,
        kind: 'dpkg.dependency-problems',
        severity: 'error',
        message: 'dependency problems prevent configuration of loop2-multiarch-support: loop2-multiarch-support depends on loop2-libc6 (>= 2.3.6-2) (Package loop2-libc6:amd64 is not configured yet.)',
        cause: 'unconfigured',
        package: 'loop2-multiarch-support',
      },
    ])
  })

  test('two relations, arch-qualified package (bookworm-b6d, loop-app; bookworm-b6e, loop2-libc6:amd64)', () => {
    const { dpkg, problems } = runDpkg([
      'dpkg: dependency problems prevent configuration of loop-app:',
      ' loop-app depends on loop-libc6; however:',
      '  Package loop-libc6 is not configured yet.',
      ' loop-app depends on loop-libgcc1; however:',
      '  Package loop-libgcc1 is not installed.',
      '',
      'dpkg: error processing package loop-app (--configure):',
      ' dependency problems - leaving unconfigured',
      'dpkg: dependency problems prevent configuration of loop2-libc6:amd64:',
      ' loop2-libc6:amd64 depends on loop2-libgcc1; however:',
      '  Package loop2-libgcc1 is not installed.',
      '',
    ])
    expect(dpkg[0]).toMatchObject({
      relations: [
        { package: 'loop-app', relation: 'depends on', target: 'loop-libc6', reasons: ['Package loop-libc6 is not configured yet.'] },
        { package: 'loop-app', relation: 'depends on', target: 'loop-libgcc1', reasons: ['Package loop-libgcc1 is not installed.'] },
      ],
    })
    expect(dpkg[2]).toMatchObject({ type: 'dpkg.dependency-problems', package: 'loop2-libc6', arch: 'amd64', endLine: 12 })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ package: 'loop-app', cause: 'unconfigured' })
  })

  test('the forced form is an event without a problem (bookworm-d4, release upgrade)', () => {
    const { events, verdicts } = runDpkg([
      'dpkg: libnettle8:amd64: dependency problems, but removing anyway as you requested:',
      ' libhogweed6:amd64 depends on libnettle8.',
      ' libgnutls30:amd64 depends on libnettle8 (>= 3.7~).',
      '',
      '(Reading database ... 5291 files and directories currently installed.)',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED, CONSUMED, CONSUMED])
    expect(events[0]).toEqual({
      type: 'dpkg.dependency-problems',
      line: 1,
      rule: 'dpkg.dependency-problems.forced',
      endLine: 4,
      package: 'libnettle8',
      arch: 'amd64',
      operation: 'removal',
      relations: [
        { package: 'libhogweed6:amd64', relation: 'depends on', target: 'libnettle8', reasons: [] },
        { package: 'libgnutls30:amd64', relation: 'depends on', target: 'libnettle8 (>= 3.7~)', reasons: [] },
      ],
      forced: true,
    })
    expect(events.filter((e) => e.type === 'problem')).toEqual([])
  })

  const variants: readonly [string, string, Record<string, unknown>][] = [
    ['prevent removal (remove.c template)', 'dpkg: dependency problems prevent removal of libc6:amd64:', { operation: 'removal', forced: undefined }],
    ['prevent processing triggers (trigproc.c template)', 'dpkg: dependency problems prevent processing triggers for man-db:', { operation: 'triggers' }],
    ['forced configuration (configure.c template)', 'dpkg: x: dependency problems, but configuring anyway as you requested:', { operation: 'configuration', forced: true }],
    ['forced triggers (trigproc.c template)', 'dpkg: man-db: dependency problems, but processing triggers anyway as you requested:', { operation: 'triggers', forced: true }],
  ]
  for (const [name, header, fields] of variants) {
    test(name, () => {
      const { dpkg } = runDpkg([header, ' x depends on y; however:', '  Package y is not installed.', ''])
      expect(dpkg[0]).toMatchObject({ type: 'dpkg.dependency-problems', ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) })
      if (fields['forced'] === undefined) expect(dpkg[0]).not.toHaveProperty('forced')
    })
  }

  test('a Breaks relation keeps the breaker version and its state (packages.c template)', () => {
    const { dpkg } = runDpkg([
      'dpkg: dependency problems prevent configuration of libfoo1:',
      ' libbar2 (2.0-1) breaks libfoo1 (<< 1.5) and is installed.',
      '  Version of libfoo1 to be configured is 1.0-1.',
      '',
    ])
    expect(dpkg[0]).toMatchObject({
      relations: [{ package: 'libbar2', version: '2.0-1', relation: 'breaks', target: 'libfoo1 (<< 1.5)', reasons: ['installed', 'Version of libfoo1 to be configured is 1.0-1.'] }],
    })
  })

  test('an error for another package does not borrow the block (the detail must match)', () => {
    const { problems } = runDpkg([
      'dpkg: dependency problems prevent configuration of a:',
      ' a depends on b; however:',
      '  Package b is not installed.',
      '',
      'dpkg: error processing package c (--configure):',
      ' dependency problems - leaving unconfigured',
    ])
    expect(problems[0]).toMatchObject({ package: 'c', message: 'error processing package c (--configure): dependency problems - leaving unconfigured' })
    expect(problems[0]).not.toHaveProperty('cause')
  })

  test('without its blank line (stripped by a CI system) the block closes on the next header', () => {
    const { dpkg, problems } = runDpkg([
      'dpkg: dependency problems prevent configuration of a:',
      ' a depends on b; however:',
      '  Package b is not installed.',
      'dpkg: error processing package a (--configure):',
      ' dependency problems - leaving unconfigured',
    ])
    expect(dpkg.map((e) => e.type)).toEqual(['dpkg.dependency-problems', 'dpkg.error'])
    expect(dpkg[0]).toMatchObject({ endLine: 3 })
    expect(problems[0]).toMatchObject({ cause: 'not-installed' })
  })

  test('an extra blank line before the error keeps the detail (a dpkg --configure -a paste seen in the wild)', () => {
    const { problems } = runDpkg([
      'dpkg: dependency problems prevent configuration of idle:',
      ' idle depends on idle-python3.6; however:',
      '  Package idle-python3.6 is not installed.',
      '',
      '',
      'dpkg: error processing package idle (--configure):',
      ' dependency problems - leaving unconfigured',
    ])
    expect(problems[0]).toMatchObject({ package: 'idle', cause: 'not-installed' })
  })

  test('a line that is not a relation ends the block', () => {
    const { dpkg, verdicts } = runDpkg(['dpkg: dependency problems prevent configuration of a:', ' something else entirely'])
    expect(dpkg[0]).toMatchObject({ relations: [] })
    expect(verdicts[1]).not.toBe(CONSUMED)
  })
})

describe('dpkg.pre-dependency (FORMATS.md §5.5)', () => {
  const b6e = [
    'Selecting previously unselected package loop2-libgcc1:amd64.',
    'dpkg: regarding .../loop2-libgcc1_1%3a4.9.2-10_amd64.deb containing loop2-libgcc1:amd64, pre-dependency problem:',
    ' loop2-libgcc1 pre-depends on loop2-multiarch-support',
    '  loop2-multiarch-support is unpacked, but has never been configured.',
    '',
    'dpkg: error processing archive /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):',
    ' pre-dependency problem - not installing loop2-libgcc1:amd64',
    'Selecting previously unselected package loop2-app.',
  ]

  test('regarding block + fatal error: one event each and ONE dpkg.pre-dependency problem (bookworm-b6e, dpkg 1.21)', () => {
    const { events, verdicts } = runDpkg(b6e)
    expect(verdicts).toEqual(b6e.map(() => CONSUMED))
    expect(events.map((e) => e.type)).toEqual(['dpkg.progress', 'dpkg.pre-dependency', 'dpkg.error', 'problem', 'dpkg.progress'])
    expect(events[1]).toEqual({
      type: 'dpkg.pre-dependency',
      line: 2,
      rule: 'dpkg.pre-dependency',
      endLine: 5,
      archive: '.../loop2-libgcc1_1%3a4.9.2-10_amd64.deb',
      package: 'loop2-libgcc1',
      arch: 'amd64',
      version: '1:4.9.2-10',
      dependsOn: 'loop2-multiarch-support',
      reasons: ['loop2-multiarch-support is unpacked, but has never been configured.'],
    })
    expect(events[3]).toEqual({
      type: 'problem',
      line: 6,
      rule: 'dpkg.error.processing',
      endLine: 7,
      kind: 'dpkg.pre-dependency',
      severity: 'error',
      message:
        'pre-dependency problem - not installing loop2-libgcc1:amd64 (loop2-libgcc1 pre-depends on loop2-multiarch-support: loop2-multiarch-support is unpacked, but has never been configured.)',
      cause: 'unconfigured',
      package: 'loop2-libgcc1',
    })
  })

  test('dpkg -i, dpkg 1.22, without an (--unpack) under apt: --install (trixie-h2)', () => {
    const { dpkg, problems } = runDpkg([
      'Selecting previously unselected package predep-missing.',
      'dpkg: regarding .../predep-missing_1.0_all.deb containing predep-missing, pre-dependency problem:',
      ' predep-missing pre-depends on hello',
      '  hello is not installed.',
      '',
      'dpkg: error processing archive /repo/predep-missing_1.0_all.deb (--install):',
      ' pre-dependency problem - not installing predep-missing',
      'Errors were encountered while processing:',
      ' /repo/predep-missing_1.0_all.deb',
    ])
    expect(dpkg[1]).toMatchObject({ package: 'predep-missing', version: '1.0', dependsOn: 'hello', reasons: ['hello is not installed.'] })
    expect(dpkg[2]).toMatchObject({ action: 'install', package: 'predep-missing', cause: 'pre-dependency' })
    expect(problems).toEqual([expect.objectContaining({ kind: 'dpkg.pre-dependency', cause: 'not-installed', package: 'predep-missing' })])
  })

  test('a local file with ..././ (bookworm-b6d): version from the file name', () => {
    const { dpkg } = runDpkg([
      'dpkg: regarding ..././loop-libgcc1_1.0_all.deb containing loop-libgcc1, pre-dependency problem:',
      ' loop-libgcc1 pre-depends on loop-multiarch-support',
      '  loop-multiarch-support is unpacked, but has never been configured.',
      '',
    ])
    expect(dpkg[0]).toMatchObject({ archive: '..././loop-libgcc1_1.0_all.deb', package: 'loop-libgcc1', version: '1.0' })
    expect(dpkg[0]).not.toHaveProperty('arch')
  })

  test('forced: the ignoring warning joins the block, ignored: true, one warning problem (unpack.c template)', () => {
    const { events, verdicts } = runDpkg([
      'dpkg: regarding .../predep-missing_1.0_all.deb containing predep-missing, pre-dependency problem:',
      ' predep-missing pre-depends on hello',
      '  hello is not installed.',
      '',
      'dpkg: warning: ignoring pre-dependency problem!',
      'Preparing to unpack .../predep-missing_1.0_all.deb ...',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED, CONSUMED, CONSUMED, CONSUMED])
    expect(events.map((e) => e.type)).toEqual(['dpkg.pre-dependency', 'problem', 'dpkg.progress'])
    expect(events[0]).toMatchObject({ line: 1, endLine: 5, ignored: true })
    expect(events[1]).toEqual({
      type: 'problem',
      line: 1,
      rule: 'dpkg.pre-dependency',
      endLine: 5,
      kind: 'dpkg.pre-dependency',
      severity: 'warning',
      message: 'ignoring pre-dependency problem! (predep-missing pre-depends on hello: hello is not installed.)',
      cause: 'not-installed',
      package: 'predep-missing',
    })
  })

  test('the ignoring warning alone still says what it is', () => {
    const { events } = runDpkg(['dpkg: warning: ignoring pre-dependency problem!'])
    expect(events).toEqual([
      { type: 'dpkg.warning', line: 1, rule: 'dpkg.warning', program: 'dpkg', text: 'ignoring pre-dependency problem!' },
      { type: 'problem', line: 1, rule: 'dpkg.warning', kind: 'dpkg.pre-dependency', severity: 'warning', message: 'ignoring pre-dependency problem!' },
    ])
  })

  test('the reasons of depcon.c map to causes', () => {
    const cause = (reason: string): unknown =>
      runDpkg([
        'dpkg: regarding .../x_1_all.deb containing x, pre-dependency problem:',
        ' x pre-depends on y',
        `  ${reason}`,
        '',
        'dpkg: error processing archive /var/cache/apt/archives/x_1_all.deb (--unpack):',
        ' pre-dependency problem - not installing x',
      ]).problems[0]?.cause
    expect(cause('y is not installed.')).toBe('not-installed')
    expect(cause('y is unpacked, but has never been configured.')).toBe('unconfigured')
    expect(cause('y is installed, but is version 0.9.')).toBe('wrong-version')
    expect(cause('y latest configured version is 0.9.')).toBe('wrong-version')
    expect(cause('y is to be removed.')).toBe('to-be-removed')
    expect(cause('z provides y but is to be removed.')).toBe('to-be-removed')
    expect(cause('y is half-installed.')).toBe('other')
  })

  test('a regarding block for another package does not enrich the error', () => {
    const { problems } = runDpkg([
      'dpkg: regarding .../a_1_all.deb containing a, pre-dependency problem:',
      ' a pre-depends on b',
      '  b is not installed.',
      '',
      'dpkg: error processing archive /var/cache/apt/archives/c_1_all.deb (--unpack):',
      ' pre-dependency problem - not installing c',
    ])
    expect(problems).toEqual([expect.objectContaining({ message: 'pre-dependency problem - not installing c', package: 'c' })])
  })

  test('a second blank line is not part of the block', () => {
    const { dpkg, verdicts } = runDpkg(['dpkg: regarding .../a_1_all.deb containing a, pre-dependency problem:', ' a pre-depends on b', '  b is not installed.', '', ''])
    expect(dpkg[0]).toMatchObject({ endLine: 4 })
    expect(verdicts[4]).toBe(IGNORED)
  })

  const misses: readonly [string, string][] = [
    ['a regarding line about Breaks/Conflicts (no pre-dependency problem) is a message', 'dpkg: regarding .../x_1_all.deb containing x:'],
    ['no package after containing', 'dpkg: regarding .../x_1_all.deb containing , pre-dependency problem:'],
  ]
  for (const [name, line] of misses) {
    test(`near miss: ${name}`, () => {
      expect(runDpkg([line]).dpkg.filter((e) => e.type === 'dpkg.pre-dependency')).toEqual([])
    })
  }
})

describe('dpkg.errors-summary', () => {
  test('items of both kinds: one event with the items as printed (bookworm-b6e)', () => {
    const { dpkg, verdicts } = runDpkg([
      'Errors were encountered while processing:',
      ' loop2-app',
      ' loop2-libc6:amd64',
      ' /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb',
      'E: Sub-process /usr/bin/dpkg returned an error code (1)',
    ])
    expect(verdicts.slice(0, 4)).toEqual([CONSUMED, CONSUMED, CONSUMED, CONSUMED])
    expect(dpkg).toEqual([
      {
        type: 'dpkg.errors-summary',
        line: 1,
        rule: 'dpkg.errors-summary',
        endLine: 4,
        items: ['loop2-app', 'loop2-libc6:amd64', '/var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb'],
      },
    ])
  })

  test('after the error it repeats, the summary adds no problem (bookworm-h1, lines 16-19)', () => {
    const { problems } = runDpkg([
      'dpkg: error processing package failing-postinst (--configure):',
      ' installed failing-postinst package post-installation script subprocess returned error exit status 1',
      'Errors were encountered while processing:',
      ' failing-postinst',
    ])
    expect(problems.map((p) => p.kind)).toEqual(['dpkg.maintainer-script-failed'])
  })

  // An excerpt that starts at the summary: the list alone proves that dpkg failed, and its first
  // item is the package dpkg failed on first (the others fail because of it: h1b, b6e).
  const alone: readonly [name: string, lines: readonly string[], pkg: string, message: string][] = [
    ['a package name (bookworm-h1, lines 18-19)', ['Errors were encountered while processing:', ' failing-postinst'], 'failing-postinst', 'Errors were encountered while processing: failing-postinst'],
    [
      'name:arch first, more after it (bookworm-b6e, lines 35-37)',
      ['Errors were encountered while processing:', ' loop2-libc6:amd64', ' loop2-multiarch-support'],
      'loop2-libc6',
      'Errors were encountered while processing: loop2-libc6:amd64 and 1 more',
    ],
    [
      "an apt cache archive, %-quoted (bookworm-b6e, lines 49-50)",
      ['Errors were encountered while processing:', ' /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb'],
      'loop2-libgcc1',
      'Errors were encountered while processing: /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb',
    ],
    ["dpkg -i's own path (bookworm-h4c, lines 11-12)", ['Errors were encountered while processing:', ' /repo/conflict-b_1.0_all.deb'], 'conflict-b', 'Errors were encountered while processing: /repo/conflict-b_1.0_all.deb'],
  ]
  for (const [name, lines, pkg, message] of alone) {
    test(`alone, it is the problem: ${name}`, () => {
      const { problems } = runDpkg(lines)
      expect(problems).toEqual([
        {
          type: 'problem',
          line: 1,
          rule: 'dpkg.errors-summary',
          endLine: lines.length,
          kind: 'dpkg.processing-failed',
          severity: 'error',
          message: `${message} (dpkg's reason is not in the log)`,
          package: pkg,
        },
      ])
    })
  }

  test('each summary answers for the errors since the one before (D18, lines 65-80: errors, summary, pre-dependency error, summary)', () => {
    const { problems } = runDpkg([
      'dpkg: error processing package loop2-multiarch-support (--configure):',
      ' dependency problems - leaving unconfigured',
      'Errors were encountered while processing:',
      ' loop2-libc6:amd64',
      ' loop2-multiarch-support',
      'dpkg: error processing archive /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):',
      ' pre-dependency problem - not installing loop2-libgcc1:amd64',
      'Unpacking loop2-app (1.0-1) ...',
      'Errors were encountered while processing:',
      ' /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb',
      // near miss: a second summary with no error since the last one is the only evidence again
      'Errors were encountered while processing:',
      ' loop2-app',
    ])
    expect(problems.map((p) => [p.kind, p.package])).toEqual([
      ['dpkg.dependency-problems', 'loop2-multiarch-support'],
      ['dpkg.pre-dependency', 'loop2-libgcc1'],
      ['dpkg.processing-failed', 'loop2-app'],
    ])
  })

  test('a warning is not the error a summary repeats: the ignored pre-dependency (dpkg unpack.c) leaves the summary the only evidence', () => {
    const { problems } = runDpkg(['dpkg: warning: ignoring pre-dependency problem!', 'Errors were encountered while processing:', ' failing-postinst'])
    expect(problems.map((p) => [p.kind, p.severity])).toEqual([
      ['dpkg.pre-dependency', 'warning'],
      ['dpkg.processing-failed', 'error'],
    ])
  })

  test('a summary with no item (a paste that lost the list) proves nothing', () => {
    expect(runDpkg(['Errors were encountered while processing:']).problems).toEqual([])
  })

  test('the halted line closes the summary and sets halted (errors.c)', () => {
    const { dpkg, problems, verdicts } = runDpkg(['Errors were encountered while processing:', ' a', 'Processing was halted because there were too many errors.'])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED])
    expect(dpkg).toEqual([{ type: 'dpkg.errors-summary', line: 1, rule: 'dpkg.errors-summary', endLine: 3, items: ['a'], halted: true }])
    expect(problems).toMatchObject([{ kind: 'dpkg.processing-failed', line: 1, endLine: 3, package: 'a' }])
  })

  test('the halted line alone is known and gives nothing', () => {
    const { events, verdicts } = runDpkg(['Processing was halted because there were too many errors.'])
    expect(events).toEqual([])
    expect(verdicts).toEqual([IGNORED])
  })

  test("apt's two-space list lines are not summary items", () => {
    const { dpkg, problems } = runDpkg(['Errors were encountered while processing:', '  libbsd0 libedit2'])
    expect(dpkg[0]).toMatchObject({ items: [] })
    expect(problems).toEqual([])
  })
})
