/**
 * The CI runner's failure line (FORMATS.md §8.1, §8.2): its recognisers with near misses, and what
 * the run model makes of it (a failed run whose root cause is the job's own error when the log shows
 * one, the runner's line otherwise).
 */
import { describe, expect, test } from 'vitest'
import { githubStepFailure, gitlabJobFailure, jobFailureLine } from '../../src/lines/ci-job-result.ts'
import { parse, summarize } from '../../src/index.ts'

describe('runner failure lines as pasted (issue 16)', () => {
  test.each([
    ['GitHub web view: the ##[error] annotation rendered as `Error: `', 'Error: Process completed with exit code 100.', 100],
    ['Travis travis_assert (travis-build templates/header.sh)', 'The command "sudo apt-get install -y libgcc1" failed and exited with 100 during install.', 100],
    ['Travis travis_assert, quotes inside the command', 'The command "sh -c "apt-get update"" failed and exited with 100 during before_install.', 100],
    ['Travis travis_result', 'The command "docker build -t app ." exited with 1.', 1],
    ['Travis closing line', 'Done. Your build exited with 1.', 1],
    ['GitLab, as before', 'ERROR: Job failed: exit code 1', 1],
  ])('%s: %s', (_name, line, code) => {
    expect(jobFailureLine(line)).toEqual({ exitCode: code })
  })
  test.each([
    ['Travis: a command that passed', 'The command "docker build -t app ." exited with 0.'],
    ['Travis: a retry notice', 'The command "apt-get update" failed. Retrying, 2 of 3.'],
    ['Travis: passed build', 'Done. Your build exited with 0.'],
    ['docker legacy failure (the build’s, not the runner’s)', "The command '/bin/sh -c apt-get install -y foo' returned a non-zero code: 100"],
    ['apt error', 'E: Unable to locate package foo'],
    ['node’s Error: line', 'Error: Cannot find module \'x\''],
    ['GitHub web view, exit 0', 'Error: Process completed with exit code 0.'],
  ])('near miss: %s', (_name, line) => {
    expect(jobFailureLine(line)).toBeUndefined()
  })

  test('a Travis failure line is a failed run whose root cause is the job’s own error', () => {
    const run = summarize(parse(['E: Unable to locate package nonexistent-pkg-xyz', 'The command "sudo apt-get install -y nonexistent-pkg-xyz" failed and exited with 100 during install.'].join('\n')))
    expect(run.outcome).toBe('failure')
    expect(run.rootCause).toMatchObject({ kind: 'apt.package-not-found' })
    expect(run.problems.map((p) => p.kind)).toEqual(['apt.package-not-found', 'ci.job-failed'])
  })
})

describe('runner failure lines', () => {
  test.each([
    ['GitHub (FORMATS.md §8.1)', 'Process completed with exit code 100.', 100],
    ['GitHub, exit 1', 'Process completed with exit code 1.', 1],
  ])('%s: %s', (_name, message, code) => {
    expect(githubStepFailure(message)).toEqual({ exitCode: code })
  })
  test.each([
    ['GitLab docker executor (FORMATS.md §8.2)', 'ERROR: Job failed: exit code 1', 1],
    ['GitLab, other executors', 'ERROR: Job failed: exit status 2', 2],
    ['GitLab kubernetes wording', 'ERROR: Job failed: command terminated with exit code 137', 137],
  ])('%s: %s', (_name, line, code) => {
    expect(gitlabJobFailure(line)).toEqual({ exitCode: code })
  })
  test.each([
    ['exit code 0 is no failure', 'Process completed with exit code 0.'],
    ['no final period', 'Process completed with exit code 1'],
    ['not a number', 'Process completed with exit code one.'],
    ['other annotation text', 'Unable to locate package foo'],
  ])('GitHub near miss: %s', (_name, message) => {
    expect(githubStepFailure(message)).toBeUndefined()
  })
  test.each([
    ['exit code 0', 'ERROR: Job failed: exit code 0'],
    ['another reason (timeout, no code)', 'ERROR: Job failed: execution took longer than 1h0m0s seconds'],
    ['buildx final error', 'ERROR: failed to solve: process "/bin/sh -c x" did not complete successfully: exit code: 100'],
    ['a code too long to be one', 'ERROR: Job failed: exit code 12345'],
  ])('GitLab near miss: %s', (_name, line) => {
    expect(gitlabJobFailure(line)).toBeUndefined()
  })
})

describe('in the parser and the run model', () => {
  test('GitHub: the annotation event, then the problem; alone, it is the root cause', () => {
    const events = parse('2024-01-01T00:00:00.0000000Z Reading package lists...\n2024-01-01T00:00:01.0000000Z ##[error]Process completed with exit code 100.\n')
    expect(events.filter((e) => e.type === 'ci.annotation' || e.type === 'problem').map((e) => e.type)).toEqual(['ci.annotation', 'problem'])
    const run = summarize(events)
    expect(run.outcome).toBe('failure')
    expect(run.rootCause).toMatchObject({ kind: 'ci.job-failed', line: 2, message: 'Process completed with exit code 100.' })
  })
  test("after the job's own error the runner's line is a consequence; it closes the job's open blocks, so events keep line order", () => {
    const run = summarize(parse('E: Unable to locate package nonexistent-pkg-xyz\n##[error]Process completed with exit code 100.\n'))
    expect(run.problems.map((p) => p.kind)).toEqual(['apt.package-not-found', 'ci.job-failed'])
    expect(run.rootCause?.kind).toBe('apt.package-not-found')
  })
  test('GitLab: the red end line, ANSI removed, is a problem and a recognised line', () => {
    const events = parse('\x1b[0;m\x1b[31;1mERROR: Job failed: exit code 1\n\x1b[0;m')
    expect(events[0]).toEqual({ type: 'problem', line: 1, rule: 'ci.job-failed', kind: 'ci.job-failed', severity: 'error', message: 'ERROR: Job failed: exit code 1' })
    expect(events.at(-1)).toMatchObject({ type: 'log.end', recognized: 1, unrecognized: 0 })
  })
  test('a green job says so too: "Job succeeded" is no problem', () => {
    expect(summarize(parse('Reading package lists...\n\x1b[32;1mJob succeeded\x1b[0;m\n')).problems).toEqual([])
  })
})
