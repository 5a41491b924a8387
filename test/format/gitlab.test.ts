/** GitLab Code Quality output (src/format/gitlab.ts) on real captures. */
import { describe, expect, test } from 'vitest'
import { formatGitlabCodeQuality, parse, summarize } from '../../src/index.ts'
import { fixtureBytes, fixtureText } from '../support/fixtures.ts'

const FAILED = 'docker/D17-cli20-buildkit-plain-predepends-problem.log'

describe('formatGitlabCodeQuality', () => {
  const run = summarize(parse(fixtureBytes(FAILED)))
  const issues = formatGitlabCodeQuality(run, 'build.log')

  test('one issue per problem, the root cause critical, other errors major, warnings minor', () => {
    expect(issues).toHaveLength(run.problems.length)
    const root = issues.find((i) => i.severity === 'critical')
    expect(root).toMatchObject({ check_name: 'dpkg.pre-dependency', location: { path: 'build.log', lines: { begin: run.rootCause?.line } } })
    expect(issues.filter((i) => i.severity === 'critical')).toHaveLength(1)
    for (const [i, p] of run.problems.entries()) {
      if (p === run.rootCause) continue
      expect(issues[i]?.severity).toBe(p.severity === 'error' ? 'major' : 'minor')
    }
  })

  test('fingerprints are unique in a run, 32 hex digits, and survive shifted lines', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    // the same build log behind three more lines: every problem moves, no fingerprint changes
    const shifted = summarize(parse(`a\nb\nc\n${fixtureText(FAILED)}`))
    expect(formatGitlabCodeQuality(shifted, 'build.log').map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint))
  })

  test('identical problems twice in one log get two fingerprints (GitLab shows one issue per fingerprint)', () => {
    const twice = summarize(parse(`${fixtureText('apt/bookworm-f1-unable-to-locate-package.log')}${fixtureText('apt/bookworm-f1-unable-to-locate-package.log')}`))
    const found = formatGitlabCodeQuality(twice, 'x.log').filter((i) => i.check_name === 'apt.package-not-found')
    expect(found).toHaveLength(2)
    expect(found[0]?.fingerprint).not.toBe(found[1]?.fingerprint)
  })

  test('a successful run has no issue', () => {
    expect(formatGitlabCodeQuality(summarize(parse(fixtureBytes('docker/D30-ci-job-local-legacy-cli20.log'))), 'x.log')).toEqual([])
  })
})
