/**
 * Per-capture expectations, read off the captures by eye: every step (id, stage, name, status,
 * duration, exit code, output lines), every build's outcome, and the docker problems.
 */
import { describe, expect, test } from 'vitest'
import { parse, type AptLogEvent } from '../../src/index.ts'
import { allCaptures, fixtureBytes, fixtureText } from '../support/fixtures.ts'
import { buildRows, ofType, problemKinds, stepTable, type BuildRow, type StepRow } from './support.ts'

const SEED_RUN = 'RUN apt-get update && apt-get install -y --no-install-recommends openssh-client && apt-get clean && rm -rf /var/lib/apt/lists/*'
const FAILING_RUN = 'RUN apt-get update && apt-get install -y --no-install-recommends nonexistent-pkg-xyz && apt-get clean && rm -rf /var/lib/apt/lists/*'
const PREDEP_ECHO = "RUN echo 'deb [trusted=yes] http://127.0.0.1:8765/ ./' > /etc/apt/sources.list.d/loopback-http.list"
const PREDEP_RUN = 'RUN apt-get update && apt-get -o Dpkg::StopOnError=false install -y --no-install-recommends loop2-app && apt-get clean && rm -rf /var/lib/apt/lists/*'
const COPY = 'COPY entrypoint.sh /usr/local/bin/entrypoint.sh'
const CMD = 'CMD ["/usr/local/bin/entrypoint.sh"]'
const DEFINITION = '[internal] load build definition from Dockerfile'
const IGNORE = '[internal] load .dockerignore'
const METADATA = '[internal] load metadata for docker.io/local/debian:bookworm'
const CONTEXT = '[internal] load build context'
const EXPORT = 'exporting to image'

/** A legacy step that ended at the next step or at `Successfully built` (no duration, end inferred). */
function legacy(id: string, name: string, status: string, outputLines = 0): StepRow {
  return { id, name, status, inferred: true, outputLines }
}

/** A BuildKit vertex with its completion line. */
function vertex(id: string, name: string, status: string, durationMs?: number, outputLines = 0, extra: Partial<StepRow> = {}): StepRow {
  return { id, name, status, outputLines, ...(durationMs === undefined ? {} : { durationMs }), ...extra }
}

interface Expectation {
  readonly steps: readonly StepRow[]
  readonly builds: readonly BuildRow[]
  readonly dockerProblems: readonly string[]
  readonly notices?: readonly string[]
}

const LEGACY_SEED_SUCCESS = (image: string, tag: string, runLines: number): Expectation => ({
  steps: [
    legacy('1', 'FROM local/debian:bookworm', 'done'),
    legacy('2', SEED_RUN, 'done', runLines),
    legacy('3', COPY, 'done'),
    legacy('4', 'WORKDIR /app', 'done'),
    legacy('5', CMD, 'done'),
  ],
  builds: [{ build: 1, builder: 'legacy', outcome: 'success', imageId: image, tags: [tag] }],
  dockerProblems: [],
})

const CAPTURES: Readonly<Record<string, Expectation>> = {
  'docker/D01-legacy-seed-bookworm.log': { ...LEGACY_SEED_SUCCESS('70fcb673dcc2', 'corpus/seed-bookworm:legacy', 79), notices: ['legacy-deprecated'] },
  'docker/D02-cli28-buildkit-without-buildx-error.log': { steps: [], builds: [], dockerProblems: ['docker.build-failed'], notices: ['buildx-missing'] },
  'docker/D03-legacy-seed-bookworm-cache-hit.log': {
    steps: [
      legacy('1', 'FROM local/debian:bookworm', 'done'),
      legacy('2', SEED_RUN, 'cached'),
      legacy('3', COPY, 'cached'),
      legacy('4', 'WORKDIR /app', 'cached'),
      legacy('5', CMD, 'cached'),
    ],
    builds: [{ build: 1, builder: 'legacy', outcome: 'success', imageId: '70fcb673dcc2', tags: ['corpus/seed-bookworm:legacy'] }],
    dockerProblems: [],
    notices: ['legacy-deprecated'],
  },
  'docker/D05-cli20-legacy-seed-bookworm-no-cache.log': LEGACY_SEED_SUCCESS('6cc4d4fb511d', 'corpus/seed-bookworm:legacy20', 79),
  'docker/D06-cli20-buildkit-plain-seed-bookworm.log': {
    // v0.9-or-older numbering: #6 is printed before #5 (FORMATS.md §7.5).
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', IGNORE, 'done', 0),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[1/4] FROM docker.io/local/debian:bookworm', 'done', 0),
      vertex('#6', CONTEXT, 'done', 0),
      vertex('#5', `[2/4] ${SEED_RUN}`, 'done', 4100, 79),
      vertex('#7', `[3/4] ${COPY}`, 'done', 300),
      vertex('#8', '[4/4] WORKDIR /app', 'done', 200),
      vertex('#9', EXPORT, 'done', 600),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'success', imageId: 'sha256:d13ce60e016f303cf17e00adda9a98d9ebe7483bc68d0a47ca431a54c3ef3f16', tags: ['docker.io/corpus/seed-bookworm:bk'] }],
    dockerProblems: [],
  },
  'docker/D07-cli20-buildkit-plain-seed-bookworm-cache-hit.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', IGNORE, 'done', 0),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[1/4] FROM docker.io/local/debian:bookworm', 'done', 0),
      vertex('#6', CONTEXT, 'done', 0),
      vertex('#7', `[3/4] ${COPY}`, 'cached'),
      vertex('#5', `[2/4] ${SEED_RUN}`, 'cached'),
      vertex('#8', '[4/4] WORKDIR /app', 'cached'),
      vertex('#9', EXPORT, 'done', 0),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'success', imageId: 'sha256:d13ce60e016f303cf17e00adda9a98d9ebe7483bc68d0a47ca431a54c3ef3f16', tags: ['docker.io/corpus/seed-bookworm:bk'] }],
    dockerProblems: [],
  },
  'docker/D11-cli20-buildkit-plain-multistage-concurrent-apt.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', IGNORE, 'done', 0),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[web 1/2] FROM docker.io/local/debian:bookworm', 'cached', undefined, 0, { stage: 'web' }),
      vertex('#5', '[ssh 2/2] RUN apt-get update && apt-get install -y --no-install-recommends openssh-client', 'done', 5300, 79, { stage: 'ssh' }),
      vertex('#6', '[stage-2 2/3] COPY --from=ssh /usr/bin/ssh /usr/local/bin/ssh', 'done', 300, 0, { stage: 'stage-2' }),
      vertex('#7', '[web 2/2] RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates', 'done', 6400, 129, { stage: 'web' }),
      vertex('#8', '[stage-2 3/3] COPY --from=web /usr/bin/curl /usr/local/bin/curl', 'done', 300, 0, { stage: 'stage-2' }),
      vertex('#9', EXPORT, 'done', 800),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'success', imageId: 'sha256:67328a3e3d7655c92e0b9a6a2aa3b62d5ceb8e634e487e26fb40762224617793', tags: ['docker.io/corpus/multistage:bk'] }],
    dockerProblems: [],
  },
  'docker/D13-cli20-buildkit-plain-failing-unknown-package.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', IGNORE, 'done', 0),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[1/3] FROM docker.io/local/debian:bookworm', 'cached'),
      vertex('#5', `[2/3] ${FAILING_RUN}`, 'error', undefined, 8, { exitCode: 100 }),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'failure', exitCode: 100 }],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
  },
  'docker/D14-cli20-legacy-failing-unknown-package.log': {
    steps: [legacy('1', 'FROM local/debian:bookworm', 'done'), { id: '2', name: FAILING_RUN, status: 'error', exitCode: 100, outputLines: 8 }],
    builds: [{ build: 1, builder: 'legacy', outcome: 'failure', exitCode: 100 }],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
  },
  'docker/D16-cli20-legacy-bad-status-truncated.log': {
    steps: [
      legacy('1', 'FROM local/debian:bookworm', 'done'),
      legacy('2', 'RUN : > /var/lib/dpkg/status', 'done'),
      legacy('3', SEED_RUN, 'done', 246),
      legacy('4', 'WORKDIR /app', 'done'),
    ],
    builds: [{ build: 1, builder: 'legacy', outcome: 'success', imageId: 'd6f67c06d2fa', tags: ['corpus/badstatus:legacy20'] }],
    dockerProblems: [],
  },
  'docker/D17-cli20-buildkit-plain-predepends-problem.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', IGNORE, 'done', 0),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[1/4] FROM docker.io/local/debian:bookworm', 'cached'),
      vertex('#5', `[2/4] ${PREDEP_ECHO}`, 'done', 300),
      vertex('#6', `[3/4] ${PREDEP_RUN}`, 'error', undefined, 96, { exitCode: 100 }),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'failure', exitCode: 100 }],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
  },
  'docker/D18-cli20-legacy-predepends-problem.log': {
    steps: [legacy('1', 'FROM local/debian:bookworm', 'done'), legacy('2', PREDEP_ECHO, 'done'), { id: '3', name: PREDEP_RUN, status: 'error', exitCode: 100, outputLines: 96 }],
    builds: [{ build: 1, builder: 'legacy', outcome: 'failure', exitCode: 100 }],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
  },
  // The CLI refuses the flag before any build: one error, no steps.
  'docker/D19-cli20-buildkit-progress-rawjson-unsupported.log': { steps: [], builds: [], dockerProblems: ['docker.build-failed'] },
  // Banner, then cobra's `unknown flag` error and docker's usage text: the CLI refused the flag (exit 125), no build ran.
  'docker/D20-cli28-progress-rawjson-without-buildx.log': { steps: [], builds: [], dockerProblems: ['docker.build-failed'], notices: ['legacy-deprecated'] },
  'docker/D21-cli28-buildx029-plain-seed-bookworm.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', IGNORE, 'done', 0),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[1/4] FROM docker.io/local/debian:bookworm', 'cached'),
      vertex('#5', CONTEXT, 'done', 0),
      vertex('#6', `[2/4] ${SEED_RUN}`, 'done', 4600, 79),
      vertex('#7', `[3/4] ${COPY}`, 'done', 200),
      vertex('#8', '[4/4] WORKDIR /app', 'done', 200),
      vertex('#9', EXPORT, 'done', 500),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'success', imageId: 'sha256:e33c07a7fd663b640e51ef0bdf7bc26e9fd7aeb6062d353332586bc7b5beb446', tags: ['docker.io/corpus/seed-bookworm:buildx'] }],
    dockerProblems: [],
    notices: ['builder-instance'],
  },
  'docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log': {
    // Durations are the merged started→completed intervals of the JSON (ms, rounded).
    steps: [
      vertex('#1', DEFINITION, 'done', 6),
      vertex('#2', IGNORE, 'done', 2),
      vertex('#3', METADATA, 'done', 0),
      vertex('#4', '[1/4] FROM docker.io/local/debian:bookworm', 'cached'),
      vertex('#5', CONTEXT, 'done', 3),
      vertex('#6', `[2/4] ${SEED_RUN}`, 'done', 4401, 79),
      vertex('#7', `[3/4] ${COPY}`, 'done', 305),
      vertex('#8', '[4/4] WORKDIR /app', 'done', 395),
      vertex('#9', EXPORT, 'done', 353),
    ],
    builds: [{ build: 1, builder: 'rawjson', outcome: 'success', imageId: 'sha256:94bdfc607ac277bde48c94239f4046b34a44340ccebb3c07b0d2d40c8212ce3c', tags: ['docker.io/corpus/seed-bookworm:buildx'] }],
    dockerProblems: [],
  },
  'docker/D30-ci-job-local-legacy-cli20.log': {
    steps: [
      legacy('1', 'FROM ci/debian:bookworm', 'done'),
      legacy('2', SEED_RUN, 'done', 79),
      legacy('3', COPY, 'done'),
      legacy('4', 'WORKDIR /app', 'done'),
      legacy('5', CMD, 'done'),
    ],
    builds: [{ build: 1, builder: 'legacy', outcome: 'success', imageId: '39b93a078d28', tags: ['app:latest'] }],
    dockerProblems: [],
  },
  'docker/D31-ci-job-runner-legacy-cli28-broken-base.log': {
    steps: [
      legacy('1', 'FROM ci/debian:bookworm', 'done'),
      legacy('2', SEED_RUN, 'done', 246),
      legacy('3', COPY, 'done'),
      legacy('4', 'WORKDIR /app', 'done'),
      legacy('5', CMD, 'done'),
    ],
    builds: [{ build: 1, builder: 'legacy', outcome: 'success', imageId: '5fb6d615b92c', tags: ['app:latest'] }],
    dockerProblems: [],
    notices: ['legacy-deprecated'],
  },
  // The incident excerpts stop inside step 5: its end and the build's outcome are unknown.
  'seed/incident-local-excerpt.log': {
    steps: [{ id: '5', name: 'RUN apt-get update     && apt-get install -y --no-install-recommends openssh-client       && apt-get clean       && rm -rf /var/lib/apt/lists/*', status: 'unknown', inferred: true, outputLines: 15 }],
    builds: [{ build: 1, builder: 'legacy', outcome: 'unknown' }],
    dockerProblems: [],
  },
  'seed/incident-runner-excerpt.log': {
    steps: [{ id: '5', name: SEED_RUN, status: 'unknown', inferred: true, outputLines: 17 }],
    builds: [{ build: 1, builder: 'legacy', outcome: 'unknown' }],
    dockerProblems: [],
  },
  'docker/handmade-buildkit-log-clipped.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', '[1/2] FROM docker.io/library/debian:bookworm', 'cached'),
      vertex('#3', '[2/2] RUN apt-get update && apt-get install -y --no-install-recommends openssh-client', 'done', 38900, 4),
      vertex('#4', CONTEXT, 'done', 0),
      vertex('#5', '[3/3] RUN yes | head -c 100000000', 'done', 1200, 1),
      vertex('#6', EXPORT, 'done', 700),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'success', imageId: 'sha256:4a1fc7e2b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e', tags: ['docker.io/library/app:latest'] }],
    dockerProblems: ['docker.log-clipped', 'docker.log-clipped'],
    notices: ['builder-instance'],
  },
  'docker/handmade-buildx-failing-echo.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', '[internal] load metadata for docker.io/library/debian:bookworm', 'done', 400),
      vertex('#3', IGNORE, 'done', 0),
      vertex('#4', '[1/2] FROM docker.io/library/debian:bookworm@sha256:0d8498a0e9e6a60011df39aab78534cfe940785e7c59d19dfae1eb53ea59babe', 'cached'),
      vertex('#5', '[2/2] RUN apt-get update && apt-get install -y nonexistent-pkg-xyz', 'error', undefined, 10, { exitCode: 100 }),
    ],
    builds: [{ build: 1, builder: 'buildkit', outcome: 'failure', exitCode: 100 }],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
    notices: ['builder-instance'],
  },
  'docker/handmade-github-mixed-builds.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 0),
      vertex('#2', '[1/3] FROM docker.io/library/debian:bookworm', 'cached'),
      vertex('#4', CONTEXT, 'done', 0),
      // 6 `#3 <t>` lines + 3 dpkg progress frames the runner split at bare CRs + 1 after the repeated header.
      vertex('#3', '[2/3] RUN apt-get update && apt-get install -y --no-install-recommends openssh-client', 'done', 4100, 10),
      vertex('#5', `[3/3] ${COPY}`, 'done', 200),
      vertex('#6', EXPORT, 'done', 500),
      legacy('b2.1', 'FROM debian:bookworm', 'done'),
      legacy('b2.2', 'RUN apt-get update', 'done', 3),
    ],
    builds: [
      { build: 1, builder: 'buildkit', outcome: 'success', imageId: 'sha256:e33c07a7fd663b640e51ef0bdf7bc26e9fd7aeb6062d353332586bc7b5beb446', tags: ['docker.io/library/app:latest'] },
      { build: 2, builder: 'legacy', outcome: 'success', imageId: '82e8ebd1e287', tags: ['app:legacy'] },
    ],
    dockerProblems: [],
    notices: ['builder-instance'],
  },
  'docker/handmade-podman-multistage-then-failing.log': {
    steps: [
      { ...legacy('1.1', 'FROM docker.io/library/debian:bookworm AS builder', 'done'), stage: 'builder' },
      { ...legacy('1.2', 'RUN apt-get update && apt-get install -y --no-install-recommends openssh-client', 'done', 5), stage: 'builder' },
      legacy('2.3', 'FROM docker.io/library/debian:bookworm', 'done'),
      legacy('2.4', 'COPY --from=builder /usr/bin/ssh /usr/local/bin/ssh', 'cached'),
      legacy('b2.1', 'FROM docker.io/library/debian:bookworm', 'done'),
      { id: 'b2.2', name: 'RUN apt-get update && apt-get install -y nonexistent-pkg-xyz', status: 'error', exitCode: 100, outputLines: 5 },
    ],
    builds: [
      { build: 1, builder: 'podman', outcome: 'success', imageId: '0d8498a0e9e6a60011df39aab78534cfe940785e7c59d19dfae1eb53ea59babe', tags: ['localhost/app:podman'] },
      { build: 2, builder: 'podman', outcome: 'failure', exitCode: 100 },
    ],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
  },
  'docker/handmade-rawjson-failing.log': {
    steps: [
      vertex('#1', DEFINITION, 'done', 4),
      vertex('#2', '[base 1/3] FROM docker.io/library/debian:bookworm', 'cached', undefined, 0, { stage: 'base' }),
      vertex('#3', '[base 2/3] RUN apt-get update && apt-get install -y café-tools', 'error', 1700, 4, { stage: 'base', exitCode: 100 }),
      vertex('#4', '[extra 2/2] RUN apt-get update', 'canceled', 1710, 1, { stage: 'extra' }),
    ],
    builds: [{ build: 1, builder: 'rawjson', outcome: 'failure', exitCode: 100 }],
    dockerProblems: ['docker.step-failed', 'docker.build-failed'],
  },
}

describe('docker captures: steps, builds and problems read off the captures', () => {
  for (const [name, expected] of Object.entries(CAPTURES)) {
    describe(name, () => {
      const events: AptLogEvent[] = parse(fixtureBytes(name))
      test('steps', () => expect(stepTable(events)).toEqual(expected.steps))
      test('builds', () => expect(buildRows(events)).toEqual(expected.builds))
      test('docker problems', () => expect(problemKinds(events, 'docker.')).toEqual(expected.dockerProblems))
      test('notices', () => expect(ofType(events, 'docker.notice').map((n) => n.notice)).toEqual(expected.notices ?? []))
      test('every start has one end, and ids are unique', () => {
        const starts = ofType(events, 'docker.step.start').map((e) => e.step)
        const ends = ofType(events, 'docker.step.end').map((e) => e.step)
        expect(new Set(starts).size).toBe(starts.length)
        expect(new Set(ends).size).toBe(ends.length)
        expect([...ends].sort()).toEqual([...starts].sort())
        expect(ofType(events, 'docker.build.start').length).toBe(expected.builds.length)
      })
    })
  }

  test('every docker capture and seed excerpt has an expectation', () => {
    expect([...allCaptures('docker'), ...allCaptures('seed').filter((n) => n.endsWith('.log'))].sort()).toEqual(Object.keys(CAPTURES).sort())
  })
})

describe('output lines: every BuildKit `#N <t> ` line reaches vertex N (an oracle independent of the rules)', () => {
  const plain = ['D06-cli20-buildkit-plain-seed-bookworm', 'D07-cli20-buildkit-plain-seed-bookworm-cache-hit', 'D11-cli20-buildkit-plain-multistage-concurrent-apt', 'D13-cli20-buildkit-plain-failing-unknown-package', 'D17-cli20-buildkit-plain-predepends-problem', 'D21-cli28-buildx029-plain-seed-bookworm']
  for (const name of plain) {
    test(name, () => {
      const counts = new Map<string, number>()
      for (const line of fixtureText(`docker/${name}.log`).split('\n')) {
        const m = /^#(\d+) \d+\.\d+ /.exec(line)
        if (m !== null) counts.set(`#${m[1]}`, (counts.get(`#${m[1]}`) ?? 0) + 1)
      }
      const events = parse(fixtureBytes(`docker/${name}.log`))
      for (const end of ofType(events, 'docker.step.end')) expect(end.outputLines, end.step).toBe(counts.get(end.step) ?? 0)
    })
  }
})

describe('docker usage text', () => {
  test('after a command-line error it is the build failure (D20); alone, as `docker build --help` prints it, it is not', () => {
    const d20 = parse(fixtureBytes('docker/D20-cli28-progress-rawjson-without-buildx.log'))
    expect(d20.filter((e) => e.type === 'problem')).toMatchObject([{ kind: 'docker.build-failed', line: 7, message: 'unknown flag: --progress' }])
    expect(d20.find((e) => e.type === 'docker.error')).toMatchObject({ form: 'cli', exitCode: 125, text: 'unknown flag: --progress' })
    const help = parse('Usage:  docker build [OPTIONS] PATH | URL | -\n\nBuild an image from a Dockerfile\n')
    expect(help.filter((e) => e.type === 'problem' || e.type === 'docker.error')).toEqual([])
  })
})
