import { describe, expect, test } from 'vitest'
import { solverRule } from '../../src/apt/solver.ts'
import { parseUnmetTarget, unmetHeaderRule, unmetLineRule } from '../../src/apt/unmet.ts'
import { ofType, runApt, single } from './support.ts'

describe('unmet dependency lines (FORMATS.md §4.2)', () => {
  test.each([
    ['The following packages have unmet dependencies:', 'classic (bookworm-g1)'],
    ['Unsatisfied dependencies:', 'apt 3 `apt` (trixie-g3)'],
    ['The following packages have unmet dependencies.', 'en_GB (older translation)'],
  ])('header %j (%s)', (line) => {
    expect(unmetHeaderRule.match(line)).toEqual({ kind: 'unmet-header' })
  })

  test.each([
    [' unmet-libc : Depends: libc6 (>= 99) but 2.36-9+deb12u14 is to be installed', { kind: 'package', package: 'unmet-libc', relation: 'Depends' }, 'bookworm-g1'],
    [' predep-nonexistent : PreDepends: no-such-predep-pkg but it is not installable', { kind: 'package', package: 'predep-nonexistent', relation: 'PreDepends' }, 'bookworm-g2'],
    ['                  Depends: init-system-helpers (>= 1.66~) but it is not going to be installed', { kind: 'relation', relation: 'Depends' }, 'trixie-b4'],
    ['                adduser but it is not going to be installed', { kind: 'alternative' }, 'trixie-b4 OR member'],
  ])('%j (%s)', (line, want, _source) => {
    expect(unmetLineRule.match(line)).toMatchObject(want)
  })

  test.each([
    ['E: Unable to correct problems, you have held broken packages.'],
    ['unmet-libc : Depends: libc6'],
    [''],
  ])('%j is not an unmet line', (line) => {
    expect(unmetLineRule.match(line)).toBeUndefined()
  })

  test.each([
    ['libc6 (>= 99) but 2.36-9+deb12u14 is to be installed', { package: 'libc6', constraint: '>= 99', reason: 'but 2.36-9+deb12u14 is to be installed' }, false],
    ['no-such-predep-pkg but it is not installable', { package: 'no-such-predep-pkg', reason: 'but it is not installable' }, false],
    ['base-passwd (>= 3.6.1) but it is not going to be installed or', { package: 'base-passwd', constraint: '>= 3.6.1', reason: 'but it is not going to be installed' }, true],
    ['mail-transport-agent', { package: 'mail-transport-agent' }, false],
    ['libfoo:i386 (= 1.0) but it is a virtual package', { package: 'libfoo:i386', constraint: '= 1.0', reason: 'but it is a virtual package' }, false],
  ])('target %j', (text, target, or) => {
    expect(parseUnmetTarget(text)).toEqual({ target, or })
  })
})

describe('unmet blocks: one apt.unmet per package relation, OR groups whole', () => {
  test('trixie-b4: several packages, several relations, an OR group over two lines', () => {
    const { events, verdicts } = runApt([
      'The following packages have unmet dependencies:',
      ' apt : Depends: base-passwd (>= 3.6.1) but it is not going to be installed or',
      '                adduser but it is not going to be installed',
      ' openssh-client : Depends: adduser but it is not going to be installed',
      '                  Depends: init-system-helpers (>= 1.66~) but it is not going to be installed',
      ' passwd : Depends: base-passwd (>= 3.6.4) but it is not going to be installed',
      "E: Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution).",
    ])
    const unmet = ofType(events, 'apt.unmet')
    expect(unmet.map((u) => [u.package, u.relation, u.targets.map((t) => t.package), u.line, u.endLine])).toEqual([
      ['apt', 'Depends', ['base-passwd', 'adduser'], 2, 3],
      ['openssh-client', 'Depends', ['adduser'], 4, undefined],
      ['openssh-client', 'Depends', ['init-system-helpers'], 5, undefined],
      ['passwd', 'Depends', ['base-passwd'], 6, undefined],
    ])
    const problems = ofType(events, 'problem')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ kind: 'apt.unmet-dependencies', package: 'apt', line: 1, endLine: 6 })
    expect(verdicts).toEqual([1, 1, 1, 1, 1, 1, 1])
  })

  test('each relation leaves as soon as its line is complete (streaming)', () => {
    const { events } = runApt(['Unsatisfied dependencies:', ' unmet-libc : Depends: libc6 (>= 99) but 2.41-12+deb13u5 is to be installed'])
    expect(single(events, 'apt.unmet')).toEqual({
      type: 'apt.unmet',
      line: 2,
      rule: 'apt.unmet.relation',
      package: 'unmet-libc',
      relation: 'Depends',
      targets: [{ package: 'libc6', constraint: '>= 99', reason: 'but 2.41-12+deb13u5 is to be installed' }],
    })
  })
})

describe('the apt 3 solver explanation', () => {
  test('apt 3.3.5 error head `assignments` (sid-g1)', () => {
    const text = 'Unable to satisfy dependencies. Reached two conflicting assignments:\n1. unmet-libc:amd64=1.0 is selected for install\n2. unmet-libc:amd64 Depends libc6 (>= 99)\n   but none of the choices are installable:\n   [no choices]'
    expect(solverRule.match(text)).toEqual({
      conflict: 'assignments',
      steps: ['1. unmet-libc:amd64=1.0 is selected for install', '2. unmet-libc:amd64 Depends libc6 (>= 99)', 'but none of the choices are installable:', '[no choices]'],
      package: 'unmet-libc',
      relations: [{ package: 'unmet-libc', arch: 'amd64', relation: 'Depends', target: 'libc6 (>= 99)', unsatisfiable: true }],
    })
  })

  // Explanations users pasted into public issue threads (apt 3.x on Debian testing and Kali).
  test.each([
    {
      name: 'an OR group as the target (apt 3.x, Spanish locale: the solver steps keep `Depende` translated, so no relation is claimed)',
      text: 'Unable to satisfy dependencies. Reached two conflicting assignments:\n1. iso-snapshot-cli:amd64=26.03.2 is selected for install\n2. iso-snapshot-cli:amd64 Depende mx-iso-template | iso-template (>= 16.1mx15)\n   but none of the choices are installable:\n   [no choices]',
      relations: undefined,
    },
    {
      name: 'a versioned upper bound (Kali, apt 3.x)',
      text: 'Unable to satisfy dependencies. Reached two conflicting assignments:\n1. zeek:amd64=5.1.1-0kali3 is selected for install\n2. zeek:amd64 Depends libc6 (< 2.38)\n   but none of the choices are installable:\n   [no choices]',
      relations: [{ package: 'zeek', arch: 'amd64', relation: 'Depends', target: 'libc6 (< 2.38)', unsatisfiable: true }],
    },
    {
      name: 'the verdict on the same line as the relation',
      text: 'Unable to satisfy dependencies. Reached two conflicting assignments:\n1. podman-skopeo ...\n2. podman-skopeo:arm64 Depends podman-container-configs but none of the choices are installable: [no choices]',
      relations: [{ package: 'podman-skopeo', arch: 'arm64', relation: 'Depends', target: 'podman-container-configs', unsatisfiable: true }],
    },
    {
      name: 'a nested explanation: the Conflicts inside it is a relation too, and the satisfiable one says so',
      text: 'Unable to satisfy dependencies. Reached two conflicting decisions:\n1. nodejs:amd64 is selected for install\n2. nodejs:amd64 is available in versions 24.14.0-1nodesource1, 20.19.2+dfsg-1\nbut none of the choices are installable:\n- nodejs:amd64=24.14.0-1nodesource1 is not selected for install because:\n1. npm:amd64=9.2.0~ds1-3 is selected for install\n2. nodejs:amd64=24.14.0-1nodesource1 Conflicts npm\n[selected npm:amd64=9.2.0~ds1-3]',
      relations: [{ package: 'nodejs', arch: 'amd64', relation: 'Conflicts', target: 'npm', unsatisfiable: false }],
    },
  ])('$name', ({ text, relations }) => {
    expect(solverRule.match(text)?.relations).toEqual(relations)
  })

  test('apt 3.0 context head `decisions` (trixie-g1) gives apt.message then apt.solver', () => {
    const { events } = runApt([
      'E: The following information from --solver 3.0 may provide additional context:',
      '   Unable to satisfy dependencies. Reached two conflicting decisions:',
      '   1. unmet-libc:amd64=1.0 is selected for install',
    ])
    expect(events.map((e) => e.type)).toEqual(['apt.message', 'apt.solver', 'problem'])
    expect(single(events, 'apt.solver')).toMatchObject({ conflict: 'decisions', line: 1, endLine: 3, package: 'unmet-libc' })
  })

  test('apt 3.0 context without a solver head (trixie-b4) is a message, not an explanation', () => {
    const { events } = runApt(['E: The following information from --solver 3.0 may provide additional context:', "   Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution)."])
    expect(ofType(events, 'apt.solver')).toEqual([])
  })

  test.each([['Unable to satisfy dependencies.'], ['Reached two conflicting decisions:'], ['Unable to satisfy dependencies. Reached two conflicting very odd things:']])('%j is not a solver head', (text) => {
    expect(solverRule.match(text)).toBeUndefined()
  })
})
