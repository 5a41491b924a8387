import { beforeAll, describe, expect, test } from 'vitest'
import * as dpkgLog from '../../src/logfiles/dpkg-log.ts'
import * as history from '../../src/logfiles/history.ts'
import { LOGFILE_RULES } from '../../src/logfiles/rules.ts'
import * as termLog from '../../src/logfiles/term-log.ts'

const MIB = 1_048_576

/** Starts of real log-file lines: an adversarial input follows one with a long run of one pattern. */
const SEEDS: readonly string[] = [
  '',
  'Start-Date: ',
  'Start-Date: 2026-11-27  ',
  'End-Date: ',
  'Commandline: ',
  'Install: ',
  'Install: a:amd64 (',
  'Install: a:amd64 (1.0), ',
  'Upgrade: a:amd64 (1.0, ',
  'Remove: ',
  'Disappeared: ',
  'Disappeared: a (',
  'Error: ',
  'Log started: ',
  'Log ended: 2026-11-27  ',
  'startup ',
  'startup archives ',
  'status ',
  'status installed ',
  'status installed a:amd64 ',
  'install ',
  'configure a:all ',
  'configure a:all 1.0 ',
  'conffile /',
  'conffile /etc/x ',
]

/** Patterns repeated to fill the line: the separators the rules look for, and what breaks them. */
const FILLS: readonly string[] = [' ', '  ', 'a', 'a ', '0', '1,', ':', ', ', '), ', 'a:amd64 (1), ', 'a (', ' (', ')', '(1, ', '<none> ', '-', '/', '\t', 'é']

function adversarial(seed: string, fill: string, length: number): string {
  return seed + fill.repeat(Math.ceil((length - seed.length) / fill.length))
}

describe('regex safety: every log-file rule runs in linear time on 1 MiB adversarial lines', () => {
  test('the rule table is exported and complete', () => {
    const ids = LOGFILE_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining(['apt.history', 'apt.history.end', 'apt.history.install', 'apt.history.disappeared', 'apt.history.error', 'apt.term-log.start', 'dpkg.log.action', 'dpkg.log.status', 'dpkg.log.startup', 'dpkg.log.conffile']),
    )
  })

  test('every rule object the log-file modules export is in LOGFILE_RULES', () => {
    const table = new Set<unknown>(LOGFILE_RULES)
    const missing: string[] = []
    for (const module of [dpkgLog, history, termLog]) {
      for (const [name, value] of Object.entries(module)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          const isRule = typeof item === 'object' && item !== null && 'id' in item && 'first' in item && 'match' in item
          if (isRule && !table.has(item)) missing.push(name)
        }
      }
    }
    expect(missing).toEqual([])
  })

  // Each input is built once and given to every rule; the slowest run per rule is kept.
  const slowest = new Map<string, number>()
  beforeAll(() => {
    for (const seed of SEEDS) {
      for (const fill of FILLS) {
        const input = adversarial(seed, fill, MIB)
        for (const rule of LOGFILE_RULES) {
          const started = performance.now()
          rule.match(input)
          slowest.set(rule.id, Math.max(slowest.get(rule.id) ?? 0, performance.now() - started))
        }
      }
    }
  }, 300_000)

  for (const rule of LOGFILE_RULES) {
    test(rule.id, () => {
      // A linear scan of 1 MiB takes milliseconds; a quadratic one would take minutes.
      expect(slowest.get(rule.id)).toBeLessThan(1000)
    })
  }
})
