/**
 * Repositories of a run (src/run/repositories.ts): per URI and suite, the acquire lines, what it
 * served and how it failed. Counts read off the captures by eye.
 */
import { describe, expect, test } from 'vitest'
import { parse, summarize, type Repository } from '../../src/index.ts'
import { createRepositoryCollector, MAX_REPOSITORIES } from '../../src/run/repositories.ts'
import { createInterner } from '../../src/run/keep.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const repositoriesOf = (capture: string): readonly Repository[] => summarize(parse(fixtureBytes(capture))).repositories

describe('repositories of real runs', () => {
  const cases: readonly (readonly [string, string, readonly Partial<Repository>[]])[] = [
    [
      'update unreachable: failed on its indexes (bookworm-i1)',
      'apt/bookworm-i1-connection-refused-update-then-install.log',
      [{ uri: 'http://127.0.0.1:9/debian', suite: 'bookworm', status: 'failed', get: 0, ign: 3, err: 1, packages: 0, failedPackages: 0, cause: 'connection-refused', errorLine: 4 }],
    ],
    [
      'DNS failure on update and on every package (bookworm-i6)',
      'apt/bookworm-i6-dns-resolution-failure-update.log',
      [{ status: 'failed', err: 12, failedPackages: 11, cause: 'dns', error: "Temporary failure resolving 'mirror.example.com'" }],
    ],
    [
      'a package whose hash did not match, among what was served (bookworm-i8)',
      'apt/bookworm-i8-hash-sum-mismatch.log',
      [{ uri: 'http://127.0.0.1:8765', suite: './', status: 'partial', get: 1, err: 1, packages: 1, failedPackages: 1, cause: 'hash-mismatch' }],
    ],
    [
      'a suite that does not exist next to one that does (bookworm-i2)',
      'apt/bookworm-i2-suite-does-not-have-release-file.log',
      [
        { suite: 'bookworm', status: 'ok', get: 1, bytes: 151_000 },
        { suite: 'bookworm-doesnotexist', status: 'failed', err: 1, cause: 'http-404', errorLine: 3 },
      ],
    ],
    [
      'security upgrade: the packages came from the security suite (bookworm-d1)',
      'apt/bookworm-d1-update-security-then-upgrade.log',
      [
        { uri: 'http://mirror.example.com/debian', suite: 'bookworm', status: 'ok', packages: 0 },
        { suite: 'bookworm-updates', status: 'ok', packages: 0 },
        { uri: 'http://mirror.example.com/debian-security', suite: 'bookworm-security', status: 'ok', packages: 6 },
      ],
    ],
    [
      'apt 3.0 and a flat file: repository without translations: Err lines apt survives (trixie-g0)',
      'apt/trixie-g0-update-with-local-file-repo.log',
      [
        { uri: 'file:/repo', suite: './', status: 'partial', get: 1, err: 6, errorLine: 4 },
        { suite: 'trixie', status: 'ok' },
      ],
    ],
  ]
  for (const [name, capture, want] of cases) {
    test(name, () => {
      const got = repositoriesOf(capture)
      expect(got).toHaveLength(want.length)
      want.forEach((w, i) => expect(got[i]).toMatchObject(w))
    })
  }

  test('a build without apt has none', () => {
    expect(summarize(parse('Step 1/1 : FROM scratch\n')).repositories).toEqual([])
  })
})

describe('the collector', () => {
  const acquire = (uri: string, line: number) => ({ type: 'apt.acquire' as const, line, rule: 'apt.acquire.get', result: 'get' as const, id: line, uri, suite: 'x', target: 'index' as const })

  test(`at most ${MAX_REPOSITORIES} repositories; more are not counted`, () => {
    const c = createRepositoryCollector(createInterner())
    for (let i = 0; i < MAX_REPOSITORIES + 10; i++) c.add(acquire(`http://m${i}.example/debian`, i + 1))
    c.add(acquire('http://m0.example/debian', 9999))
    const repos = c.repositories()
    expect(repos).toHaveLength(MAX_REPOSITORIES)
    expect(repos[0]).toMatchObject({ get: 2, line: 1 })
  })

  test('URIs like __proto__ are data', () => {
    const c = createRepositoryCollector(createInterner())
    c.add(acquire('__proto__', 1))
    c.add(acquire('constructor', 2))
    expect(c.repositories().map((r) => r.uri)).toEqual(['__proto__', 'constructor'])
  })
})
