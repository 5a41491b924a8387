import { describe, expect, test } from 'vitest'
import { parseLsbRelease, parseOsRelease } from '../../src/env/os-release.ts'
import { gitlabRunnerLine, githubHeaderLine, githubRunnerVersion } from '../../src/env/runner-header.ts'
import { parseUname } from '../../src/env/uname.ts'
import { diffRuns, parse, summarize, type AptLogEvent, type EnvFactEvent } from '../../src/index.ts'
import { fixtureBytes, fixtureText } from '../support/fixtures.ts'

const facts = (events: AptLogEvent[]): [string, string, string][] =>
  events.filter((e): e is EnvFactEvent => e.type === 'env.fact').map((e) => [e.fact, e.value, e.source])

describe('uname -a', () => {
  const cases: [string, string, string, string, string | undefined][] = [
    ['the CI job of corpus D30', 'Linux vm 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux', '6.18.44-fc-v657', 'vm', 'x86_64'],
    ['the incident laptop (seed)', 'Linux local 4.4.0-103-generic #126-Ubuntu SMP Mon Dec 4 16:23:28 UTC 2017 x86_64 x86_64 x86_64 GNU/Linux', '4.4.0-103-generic', 'local', 'x86_64'],
    ['the incident runner (seed)', 'Linux runner02 4.4.0-98-generic #121-Ubuntu SMP Tue Oct 10 14:24:03 UTC 2017 x86_64 x86_64 x86_64 GNU/Linux', '4.4.0-98-generic', 'runner02', 'x86_64'],
  ]
  for (const [name, line, kernel, hostname, architecture] of cases) {
    test(name, () => {
      expect(parseUname(line)).toEqual({ kernel, hostname, architecture })
    })
  }
  const misses: [string, string][] = [
    ['prose starting with Linux', 'Linux is a kernel'],
    ['no kernel release', 'Linux vm notaversion #1 SMP x86_64 GNU/Linux'],
    ['no kernel version field', 'Linux vm 6.1.0 x86_64 GNU/Linux'],
    ['a Linux line of another tool', 'Linux 6.1.0-13-amd64 (debian-kernel@lists.debian.org)'],
  ]
  for (const [name, line] of misses) {
    test(`near miss: ${name}`, () => {
      expect(parseUname(line)).toBeUndefined()
    })
  }
})

describe('docker version and docker info (corpus D31)', () => {
  const events = parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log'))
  test('client, engine, containerd, runc from docker version; driver, kernel, OS from docker info', () => {
    const got = facts(events)
    expect(got).toContainEqual(['docker-client-version', '28.2.2', 'docker-version'])
    expect(got).toContainEqual(['docker-client-api-version', '1.41', 'docker-version'])
    expect(got).toContainEqual(['docker-engine-version', '20.10.24+dfsg1', 'docker-version'])
    expect(got).toContainEqual(['containerd-version', '1.6.20~ds1', 'docker-version'])
    expect(got).toContainEqual(['storage-driver', 'vfs', 'docker-info'])
    expect(got).toContainEqual(['kernel', '6.18.44-fc-v657', 'docker-info'])
    expect(got).toContainEqual(['os', 'Debian GNU/Linux 12 (bookworm)', 'docker-info'])
  })
  test('every line of the environment blocks is recognised (one left: the `$ docker build` echo)', () => {
    expect(events.at(-1)).toMatchObject({ type: 'log.end', unrecognized: 1 })
  })
  test('the docker block ends at the next unindented line (the build is still read)', () => {
    expect(events.some((e) => e.type === 'docker.step.start')).toBe(true)
  })
})

describe('os-release, lsb_release, debian_version', () => {
  test('os-release keys (os-release(5))', () => {
    expect(parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"')).toEqual({ fact: 'os', value: 'Debian GNU/Linux 12 (bookworm)' })
    expect(parseOsRelease('VERSION_CODENAME=bookworm')).toEqual({ fact: 'os-codename', value: 'bookworm' })
    expect(parseOsRelease('ID=debian')).toEqual({ fact: 'os-id', value: 'debian' })
    expect(parseOsRelease('HOME_URL="https://www.debian.org/"')).toEqual({ fact: null, value: 'https://www.debian.org/' })
  })
  test('near misses: unknown keys, unquoted values with spaces', () => {
    expect(parseOsRelease('PATH=/usr/bin')).toBeUndefined()
    expect(parseOsRelease('ID=debian and more')).toBeUndefined()
  })
  test('lsb_release -a', () => {
    expect(parseLsbRelease('Codename:\tbookworm')).toEqual({ fact: 'os-codename', value: 'bookworm' })
    expect(parseLsbRelease('Description:\tDebian GNU/Linux 12 (bookworm)')).toEqual({ fact: 'os', value: 'Debian GNU/Linux 12 (bookworm)' })
    expect(parseLsbRelease('Description: something')).toBeUndefined()
  })
  test('a whole dump after its commands, as a CI job prints it', () => {
    const log = ['$ cat /etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', 'NAME="Debian GNU/Linux"', 'VERSION_ID="12"', '$ cat /etc/debian_version', '12.5', '$ uname -r', '6.1.0-13-amd64', ''].join('\n')
    const events = parse(log)
    expect(facts(events)).toEqual([
      ['os', 'Debian GNU/Linux 12 (bookworm)', 'os-release'],
      ['os-version', '12', 'os-release'],
      ['debian-version', '12.5', 'debian_version'],
      ['kernel', '6.1.0-13-amd64', 'uname'],
    ])
    expect(events.at(-1)).toMatchObject({ unrecognized: 0 })
  })
  test('a bare version line without its command is not a fact', () => {
    expect(facts(parse('12.5\n6.1.0-13-amd64\n'))).toEqual([])
  })
})

describe('CI runner headers', () => {
  // GitHub Actions "Set up job" lines as published job logs show them (actions/runner prints the
  // version; `.setup_info` groups follow; the group markers are consumed by the line layer).
  test('GitHub: runner version, operating system, runner image and its version', () => {
    const log = [
      "2023-09-20T18:22:11.8297776Z Current runner version: '2.309.0'",
      '2023-09-20T18:22:11.8331551Z ##[group]Operating System',
      '2023-09-20T18:22:11.8332215Z Ubuntu',
      '2023-09-20T18:22:11.8332615Z 22.04.3',
      '2023-09-20T18:22:11.8332969Z LTS',
      '2023-09-20T18:22:11.8333293Z ##[endgroup]',
      '2023-09-20T18:22:11.8333861Z ##[group]Runner Image',
      '2023-09-20T18:22:11.8334327Z Image: ubuntu-22.04',
      '2023-09-20T18:22:11.8334695Z Version: 20230911.1.0',
      '2023-09-20T18:22:11.8335355Z Included Software: https://github.com/actions/runner-images/blob/ubuntu22/20230911.1/images/linux/Ubuntu2204-Readme.md',
      '2023-09-20T18:22:11.8336780Z ##[endgroup]',
      '',
    ].join('\n')
    expect(facts(parse(log))).toEqual([
      ['runner-version', '2.309.0', 'github-runner'],
      ['runner-os', 'Ubuntu 22.04.3', 'github-runner'],
      ['runner-image', 'ubuntu-22.04', 'github-runner'],
      ['runner-image-version', '20230911.1.0', 'github-runner'],
    ])
  })
  test('GitHub before 2021: "Virtual Environment" with Environment:', () => {
    expect(githubHeaderLine('Environment: ubuntu-18.04', undefined)).toEqual({ fact: 'runner-image', value: 'ubuntu-18.04' })
    expect(githubHeaderLine('Version: 20200323.1', 'Environment: ubuntu-18.04')).toEqual({ fact: 'runner-image-version', value: '20200323.1' })
    expect(githubHeaderLine('Version: 20260729.566', 'Hosted Compute Agent')).toBeNull()
  })
  test('GitHub runner version near misses', () => {
    expect(githubRunnerVersion("Current runner version: '2.336.0'")).toBe('2.336.0')
    expect(githubRunnerVersion('Current runner version: 2.336.0')).toBeUndefined()
  })
  test('GitLab: runner version, executor, job image and its digest (services are not the job image)', () => {
    const log = [
      'Running with gitlab-runner 17.0.0 (44feccdf)',
      '  on git-run LFbmeZy7G, system ID: s_e77be7377126',
      'Preparing the "docker" executor',
      'Using Docker executor with image debian:bookworm ...',
      'Pulling docker image docker:dind ...',
      'Using docker image sha256:d14813e41c93 for docker:dind with digest docker@sha256:a811114bcd41 ...',
      'Using docker image sha256:0a9822c8848d for debian:bookworm with digest debian@sha256:e4ecd4e9ad51 ...',
      '',
    ].join('\n')
    expect(facts(parse(log))).toEqual([
      ['gitlab-runner-version', '17.0.0', 'gitlab-runner'],
      ['executor', 'docker', 'gitlab-runner'],
      ['executor-image', 'debian:bookworm', 'gitlab-runner'],
      ['executor-image-id', 'debian@sha256:e4ecd4e9ad51', 'gitlab-runner'],
    ])
    expect(gitlabRunnerLine('Running with gitlab-runner', undefined)).toBeUndefined()
  })
})

// Linear time of the ENV_RULES is checked with every table in test/hardening/regex-safety.test.ts.

describe('docker version and the base image (D31, D06)', () => {
  test('docker version: Go version and OS/Arch of the client and of the engine', () => {
    const got = facts(parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log'))).filter(([f]) => /go-version|os-arch/.test(f))
    expect(got).toEqual([
      ['docker-client-go-version', 'go1.24.3', 'docker-version'],
      ['docker-client-os-arch', 'linux/amd64', 'docker-version'],
      ['docker-engine-go-version', 'go1.19.8', 'docker-version'],
      ['docker-engine-os-arch', 'linux/amd64', 'docker-version'],
    ])
  })
  const baseImage = (log: string | Uint8Array): unknown => summarize(parse(log)).environment.filter((f) => f.fact.startsWith('base-image'))
  test('BuildKit: the FROM vertex names the base image; the load metadata vertex does not override it', () => {
    expect(baseImage(fixtureBytes('docker/D06-cli20-buildkit-plain-seed-bookworm.log'))).toEqual([
      { fact: 'base-image', value: 'local/debian:bookworm', scope: 'image', source: 'docker-build', line: 15 },
    ])
  })
  test('BuildKit: a log that lost its FROM vertex (D06 with lines 15–17 cut) still names the base image, from `load metadata for`', () => {
    const lines = fixtureText('docker/D06-cli20-buildkit-plain-seed-bookworm.log').split('\n')
    const clipped = [...lines.slice(0, 14), ...lines.slice(17)].join('\n')
    expect(baseImage(clipped)).toEqual([{ fact: 'base-image', value: 'local/debian:bookworm', scope: 'image', source: 'docker-build', line: 11 }])
  })
})

describe('environment in the run model and the diff', () => {
  test('D30 vs D31: same job, same tag; the client version and the base image id differ; kernel, engine and storage driver do not', () => {
    const d = diffRuns(summarize(parse(fixtureBytes('docker/D30-ci-job-local-legacy-cli20.log'))), summarize(parse(fixtureBytes('docker/D31-ci-job-runner-legacy-cli28-broken-base.log'))))
    const kinds = d.findings.map((f) => f.kind)
    expect(kinds).toEqual(expect.arrayContaining(['env.docker-client-differs', 'env.base-image-differs']))
    expect(kinds).not.toContain('env.kernel-differs')
    expect(kinds).not.toContain('env.docker-engine-differs')
    expect(kinds).not.toContain('env.storage-driver-differs')
    const fact = (name: string): unknown => d.environment.find((c) => c.fact === name && c.scope === 'host')
    expect(fact('kernel')).toMatchObject({ a: '6.18.44-fc-v657', b: '6.18.44-fc-v657', same: true })
    expect(fact('docker-engine-version')).toMatchObject({ same: true })
    expect(fact('storage-driver')).toMatchObject({ a: 'vfs', b: 'vfs', same: true })
    expect(fact('docker-client-version')).toMatchObject({ a: '20.10.24+dfsg1', b: '28.2.2', same: false })
    expect(d.environment.find((c) => c.fact === 'base-image-id')).toMatchObject({ a: 'c7321c6412da', b: '7b3a3bca6e9a', same: false })
    expect(d.findings.find((f) => f.kind === 'env.base-image-differs')?.message).toBe('the base image tag ci/debian:bookworm moved: c7321c6412da → 7b3a3bca6e9a')
  })

  test('the incident: each excerpt preceded by its uname -a line gives env.kernel-differs next to the pre-dependency root cause', () => {
    // Assembled from the write-up: the author ran `uname -a` on both machines after the builds
    // (fixtures/seed/incident-uname-*.txt); here each line is put in front of its build's excerpt.
    const local = `${fixtureText('seed/incident-uname-local.txt')}${fixtureText('seed/incident-local-excerpt.log')}`
    const runner = `${fixtureText('seed/incident-uname-runner.txt')}${fixtureText('seed/incident-runner-excerpt.log')}`
    const d = diffRuns(summarize(parse(local)), summarize(parse(runner)))
    expect(d.rootCause).toMatchObject({ kind: 'dpkg.pre-dependency', package: 'libgcc1' })
    expect(d.findings.find((f) => f.kind === 'env.kernel-differs')?.message).toBe('kernel 4.4.0-103-generic → 4.4.0-98-generic')
  })

  test('the same install in en_GB and in German: the only finding is the language; the plans are the same', () => {
    const english = summarize(parse(fixtureBytes('locale/bookworm-en_GB-a-update-install-openssh-client-no-recommends.log')))
    const german = summarize(parse(fixtureBytes('locale/bookworm-de-a-update-install-openssh-client-no-recommends.log')))
    expect(english.environment.find((f) => f.fact === 'apt-language')).toMatchObject({ value: 'en', scope: 'host', source: 'apt-output', line: 1 })
    expect(german.environment.find((f) => f.fact === 'apt-language')).toMatchObject({ value: 'de', scope: 'host', source: 'apt-output', line: 1 })
    const d = diffRuns(english, german)
    expect(d.findings.map((f) => [f.kind, f.message])).toEqual([['env.apt-language-differs', 'apt/dpkg language en → de']])
  })

  test('a log without apt or dpkg output has no language', () => {
    expect(summarize(parse('hello\nworld\n')).environment.find((f) => f.fact === 'apt-language')).toBeUndefined()
  })
})
