import { describe, expect, test } from 'vitest'
import {
  afterOperationRule,
  classicCountsRule,
  classicHeaderRule,
  downloadSizeRule,
  enGbCountsRule,
  needToGetRule,
  notFullyInstalledRule,
  summaryCountsRule,
  summarySpaceRule,
  v30HeaderRule,
  warningHeaderRule,
} from '../../src/apt/plan.ts'
import { ofType, runApt, single } from './support.ts'

function header(text: string): unknown {
  return warningHeaderRule.match(text) ?? classicHeaderRule.match(text) ?? v30HeaderRule.match(text)
}

describe('list headers (FORMATS.md §3.2, §3.7)', () => {
  test.each([
    ['The following additional packages will be installed:', 'additional', 'bookworm-a (apt ≥ 1.1)'],
    ['The following extra packages will be installed:', 'extra', 'seed local excerpt (apt 1.0)'],
    ['The following NEW packages will be installed:', 'new', 'bookworm-a'],
    ['The following packages will be upgraded:', 'upgrade', 'bookworm-d1'],
    ['The following packages will be REMOVED:', 'remove', 'bookworm-e1'],
    ['The following packages have been kept back:', 'kept-back', 'bookworm-d3'],
    ['The following packages will be DOWNGRADED:', 'downgrade', 'bookworm-d6'],
    ['The following held packages will be changed:', 'held-change', 'FORMATS.md Appendix B (apt 2.6.1 run)'],
    ['The following upgrades have been deferred due to phasing:', 'phasing-deferred', 'Ubuntu phasing (§3.2)'],
    ['The following packages were automatically installed and are no longer required:', 'autoremove', 'bookworm-e1'],
    ['The following package was automatically installed and is no longer required:', 'autoremove', 'singular (§3.2)'],
    ['Suggested packages:', 'suggested', 'bookworm-a'],
    ['Recommended packages:', 'recommended', 'bookworm-a'],
    ['WARNING: The following essential packages will be removed.', 'essential-remove', '§3.2'],
    ['WARNING: The following packages cannot be authenticated!', 'unauthenticated', 'apt 1.0 (§4.2)'],
    ['The following NEW packages will be installed', 'new', 'en_GB: no colon (seen in the wild, Ubuntu 24.04)'],
    ['Installing:', 'install', 'trixie-l1 (apt 3 `apt`)'],
    ['Installing dependencies:', 'install-dependencies', 'trixie-l1'],
    ['Upgrading:', 'upgrade', 'trixie-d8'],
    ['REMOVING:', 'remove', 'trixie-e6'],
    ['Not upgrading:', 'not-upgrading', '§3.7'],
    ['Not upgrading yet due to phasing:', 'not-upgrading-phasing', '§3.7'],
    ['Changing held packages:', 'held-change', '§3.7'],
    ['DOWNGRADING:', 'downgrade', '§3.7'],
  ])('%s → %s (%s)', (line, list) => {
    expect(header(line)).toMatchObject({ kind: 'list-header', list })
  })

  test('a header with elided trailing text is a header plus that text (seed runner excerpt)', () => {
    expect(header('Suggested packages: ...')).toMatchObject({ list: 'suggested', header: 'Suggested packages:', trailing: '...' })
  })

  test.each([
    ['The following packages have unmet dependencies:', 'the unmet block has its own rule'],
    ['Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0', 'apt 3 summary counts'],
    ['Suggested packages: see the README for details', 'trailing text that is not a list'],
    ['Installing: foo:', 'trailing text ending in a colon'],
    ['The following packages will be upgraded later:', 'other words'],
    ['Die folgenden NEUEN Pakete werden installiert:', 'German'],
    ['Installing', 'no colon on an apt 3 title'],
  ])('%j is not a list header (%s)', (line) => {
    expect(header(line)).toBeUndefined()
  })
})

describe('list bodies, one apt.plan.list per list when it closes', () => {
  test('classic wall of text (bookworm-a); the list closes on its first non-list line', () => {
    const { events } = runApt([
      'The following additional packages will be installed:',
      '  libbsd0 libcbor0.8 libedit2 libfido2-1 libgssapi-krb5-2 libk5crypto3',
      '  libkeyutils1 libkrb5-3 libkrb5support0 libssl3',
      'Suggested packages:',
    ])
    expect(events[0]).toEqual({
      type: 'apt.plan.list',
      line: 1,
      endLine: 3,
      rule: 'apt.plan.header',
      list: 'additional',
      header: 'The following additional packages will be installed:',
      layout: 'classic',
      packages: ['libbsd0', 'libcbor0.8', 'libedit2', 'libfido2-1', 'libgssapi-krb5-2', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0', 'libssl3'],
    })
  })

  test('classic alternatives stay whole (trixie-b1)', () => {
    const { events } = runApt([
      'Suggested packages:',
      '  debconf-utils libgtk3-perl libnet-ldap-perl libterm-readline-gnu-perl',
      '  whiptail | dialog glibc-doc libc-l10n locales libnss-nis libnss-nisplus',
      'Recommended packages:',
      '  apt | apt-utils debconf-i18n libidn2-0 krb5-locales xauth sensible-utils',
    ])
    const [suggested, recommended] = ofType(events, 'apt.plan.list')
    expect(suggested).toMatchObject({ list: 'suggested', layout: 'classic' })
    expect(suggested?.packages).toContain('whiptail | dialog')
    expect(recommended?.packages.slice(0, 2)).toEqual(['apt | apt-utils', 'debconf-i18n'])
  })

  test('apt 1.0 wrapped a list at a space, so an alternative can straddle two lines', () => {
    const { events } = runApt(['Suggested packages:', '  a b whiptail |', '  dialog c', 'Reading package lists...'])
    expect(events[0]).toMatchObject({ packages: ['a', 'b', 'whiptail | dialog', 'c'] })
  })

  test('apt 3 columns are read top to bottom, then left to right (trixie-l1): apt’s own order', () => {
    const { events } = runApt([
      'Installing dependencies:',
      '  adduser      libcom-err2  libfido2-1        libk5crypto3  libkrb5-3',
      '  libcbor0.10  libedit2     libgssapi-krb5-2  libkeyutils1  libkrb5support0',
      '',
    ])
    expect(single(events, 'apt.plan.list')).toMatchObject({
      list: 'install-dependencies',
      layout: 'columns',
      packages: ['adduser', 'libcbor0.10', 'libcom-err2', 'libedit2', 'libfido2-1', 'libgssapi-krb5-2', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0'],
    })
  })

  test('an alternative in columns continues in the next cell of its column (trixie-l5b)', () => {
    const { events } = runApt([
      'Suggested packages:',
      '  liblocale-gettext-perl  krb5-user                          keychain',
      '  perl                    libsasl2-modules-gssapi-mit        libpam-ssh',
      '  cron                    | libsasl2-modules-gssapi-heimdal  monkeysphere',
      '  quota                   libsasl2-modules-ldap              ssh-askpass',
      '',
    ])
    expect(single(events, 'apt.plan.list').packages).toEqual([
      'liblocale-gettext-perl',
      'perl',
      'cron',
      'quota',
      'krb5-user',
      'libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal',
      'libsasl2-modules-ldap',
      'keychain',
      'libpam-ssh',
      'monkeysphere',
      'ssh-askpass',
    ])
  })

  test('a single-entry apt 3 block is columns because of its title (trixie-e6)', () => {
    const { events } = runApt(['REMOVING:', '  openssh-client', ''])
    expect(single(events, 'apt.plan.list')).toMatchObject({ list: 'remove', layout: 'columns', packages: ['openssh-client'] })
  })

  test('purge marks: classic (trixie-e4) and columns (trixie-e7)', () => {
    const classic = runApt(['The following packages will be REMOVED:', '  libcbor0.10* libcom-err2* libedit2* libfido2-1* libgssapi-krb5-2*', '0 upgraded, 0 newly installed, 10 to remove and 0 not upgraded.'])
    expect(classic.events[0]).toMatchObject({ packages: ['libcbor0.10', 'libcom-err2', 'libedit2', 'libfido2-1', 'libgssapi-krb5-2'], purge: ['libcbor0.10', 'libcom-err2', 'libedit2', 'libfido2-1', 'libgssapi-krb5-2'] })
    const columns = runApt([
      'REMOVING:',
      '  libcbor0.10*  libfido2-1*        libkeyutils1*     openssh-client*',
      '  libcom-err2*  libgssapi-krb5-2*  libkrb5-3*',
      '  libedit2*     libk5crypto3*      libkrb5support0*',
      '',
    ])
    const list = single(columns.events, 'apt.plan.list')
    expect(list.packages).toEqual(['libcbor0.10', 'libcom-err2', 'libedit2', 'libfido2-1', 'libgssapi-krb5-2', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0', 'openssh-client'])
    expect(list.purge).toEqual(list.packages)
  })

  test('-V versions: three spaces, `(old => new)` or `(version)` (FORMATS.md §3.2, apt 2.6.1 run)', () => {
    const { events } = runApt(['The following packages will be upgraded:', '   demo-a (1.0-1 => 2.0-1)', '   demo-b (1:2.0-1 => 1:3.0-1)', '1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.'])
    expect(events[0]).toMatchObject({
      layout: 'versions',
      packages: ['demo-a', 'demo-b'],
      versions: [
        { name: 'demo-a', from: '1.0-1', to: '2.0-1' },
        { name: 'demo-b', from: '1:2.0-1', to: '1:3.0-1' },
      ],
    })
    const installed = runApt(['The following NEW packages will be installed:', '   demo-c (1.0)', ''])
    expect(installed.events[0]).toMatchObject({ layout: 'versions', versions: [{ name: 'demo-c', to: '1.0' }] })
    // Two spaces count only with `=>` (an apt 3 block): a note in parentheses is not a version.
    const v30 = runApt(['Upgrading:', '  libzstd1 (1.5.7+dfsg-1 => 1.5.7+dfsg-1+deb13u1)', ''])
    expect(v30.events[0]).toMatchObject({ layout: 'versions', versions: [{ name: 'libzstd1', from: '1.5.7+dfsg-1', to: '1.5.7+dfsg-1+deb13u1' }] })
    const note = runApt(['The following NEW packages will be installed:', '  adduser (40 packages in total)', ''])
    expect(note.events[0]).toMatchObject({ layout: 'classic', packages: ['adduser'], elided: true })
  })

  test('the essential warning takes its second line and `(due to …)` entries stay whole (§3.2)', () => {
    const { events, verdicts } = runApt([
      'WARNING: The following essential packages will be removed.',
      'This should NOT be done unless you know exactly what you are doing!',
      '  bash login (due to bash)',
      '0 upgraded, 0 newly installed, 2 to remove and 0 not upgraded.',
    ])
    expect(events[0]).toMatchObject({
      list: 'essential-remove',
      header: 'WARNING: The following essential packages will be removed.\nThis should NOT be done unless you know exactly what you are doing!',
      packages: ['bash', 'login (due to bash)'],
      endLine: 3,
    })
    expect(events[0]).not.toHaveProperty('elided')
    expect(verdicts).toEqual([1, 1, 1, 1])
  })

  test('incident runner excerpt: the CI ate the indentation, elisions are dropped and flagged', () => {
    const { events } = runApt([
      'The following extra packages will be installed:',
      'adduser debconf debianutils dpkg ... (一共40个软件包)',
      'Suggested packages: ...',
      'Recommended packages: ...',
      '0 upgraded, 40 newly installed, 0 to remove and 0 not upgraded.',
    ])
    expect(events.map((e) => e.type)).toEqual(['apt.plan.list', 'apt.plan.list', 'apt.plan.list', 'apt.plan.counts'])
    expect(events[0]).toMatchObject({ list: 'extra', endLine: 2, packages: ['adduser', 'debconf', 'debianutils', 'dpkg'], elided: true })
    expect(events[1]).toMatchObject({ list: 'suggested', packages: [], elided: true })
    expect(events[2]).toMatchObject({ list: 'recommended', packages: [], elided: true })
  })

  test('incident local excerpt (apt 1.0): indented lists as usual, nothing elided', () => {
    const { events } = runApt(['The following extra packages will be installed:', '  libbsd0 libedit2', 'Suggested packages:', '  ssh-askpass libpam-ssh keychain monkeysphere'])
    expect(events[0]).toMatchObject({ list: 'extra', packages: ['libbsd0', 'libedit2'] })
    expect(events[0]).not.toHaveProperty('elided')
    expect(events[1]).toMatchObject({ list: 'suggested', packages: ['ssh-askpass', 'libpam-ssh', 'keychain', 'monkeysphere'] })
  })

  test.each([
    ['debconf: delaying package configuration, since apt-utils is not installed', 'stderr interleaved after a list (bookworm-d6)'],
    ['Reading package lists...', 'a line another apt rule takes'],
    ['Current status: done', 'words that are not package names'],
    ['foo bar:', 'ends with a colon'],
  ])('an unindented %j right after a header is not taken into the list (%s)', (line) => {
    const { events } = runApt(['The following NEW packages will be installed:', line])
    expect(events[0]).toMatchObject({ type: 'apt.plan.list', packages: [] })
    expect(events[0]).not.toHaveProperty('endLine')
  })

  test('an unindented line after indented entries ends the list even if it looks like names', () => {
    const { events } = runApt(['The following NEW packages will be installed:', '  libbsd0', 'tzdata'])
    expect(events[0]).toMatchObject({ packages: ['libbsd0'], endLine: 2 })
  })

  test('a huge list keeps MAX entries and is marked elided; memory stays bounded', () => {
    const names = Array.from({ length: 20 }, (_, i) => `pkg${i}`).join(' ')
    const lines = ['The following NEW packages will be installed:', ...Array.from({ length: 6000 }, () => `  ${names}`), '0 upgraded, 120000 newly installed, 0 to remove and 0 not upgraded.']
    const [list] = ofType(runApt(lines).events, 'apt.plan.list')
    if (list === undefined) throw new Error('no list')
    expect(list.packages.length).toBe(100_000)
    expect(list.elided).toBe(true)
    expect(list.endLine).toBe(6001)
  })
})

describe('counts (FORMATS.md §3.3, §3.7)', () => {
  test.each([
    ['0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.', classicCountsRule, { upgraded: 0, newlyInstalled: 11, removed: 0, notUpgraded: 0, layout: 'classic' }, 'bookworm-a'],
    ['66 upgraded, 0 newly installed, 0 to remove and 15 not upgraded.', classicCountsRule, { upgraded: 66, newlyInstalled: 0, removed: 0, notUpgraded: 15 }, 'bookworm-d3'],
    ['0 upgraded, 0 newly installed, 1 downgraded, 0 to remove and 0 not upgraded.', classicCountsRule, { downgraded: 1 }, 'bookworm-d6'],
    ['0 upgraded, 0 newly installed, 1 reinstalled, 0 to remove and 0 not upgraded.', classicCountsRule, { reinstalled: 1 }, 'FORMATS.md §3.3 run'],
    ['0 upgraded, 40 newly installed, 0 to remove and 0 not upgraded.', classicCountsRule, { newlyInstalled: 40 }, 'seed runner (apt 1.0)'],
    ['0 to upgrade, 1 to newly install, 0 to remove and 56 not to upgrade.', enGbCountsRule, { upgraded: 0, newlyInstalled: 1, removed: 0, notUpgraded: 56, layout: 'classic' }, 'en_GB, seen in the wild'],
    ['  Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0', summaryCountsRule, { upgraded: 0, newlyInstalled: 11, removed: 0, notUpgraded: 0, layout: 'summary' }, 'trixie-l1'],
    ['  Upgrading: 0, Installing: 0, Removing: 10, Not Upgrading: 0', summaryCountsRule, { removed: 10 }, 'trixie-e7'],
    ['  Upgrading: 0, Installing: 1, Reinstalling: 2, Downgrading: 3, Removing: 0, Not Upgrading: 0', summaryCountsRule, { reinstalled: 2, downgraded: 3 }, '§3.7 template'],
  ])('%s (%s)', (line, rule, want, _source) => {
    expect(rule.match(line)).toMatchObject({ kind: 'counts', ...want })
  })

  test.each([
    ['0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded', 'no final period'],
    ['0 aktualisiert, 11 neu installiert, 0 zu entfernen und 0 nicht aktualisiert.', 'German'],
    ['  Upgrading: 0, Installing: 11', 'incomplete summary'],
    ['1,000 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.', 'counts are never grouped'],
  ])('%j is not a counts line (%s)', (line) => {
    expect(classicCountsRule.match(line) ?? enGbCountsRule.match(line) ?? summaryCountsRule.match(line)).toBeUndefined()
  })

  test.each([
    ['2 not fully installed or removed.', 2, 'bookworm-b6b'],
    ['  1 not fully installed or removed.', 1, 'apt 3 Summary block (§3.7)'],
  ])('%s', (line, count) => {
    expect(notFullyInstalledRule.match(line)).toEqual({ kind: 'not-fully-installed', count })
  })
})

describe('download and disk lines (FORMATS.md §3.4, §3.7)', () => {
  test.each([
    ['Need to get 3934 kB of archives.', needToGetRule, { bytes: 3_934_000 }, 'bookworm-a'],
    ['Need to get 3934 kB/10.7 MB of archives.', needToGetRule, { bytes: 3_934_000, totalBytes: 10_700_000 }, 'bookworm-b1'],
    ['Need to get 0 B/860 B of archives.', needToGetRule, { bytes: 0, totalBytes: 860 }, 'bookworm-b6b'],
    ['Need to get 16.7 MB of archives.', needToGetRule, { bytes: 16_700_000 }, 'seed runner (apt 1.0)'],
    ['  Download size: 1995 kB', downloadSizeRule, { bytes: 1_995_000 }, 'trixie-l1'],
    ['  Download size: 1995 kB / 13.0 MB', downloadSizeRule, { bytes: 1_995_000, totalBytes: 13_000_000 }, '§3.7 partly cached'],
    ['  Download size: 1.995 kB', downloadSizeRule, { bytes: 1_995_000 }, 'trixie-es-l1: English words (no translation), es_ES numbers'],
    ['Need to get 11,3 kB of archives.', needToGetRule, { bytes: 11_300 }, 'de_DE LC_NUMERIC under an English LANGUAGE (§1.4)'],
  ])('%s (%s)', (line, rule, want, _source) => {
    expect(rule.match(line)).toEqual({ kind: 'download', ...want })
  })

  test.each([
    ['After this operation, 14.9 MB of additional disk space will be used.', afterOperationRule, { change: 'used', bytes: 14_900_000 }, 'bookworm-a'],
    ['After this operation, 5940 kB disk space will be freed.', afterOperationRule, { change: 'freed', bytes: 5_940_000 }, 'bookworm-e1'],
    ['After this operation, 0 B of additional disk space will be used.', afterOperationRule, { change: 'used', bytes: 0 }, 'bookworm-e3'],
    ['  Space needed: 8254 kB / 78.9 GB available', summarySpaceRule, { change: 'used', bytes: 8_254_000, availableBytes: 78_900_000_000 }, 'trixie-l1'],
    ['  Space needed: 0 B / 62.0 GB available', summarySpaceRule, { change: 'used', bytes: 0, availableBytes: 62_000_000_000 }, 'trixie-d8'],
    ['  Space needed: 8254 kB', summarySpaceRule, { change: 'used', bytes: 8_254_000 }, '§3.7 free space unknown'],
    ['  Space needed: 8.254 kB / 80,2 GB available', summarySpaceRule, { change: 'used', bytes: 8_254_000, availableBytes: 80_200_000_000 }, 'trixie-es-l1'],
    ['After this operation, 6.144 kB of additional disk space will be used.', afterOperationRule, { change: 'used', bytes: 6_144_000 }, 'de_DE grouping (§1.4)'],
    ['  Freed space: 5131 kB', summarySpaceRule, { change: 'freed', bytes: 5_131_000 }, 'trixie-e6'],
    ['    └─ in /boot:  42.0 MB / 1024 MB available', summarySpaceRule, { change: 'used', bytes: 42_000_000, availableBytes: 1_024_000_000, path: '/boot' }, '§3.7 per-mount line'],
    ['     - in /boot:  42.0 MB / 1024 MB available', summarySpaceRule, { change: 'used', bytes: 42_000_000, availableBytes: 1_024_000_000, path: '/boot' }, '§3.7 non-UTF-8 variant'],
  ])('%s (%s)', (line, rule, want, _source) => {
    expect(rule.match(line)).toEqual({ kind: 'disk', ...want })
  })

  test.each([
    ['Need to get 3934 kB of archives', 'no period'],
    ['Need to get 11,34 kB of archives.', 'two decimals'],
    ['After this operation, 6.1444 kB of additional disk space will be used.', 'a group of four digits'],
    ['Es müssen 3934 kB an Archiven heruntergeladen werden.', 'German'],
    ['  Space needed: lots', 'not a size'],
  ])('%j is not a size line (%s)', (line) => {
    expect(needToGetRule.match(line) ?? afterOperationRule.match(line) ?? summarySpaceRule.match(line) ?? downloadSizeRule.match(line)).toBeUndefined()
  })

  test('apt 3 Summary block: the title is IGNORED, each line is its own event (trixie-l1)', () => {
    const { events, verdicts } = runApt(['Summary:', '  Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0', '  Download size: 1995 kB', '  Space needed: 8254 kB / 78.9 GB available', ''])
    expect(events.map((e) => [e.type, e.line])).toEqual([
      ['apt.plan.counts', 2],
      ['apt.plan.download', 3],
      ['apt.plan.disk', 4],
    ])
    expect(verdicts).toEqual([2, 1, 1, 1, 2])
  })
})
