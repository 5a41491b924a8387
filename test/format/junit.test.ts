/** JUnit XML output (src/format/junit.ts): one test case per build step, on real captures. */
import { describe, expect, test } from 'vitest'
import { formatJunit, parse, summarize, type RunSummary } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const junitOf = (capture: string): string => formatJunit(summarize(parse(fixtureBytes(capture))), capture)
const attr = (xml: string, name: string): string | undefined => new RegExp(`<testsuite [^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1]

describe('formatJunit', () => {
  test('BuildKit build with a pre-dependency failure: six cases, the RUN step fails with the root cause (D17)', () => {
    const xml = junitOf('docker/D17-cli20-buildkit-plain-predepends-problem.log')
    expect([attr(xml, 'tests'), attr(xml, 'failures'), attr(xml, 'skipped')]).toEqual(['6', '1', '0'])
    expect(xml).toContain('<failure message="pre-dependency problem - not installing loop2-libgcc1:amd64')
    expect(xml).toContain('type="dpkg.pre-dependency"')
    // the instruction is the case's name, escaped
    expect(xml).toContain('<testcase name="RUN apt-get update &amp;&amp; apt-get -o Dpkg::StopOnError=false install')
    expect(xml.match(/<testcase /g)).toHaveLength(6)
    expect(xml.match(/<testcase [^>]*>(?:<\/testcase>|\n)/g)).toHaveLength(6)
  })

  test('a step canceled by another one\'s failure is skipped (rawjson)', () => {
    const xml = junitOf('docker/handmade-rawjson-failing.log')
    expect(attr(xml, 'skipped')).toBe('1')
    expect(xml).toContain('<skipped message="canceled: another step failed first"/>')
  })

  test('a plain apt log is one case: failed with the root cause, or passed', () => {
    const failed = junitOf('apt/bookworm-h1-failing-postinst.log')
    expect([attr(failed, 'tests'), attr(failed, 'failures')]).toEqual(['1', '1'])
    expect(failed).toContain('type="dpkg.maintainer-script-failed"')
    const passed = junitOf('apt/bookworm-a-good-update-install-openssh-client-no-recommends.log')
    expect([attr(passed, 'tests'), attr(passed, 'failures')]).toEqual(['1', '0'])
    expect(passed).toContain('<testcase name="log" classname="build"></testcase>')
  })

  test('text XML cannot hold is replaced, markup is escaped', () => {
    const run: RunSummary = {
      ...summarize(parse('')),
      steps: [{ id: '1', instruction: 'RUN printf "\u0007<x>&\'" \udc00', status: 'done', line: 1 }],
    }
    const xml = formatJunit(run, 'a "b" & <c>')
    expect(xml).toContain('<testsuite name="a &quot;b&quot; &amp; &lt;c&gt;"')
    expect(xml).toContain('<testcase name="RUN printf &quot;\ufffd&lt;x&gt;&amp;&apos;&quot; \ufffd"')
  })
})
