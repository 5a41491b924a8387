import { describe, expect, test } from 'vitest'
import { diffReport, diffRuns, parse, renderMarkdown, renderText, summarize, type RunDiff, type RunSummary } from '../../src/index.ts'
import { fixtureBytes } from '../support/fixtures.ts'

const run = (name: string): ReturnType<typeof summarize> => summarize(parse(fixtureBytes(name)))
const diffOf = (a: string, b: string): RunDiff => diffRuns(run(a), run(b))
const kinds = (d: RunDiff): string[] => d.findings.map((f) => f.kind)

describe('the incident: the seed excerpts (apt 1.0, legacy builder, runner behind a timestamp prefix)', () => {
  const d = diffOf('seed/incident-local-excerpt.log', 'seed/incident-runner-excerpt.log')

  test('3 vs 40 newly installed, from the counts lines', () => {
    expect(d.steps.find((s) => s.key.startsWith('RUN apt-get update'))?.counts).toEqual({
      a: { upgraded: 0, newlyInstalled: 3, removed: 0, notUpgraded: 8 },
      b: { upgraded: 0, newlyInstalled: 40, removed: 0, notUpgraded: 0 },
    })
    expect(d.findings.find((f) => f.kind === 'diff.packages-planned')?.message).toMatch(/^run B plans 37 more packages than run A \(40 vs 3 newly installed\)/)
  })

  test('dpkg is among B’s planned packages although the excerpt lost its list indentation', () => {
    expect(d.packages.added).toContain('dpkg')
    const essential = d.findings.find((f) => f.kind === 'diff.essential-packages-planned')
    expect(essential?.packages).toEqual(expect.arrayContaining(['dpkg', 'debianutils', 'debconf']))
  })

  test('the steps align by instruction although the legacy builder kept different spacing', () => {
    expect(d.steps.map((s) => s.change)).toEqual(['changed'])
  })

  test('the root cause is the pre-dependency problem on libgcc1', () => {
    expect(d.rootCause).toMatchObject({ kind: 'dpkg.pre-dependency', package: 'libgcc1', line: 18, step: '5' })
  })

  test('the text report tells it in its first paragraph', () => {
    const text = renderText(diffReport(d, { a: 'local.log', b: 'runner.log' }))
    const lead = text.split('\n\n')[1] ?? ''
    expect(lead.replace(/\s+/g, ' ')).toContain('Run B plans 37 more packages than run A (40 vs 3 newly installed), among them 3 that every base system already has (debianutils, dpkg, debconf)')
    expect(lead).toMatch(/dpkg/)
    expect(lead.replace(/\s+/g, ' ')).toContain('The failure: pre-dependency problem on libgcc1')
    expect(text.split('\n').length).toBeLessThan(40)
  })

  test('the Markdown report says the same', () => {
    const md = renderMarkdown(diffReport(d, { a: 'local.log', b: 'runner.log' }))
    expect(md).toContain('Run B plans 37 more packages than run A (40 vs 3 newly installed)')
    expect(md).toContain('### Root cause (B)')
    expect(md).toContain('dpkg.pre-dependency: pre-dependency problem - not installing libgcc1:amd64')
    expect(md).toMatch(/only in B \(5\): adduser, debconf, debianutils, dpkg, sensible-utils/)
  })
})

describe('the bundled pair: one CI job, same Dockerfile and tag, different image behind the tag (D30 vs D31)', () => {
  const d = diffOf('docker/D30-ci-job-local-legacy-cli20.log', 'docker/D31-ci-job-runner-legacy-cli28-broken-base.log')
  test('B plans 36 packages where A planned 11, base-system ones among them', () => {
    expect(kinds(d)).toEqual(expect.arrayContaining(['diff.packages-planned', 'diff.essential-packages-planned']))
    expect(d.findings.find((f) => f.kind === 'diff.essential-packages-planned')?.packages).toEqual(expect.arrayContaining(['libc6', 'debconf', 'passwd']))
    expect(d.packages.added).toEqual(expect.arrayContaining(['libc6', 'adduser', 'debconf']))
  })
  test('both builds succeeded: no root cause', () => {
    expect(d.outcome).toEqual({ a: 'success', b: 'success' })
    expect(d.rootCause).toBeNull()
  })
})

describe('other pairs', () => {
  test('a good legacy build vs the pre-dependency build (D05 vs D18): root cause and changed steps', () => {
    const d = diffOf('docker/D05-cli20-legacy-seed-bookworm-no-cache.log', 'docker/D18-cli20-legacy-predepends-problem.log')
    expect(d.rootCause).toMatchObject({ kind: 'dpkg.pre-dependency', package: 'loop2-libgcc1' })
    expect(kinds(d)).toEqual(expect.arrayContaining(['diff.outcome-changed', 'diff.steps-changed']))
  })
  test('the same build in plain and rawjson form (D21 vs D23) differs in nothing but time', () => {
    const d = diffOf('docker/D21-cli28-buildx029-plain-seed-bookworm.log', 'docker/D23-cli28-buildx029-rawjson-seed-bookworm-no-cache.log')
    expect(d.findings).toEqual([])
    expect(d.packages).toEqual({ added: [], removed: [], changed: [] })
    expect(d.steps.every((s) => s.change === 'same')).toBe(true)
  })
  test('bookworm vs trixie seed runs: suites moved, versions changed, apt generation unchanged for apt-get', () => {
    const d = diffOf('apt/bookworm-a-good-update-install-openssh-client-no-recommends.log', 'apt/trixie-a-good-update-install-openssh-client-no-recommends.log')
    expect(kinds(d)).toContain('env.apt-sources-differ')
    expect(d.packages.changed).toContainEqual({ name: 'openssh-client', from: '1:9.2p1-2+deb12u10', to: '1:10.0p1-7+deb13u4' })
    expect(d.aptGeneration).toEqual({ a: '1.1-2.x', b: '1.1-2.x' })
  })
  test('apt-get vs apt on trixie: the apt 3 layout shows up as a generation change', () => {
    const d = diffOf('apt/trixie-a-good-update-install-openssh-client-no-recommends.log', 'apt/trixie-l1-apt-not-apt-get-install-no-tty.log')
    expect(d.aptGeneration).toEqual({ a: '1.1-2.x', b: '3.x' })
    expect(kinds(d)).toContain('diff.apt-generation-changed')
  })
  test('a fresh build vs its cached rerun (D06 vs D07): cache hits are reported, not read as package changes', () => {
    const d = diffOf('docker/D06-cli20-buildkit-plain-seed-bookworm.log', 'docker/D07-cli20-buildkit-plain-seed-bookworm-cache-hit.log')
    expect(d.steps.filter((s) => s.cached !== undefined).map((s) => [s.key.slice(0, 20), s.cached])).toContainEqual(['RUN apt-get update &', { a: false, b: true }])
    // B installed nothing because the layer came from the cache: not a package change
    expect(d.findings.map((f) => f.kind)).not.toContain('diff.packages-planned')
    expect(d.packages).toEqual({ added: [], removed: [], changed: [] })
    // nor per step: the cached RUN step lists no removed package, and the report says "cached in B"
    const run = d.steps.find((s) => s.key.startsWith('RUN apt-get update'))
    expect(run?.packages).toEqual({ added: [], removed: [], changed: [] })
    expect(renderText(diffReport(d))).toMatch(/RUN apt-get update .* cached in B/)
  })
  test('a build that adds a repository (D05 vs D18): the finding names it once, without an empty side', () => {
    const d = diffOf('docker/D05-cli20-legacy-seed-bookworm-no-cache.log', 'docker/D18-cli20-legacy-predepends-problem.log')
    expect(d.findings.find((f) => f.kind === 'env.apt-sources-differ')?.message).toBe('apt repositories differ: only run B uses http://127.0.0.1:8765 ./')
  })
  test('the fresh build after a cached one (D07 vs D06) is a cache miss', () => {
    const d = diffOf('docker/D07-cli20-buildkit-plain-seed-bookworm-cache-hit.log', 'docker/D06-cli20-buildkit-plain-seed-bookworm.log')
    expect(d.findings.map((f) => f.kind)).toEqual(['diff.cache-miss'])
  })
  test('a run diffed with itself has no findings', () => {
    const d = diffOf('apt/bookworm-b6e-predepends-loop-http-stoponerror-false.log', 'apt/bookworm-b6e-predepends-loop-http-stoponerror-false.log')
    expect(d.findings).toEqual([])
    expect(d.problems.new).toEqual([])
  })
})

describe('a slower step and why (diff.step-slower)', () => {
  // D06 (a real BuildKit build: its RUN step took 4.1 s, apt fetched 18.9 MB in 3 s) against a copy
  // whose RUN step is slower, edited in the run model: no capture pair in the corpus has a slow mirror.
  const a = summarize(parse(fixtureBytes('docker/D06-cli20-buildkit-plain-seed-bookworm.log')))
  const slower = (runMs: number, fetchFactor: number): RunSummary => ({
    ...a,
    steps: a.steps.map((s) => (s.instruction?.startsWith('RUN ') === true ? { ...s, durationMs: runMs } : s)),
    transactions: a.transactions.map((t) => (t.fetched === undefined ? t : { ...t, fetched: { ...t.fetched, seconds: t.fetched.seconds * fetchFactor } })),
  })
  const finding = (b: RunSummary): string | undefined => diffRuns(a, b).findings.find((f) => f.kind === 'diff.step-slower')?.message

  test('a RUN step 10× slower with apt fetching at a quarter of the rate names the mirror, in the findings and the story', () => {
    expect(renderText(diffReport(diffRuns(a, slower(41_000, 4)))).replace(/\s+/g, ' ')).toContain('Slower: RUN apt-get update')
    expect(finding(slower(41_000, 4))).toBe('RUN apt-get update && apt-get install -y --no-install-recommends openssh-client && apt-get clean && rm -rf /var/lib/apt/lists/* took 41.0s in B against 4.1s in A: a slower mirror (6311 kB/s → 1578 kB/s)')
  })
  test('slower with the same download rate: the finding names no reason it cannot prove', () => {
    expect(finding(slower(95_000, 1))).toMatch(/took 1min 35s in B against 4\.1s in A$/)
  })
  test('not a finding: twice as slow but under 10 s more, or 10 s more but not twice as slow, or the same', () => {
    expect(finding(slower(9_000, 1))).toBeUndefined()
    expect(finding(a)).toBeUndefined()
    const long = { ...a, steps: a.steps.map((s) => (s.instruction?.startsWith('RUN ') === true ? { ...s, durationMs: 30_000 } : s)) }
    expect(diffRuns(long, { ...long, steps: long.steps.map((s) => (s.instruction?.startsWith('RUN ') === true ? { ...s, durationMs: 45_000 } : s)) }).findings.map((f) => f.kind)).not.toContain('diff.step-slower')
  })
})
