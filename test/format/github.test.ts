import { describe, expect, test } from 'vitest'
import { formatGithub, parse, summarize, type Problem, type RunSummary } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const run = summarize(parse(fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')))

describe('GitHub workflow commands', () => {
  test('the root cause comes first, as an error with its remedy, titled "root cause"', () => {
    const first = formatGithub(run, 'build.log').split('\n')[0] as string
    expect(first).toMatch(/^::error file=build\.log,line=\d+,(endLine=\d+,)?title=root cause%3A dpkg\.pre-dependency/)
    expect(first).toContain('%0A') // message, newline, remedy
  })

  test("GitHub's caps: at most 10 annotations per step and 50 in all; the root cause is never the one dropped", () => {
    // The D17 run's problems copied over 7 steps, 12 warnings each: 84 candidates.
    const warning = run.problems.find((p) => p.severity === 'error') as Problem
    const many: Problem[] = []
    for (let step = 1; step <= 7; step++) for (let i = 0; i < 12; i++) many.push({ ...warning, severity: 'warning', step: `#${step}`, line: step * 100 + i })
    const big: RunSummary = { ...run, problems: [...run.problems, ...many] }
    const lines = formatGithub(big).trim().split('\n')
    expect(lines).toHaveLength(50)
    expect(lines[0]).toContain('title=root cause%3A')
    const perStep = new Map<string, number>()
    for (const l of lines) {
      const step = /\(step (#\d+)\)/.exec(l)?.[1] ?? ''
      perStep.set(step, (perStep.get(step) ?? 0) + 1)
    }
    expect(Math.max(...perStep.values())).toBeLessThanOrEqual(10)
  })

  test('properties and messages are escaped (%, and : , in properties); CR and LF from the log stay visible, not line breaks', () => {
    const odd: RunSummary = { ...run, rootCause: null, problems: [{ kind: 'apt.other-error', severity: 'error', line: 3, message: '100% done\r\nnext' }] }
    expect(formatGithub(odd, 'a:b,c.log')).toBe('::error file=a%3Ab%2Cc.log,line=3,title=apt.other-error::100%25 done\\r\\nnext\n')
  })
})
