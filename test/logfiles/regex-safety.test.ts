import { describe, expect, test } from 'vitest'
import * as dpkgLog from '../../src/logfiles/dpkg-log.ts'
import * as history from '../../src/logfiles/history.ts'
import { LOGFILE_RULES } from '../../src/logfiles/rules.ts'
import * as termLog from '../../src/logfiles/term-log.ts'

// Linear time of every rule is checked for all tables at once in test/hardening/regex-safety.test.ts.
describe('the log-file rule table', () => {
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
})
