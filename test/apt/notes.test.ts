import { describe, expect, test } from 'vitest'
import { alreadyNewestRule, autoremoveHintRule, fixBrokenHintRule, manuallyInstalledRule, simulateRule, updateStatsRule } from '../../src/apt/notes.ts'
import { ofType, runApt, single } from './support.ts'

describe('single-line notes', () => {
  test.each([
    ['openssh-client is already the newest version (1:9.2p1-2+deb12u10).', alreadyNewestRule, { note: 'already-newest', package: 'openssh-client', version: '1:9.2p1-2+deb12u10' }, 'apt ≥ 1.1 (§3.6)'],
    ['openssh-client is already the newest version.', alreadyNewestRule, { note: 'already-newest', package: 'openssh-client' }, 'apt 1.0 (§3.6)'],
    ['openssh-client set to manually installed.', manuallyInstalledRule, { note: 'set-manually-installed', package: 'openssh-client' }, '§3.6'],
    ['All packages are up to date.', updateStatsRule, { note: 'up-to-date' }, 'bookworm-l7 (`apt update`)'],
    ["6 packages can be upgraded. Run 'apt list --upgradable' to see them.", updateStatsRule, { note: 'upgradable' }, 'bookworm-d8'],
    ["1 package can be upgraded. Run 'apt list --upgradable' to see it.", updateStatsRule, { note: 'upgradable' }, 'singular (§3.8)'],
    ["Use 'apt autoremove' to remove them.", autoremoveHintRule, { note: 'autoremove-hint' }, 'bookworm-e1'],
    ["Use 'sudo apt autoremove' to remove it.", autoremoveHintRule, { note: 'autoremove-hint' }, 'under sudo (§3.2)'],
    ["Use 'apt-get autoremove' to remove them.", autoremoveHintRule, { note: 'autoremove-hint' }, 'apt 1.0 (§3.2)'],
    ['12 packages were automatically installed and are no longer required.', autoremoveHintRule, { note: 'autoremove-hint' }, 'long list form (§3.2)'],
    ["You might want to run 'apt --fix-broken install' to correct these.", fixBrokenHintRule, { note: 'fix-broken-hint' }, 'trixie-b4 (apt ≥ 1.4)'],
    ["You might want to run 'apt-get -f install' to correct these:", fixBrokenHintRule, { note: 'fix-broken-hint' }, 'apt ≤ 1.3 (§4.2)'],
  ])('%s (%s)', (line, rule, want, _source) => {
    expect(rule.match(line)).toMatchObject({ kind: 'note', text: line, ...want })
  })

  test.each([
    ['openssh-client is already the newest version (1:9.2p1-2)', 'no final period'],
    ['openssh-client ist schon die neueste Version (1:9.2p1-2).', 'German'],
    ['Use apt autoremove to remove them.', 'no quotes'],
    ['All packages are up to date', 'no final period'],
  ])('%j is not a note (%s)', (line) => {
    expect(alreadyNewestRule.match(line) ?? autoremoveHintRule.match(line) ?? updateStatsRule.match(line)).toBeUndefined()
  })

  test.each([
    ['WARNING: apt does not have a stable CLI interface. Use with caution in scripts.', 'cli-unstable', 'bookworm-l1, trixie-l1 (gone in sid-l1)'],
    ['WARNING: apt does not have a stable CLI interface yet. Use with caution in scripts.', 'cli-unstable', 'apt 1.0 (§3.8)'],
    ['Download complete and in download only mode', 'download-only', '-d (§3.6)'],
    ["Note, selecting 'libssl-dev' instead of 'libssl1.0-dev'", 'selection', 'c0out, tty only (§3.6)'],
    ['Skipping openssh-client, it is already installed and upgrade is not set.', 'skipped', '§3.6'],
    ['Do you want to continue? [Y/n]', 'prompt', 'classic prompt (§3.5)'],
    ['Continue? [Y/n]', 'prompt', 'apt 3 (§3.7)'],
  ])('through the grammar: %s → %s (%s)', (line, note) => {
    expect(single(runApt([line]).events, 'apt.note')).toMatchObject({ note, line: 1 })
  })

  test("the answer to a prompt continues on the prompt's line: both are read", () => {
    const { events } = runApt(['Do you want to continue? [Y/n] Get:1 http://mirror.example.com/debian bookworm/main amd64 libbsd0 amd64 0.11.7-2 [117 kB]'])
    expect(events.map((e) => e.type)).toEqual(['apt.note', 'apt.acquire'])
  })
})

describe('note blocks', () => {
  test('virtual package and its providers (trixie-f2)', () => {
    const { events, verdicts } = runApt([
      'Package mail-transport-agent is a virtual package provided by:',
      '  ssmtp 2.64-12',
      '  exim4-daemon-heavy 4.98.2-1+deb13u5',
      '',
      "E: Package 'mail-transport-agent' has no installation candidate",
    ])
    expect(single(events, 'apt.note')).toMatchObject({ note: 'virtual-package', package: 'mail-transport-agent', packages: ['ssmtp', 'exim4-daemon-heavy'], line: 1, endLine: 3 })
    expect(verdicts).toEqual([1, 1, 1, 2, 1])
  })

  test('not available, with replacements (bookworm-f4)', () => {
    const { events } = runApt([
      'Package bash is not available, but is referred to by another package.',
      'This may mean that the package is missing, has been obsoleted, or',
      'is only available from another source',
      'However the following packages replace it:',
      '  bash-doc',
      '',
    ])
    expect(single(events, 'apt.note')).toMatchObject({ note: 'not-available', package: 'bash', packages: ['bash-doc'], endLine: 5 })
  })

  test('the impossible-situation paragraph (bookworm-g1) is one note', () => {
    const { events } = runApt([
      'Some packages could not be installed. This may mean that you have',
      'requested an impossible situation or if you are using the unstable',
      'distribution that some required packages have not yet been created',
      'or been moved out of Incoming.',
      'The following information may help to resolve the situation:',
      '',
    ])
    expect(single(events, 'apt.note')).toMatchObject({ note: 'impossible-situation', line: 1, endLine: 5 })
  })

  test('repeated lock-waiting lines are one note (§3.1, apt 2.6.1 run)', () => {
    const wait = 'Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 32654 (python3)...'
    const { events } = runApt([wait, wait, wait, 'Reading package lists...'])
    expect(ofType(events, 'apt.note')).toEqual([{ type: 'apt.note', line: 1, endLine: 3, rule: 'apt.note.lock-waiting', note: 'lock-waiting', text: wait }])
  })

  test('the simulation notice paragraph', () => {
    const { events } = runApt([
      'NOTE: This is only a simulation!',
      '      apt-get needs root privileges for real execution.',
      '      Keep also in mind that locking is deactivated,',
      "      so don't depend on the relevance to the real current situation!",
      'Reading package lists...',
    ])
    expect(ofType(events, 'apt.note')[0]).toMatchObject({ note: 'simulation', endLine: 4 })
  })
})

describe('simulation lines (`-s`, FORMATS.md §3.4)', () => {
  test.each([
    ['Inst demo-b [1:2.0-1] (1:3.0-1 Lab:lab [amd64])', { action: 'inst', package: 'demo-b', version: '1:3.0-1', fromVersion: '1:2.0-1' }],
    ['Inst demo-c (1.0 Lab:lab [all])', { action: 'inst', package: 'demo-c', version: '1.0' }],
    ['Conf demo-b (1:3.0-1 Lab:lab [amd64])', { action: 'conf', package: 'demo-b', version: '1:3.0-1' }],
    ['Remv openssh-client [1:9.2p1-2+deb12u10]', { action: 'remv', package: 'openssh-client', version: '1:9.2p1-2+deb12u10' }],
    ['Purg openssh-client [1:9.2p1-2+deb12u10]', { action: 'purg', package: 'openssh-client', version: '1:9.2p1-2+deb12u10' }],
  ])('%s', (line, want) => {
    expect(simulateRule.match(line)).toEqual({ kind: 'simulate', ...want })
  })
  test.each([['Installing:'], ['Inst'], ['Conf demo-b (broken'], ['Removing openssh-client (1:9.2p1-2) ...']])('%j is not a simulation line', (line) => {
    expect(simulateRule.match(line)).toBeUndefined()
  })
})

describe('note blocks stay bounded', () => {
  test('a virtual package with 5000 providers keeps taking its lines but stops keeping text', () => {
    const lines = ['Package mta is a virtual package provided by:', ...Array.from({ length: 5000 }, (_, i) => `  provider${i} 1.0`), '']
    const { events, verdicts } = runApt(lines)
    const note = single(events, 'apt.note')
    expect(note.endLine).toBe(5001)
    expect(note.text.split('\n').length).toBe(1000)
    expect(note.packages?.length).toBe(5000)
    expect(verdicts.slice(1, 5001).every((v) => v === 1)).toBe(true)
  })
})
