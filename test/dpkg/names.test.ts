import { describe, expect, test } from 'vitest'
import { decodeDebPath, unquoteFileName } from '../../src/dpkg/deb-filename.ts'
import { isPackageName, parsePackageRef } from '../../src/dpkg/package-ref.ts'

describe('package references (FORMATS.md §5.1)', () => {
  const cases: readonly [string, string, ReturnType<typeof parsePackageRef>][] = [
    ['plain name (sid-a)', 'openssh-client', { name: 'openssh-client' }],
    ['Multi-Arch: same with :arch (bookworm-a)', 'libbsd0:amd64', { name: 'libbsd0', arch: 'amd64' }],
    ['dots and plus signs (trixie-c)', 'libcbor0.10', { name: 'libcbor0.10' }],
    ['a name that starts with digits', '389-ds-base', { name: '389-ds-base' }],
    ['an empty architecture', 'libbsd0:', undefined],
    ['a blank inside', 'lib bsd0', undefined],
    ['a leading dash', '-x', undefined],
    ['two colons', 'a:b:c', undefined],
    ['empty', '', undefined],
  ]
  for (const [name, text, expected] of cases) {
    test(name, () => {
      expect(parsePackageRef(text)).toEqual(expected)
    })
  }

  test('__proto__ is not a package name and cannot pollute anything', () => {
    expect(isPackageName('__proto__')).toBe(false)
    expect(parsePackageRef('constructor')).toEqual({ name: 'constructor' })
  })
})

describe('.deb file names (FORMATS.md §5.4)', () => {
  const cases: readonly { name: string; path: string; expected: ReturnType<typeof decodeDebPath> }[] = [
    {
      name: "the incident's archive: epoch %3a, Multi-Arch package (seed runner excerpt)",
      path: '/var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb',
      expected: { package: 'libgcc1', version: '1:4.9.2-10', arch: 'amd64', numbered: false },
    },
    {
      name: 'numbered link, zero-padded first (bookworm-a)',
      path: '.../00-libbsd0_0.11.7-2_amd64.deb',
      expected: { package: 'libbsd0', version: '0.11.7-2', arch: 'amd64', numbered: true },
    },
    {
      name: 'numbered link in the unshortened temp folder (an error line)',
      path: '/tmp/apt-dpkg-install-ZlZ1mp/86-libgtkmm-2.4-doc_1%3a2.24.5-2_all.deb',
      expected: { package: 'libgtkmm-2.4-doc', version: '1:2.24.5-2', arch: 'all', numbered: true },
    },
    {
      name: 'short name keeps a folder (trixie-l1)',
      path: '.../archives/adduser_3.152_all.deb',
      expected: { package: 'adduser', version: '3.152', arch: 'all', numbered: false },
    },
    {
      name: 'local file shortened to ..././ (bookworm-b6d)',
      path: '..././loop-libgcc1_1.0_all.deb',
      expected: { package: 'loop-libgcc1', version: '1.0', arch: 'all', numbered: false },
    },
    {
      name: 'tilde and plus stay literal in the cache name (bookworm-a)',
      path: '.../03-libssl3_3.0.20-1~deb12u2_amd64.deb',
      expected: { package: 'libssl3', version: '3.0.20-1~deb12u2', arch: 'amd64', numbered: true },
    },
    { name: 'not the cache shape', path: '/tmp/build/my-app.deb', expected: undefined },
    { name: 'too many underscores', path: '/x/a_b_c_d.deb', expected: undefined },
    { name: 'not a .deb', path: '/var/cache/apt/archives/partial/libbsd0_0.11.7-2_amd64.deb.part', expected: undefined },
    { name: 'an empty version', path: '/x/a__amd64.deb', expected: undefined },
  ]
  for (const c of cases) {
    test(c.name, () => {
      expect(decodeDebPath(c.path)).toEqual(c.expected)
    })
  }

  test('an NN- prefix that is not zero and has no hint is part of the name (389-ds-base)', () => {
    expect(decodeDebPath('.../389-ds-base_2.3.1+dfsg1-1_amd64.deb')).toMatchObject({ package: '389-ds-base', numbered: false })
    expect(decodeDebPath('.../389-ds-base_2.3.1+dfsg1-1_amd64.deb', { numbered: true })).toMatchObject({ package: 'ds-base', numbered: true })
    expect(decodeDebPath('.../13-openssh-client_1%3a10.0p1-7+deb13u4_amd64.deb', { expectedPackage: 'openssh-client' })).toMatchObject({
      package: 'openssh-client',
      numbered: true,
    })
    expect(decodeDebPath('.../389-ds-base_2.3.1_amd64.deb', { numbered: true, expectedPackage: '389-ds-base' })).toMatchObject({ package: '389-ds-base' })
  })

  test('%xx unquoting: ASCII, UTF-8 bytes, and malformed escapes left alone', () => {
    expect(unquoteFileName('1%3a2.0-1')).toBe('1:2.0-1')
    expect(unquoteFileName('caf%c3%a9')).toBe('café')
    expect(unquoteFileName('100%')).toBe('100%')
    expect(unquoteFileName('%zz%3A')).toBe('%zz:')
    expect(unquoteFileName('%ff%fe')).toBe('%ff%fe')
  })
})
