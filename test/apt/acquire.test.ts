import { describe, expect, test } from 'vitest'
import { ACQUIRE_RULES, acquireErrorTextRule, fetchedRule } from '../../src/apt/acquire.ts'
import { runApt, single } from './support.ts'

function acquire(text: string): Record<string, unknown> | undefined {
  for (const rule of ACQUIRE_RULES) {
    const m = rule.match(text)
    if (m !== undefined) return { rule: rule.id, result: m.result, id: m.id, ...m.description, ...(m.sizeBytes === undefined ? {} : { sizeBytes: m.sizeBytes }) }
  }
  return undefined
}

const MIRROR = 'http://mirror.example.com/debian'

describe('acquire lines (FORMATS.md §2.1, §2.2)', () => {
  test.each([
    {
      name: 'bookworm Release file (apt 2.6.1, bookworm-a)',
      line: 'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
      want: { rule: 'apt.acquire.get', result: 'get', id: 1, uri: MIRROR, suite: 'bookworm', target: 'release', file: 'InRelease', sizeBytes: 151_000 },
    },
    {
      name: 'bookworm translation index (bookworm-a)',
      line: 'Get:2 http://mirror.example.com/debian bookworm/main Translation-en [6107 kB]',
      want: { result: 'get', id: 2, suite: 'bookworm', component: 'main', target: 'index', file: 'Translation-en', sizeBytes: 6_107_000 },
    },
    {
      name: 'trixie Packages index with architecture (apt 3.0.4, trixie-a)',
      line: 'Get:2 http://mirror.example.com/debian trixie/main amd64 Packages [9679 kB]',
      want: { suite: 'trixie', component: 'main', arch: 'amd64', target: 'index', file: 'Packages', sizeBytes: 9_679_000 },
    },
    {
      name: 'sid Release file (apt 3.3.5, sid-a)',
      line: 'Get:1 http://mirror.example.com/debian sid InRelease [193 kB]',
      want: { suite: 'sid', target: 'release', file: 'InRelease', sizeBytes: 193_000 },
    },
    {
      name: 'security suite (bookworm-d1)',
      line: 'Get:3 http://mirror.example.com/debian-security bookworm-security InRelease [34.8 kB]',
      want: { uri: 'http://mirror.example.com/debian-security', suite: 'bookworm-security', target: 'release', sizeBytes: 34_800 },
    },
    {
      name: '.deb with index and package architecture, epoch version (bookworm-a)',
      line: 'Get:11 http://mirror.example.com/debian bookworm/main amd64 openssh-client amd64 1:9.2p1-2+deb12u10 [994 kB]',
      want: { id: 11, suite: 'bookworm', component: 'main', arch: 'amd64', target: 'package', package: 'openssh-client', packageArch: 'amd64', version: '1:9.2p1-2+deb12u10', sizeBytes: 994_000 },
    },
    {
      name: 'an `all` package (trixie-l1)',
      line: 'Get:1 http://mirror.example.com/debian trixie/main amd64 adduser all 3.152 [191 kB]',
      want: { arch: 'amd64', target: 'package', package: 'adduser', packageArch: 'all', version: '3.152' },
    },
    {
      name: 'flat http repository package, no architecture (bookworm-b6e)',
      line: 'Get:3 http://127.0.0.1:8765 ./ loop2-libgcc1 1:4.9.2-10 [888 B]',
      want: { uri: 'http://127.0.0.1:8765', suite: './', target: 'package', package: 'loop2-libgcc1', version: '1:4.9.2-10', sizeBytes: 888 },
    },
    {
      name: 'file: repository index without a size (bookworm-g0)',
      line: 'Get:1 file:/repo ./ InRelease',
      want: { uri: 'file:/repo', suite: './', target: 'release', file: 'InRelease' },
    },
    {
      name: 'file: repository package (bookworm-h1)',
      line: 'Get:1 file:/repo ./ failing-postinst 1.0 [896 B]',
      want: { uri: 'file:/repo', target: 'package', package: 'failing-postinst', version: '1.0', sizeBytes: 896 },
    },
    {
      name: 'Ign with id (apt ≥ 1.1, bookworm-i1)',
      line: 'Ign:1 http://127.0.0.1:9/debian bookworm InRelease',
      want: { rule: 'apt.acquire.ign', result: 'ign', id: 1, uri: 'http://127.0.0.1:9/debian', target: 'release' },
    },
    {
      name: 'Ign of a flat index (trixie-g0b)',
      line: 'Ign:4 http://127.0.0.1:8765 ./ Translation-en',
      want: { result: 'ign', id: 4, suite: './', target: 'index', file: 'Translation-en' },
    },
    {
      name: 'Ign of a .deb during a DNS failure (bookworm-i6)',
      line: 'Ign:1 http://mirror.example.com/debian bookworm/main amd64 libbsd0 amd64 0.11.7-2',
      want: { result: 'ign', target: 'package', package: 'libbsd0', version: '0.11.7-2' },
    },
    {
      name: 'Err of a Release file (bookworm-i2)',
      line: 'Err:3 http://mirror.example.com/debian bookworm-doesnotexist Release',
      want: { rule: 'apt.acquire.err', result: 'err', id: 3, suite: 'bookworm-doesnotexist', target: 'release', file: 'Release' },
    },
    {
      name: 'Hit with id (FORMATS.md Appendix B, apt 2.6.1 run)',
      line: 'Hit:1 http://127.0.0.1:18777 lab InRelease',
      want: { rule: 'apt.acquire.hit', result: 'hit', id: 1, suite: 'lab', target: 'release' },
    },
    {
      name: 'apt 1.0 id-less Ign (seed runner excerpt)',
      line: 'Ign http://mirrors.aliyun.com jessie InRelease',
      want: { result: 'ign', id: null, uri: 'http://mirrors.aliyun.com', suite: 'jessie', target: 'release', file: 'InRelease' },
    },
    {
      name: 'apt 1.0 .deb without an index architecture (seed runner excerpt)',
      line: 'Get:1 http://mirrors.aliyun.com/debian/ jessie/main sensible-utils all 0.0.9 [11.3 kB]',
      want: { uri: 'http://mirrors.aliyun.com/debian/', suite: 'jessie', component: 'main', target: 'package', package: 'sensible-utils', packageArch: 'all', version: '0.0.9', sizeBytes: 11_300 },
    },
    {
      name: 'apt 1.0 id-less Hit of a suite with a slash (FORMATS.md §2.2)',
      line: 'Hit http://security.example.com jessie/updates InRelease',
      want: { result: 'hit', id: null, suite: 'jessie/updates', target: 'release' },
    },
    {
      name: 'apt 1.0 index line with scheme and host only (FORMATS.md §2.2)',
      line: 'Get:1 http://mirror.example.com jessie/main amd64 Packages [9035 kB]',
      want: { uri: 'http://mirror.example.com', suite: 'jessie', component: 'main', arch: 'amd64', target: 'index', file: 'Packages' },
    },
    {
      name: "apt-file's Contents index (its 50apt-file.conf Description: `$(RELEASE)/$(COMPONENT) $(ARCHITECTURE) Contents (deb)`)",
      line: 'Get:5 http://mirror.example.com/debian bookworm/main amd64 Contents (deb) [11.3 MB]',
      want: { suite: 'bookworm', component: 'main', arch: 'amd64', target: 'index', file: 'Contents (deb)', sizeBytes: 11_300_000 },
    },
    {
      name: "apt-file's Contents index of a flat repository (flatDescription `$(RELEASE) Contents (deb)`)",
      line: 'Get:3 http://127.0.0.1:8765 ./ Contents (deb) [1024 B]',
      want: { suite: './', target: 'index', file: 'Contents (deb)' },
    },
    {
      name: 'apt-get source item stays a source package, not an index',
      line: 'Get:1 http://mirror.example.com/debian bookworm/main hello 2.10-3 (dsc) [1340 B]',
      want: { target: 'other', package: 'hello', version: '2.10-3' },
    },
  ])('$name', ({ line, want }) => {
    expect(acquire(line)).toMatchObject(want)
  })

  test.each([
    ['Get http://mirror.example.com/debian bookworm InRelease', 'Get never came without an id'],
    ['Get:1http://mirror.example.com/debian bookworm InRelease', 'no space after the id'],
    ['Get:x http://mirror.example.com/debian bookworm InRelease', 'the id is a number'],
    ['Holen:1 http://mirror.example.com/debian bookworm InRelease [151 kB]', 'German (FORMATS.md §1.4)'],
    ['Get:1 mirror.example.com bookworm InRelease', 'no URI scheme'],
    ['Get:1 http://mirror.example.com/debian', 'no description after the URI'],
    ['Get:1 http://mirror.example.com/debian bookworm InRelease [11,34 kB]', 'two decimals in the size'],
    ['Hitting the mirror', 'a word that starts like Hit'],
    ['Error: Unable to locate package x', 'apt 3 message, not Err'],
  ])('%j is not an acquire line (%s)', (line) => {
    expect(acquire(line)).toBeUndefined()
  })
})

describe('Err blocks: the error text lines become one event when the block closes', () => {
  test('trixie-i1: two error lines (apt ≥ 2.9.15 prints earlier Ign texts too)', () => {
    const { events, verdicts } = runApt([
      'Err:1 http://127.0.0.1:9/debian trixie InRelease',
      '  Could not connect to 127.0.0.1:9 (127.0.0.1). - connect (111: Connection refused)',
      '  Unable to connect to 127.0.0.1:9:',
      'Reading package lists...',
    ])
    const err = events[0]
    expect(err).toMatchObject({
      type: 'apt.acquire',
      line: 1,
      endLine: 3,
      result: 'err',
      errors: ['Could not connect to 127.0.0.1:9 (127.0.0.1). - connect (111: Connection refused)', 'Unable to connect to 127.0.0.1:9:'],
    })
    expect(events[1]).toMatchObject({ type: 'apt.phase', line: 4 })
    expect(verdicts).toEqual([1, 1, 1, 1])
  })

  test('bookworm-i8: hash mismatch text keeps the deeper indentation of the hash lines', () => {
    const { events } = runApt([
      'Err:1 http://127.0.0.1:8765 ./ hashsum-pkg 1.0',
      '  Hash Sum mismatch',
      '  Hashes of expected file:',
      '   - SHA256:31b46b9341e131f00c9e84fc94734765057e191ded0ab60e09a68f86be391615',
      '  Last modification reported: Fri, 27 Nov 2026 23:21:18 +0000',
    ])
    expect(single(events, 'apt.acquire')).toMatchObject({
      package: 'hashsum-pkg',
      endLine: 5,
      errors: ['Hash Sum mismatch', 'Hashes of expected file:', ' - SHA256:31b46b9341e131f00c9e84fc94734765057e191ded0ab60e09a68f86be391615', 'Last modification reported: Fri, 27 Nov 2026 23:21:18 +0000'],
    })
  })

  test('the Err event leaves when the next line arrives, not later (streaming)', () => {
    const { events } = runApt(['Err:3 http://mirror.example.com/debian bookworm-doesnotexist Release', '  404  Not Found [IP: 203.0.113.80 80]'])
    expect(single(events, 'apt.acquire').errors).toEqual(['404  Not Found [IP: 203.0.113.80 80]'])
  })

  test('an Err without text (flushed at the end) has no errors field', () => {
    const { events } = runApt(['Err:4 file:/repo ./ Translation-en'])
    expect(single(events, 'apt.acquire')).not.toHaveProperty('errors')
  })

  test('the text rule needs two spaces of indentation', () => {
    expect(acquireErrorTextRule.match('  404  Not Found')).toBe('404  Not Found')
    expect(acquireErrorTextRule.match(' 404  Not Found')).toBeUndefined()
    expect(acquireErrorTextRule.match('    ')).toBeUndefined()
  })
})

describe('Fetched (FORMATS.md §2.1, §2.3)', () => {
  test.each([
    ['Fetched 6258 kB in 1s (6438 kB/s)', 6_258_000, 1, 6_438_000, 'bookworm-a'],
    ['Fetched 20.7 kB in 0s (0 B/s)', 20_700, 0, 0, 'bookworm-i8'],
    ['Fetched 7712 kB in 0s (19.2 MB/s)', 7_712_000, 0, 19_200_000, 'sid-l1'],
    ['Fetched 1995 kB in 1s (3357 kB/s)', 1_995_000, 1, 3_357_000, 'trixie-l1'],
    ['Fetched 11.1 MB in 11s (972 kB/s)', 11_100_000, 11, 972_000, 'seed local excerpt, apt 1.0'],
    ['Fetched 8,997 kB in 3s (2,819 kB/s)', 8_997_000, 3, 2_819_000, 'en_US grouping, seen in the wild (FORMATS.md §1.4)'],
    ['Fetched 301 kB in 1min 5s (4630 B/s)', 301_000, 65, 4_630, 'minutes (TimeToStr)'],
    ['Fetched 8.997 kB in 3s (2,8 kB/s)', 8_997_000, 3, 2_800, 'de_DE LC_NUMERIC under English words (FORMATS.md §1.4, §5)'],
  ])('%s (%s)', (line, bytes, seconds, rate) => {
    expect(fetchedRule.match(line)).toEqual({ kind: 'fetched', bytes, seconds, bytesPerSecond: rate })
  })

  test.each([
    ['Fetched 8,997 kB in 3s (2,81 kB/s)', 'two decimals in the rate'],
    ['Es wurden 301 kB in 0 s geholt (0 B/s).', 'German (FORMATS.md §1.4)'],
    ['Fetched 6258 kB in 1 s (6438 kB/s)', 'a space inside the time'],
    ['Fetched 6258 kB (6438 kB/s)', 'no time'],
    ['Fetched the tarball in 3s (fast/s)', 'not sizes'],
  ])('%j is not a Fetched line (%s)', (line) => {
    expect(fetchedRule.match(line)).toBeUndefined()
  })
})
