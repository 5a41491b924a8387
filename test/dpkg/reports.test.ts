import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { looksLikeDpkg } from '../../src/dpkg/familiar.ts'
import { runDpkg } from './support.ts'

describe('dpkg.warning', () => {
  const cases: readonly [string, string, string, string][] = [
    ['a downgrade (bookworm-d6, dpkg 1.21)', 'dpkg: warning: downgrading tzdata from 2026f-0+deb12u1 to 2026b-0+deb12u1', 'dpkg', 'downgrading tzdata from 2026f-0+deb12u1 to 2026b-0+deb12u1'],
    [
      'a release upgrade leaves a directory (bookworm-d4, dpkg 1.22)',
      "dpkg: warning: unable to delete old directory '/lib/udev/rules.d': Directory not empty",
      'dpkg',
      "unable to delete old directory '/lib/udev/rules.d': Directory not empty",
    ],
    [
      'while removing (bookworm-d4)',
      "dpkg: warning: while removing libext2fs2:amd64, directory '/lib/x86_64-linux-gnu' not empty so not removed",
      'dpkg',
      "while removing libext2fs2:amd64, directory '/lib/x86_64-linux-gnu' not empty so not removed",
    ],
    [
      "update-alternatives' warning in slim images (seen in the wild)",
      "update-alternatives: warning: skip creation of /usr/share/man/man1/editor.1.gz because associated file /usr/share/man/man1/vim.1.gz (of link group editor) doesn't exist",
      'update-alternatives',
      "skip creation of /usr/share/man/man1/editor.1.gz because associated file /usr/share/man/man1/vim.1.gz (of link group editor) doesn't exist",
    ],
    [
      'dpkg-divert (dpkg-divert template)',
      "dpkg-divert: warning: diverting file '/usr/bin/x' from an Essential package with rename is dangerous, use --no-rename",
      'dpkg-divert',
      "diverting file '/usr/bin/x' from an Essential package with rename is dangerous, use --no-rename",
    ],
  ]
  for (const [name, line, program, text] of cases) {
    test(name, () => {
      const { events, verdicts } = runDpkg([line])
      expect(verdicts).toEqual([CONSUMED])
      expect(events).toEqual([{ type: 'dpkg.warning', line: 1, rule: 'dpkg.warning', program, text }])
    })
  }

  test('continuation lines (one-space indent) join with a newline (remove.c template)', () => {
    const { events, verdicts } = runDpkg([
      'dpkg: warning: ignoring request to remove x, only the config',
      ' files of which are on the system; use --purge to remove them too',
      'Removing y (1.0) ...',
    ])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED])
    expect(events[0]).toEqual({
      type: 'dpkg.warning',
      line: 1,
      rule: 'dpkg.warning',
      endLine: 2,
      program: 'dpkg',
      text: 'ignoring request to remove x, only the config\nfiles of which are on the system; use --purge to remove them too',
    })
  })

  test('--force-overwrite: two warnings, no error problem (archives.c forcibleerr)', () => {
    const { dpkg, problems } = runDpkg([
      'dpkg: warning: overriding problem because --force enabled:',
      "dpkg: warning: trying to overwrite '/usr/bin/lzmainfo', which is also in package xz 5.2.4-r0",
    ])
    expect(dpkg.map((e) => e.type)).toEqual(['dpkg.warning', 'dpkg.warning'])
    expect(problems).toEqual([])
  })
})

describe('dpkg.message', () => {
  const cases: readonly [string, string, string, string][] = [
    [
      'considering deconfiguration (archives.c template)',
      'dpkg: considering deconfiguration of libpam-modules:amd64, which would be broken by removal of libdb5.3:amd64 ...',
      'dpkg',
      'considering deconfiguration of libpam-modules:amd64, which would be broken by removal of libdb5.3:amd64 ...',
    ],
    ['too many errors (errors.c)', 'dpkg: too many errors, stopping', 'dpkg', 'too many errors, stopping'],
    ['dpkg-query (dpkg -l for an unknown name)', 'dpkg-query: no packages found matching nosuch', 'dpkg-query', 'no packages found matching nosuch'],
    [
      'a subprocess report (subproc.c)',
      "dpkg (subprocess): unable to execute installed post-installation script (/var/lib/dpkg/info/x.postinst): Exec format error",
      'dpkg (subprocess)',
      'unable to execute installed post-installation script (/var/lib/dpkg/info/x.postinst): Exec format error',
    ],
  ]
  for (const [name, line, program, text] of cases) {
    test(name, () => {
      const { events } = runDpkg([line])
      expect(events[0]).toMatchObject({ type: 'dpkg.message', line: 1, rule: 'dpkg.message', program, text })
      expect(events.filter((e) => e.type === 'problem')).toEqual([])
    })
  }

  test('a single-line notice leaves at once (no block)', () => {
    const { events, verdicts } = runDpkg(['dpkg: too many errors, stopping', ' not a continuation'])
    expect(events).toHaveLength(1)
    expect(verdicts[1]).toBe(UNRECOGNIZED)
  })

  test("a notice ending in ':' takes its indented lines and the blank line (unpack.c: regarding … containing …:)", () => {
    const { events, verdicts } = runDpkg(['dpkg: regarding .../x_2_all.deb containing x:', ' x breaks y (<< 2)', '  y (version 1) is present and installed.', ''])
    expect(verdicts).toEqual([CONSUMED, CONSUMED, CONSUMED, CONSUMED])
    expect(events).toEqual([
      {
        type: 'dpkg.message',
        line: 1,
        rule: 'dpkg.message',
        endLine: 4,
        program: 'dpkg',
        text: 'regarding .../x_2_all.deb containing x:\nx breaks y (<< 2)\n y (version 1) is present and installed.',
      },
    ])
  })
})

describe('top-level errors (subject: fatal)', () => {
  test('dpkg itself stops: an error event and a dpkg.other-error problem', () => {
    const { events } = runDpkg(['dpkg: error: dpkg frontend lock was locked by another process with pid 5432'])
    expect(events).toEqual([
      { type: 'dpkg.error', line: 1, rule: 'dpkg.error.fatal', subject: 'fatal', program: 'dpkg', reasons: ['dpkg frontend lock was locked by another process with pid 5432'], cause: 'other' },
      { type: 'problem', line: 1, rule: 'dpkg.error.fatal', kind: 'dpkg.other-error', severity: 'error', message: 'dpkg: error: dpkg frontend lock was locked by another process with pid 5432' },
    ])
  })

  test("dpkg's last words with their indented reason (ehandle.c)", () => {
    const { events } = runDpkg(['dpkg: unrecoverable fatal error, aborting:', " unable to open files list file for package 'x': No such file or directory"])
    expect(events[0]).toMatchObject({ subject: 'fatal', endLine: 2, reasons: ['unrecoverable fatal error, aborting:', "unable to open files list file for package 'x': No such file or directory"] })
    expect(events[1]).toMatchObject({ kind: 'dpkg.other-error', message: "dpkg: unrecoverable fatal error, aborting: unable to open files list file for package 'x': No such file or directory" })
  })

  test("a tool's error is an event; the per-package block dpkg prints for it carries the problem (seen in the wild)", () => {
    const { events } = runDpkg([
      'dpkg: error processing archive /var/cache/apt/archives/xz-utils_5.2.2-1.3ubuntu0.1_arm64.deb (--unpack):',
      " trying to overwrite '/usr/bin/lzmainfo', which is also in package xz 5.2.4-r0",
      'dpkg-deb: error: paste subprocess was killed by signal (Broken pipe)',
      'Selecting previously unselected package rt-tests.',
    ])
    expect(events.map((e) => (e.type === 'problem' ? e.kind : e.type))).toEqual(['dpkg.error', 'dpkg.file-conflict', 'dpkg.error', 'dpkg.progress'])
    expect(events[2]).toMatchObject({ subject: 'fatal', program: 'dpkg-deb', reasons: ['paste subprocess was killed by signal (Broken pipe)'] })
  })
})

describe('disk.full: one problem per dpkg run', () => {
  test('the subprocess line, the tool error and the error block of one incident give ONE disk.full', () => {
    const { events } = runDpkg([
      "dpkg-deb (subprocess): cannot copy archive member from '/var/cache/apt/archives/libllvm15_1%3a15.0.6-4+b1_amd64.deb' to decompressor pipe: failed to write (No space left on device)",
      'dpkg-deb: error: <decompress> subprocess returned error exit status 2',
      'dpkg: error processing archive /var/cache/apt/archives/libllvm15_1%3a15.0.6-4+b1_amd64.deb (--unpack):',
      " cannot copy extracted data for './usr/lib/x86_64-linux-gnu/libLLVM-15.so.1' to '/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1.dpkg-new': failed to write (No space left on device)",
      'Errors were encountered while processing:',
      ' /var/cache/apt/archives/libllvm15_1%3a15.0.6-4+b1_amd64.deb',
    ])
    const problems = events.filter((e) => e.type === 'problem')
    expect(problems).toEqual([expect.objectContaining({ kind: 'disk.full', line: 1, severity: 'error' })])
    expect(events.find((e) => e.type === 'dpkg.error' && e.subject === 'archive')).toMatchObject({ cause: 'disk-full' })
  })

  test('a later dpkg run (a new database read) can report its own full disk', () => {
    const block = [
      'dpkg: error processing archive /var/cache/apt/archives/a_1_all.deb (--unpack):',
      " cannot copy extracted data for './a' to '/a.dpkg-new': failed to write (No space left on device)",
    ]
    const { problems } = runDpkg([...block, '(Reading database ... 6096 files and directories currently installed.)', ...block])
    expect(problems.map((p) => p.kind)).toEqual(['disk.full', 'disk.full'])
  })
})

describe('noise inside the dpkg phase (FORMATS.md §5.6): known, no event', () => {
  const noise: readonly [string, string][] = [
    ['debconf without apt-utils (every capture)', 'debconf: delaying package configuration, since apt-utils is not installed'],
    ['debconf chain: Dialog (D31)', 'debconf: unable to initialize frontend: Dialog'],
    ['debconf chain: TERM (D31)', 'debconf: (TERM is not set, so the dialog frontend is not usable.)'],
    ['debconf chain: Readline (D31)', 'debconf: falling back to frontend: Readline'],
    [
      'debconf chain: perl module missing (D31)',
      "debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC contains: /etc/perl /usr/share/perl5) at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line 7.)",
    ],
    ['debconf chain: controlling tty (bookworm-b5)', 'debconf: (This frontend requires a controlling tty.)'],
    ['debconf chain: Noninteractive (trixie-b6e)', 'debconf: falling back to frontend: Noninteractive'],
    ['apt-utils without a terminal (bookworm-b7)', 'dpkg-preconfigure: unable to re-open stdin: '],
    ['update-alternatives (host-install-docker-io)', 'update-alternatives: using /usr/sbin/iptables-legacy to provide /usr/sbin/iptables (iptables) in auto mode'],
    ['invoke-rc.d runlevel (bookworm-b5)', 'invoke-rc.d: could not determine current runlevel'],
    ['invoke-rc.d policy (host-install-docker-io)', 'invoke-rc.d: policy-rc.d denied execution of start.'],
    ['invoke-rc.d without init (bookworm-b5)', 'invoke-rc.d: WARNING: No init system and policy-rc.d missing! Defaulting to block.'],
    ['systemd symlink, arrow (host-install-docker-io)', 'Created symlink /etc/systemd/system/multi-user.target.wants/docker.service → /lib/systemd/system/docker.service.'],
    ['systemd symlink, quoted (sid-a)', "Created symlink '/etc/systemd/system/getty.target.wants/getty@tty1.service' -> '/usr/lib/systemd/system/getty@.service'."],
    ['adduser group (host-install-docker-io)', "Adding group `docker' (GID 105) ..."],
    ['adduser system user, 3.152 quotes (adduser template)', "Adding system user 'systemd-network' (UID 998) ..."],
    ['dpkg-divert adding (bookworm-d4)', "Adding 'diversion of /sbin/mkfs.bfs to /sbin/mkfs.bfs.usr-is-merged by util-linux-extra'"],
    ['deluser while purging (bookworm-e3)', "warn: The group `ssh' does not exist."],
    ['tzdata zone (bookworm-d6)', "Current default time zone: 'Etc/UTC'"],
    ['tzdata local time (bookworm-d6)', 'Local time is now:      Fri Nov 27 23:20:08 UTC 2026.'],
    ['tzdata universal time (bookworm-d6)', 'Universal Time is now:  Fri Nov 27 23:20:08 UTC 2026.'],
    ['tzdata hint (bookworm-d6)', "Run 'dpkg-reconfigure tzdata' if you wish to change it."],
    ['ca-certificates update (D11)', 'Updating certificates in /etc/ssl/certs...'],
    ['ca-certificates count (D11)', '142 added, 0 removed; done.'],
    ['ca-certificates hooks (D11)', 'Running hooks in /etc/ca-certificates/update.d...'],
    ['ca-certificates done (D11)', 'done.'],
    ['base-files profile (bookworm-d3)', 'Updating /etc/profile to current default.'],
    ['passwd (D31)', 'Shadow passwords are now on.'],
    ['systemd machine id (sid-a)', 'Initializing machine ID from random generator.'],
    ['systemd-sysusers group (sid-a)', "Creating group 'systemd-journal' with GID 998."],
    ['systemd-sysusers user (sid-a)', "Creating user 'systemd-network' (systemd Network Management) with UID 997 and GID 997."],
  ]
  for (const [name, line] of noise) {
    test(name, () => {
      const { events, verdicts } = runDpkg([line])
      expect(events).toEqual([])
      expect(verdicts).toEqual([IGNORED])
    })
  }

  const misses: readonly [string, string, number][] = [
    ["a maintainer script's own output stays unrecognised (bookworm-h1c)", 'failing-postinst: simulated configure failure', UNRECOGNIZED],
    ['debconf failing for real stays unrecognised (trixie-b2)', 'debconf: apt-extracttemplates failed: 25600', UNRECOGNIZED],
    ['invoke-rc.d reporting a failed start is not noise', 'invoke-rc.d: initscript docker, action "start" failed.', UNRECOGNIZED],
    ["update-alternatives' error is an error, not noise", 'update-alternatives: error: alternative path /usr/bin/x doesn\'t exist', CONSUMED],
    ['a frontend name with a blank is not the chain', 'debconf: unable to initialize frontend: Dialog box', UNRECOGNIZED],
    ['"Created symlink" without a path', 'Created symlink', UNRECOGNIZED],
    ['tzdata-like text without the quotes', 'Current default time zone: Etc/UTC', UNRECOGNIZED],
    ['not the ca-certificates count', '142 added, 0 removed', UNRECOGNIZED],
  ]
  for (const [name, line, verdict] of misses) {
    test(`near miss: ${name}`, () => {
      expect(runDpkg([line]).verdicts).toEqual([verdict])
    })
  }
})

describe('looksFamiliar: dpkg in another version or locale (FORMATS.md §1.4)', () => {
  const translated: readonly [string, string, string, string][] = [
    ['German unpack over (dpkg 1.21)', 'Entpacken von demo-big (1.0) über (1.0) ...', 'dpkg.progress', 'de'],
    ['German prepare', 'Vorbereitung zum Entpacken von .../demo-b_1%3a3.0-1_amd64.deb ...', 'dpkg.progress', 'de'],
    ['French setup', 'Paramétrage de demo-a (2.0-1) ...', 'dpkg.progress', 'fr'],
    ['German error header: the `<program>: <text>` catch-all does not take it (bookworm-de-h1)', 'dpkg: Fehler beim Bearbeiten des Paketes x (--configure):', 'dpkg.error', 'de'],
  ]
  for (const [name, line, type, locale] of translated) {
    test(`${name} is read through the locale tables`, () => {
      const { events, verdicts } = runDpkg([line])
      expect(verdicts).toEqual([CONSUMED])
      expect(events[0]).toMatchObject({ type, locale, rule: expect.stringMatching(/^locale\.dpkg\./) })
    })
  }

  test('a German database frame is a frame (IGNORED), as in English', () => {
    expect(runDpkg(['(Lese Datenbank ... 5%'])).toMatchObject({ events: [], verdicts: [IGNORED] })
  })

  const familiar: readonly [string, string][] = [
    ['German setup, the old template (dpkg ≤ 1.17: `Richte %s (%s) ein ...`)', 'Richte demo-a (2.0-1) ein ...'],
    ['dpkg ≤ 1.16 upgrade line (old unpack.c template)', 'Preparing to replace demo-a 1.0-1 (using .../demo-a_2.0-1_all.deb) ...'],
    ['dpkg ≤ 1.16 install line (old unpack.c template)', 'Unpacking demo-a (from .../demo-a_1.0-1_all.deb) ...'],
  ]
  for (const [name, line] of familiar) {
    test(name, () => {
      expect(looksLikeDpkg(line)).toBe(true)
      expect(runDpkg([line]).verdicts).toEqual([UNRECOGNIZED_APT_LIKE])
    })
  }

  const strangers: readonly [string, string][] = [
    ["a maintainer script's output (bookworm-h1c)", 'failing-postinst: simulated configure failure'],
    ["apt's operation line (every capture)", 'Reading package lists...'],
    ["apt-utils' preconfigure line (trixie-c)", 'Preconfiguring packages ...'],
    ["apt's download line (bookworm-a)", 'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]'],
    ['debootstrap (trixie-debootstrap)', 'I: Unpacking gcc-14-base:amd64...'],
    ['a blank line', ''],
  ]
  for (const [name, line] of strangers) {
    test(`not familiar: ${name}`, () => {
      expect(looksLikeDpkg(line)).toBe(false)
    })
  }
})
