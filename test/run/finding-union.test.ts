/**
 * `Finding` is a union discriminated on `kind`: the fields a kind carries are there once `kind`
 * is checked, and reading them without the check does not compile (`npm run typecheck` checks the
 * `@ts-expect-error` lines below: each must stay an error).
 */
import { describe, expect, test } from 'vitest'
import { diffRuns, parse, summarize, type Finding } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

/** The packages a finding names, read the way a consumer must: by kind. */
function packagesOf(f: Finding): readonly string[] {
  // @ts-expect-error a finding of unknown kind may carry no packages
  void f.packages
  switch (f.kind) {
    case 'run.essential-packages-planned':
    case 'run.dpkg-unfinished':
    case 'diff.packages-planned':
    case 'diff.essential-packages-planned':
      return f.packages
    default:
      return []
  }
}

describe('findings by kind', () => {
  const a = summarize(parse(fixtureBytes('docker/D30-ci-job-local-legacy-cli20.log')))
  const b = summarize(parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log')))

  test('the incident run carries its base-system packages and the plan lines that name them', () => {
    const essential = b.findings.find((f) => f.kind === 'run.essential-packages-planned')
    expect(essential?.kind).toBe('run.essential-packages-planned')
    if (essential?.kind !== 'run.essential-packages-planned') return
    expect(essential.packages.length).toBeGreaterThan(5)
    expect(essential.lines.length).toBeGreaterThan(0)
    expect(packagesOf(essential)).toBe(essential.packages)
  })

  test("the diff restates run B's finding with its packages and lines, and says whose lines they are", () => {
    const diff = diffRuns(a, b)
    const restated = diff.findings.find((f) => f.kind === 'diff.essential-packages-planned')
    const own = b.findings.find((f) => f.kind === 'run.essential-packages-planned')
    if (restated?.kind !== 'diff.essential-packages-planned' || own?.kind !== 'run.essential-packages-planned') throw new Error('both findings expected')
    expect(restated.run).toBe('b')
    expect(restated.packages).toEqual(own.packages)
    expect(restated.lines).toEqual(own.lines)
    expect(Object.keys(restated)).toEqual(['kind', 'message', 'packages', 'lines', 'run'])
  })

  test('a message-only kind has nothing else', () => {
    const generation = b.findings.find((f) => f.kind === 'run.apt-generation')
    if (generation?.kind !== 'run.apt-generation') throw new Error('an apt generation expected')
    expect(['1.0', '1.1-2.x', '3.x']).toContain(generation.generation)
    // D30 succeeds; D17 fails on a pre-dependency problem
    const failing = summarize(parse(fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')))
    const outcome = diffRuns(a, failing).findings.find((f) => f.kind === 'diff.outcome-changed')
    expect(outcome).toBeDefined()
    expect(Object.keys(outcome ?? {})).toEqual(['kind', 'message'])
    // @ts-expect-error a message-only finding has no generation
    void outcome?.generation
  })
})
