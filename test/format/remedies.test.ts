import { describe, expect, test } from 'vitest'
import { remedyFor } from '../../src/format/remedies.ts'
import { remedyInRun } from '../../src/format/run-remedy.ts'
import { explainReport, formatGithub, parse, renderText, summarize, type Problem, type RunSummary, type Step } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

describe('remedies by cause', () => {
  test('a cause with a remedy of its own replaces the kind’s remedy; the title stays the kind’s', () => {
    expect(remedyFor('apt.fetch-failed', 'hash-mismatch')).toEqual({ title: 'download failed', remedy: expect.stringMatching(/^The file does not match the checksum/) })
    expect(remedyFor('apt.fetch-failed', 'no-such-cause')).toEqual(remedyFor('apt.fetch-failed'))
    expect(remedyFor('apt.lock-held', 'held')).toEqual(remedyFor('apt.lock-held'))
  })

  test.each([
    ['apt/bookworm-i8-hash-sum-mismatch.log', 'hash-mismatch', /Retrying the same mirror rarely helps/],
    ['apt/bookworm-i3-stale-lists-404-failed-to-fetch.log', 'http-404', /the package lists are older than the archive/],
    ['apt/trixie-i6-dns-resolution-failure-update.log', 'dns', /could not resolve the mirror's name/],
    ['apt/bookworm-i5-archive-fetch-connection-refused-via-proxy.log', 'connection-refused', /could not be reached from the builder/],
  ])('explain %s: the root cause is a %s, and the remedy is that cause’s', (capture, cause, remedy) => {
    const run = summarize(parse(fixtureBytes(capture)))
    expect(run.rootCause).toMatchObject({ kind: 'apt.fetch-failed', cause })
    expect(renderText(explainReport(run, new Map())).replace(/\s+/g, ' ')).toMatch(remedy)
  })
})

describe('remedies that depend on the run: a package-list step the build took from its cache', () => {
  // Step shapes as the captures give them: BuildKit ids and `[n/m]` names with `CACHED` (D07), the
  // legacy builder's numbers with `Using cache` (D03); the instructions are the two-RUN Dockerfile
  // of the pitfall (moby/moby#16307: `RUN apt-get update` then `RUN apt-get install …`).
  const base = summarize(parse(fixtureBytes('docker/D14-cli20-legacy-failing-unknown-package.log')))
  const step = (id: string, instruction: string, status: Step['status'], line: number, stage?: string): Step => ({ id, instruction, name: instruction, status, line, ...(stage === undefined ? {} : { stage }) })
  const problem = (kind: Problem['kind'], stepId: string | undefined, cause?: string): Problem => ({
    kind,
    severity: 'error',
    line: 40,
    message: 'as apt printed it',
    ...(cause === undefined ? {} : { cause }),
    ...(stepId === undefined ? {} : { step: stepId }),
  })
  const runOf = (steps: readonly Step[], root: Problem): RunSummary => ({ ...base, steps, problems: [root], rootCause: root })

  const update = (status: Step['status'], stage?: string) => step('#5', 'RUN apt-get update', status, 16, stage)
  const install = (instruction = 'RUN apt-get install -y --no-install-recommends openssh-client', stage?: string) => step('#6', instruction, 'error', 20, stage)

  const cases: readonly [name: string, steps: readonly Step[], root: Problem, cached: boolean][] = [
    ['BuildKit: no installation candidate after a CACHED update step', [update('cached'), install()], problem('apt.no-install-candidate', '#6'), true],
    ['BuildKit: unable to locate package', [update('cached'), install()], problem('apt.package-not-found', '#6'), true],
    ['a 404 on the .deb', [update('cached'), install()], problem('apt.fetch-failed', '#6', 'http-404'), true],
    ['version not found', [update('cached'), install()], problem('apt.version-not-found', '#6'), true],
    ['legacy builder: Using cache', [step('2', 'RUN apt-get -qq update', 'cached', 4), step('3', 'RUN apt-get install -y openssh-client', 'error', 8)], problem('apt.package-not-found', '3'), true],
    ['`apt update`', [step('2', 'RUN apt update', 'cached', 4), step('3', 'RUN apt install -y openssh-client', 'error', 8)], problem('apt.package-not-found', '3'), true],
    ['near miss: the update step ran in this build', [update('done'), install()], problem('apt.no-install-candidate', '#6'), false],
    ['near miss: the failing step updates its own lists', [update('cached'), install('RUN apt-get update && apt-get install -y openssh-client')], problem('apt.no-install-candidate', '#6'), false],
    ['near miss: the cached update is in another stage', [update('cached', 'builder'), install(undefined, 'runtime')], problem('apt.no-install-candidate', '#6'), false],
    ['near miss: a DNS failure is not stale lists', [update('cached'), install()], problem('apt.fetch-failed', '#6', 'dns'), false],
    ['near miss: a failed postinst', [update('cached'), install()], problem('dpkg.maintainer-script-failed', '#6'), false],
    ['near miss: `updated` is not `update`', [step('#5', 'RUN echo apt-get updated > /etc/stamp', 'cached', 16), install()], problem('apt.no-install-candidate', '#6'), false],
    ['near miss: no docker step (a plain apt log)', [update('cached'), install()], problem('apt.no-install-candidate', undefined), false],
  ]
  for (const [name, steps, root, cached] of cases) {
    test(name, () => {
      const run = runOf(steps, root)
      const remedy = remedyInRun(run, root)
      if (cached) {
        expect(remedy.remedy).toMatch(/came from the build cache/)
        expect(remedy.remedy).toContain('`apt-get update && apt-get install …` in one RUN')
        expect(renderText(explainReport(run, new Map())).replace(/\s+/g, ' ')).toContain('came from the build cache')
        expect(formatGithub(run)).toContain('came from the build cache')
      } else {
        expect(remedy).toEqual(remedyFor(root.kind, root.cause))
      }
    })
  }
})
