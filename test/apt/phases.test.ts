import { describe, expect, test } from 'vitest'
import { acquireProgressRule, dpkgProgressBarRule, PHASE_RULES, preconfigureRule } from '../../src/apt/phases.ts'
import { runApt } from './support.ts'

function phase(text: string): unknown {
  for (const rule of PHASE_RULES) {
    const m = rule.match(text)
    if (m !== undefined) return m
  }
  return undefined
}

describe('operation progress lines (FORMATS.md §3.1)', () => {
  test.each([
    ['Reading package lists...', { phase: 'reading-package-lists' }, 'non-tty, every capture'],
    ['Building dependency tree...', { phase: 'building-dependency-tree' }, 'bookworm-a'],
    ['Reading state information...', { phase: 'reading-state-information' }, 'bookworm-e1'],
    ['Calculating upgrade...', { phase: 'calculating-upgrade' }, 'bookworm-d1'],
    ['Solving dependencies...', { phase: 'solving-dependencies' }, 'sid-a (apt 3.3.5 prints it on every install)'],
    ['Correcting dependencies... Done', { phase: 'correcting-dependencies', status: 'done' }, 'bookworm-b6b (-f install)'],
    ['Reading package lists... Done', { phase: 'reading-package-lists', status: 'done' }, 'tty capture, last CR frame (§1.2)'],
    ['Solving dependencies... Error!', { phase: 'solving-dependencies', status: 'error' }, 'apt 3.0 tty (§3.1)'],
    ['Calculating upgrade... Failed', { phase: 'calculating-upgrade', status: 'failed' }, 'apt ≤ 1.0'],
    ['Correcting dependencies... failed.', { phase: 'correcting-dependencies', status: 'failed' }, 'apt-get -f install failing'],
    ['Reading package lists... 45%', { phase: 'reading-package-lists' }, 'a tty frame left as last frame'],
    ['Building dependency tree', { phase: 'building-dependency-tree' }, 'apt ≤ 1.x tty padding, trailing spaces trimmed'],
    ['Correcting dependencies...Done', { phase: 'correcting-dependencies', status: 'done' }, "en_GB's ` Done` has no leading space"],
  ])('%s (%s)', (line, want, _source) => {
    expect(phase(line)).toEqual({ kind: 'phase', ...want })
  })

  test.each([
    ['Reading package lists', 'no dots'],
    ['Reading package lists... Fertig', 'German status word'],
    ['Paketlisten werden gelesen...', 'German (FORMATS.md §1.4)'],
    ['Reading package lists...x', 'an unknown status'],
    ['Reading state information... 0% done', 'trailing text'],
  ])('%j is not a phase line (%s)', (line) => {
    expect(phase(line)).toBeUndefined()
  })

  test('a phase line with tty padding is recognised through the grammar (trailing blanks trimmed)', () => {
    const { events } = runApt(['Building dependency tree       '])
    expect(events).toEqual([{ type: 'apt.phase', line: 1, rule: 'apt.phase.building-dependency-tree', phase: 'building-dependency-tree' }])
  })
})

describe('tty progress noise is IGNORED (§2.4, §3.8)', () => {
  test.each([
    ['0% [Working]', acquireProgressRule],
    ['40% [1 demo-b 630 B/630 B 100%]', acquireProgressRule],
    ['50% [Waiting for headers] 9,999 kB/s 2s', acquireProgressRule],
    ['Progress: [ 45%]', dpkgProgressBarRule],
    ['Preconfiguring packages ...', preconfigureRule],
    ['Extracting templates from packages: 100%', preconfigureRule],
  ])('%s', (line, rule) => {
    expect(rule.match(line)).toEqual({ kind: 'noise' })
    expect(runApt([line]).verdicts).toEqual([2])
  })

  test.each([['100% done'], ['0%'], ['Progress: done']])('%j is not progress noise', (line) => {
    expect(acquireProgressRule.match(line) ?? dpkgProgressBarRule.match(line)).toBeUndefined()
  })
})
