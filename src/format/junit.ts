/**
 * JUnit XML output: one test case per build step, so any CI that reads test reports (GitLab
 * `reports: junit`, Jenkins, Azure Pipelines) lists the Dockerfile's steps with the failing one red
 * and its root cause as the failure message. A step that was cut off or canceled is `skipped`.
 * @module
 */

import type { Problem, RunSummary, Step } from '../run/types.ts'
import { problemLine } from './problem-text.ts'
import { forXml } from './safe/index.ts'

/** The one step of a log without docker framing (docs/run-model.md): the whole run is its test. */
function isWholeLog(run: RunSummary, step: Step): boolean {
  return run.steps.length === 1 && step.id === 'log' && step.instruction === null
}

/** The errors that belong to a step (every one, for a log without docker framing). */
function problemsOf(run: RunSummary, step: Step): Problem[] {
  const whole = isWholeLog(run, step)
  return run.problems.filter((p) => p.severity === 'error' && (whole || p.step === step.id))
}

function testCase(run: RunSummary, step: Step): string {
  const name = step.instruction ?? step.name ?? step.id
  const time = step.durationMs === undefined ? '' : ` time="${(step.durationMs / 1000).toFixed(3)}"`
  const open = `    <testcase name="${forXml(name)}" classname="${forXml(step.stage === undefined ? 'build' : `build.${step.stage}`)}"${time}>`
  const errors = problemsOf(run, step)
  const failed = step.status === 'error' || (isWholeLog(run, step) && run.outcome === 'failure')
  if (failed) {
    const cause = run.rootCause !== null && errors.includes(run.rootCause) ? run.rootCause : errors[0]
    const message = cause?.message ?? (step.exitCode === undefined ? 'the step failed' : `the step failed with exit code ${step.exitCode}`)
    // One problem a line: each line escaped on its own, so only our newlines break the body.
    const body = errors.map((p) => forXml(problemLine(p))).join('\n')
    return `${open}\n      <failure message="${forXml(message)}" type="${forXml(cause?.kind ?? 'docker.step-failed')}">${body}</failure>\n    </testcase>`
  }
  if (step.status === 'canceled') return `${open}\n      <skipped message="canceled: another step failed first"/>\n    </testcase>`
  if (step.status === 'unknown' && !isWholeLog(run, step)) return `${open}\n      <skipped message="the log never said how this step ended"/>\n    </testcase>`
  return `${open}</testcase>`
}

/** The run as a JUnit XML test suite named `name` (the log's label), one test case per step. */
export function formatJunit(run: RunSummary, name: string): string {
  const cases = run.steps.map((s) => testCase(run, s))
  const failures = cases.filter((c) => c.includes('<failure ')).length
  const skipped = cases.filter((c) => c.includes('<skipped ')).length
  const time = run.steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0) / 1000
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aptlog" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${time.toFixed(3)}">`,
    `  <testsuite name="${forXml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}
