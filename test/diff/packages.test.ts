import { describe, expect, test } from 'vitest'
import { diffPackages, installedPackages } from '../../src/diff/packages.ts'
import type { Transaction } from '../../src/run/types.ts'

function tx(partial: Partial<Transaction>): Transaction {
  return {
    step: null,
    kind: 'install',
    planned: { new: [], additional: [], upgrade: [], remove: [], downgrade: [], keptBack: [], suggested: [], recommended: [] },
    counts: null,
    sources: [],
    downloaded: [],
    unpacked: [],
    setUp: [],
    removed: [],
    line: 1,
    endLine: 1,
    ...partial,
  }
}

describe('package sets', () => {
  test('plan names, downloads and dpkg setups merge by bare name, versions from dpkg and Get lines', () => {
    const set = installedPackages([
      tx({
        planned: { new: ['libbsd0', 'openssh-client'], additional: ['libbsd0'], upgrade: [], remove: [], downgrade: [], keptBack: [], suggested: ['keychain'], recommended: [] },
        downloaded: [{ name: 'openssh-client', version: '1:9.2p1-2+deb12u10', arch: 'amd64' }],
        setUp: [{ name: 'libbsd0', version: '0.11.7-2', arch: 'amd64' }],
      }),
    ])
    expect([...set]).toEqual([
      ['libbsd0', '0.11.7-2'],
      ['openssh-client', '1:9.2p1-2+deb12u10'],
    ])
  })
  test('suggested and recommended packages are not installed', () => {
    const set = installedPackages([tx({ planned: { new: [], additional: [], upgrade: [], remove: [], downgrade: [], keptBack: [], suggested: ['xauth'], recommended: ['krb5-locales'] } })])
    expect(set.size).toBe(0)
  })
  test('names like __proto__ are ordinary keys', () => {
    const set = installedPackages([tx({ downloaded: [{ name: '__proto__', version: '1' }, { name: 'constructor', version: '2' }] })])
    expect(diffPackages(new Map(), set)).toEqual({ added: ['__proto__', 'constructor'], removed: [], changed: [] })
  })
})

describe('diffPackages', () => {
  test('added, removed, and version changes only where both versions are known', () => {
    const a = new Map<string, string | undefined>([['dpkg', undefined], ['libc6', '2.36-9'], ['tzdata', '2026a-0+deb12u1']])
    const b = new Map<string, string | undefined>([['libc6', '2.36-9+deb12u14'], ['tzdata', undefined], ['adduser', '3.134']])
    expect(diffPackages(a, b)).toEqual({ added: ['adduser'], removed: ['dpkg'], changed: [{ name: 'libc6', from: '2.36-9', to: '2.36-9+deb12u14' }] })
  })
  test('10⁵ packages each stays a linear pass', () => {
    const a = new Map<string, string | undefined>()
    const b = new Map<string, string | undefined>()
    for (let i = 0; i < 100_000; i++) {
      a.set(`pkg${i}`, '1.0')
      b.set(`pkg${i + 1}`, i % 2 === 0 ? '1.0' : '2.0')
    }
    const d = diffPackages(a, b)
    expect(d.added).toEqual(['pkg100000'])
    expect(d.removed).toEqual(['pkg0'])
    expect(d.changed.length).toBe(49_999)
  })
})
