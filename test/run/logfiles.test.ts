import { describe, expect, test } from 'vitest'
import { diffRuns, parse, summarize } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const run = (name: string): ReturnType<typeof summarize> => summarize(parse(fixtureBytes(`aptlogs/${name}`)))

describe("apt's log files in the run model", () => {
  test('history.log: each stanza is a transaction (m3: install 11, reinstall 1, remove 1, autoremove 10)', () => {
    const s = run('bookworm-m3-after-install-remove-autoremove-history.log')
    expect(s.transactions.map((t) => [t.kind, t.planned.new.length, t.setUp.length, t.removed.length])).toEqual([
      ['install', 11, 11, 0],
      ['install', 0, 1, 0],
      ['remove', 0, 0, 1],
      ['remove', 0, 0, 10],
    ])
    expect(s.transactions[0]?.planned.additional.length).toBe(10) // the automatic ones
    expect(s.outcome).toBe('success')
  })

  test('history.log with an Error: stanza: failure, plan only (m1)', () => {
    const s = run('bookworm-m1-after-predepends-loop-history.log')
    expect(s.outcome).toBe('failure')
    expect(s.rootCause?.kind).toBe('dpkg.subprocess-failed')
    expect(s.transactions[0]).toMatchObject({ kind: 'install', setUp: [], unpacked: [] })
    expect(s.transactions[0]?.planned.new).toEqual(expect.arrayContaining(['loop2-app', 'loop2-libgcc1']))
  })

  test('dpkg.log: packages left unpacked make a finding and a failed outcome (m1)', () => {
    const s = run('bookworm-m1-after-predepends-loop-dpkg.log')
    const f = s.findings.find((x) => x.kind === 'run.dpkg-unfinished')
    expect(f?.packages).toEqual(expect.arrayContaining(['loop2-libc6', 'loop2-multiarch-support', 'loop2-app']))
    expect(s.outcome).toBe('failure')
  })

  test('dpkg.log after recovery (m3) leaves nothing unfinished', () => {
    expect(run('bookworm-m3-after-install-remove-autoremove-dpkg.log').findings.some((x) => x.kind === 'run.dpkg-unfinished')).toBe(false)
  })

  test('term.log: one transaction per Log started … Log ended run', () => {
    const s = run('bookworm-m3-after-install-remove-autoremove-term.log')
    expect(s.transactions.length).toBe(4)
    expect(s.transactions.every((t) => t.kind !== 'dpkg')).toBe(true)
  })

  test('two images’ history.log files diff like two build logs', () => {
    const d = diffRuns(run('bookworm-m3-after-install-remove-autoremove-history.log'), run('bookworm-m1-after-predepends-loop-history.log'))
    expect(d.packages.added).toEqual(['loop2-app', 'loop2-libc6', 'loop2-libgcc1', 'loop2-multiarch-support'])
    expect(d.outcome).toEqual({ a: 'success', b: 'failure' })
  })

  test('an install history against an upgrade history (m3 vs m4): what B only upgraded is named as upgraded, not as more packages', () => {
    const d = diffRuns(run('bookworm-m3-after-install-remove-autoremove-history.log'), run('bookworm-m4-after-release-upgrade-to-trixie-upgrade-step-history.log'))
    const planned = d.findings.find((f) => f.kind === 'diff.packages-planned')
    expect(planned?.message).toMatch(/^run B plans 11 fewer packages than run A \(0 vs 11 newly installed\); upgraded only in B: base-files, base-passwd, bash, /)
    expect(planned?.message).not.toContain('; only in B:')
  })
})
