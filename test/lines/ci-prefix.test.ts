import { describe, expect, test } from 'vitest'
import { createCiLineSlot, readCiPrefix, readCiPrefixAt } from '../../src/lines/ci-prefix.ts'

describe('CI prefixes', () => {
  const stamps: { name: string; raw: string; ts: string; style: string; text: string }[] = [
    { name: 'the seed runner log: plain date and time', raw: '2017-12-12 10:04:07 Fetched 11.1 MB in 1s (6028 kB/s)', ts: '2017-12-12 10:04:07', style: 'plain', text: 'Fetched 11.1 MB in 1s (6028 kB/s)' },
    { name: 'the seed runner log: list indentation already lost', raw: '2017-12-12 10:04:05 ---> Running in c3fb701ef925', ts: '2017-12-12 10:04:05', style: 'plain', text: '---> Running in c3fb701ef925' },
    { name: 'GitHub Actions: 7 fractional digits and Z', raw: '2024-01-01T12:34:56.1234567Z Get:1 http://x bookworm InRelease', ts: '2024-01-01T12:34:56.1234567Z', style: 'iso', text: 'Get:1 http://x bookworm InRelease' },
    { name: 'GitLab FF_TIMESTAMPS: stream number, O, space', raw: '2024-06-01T12:34:56.123456Z 00O $ apt-get update', ts: '2024-06-01T12:34:56.123456Z', style: 'gitlab', text: '$ apt-get update' },
    { name: 'GitLab continuation marker +', raw: '2024-06-01T12:34:56.123456Z 01E+continued', ts: '2024-06-01T12:34:56.123456Z', style: 'gitlab', text: 'continued' },
    { name: 'Jenkins timestamper', raw: '[2024-01-01T12:34:56.789Z] Reading package lists...', ts: '2024-01-01T12:34:56.789Z', style: 'jenkins', text: 'Reading package lists...' },
    { name: 'a timestamp with nothing after it', raw: '2024-01-01T12:34:56.1234567Z', ts: '2024-01-01T12:34:56.1234567Z', style: 'iso', text: '' },
    { name: 'dpkg.log shape (same as the plain prefix)', raw: '2026-11-27 23:26:53 configure demo-a:all 2.0-1 <none>', ts: '2026-11-27 23:26:53', style: 'plain', text: 'configure demo-a:all 2.0-1 <none>' },
  ]
  for (const c of stamps) {
    test(c.name, () => {
      const ci = readCiPrefix(c.raw)
      expect(ci?.ts).toBe(c.ts)
      expect(ci?.style).toBe(c.style)
      expect(ci?.text).toBe(c.text)
    })
  }

  const nearMisses: { name: string; raw: string }[] = [
    { name: 'apt summary counts start with a digit', raw: '0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.' },
    { name: 'BuildKit vertex line', raw: '#5 0.354 Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]' },
    { name: 'BuildKit header with bracket', raw: '#4 [1/4] FROM docker.io/local/debian:bookworm' },
    { name: 'history.log Start-Date (two spaces, not a prefix)', raw: 'Start-Date: 2026-11-27  23:26:53' },
    { name: 'a date without time', raw: '2024-01-01 release notes' },
    { name: 'a date glued to text', raw: '2024-01-01T12:34:56Zfoo' },
    { name: 'a bracketed vertex name', raw: '[internal] load build context' },
    { name: 'a line starting with s that is not a GitLab section', raw: 'sensible-utils all 0.0.9' },
    { name: 'a colon line that is not a workflow command', raw: ':: not a command' },
    { name: 'a GitHub-like tag that is unknown', raw: '##[bogus]x' },
  ]
  for (const c of nearMisses) {
    test(`near miss: ${c.name}`, () => {
      expect(readCiPrefix(c.raw)).toBeUndefined()
    })
  }
})

describe('CI markers', () => {
  test('GitHub group with timestamp', () => {
    expect(readCiPrefix('2024-01-01T00:00:00.0000000Z ##[group]Run apt-get update')).toEqual({
      text: '',
      ts: '2024-01-01T00:00:00.0000000Z',
      style: 'iso',
      markers: [{ kind: 'group-start', name: 'Run apt-get update', title: 'Run apt-get update' }],
    })
  })
  test('GitHub endgroup', () => {
    expect(readCiPrefix('##[endgroup]')?.markers).toEqual([{ kind: 'group-end', name: '' }])
  })
  test('GitHub error annotation', () => {
    expect(readCiPrefix('##[error]Process completed with exit code 100.')?.markers).toEqual([{ kind: 'annotation', level: 'error', message: 'Process completed with exit code 100.' }])
  })
  test('workflow command with parameters', () => {
    expect(readCiPrefix('::error file=Dockerfile,line=3::apt failed')?.markers).toEqual([{ kind: 'annotation', level: 'error', message: 'apt failed' }])
  })
  test('workflow group command', () => {
    expect(readCiPrefix('::group::Build image')?.markers).toEqual([{ kind: 'group-start', name: 'Build image', title: 'Build image' }])
  })
  test('GitLab section start with options and a coloured header', () => {
    expect(readCiPrefix('\x1b[0Ksection_start:1700000000:step_script[collapsed=true]\r\x1b[0K\x1b[36;1mExecuting "step_script" stage\x1b[0;m')).toEqual({
      text: '',
      ts: undefined,
      style: undefined,
      markers: [{ kind: 'group-start', name: 'step_script', title: 'Executing "step_script" stage', epoch: 1700000000 }],
    })
  })
  test('GitLab section end followed by a section start on the same line', () => {
    expect(readCiPrefix('section_end:1700000001:prepare_executor\r\x1b[0Ksection_start:1700000001:get_sources\r\x1b[0KGetting source')?.markers).toEqual([
      { kind: 'group-end', name: 'prepare_executor', epoch: 1700000001 },
      { kind: 'group-start', name: 'get_sources', title: 'Getting source', epoch: 1700000001 },
    ])
  })
  test('GitLab section end leaves the rest of the line as text', () => {
    expect(readCiPrefix('section_end:1700000001:step_script\r\x1b[0K')).toMatchObject({ text: '', markers: [{ kind: 'group-end', name: 'step_script' }] })
  })
})

describe('CI prefix of a line inside a block (the splitter\'s ranges)', () => {
  /** The line `line` read as a range of a block with other lines and CRLF around it. */
  function atRange(line: string): ReturnType<typeof readCiPrefix> {
    const before = '2024-01-01T12:34:56.1234567Z line before\r\n'
    const source = before + line + '\r\n2024-01-01T12:34:57.1234567Z line after'
    const slot = createCiLineSlot()
    return readCiPrefixAt(source, before.length, before.length + line.length, slot) ? { ...slot } : undefined
  }

  const lines = [
    '2024-01-01T12:34:56.1234567Z Get:1 http://x bookworm InRelease',
    '2024-01-01T12:34:56.1234567Z',
    '2024-06-01T12:34:56.123456Z 00O $ apt-get update',
    '2024-06-01T12:34:56.123456Z 01E+continued',
    '[2024-01-01T12:34:56.789Z] Reading package lists...',
    '[2024-01-01T12:34:56.789Z]',
    '2017-12-12 10:04:07 Fetched 11.1 MB in 1s (6028 kB/s)',
    '2024-01-01T00:00:00.0000000Z ##[group]Run apt-get update',
    '##[endgroup]',
    'section_end:1700000001:step_script\r\x1b[0K',
    '0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.',
    '2024-01-01T12:34:56Zfoo',
    '2024-01-01 release notes',
    '#5 0.354 Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
    '',
    '2',
  ]
  for (const line of lines) {
    test(`same as the line alone: ${JSON.stringify(line)}`, () => {
      expect(atRange(line)).toEqual(readCiPrefix(line))
    })
  }
})
