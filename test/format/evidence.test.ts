import { describe, expect, test } from 'vitest'
import { cleanLine } from '../../src/format/evidence.ts'
import { createEvidenceCollector, createParser } from '../../src/index.ts'
import { fixtureText } from '../support/fixtures.ts'

function collect(text: string, options?: Parameters<typeof createEvidenceCollector>[0]): Map<number, string> {
  const evidence = createEvidenceCollector(options)
  const parser = createParser({ onLine: evidence.line, onEvent: evidence.event })
  parser.feed(text)
  parser.end()
  return new Map(evidence.lines)
}

describe('evidence lines', () => {
  const log = fixtureText('docker/D17-cli20-buildkit-plain-predepends-problem.log')

  test('the lines of each problem and 5 before, cleaned of CR redraws', () => {
    const lines = collect(log)
    expect(lines.get(89)).toBe('#6 3.103  pre-dependency problem - not installing loop2-libgcc1:amd64')
    expect(lines.has(84)).toBe(true) // `dpkg: regarding …` five lines before the error block
    expect([...lines.values()].some((l) => l.includes('\r'))).toBe(false)
  })

  test('`after` keeps the lines that follow a problem, as they arrive', () => {
    const without = collect(log, { context: 0 })
    const withAfter = collect(log, { context: 0, after: 2 })
    expect(without.has(91)).toBe(false)
    expect(withAfter.get(91)).toMatch(/Reading database/)
  })

  test('keep(from, to) keeps a plain range, past and future', () => {
    const evidence = createEvidenceCollector({ context: 0 })
    const parser = createParser({
      onLine: (text, no) => {
        evidence.line(text, no)
        if (no === 50) evidence.keep(48, 52)
      },
    })
    parser.feed(log)
    parser.end()
    expect([...evidence.lines.keys()]).toEqual([48, 49, 50, 51, 52])
  })

  test('cleanLine removes ANSI and keeps the last CR frame', () => {
    expect(cleanLine('\x1b[91mE: x\r')).toBe('E: x')
    expect(cleanLine('(Reading database ... 5%\r(Reading database ... 100 files and directories currently installed.)')).toBe('(Reading database ... 100 files and directories currently installed.)')
  })
})
