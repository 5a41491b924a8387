import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { fixtureBytes, FIXTURES } from '../support/fixtures.ts'

// The built binary, as users run it (the global setup builds dist/ first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const fixture = (name: string): string => join(FIXTURES, name)
const GOOD = fixture('docker/D30-ci-job-local-legacy-cli20.log')
const BROKEN = fixture('docker/D31-ci-job-runner-legacy-cli28-broken-base.log')
const FAILED = fixture('docker/D17-cli20-buildkit-plain-predepends-problem.log')
const LOCAL = fixture('seed/incident-local-excerpt.log')
const RUNNER = fixture('seed/incident-runner-excerpt.log')
const TMP = mkdtempSync(join(tmpdir(), 'aptlog-cli-'))

function aptlog(args: string[], input?: string | Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('aptlog parse', () => {
  test('NDJSON by default: one event per line, log.end last', () => {
    const r = aptlog(['parse', FAILED])
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string })
    expect(lines.some((e) => e.type === 'problem')).toBe(true)
    expect(lines.at(-1)?.type).toBe('log.end')
  })
  test('--format json is one array', () => {
    const events = JSON.parse(aptlog(['parse', '--format', 'json', FAILED]).stdout) as { type: string }[]
    expect(events.at(-1)?.type).toBe('log.end')
  })
  test('--format text is one line per event', () => {
    const r = aptlog(['parse', '--format', 'text', FAILED])
    expect(r.stdout).toMatch(/dpkg\.pre-dependency/)
  })
  test('standard input with -', () => {
    const r = aptlog(['parse', '-'], fixtureBytes('seed/incident-runner-excerpt.log'))
    expect(r.stdout).toContain('"kind":"dpkg.pre-dependency"')
  })
  test('gzip input is recognised by its magic number, whatever the name', () => {
    const path = join(TMP, 'build.log.gz')
    writeFileSync(path, gzipSync(fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')))
    expect(aptlog(['parse', path]).stdout).toBe(aptlog(['parse', FAILED]).stdout)
  })
  test('--unrecognized lists the lines no rule knew, then a count', () => {
    const r = aptlog(['parse', '--unrecognized', RUNNER])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('     4          ...\n    17          ...\n2 of 19 lines not recognised (0 apt-like)\n')
  })
  test('--unrecognized belongs to parse only', () => {
    const r = aptlog(['summary', '--unrecognized', RUNNER])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/summary takes no --unrecognized/)
  })
  test('gzip on standard input', () => {
    const r = aptlog(['parse', '-'], gzipSync(fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')))
    expect(r.stdout).toBe(aptlog(['parse', FAILED]).stdout)
  })
})

describe('aptlog summary', () => {
  test('text, exit 1 for a failed run', () => {
    const r = aptlog(['summary', FAILED])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Outcome: failure')
    expect(r.stdout).toContain('dpkg.pre-dependency')
  })
  test('exit 0 for a successful run', () => {
    expect(aptlog(['summary', GOOD]).status).toBe(0)
  })
  test('json is the run model', () => {
    const s = JSON.parse(aptlog(['summary', '--format', 'json', FAILED]).stdout) as { outcome: string; rootCause: { kind: string } }
    expect(s.outcome).toBe('failure')
    expect(s.rootCause.kind).toBe('dpkg.pre-dependency')
  })
  test('markdown', () => {
    expect(aptlog(['summary', '--format', 'markdown', FAILED]).stdout).toMatch(/^## aptlog summary/)
  })
  test('github: workflow commands, the root cause first', () => {
    const lines = aptlog(['summary', '--format', 'github', FAILED]).stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^::error file=.*,line=\d+,endLine=\d+,title=root cause%3A dpkg.pre-dependency/)
    expect(lines.length).toBeLessThanOrEqual(50)
  })
})

describe('aptlog explain', () => {
  test('text: root cause, the lines that prove it, what to do; exit 1', () => {
    const r = aptlog(['explain', FAILED])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Root cause')
    expect(r.stdout).toMatch(/\d+ │ .*pre-dependency problem - not installing loop2-libgcc1:amd64/)
    expect(r.stdout).toContain('What to do')
  })
  test('sarif 2.1.0 with the root cause marked', () => {
    const sarif = JSON.parse(aptlog(['explain', '--format', 'sarif', FAILED]).stdout) as { version: string; runs: { results: { ruleId: string; properties: { rootCause: boolean } }[] }[] }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results.find((r) => r.properties.rootCause)?.ruleId).toBe('dpkg.pre-dependency')
  })
  test('json carries the evidence lines', () => {
    const e = JSON.parse(aptlog(['explain', '--format', 'json', RUNNER]).stdout) as { evidence: Record<string, string> }
    expect(Object.values(e.evidence).join('\n')).toContain('pre-dependency problem - not installing libgcc1:amd64')
  })
  test('markdown and github formats', () => {
    expect(aptlog(['explain', '--format', 'markdown', FAILED]).stdout).toContain('### What to do')
    expect(aptlog(['summary', '--format', 'junit', FAILED]).stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="aptlog" tests="6" failures="1"/)
    const gitlab = JSON.parse(aptlog(['explain', '--format', 'gitlab', FAILED]).stdout) as { check_name: string; severity: string }[]
    expect(gitlab.find((i) => i.severity === 'critical')?.check_name).toBe('dpkg.pre-dependency')
    expect(aptlog(['explain', '--format', 'github', FAILED]).stdout).toMatch(/^::error /)
  })
  test('a successful run: nothing to explain, exit 0', () => {
    const r = aptlog(['explain', GOOD])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('The run succeeded')
  })
  test('a log cut right after a dpkg error header says so: the cause may be more specific', () => {
    const cut = fixtureBytes('apt/bookworm-h1-failing-postinst.log')
    const text = new TextDecoder().decode(cut).split('\n').slice(0, 16).join('\n')
    const r = aptlog(['explain', '-'], `${text}\n`)
    expect(r.status).toBe(1)
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(dpkg.other-error), line 16. The log ends inside the block that proves it')
    // the whole log names the maintainer script and no cut
    expect(aptlog(['explain', fixture('apt/bookworm-h1-failing-postinst.log')]).stdout).not.toContain('The log ends inside')
  })
})

describe('aptlog diff', () => {
  test('A may be a stored `aptlog summary --format json` (a baseline): the same report as from the log', () => {
    const baseline = join(TMP, 'baseline.json')
    const stored = aptlog(['summary', '--format', 'json', GOOD]).stdout
    expect(stored.startsWith('{\n  "schema": "aptlog.run/1",\n')).toBe(true)
    writeFileSync(baseline, stored)
    const fromBaseline = aptlog(['diff', baseline, BROKEN])
    const fromLog = aptlog(['diff', GOOD, BROKEN])
    expect(fromBaseline.stderr).toBe('')
    expect(fromBaseline.stdout.replace(baseline, 'A')).toBe(fromLog.stdout.replace(GOOD, 'A'))
    expect(aptlog(['diff', '--format', 'json', baseline, BROKEN]).stdout).toBe(aptlog(['diff', '--format', 'json', GOOD, BROKEN]).stdout)
    // a baseline stored before the schema id (it starts with "outcome") still reads the same
    const { schema: _schema, ...older } = JSON.parse(stored) as Record<string, unknown>
    const old = join(TMP, 'baseline-old.json')
    writeFileSync(old, JSON.stringify(older))
    expect(aptlog(['diff', '--format', 'json', old, BROKEN]).stdout).toBe(aptlog(['diff', '--format', 'json', GOOD, BROKEN]).stdout)
    // one from a newer aptlog's schema is refused with the field named
    const newer = join(TMP, 'baseline-newer.json')
    writeFileSync(newer, stored.replace('"aptlog.run/1"', '"aptlog.run/2"'))
    const r = aptlog(['diff', newer, BROKEN])
    expect([r.status, r.stderr.trim()]).toEqual([2, `aptlog: ${newer}: not an aptlog summary: schema should be "aptlog.run/1"`])
  })
  test('a BuildKit rawjson log also starts with `{`: it is still read as a log', () => {
    const rawjson = fixture('docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log')
    const r = aptlog(['diff', '--format', 'json', rawjson, rawjson])
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as { steps: unknown[] }).steps.length).toBeGreaterThan(1)
  })
  test('a damaged baseline: one line naming the field, exit 2', () => {
    const damaged = join(TMP, 'damaged.json')
    writeFileSync(damaged, '{"outcome": "success", "rootCause": null, "problems": []}')
    const r = aptlog(['diff', damaged, BROKEN])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`aptlog: ${damaged}: not an aptlog summary: findings should be an array\n`)
    writeFileSync(damaged, '{"outcome": "succ')
    expect(aptlog(['diff', damaged, BROKEN]).stderr).toMatch(/^aptlog: .*damaged\.json: starts like an aptlog summary but is not valid JSON \(.*\)\n$/)
  })
  test('text: the story first, exit 1 when B failed', () => {
    const r = aptlog(['diff', LOCAL, RUNNER])
    expect(r.status).toBe(1)
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Run B plans 37 more packages than run A (40 vs 3 newly installed)')
  })
  test('exit 0 when B succeeded', () => {
    expect(aptlog(['diff', GOOD, BROKEN]).status).toBe(0)
  })
  test('json: the diff contract', () => {
    const d = JSON.parse(aptlog(['diff', '--format', 'json', LOCAL, RUNNER]).stdout) as Record<string, unknown>
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['steps', 'packages', 'findings', 'rootCause']))
  })
  test('markdown and github', () => {
    expect(aptlog(['diff', '--format', 'markdown', LOCAL, RUNNER]).stdout).toContain('### What changed')
    expect(aptlog(['diff', '--format', 'github', LOCAL, RUNNER]).stdout).toMatch(/^::notice title=aptlog diff::/)
  })
  test('one side from standard input', () => {
    const r = aptlog(['diff', LOCAL, '-'], fixtureBytes('seed/incident-runner-excerpt.log'))
    expect(r.stdout).toContain('40 vs 3 newly installed')
  })
})

describe('bad input and usage: one line, exit 2, never a stack trace', () => {
  const cases: { name: string; args: string[]; input?: Uint8Array | string; stderr: RegExp }[] = [
    { name: 'missing file', args: ['summary', '/nonexistent/build.log'], stderr: /^aptlog: \/nonexistent\/build\.log: no such file\n$/ },
    { name: 'a directory', args: ['parse', FIXTURES], stderr: /^aptlog: .*: is a directory, expected a log file\n$/ },
    { name: 'unknown command', args: ['frobnicate'], stderr: /^aptlog: unknown command 'frobnicate'/ },
    { name: 'unknown option', args: ['parse', '--bogus', GOOD], stderr: /^aptlog: Unknown option '--bogus'/ },
    { name: 'bad format', args: ['summary', '--format', 'xml', GOOD], stderr: /^aptlog: summary --format must be one of: text, json, markdown, github/ },
    { name: 'diff with one file', args: ['diff', GOOD], stderr: /^aptlog: diff takes 2 FILEs, got 1\n$/ },
    { name: 'both diff inputs from stdin', args: ['diff', '-', '-'], stderr: /^aptlog: diff can read only one/ },
    { name: 'a damaged gzip file', args: ['parse', '-'], input: Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]), stderr: /^aptlog: the input looks gzip-compressed but is damaged\n$/ },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const r = aptlog(c.args, c.input)
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(c.stderr)
      expect(r.stderr.split('\n').length).toBe(2)
    })
  }
  test('no arguments prints usage to stderr, exit 2', () => {
    const r = aptlog([])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('usage:')
  })
  test('--help and --version exit 0', () => {
    expect(aptlog(['--help']).status).toBe(0)
    expect(aptlog(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('input that is not a log still gets an answer', () => {
  test('an empty file: parse gives only log.end; summary says unknown, exit 0', () => {
    const path = join(TMP, 'empty.log')
    writeFileSync(path, '')
    expect(aptlog(['parse', path]).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['log.end'])
    const r = aptlog(['summary', path])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Outcome: unknown')
  })
  test('a 0-byte standard input', () => {
    expect(aptlog(['summary', '-'], '').status).toBe(0)
  })
  test('binary garbage: counted as unrecognised lines, no crash', () => {
    const bytes = new Uint8Array(64 * 1024)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24
    const path = join(TMP, 'garbage.bin')
    writeFileSync(path, bytes)
    const r = aptlog(['summary', '--format', 'json', path])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect((JSON.parse(r.stdout) as { outcome: string }).outcome).toBe('unknown')
  })
  test('a closed pipe on stdout (`aptlog parse big.log | head`) exits cleanly', () => {
    const path = join(TMP, 'big.log')
    const one = fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')
    writeFileSync(path, Buffer.concat(Array.from({ length: 400 }, () => one)))
    const r = spawnSync('/bin/bash', ['-c', `"${process.execPath}" "${CLI}" parse "${path}" | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('0')
  })
})

describe('hardening (issue 7): what the cases above leave out', () => {
  const noTrace = (stderr: string): void => {
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(stderr).not.toMatch(/internal error/)
  }
  const garbage = (size: number, seed: number): Uint8Array => {
    const bytes = new Uint8Array(size)
    let x = seed
    for (let i = 0; i < size; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      bytes[i] = x >>> 24
    }
    return bytes
  }

  test('binary input to parse, from a file and from stdin: every output line is JSON, log.end last, nothing on stderr', () => {
    const path = join(TMP, 'garbage-parse.bin')
    const bytes = garbage(48 * 1024, 7)
    writeFileSync(path, bytes)
    for (const r of [aptlog(['parse', path]), aptlog(['parse', '-'], bytes)]) {
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
      const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; lines?: number })
      expect(events.at(-1)).toMatchObject({ type: 'log.end' })
    }
  })

  test('binary input to explain (text, sarif) and diff: an answer, exit 0, nothing on stderr', () => {
    const path = join(TMP, 'garbage-explain.bin')
    writeFileSync(path, garbage(32 * 1024, 11))
    const text = aptlog(['explain', path])
    expect(text.status).toBe(0)
    expect(text.stderr).toBe('')
    expect(text.stdout).toMatch(/Nothing in this input was read as docker, apt or dpkg output \(\d+ lines, \d+ not recognised\): is it\s+the build log\?/)
    expect(JSON.parse(aptlog(['explain', '--format', 'sarif', path]).stdout)).toMatchObject({ version: '2.1.0' })
    const d = aptlog(['diff', path, GOOD])
    expect(d.status).toBe(0)
    expect(d.stderr).toBe('')
  })

  test('explain says what is wrong with the input when it explains nothing: empty, or apt-like lines it cannot read', () => {
    const empty = join(TMP, 'empty-explain.log')
    writeFileSync(empty, '')
    expect(aptlog(['explain', empty]).stdout).toContain('The input is empty: no line to read.')
    const de = aptlog(['explain', fixture('apt/handmade-de-locale.log')])
    expect(de.stdout).toContain('1 line looks like apt or dpkg output that aptlog cannot read')
    expect(aptlog(['summary', fixture('apt/handmade-de-locale.log')]).stdout).toContain('`aptlog parse --unrecognized` lists it')
  })

  test('explain of a green run that planned base-system packages warns instead of "nothing to explain" (D31)', () => {
    const r = aptlog(['explain', BROKEN])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('The run succeeded, but see the findings below.')
    expect(r.stdout).toContain("the image's dpkg database is not the one its base image shipped")
    expect(aptlog(['explain', GOOD]).stdout).toContain('The run succeeded: nothing to explain.')
  })

  test('a line far over the 1 MiB cap: one line.truncated event, no message on stderr', () => {
    const path = join(TMP, 'one-long-line.log')
    writeFileSync(path, 'a'.repeat(3_000_000))
    const r = aptlog(['parse', path])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['line.truncated', 'log.end'])
  })

  const unreadable: { name: string; args: string[]; stderr: RegExp }[] = [
    { name: 'summary of a directory', args: ['summary', FIXTURES], stderr: /^aptlog: .*: is a directory, expected a log file\n$/ },
    { name: 'diff with a directory as B', args: ['diff', GOOD, FIXTURES], stderr: /^aptlog: .*: is a directory, expected a log file\n$/ },
    { name: 'diff with a directory as A', args: ['diff', FIXTURES, GOOD], stderr: /^aptlog: .*: is a directory, expected a log file\n$/ },
    { name: 'explain of a missing file', args: ['explain', '/nonexistent/build.log'], stderr: /^aptlog: \/nonexistent\/build\.log: no such file\n$/ },
    { name: 'diff with a missing B', args: ['diff', GOOD, '/nonexistent/b.log'], stderr: /^aptlog: \/nonexistent\/b\.log: no such file\n$/ },
    { name: 'an empty file name (an unset variable)', args: ['parse', ''], stderr: /^aptlog: the file name is empty \(an unset shell variable\?\); give a log file, or - for standard input\n$/ },
  ]
  for (const c of unreadable) {
    test(`${c.name}: one line, exit 2`, () => {
      const r = aptlog(c.args)
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(c.stderr)
      expect(r.stdout).toBe('')
    })
  }

  test('an empty file to explain and diff; /dev/null as a log: answers, exit 0', () => {
    const path = join(TMP, 'empty-2.log')
    writeFileSync(path, '')
    expect(aptlog(['explain', path])).toMatchObject({ status: 0, stderr: '' })
    expect(aptlog(['diff', path, path])).toMatchObject({ status: 0, stderr: '' })
    expect(aptlog(['diff', path, path]).stdout).toContain('Both runs: unknown')
    const devNull = aptlog(['parse', '/dev/null'])
    expect(devNull).toMatchObject({ status: 0, stderr: '' })
    expect(JSON.parse(devNull.stdout)).toMatchObject({ type: 'log.end', lines: 0 })
  })

  test('a 0-byte stdin to parse, explain and diff', () => {
    const parsed = aptlog(['parse', '-'], '')
    expect(parsed).toMatchObject({ status: 0, stderr: '' })
    expect(JSON.parse(parsed.stdout)).toMatchObject({ type: 'log.end', lines: 0 })
    expect(aptlog(['explain', '-'], '')).toMatchObject({ status: 0, stderr: '' })
    expect(aptlog(['diff', GOOD, '-'], '')).toMatchObject({ status: 0, stderr: '' })
  })

  describe('a reader that goes away (`aptlog … | head -c 100`): quiet exit, never EPIPE or a stack trace', () => {
    const big = join(TMP, 'big-2.log')
    const one = fixtureBytes('docker/D17-cli20-buildkit-plain-predepends-problem.log')
    writeFileSync(big, Buffer.concat(Array.from({ length: 400 }, () => one)))
    // parse streams (its status is 0 whatever it read); the reports know the run failed before
    // they write, and keep saying so when the reader leaves (what `set -o pipefail` sees).
    const cases: { name: string; command: string; status: string }[] = [
      { name: 'parse --format json', command: `parse --format json "${big}"`, status: '0' },
      { name: 'parse --format text', command: `parse --format text "${big}"`, status: '0' },
      { name: 'parse from stdin', command: `parse - < "${big}"`, status: '0' },
      { name: 'explain', command: `explain "${big}"`, status: '1' },
      { name: 'explain --format sarif', command: `explain --format sarif "${big}"`, status: '1' },
      { name: 'summary --format json', command: `summary --format json "${big}"`, status: '1' },
      { name: 'diff', command: `diff "${big}" "${big}"`, status: '1' },
    ]
    for (const c of cases) {
      test(c.name, () => {
        const r = spawnSync('/bin/bash', ['-c', `"${process.execPath}" "${CLI}" ${c.command} | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' })
        expect(r.stderr).toBe('')
        expect(r.stdout.trim()).toBe(c.status)
      })
    }
    test('stdout closed before anything is written (`aptlog parse big.log >&-`)', () => {
      const r = spawnSync('/bin/bash', ['-c', `"${process.execPath}" "${CLI}" parse "${big}" >&-; echo "$?"`], { encoding: 'utf8' })
      noTrace(r.stderr)
      expect(r.stderr).toBe('')
      expect(r.stdout.trim()).toBe('0')
    })
  })
})
