/**
 * Names are data: a package, stage or step named `__proto__`, `constructor`, `toString`,
 * `hasOwnProperty`, with `:arch`, unicode, quotes, backslashes or 5000 characters long never
 * corrupts a map or the JSON output. Inputs are real captures with one name substituted:
 * - apt/bookworm-h1-failing-postinst.log: the package in the plan list, the `Get:` line, dpkg's
 *   Selecting / Preparing / Unpacking / Setting up lines, the dpkg error block and the errors
 *   summary;
 * - docker/D11 (BuildKit plain, stage `web` → the name: `[__proto__ 2/2] RUN …`, `COPY --from=…`);
 * - docker/handmade-rawjson-failing.log (rawjson, stage `base` → the name);
 * - docker/D01 (legacy, `FROM … AS <name>`).
 *
 * What must hold: the events and the summary survive a JSON round trip unchanged; the summary
 * holds exactly the names the events carry (nothing lost to a plain-object key); the diff of the
 * original and the renamed run names the package on each side; `Object.prototype` is untouched.
 * For names every layer accepts (`constructor`, `prototype`, `null`, `undefined`) the events are
 * the original ones with the name replaced.
 * @module
 */

import { describe, expect, test } from 'vitest'
import { clip } from '../../src/events/budget.ts'
import {
  diffReport,
  diffRuns,
  formatGithub,
  formatSarif,
  parse,
  renderMarkdown,
  renderText,
  summarize,
  summaryReport,
  type AptLogEvent,
  type RunSummary,
} from '../../src/index.ts'
import { accountingViolation, jsonViolation, parseChunks } from '../fuzz/check.ts'
import { fixtureText } from '../support/fixtures.ts'

const H1 = fixtureText('apt/bookworm-h1-failing-postinst.log')
const ORIGINAL = 'failing-postinst'
const D11 = fixtureText('docker/D11-cli20-buildkit-plain-multistage-concurrent-apt.log')
const RAWJSON = fixtureText('docker/handmade-rawjson-failing.log')
const D01 = fixtureText('docker/D01-legacy-seed-bookworm.log')

const NAMES: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  '__proto__:amd64',
  'constructor:i386',
  'libc6:amd64:amd64',
  'café-tools',
  'пакет',
  '😀-pkg',
  'a"b',
  "a'b",
  'a\\b',
  'a\\"b',
  'a<b>&c',
  'null',
  'undefined',
  'x'.repeat(5000),
]

/** Names every layer (apt's lists, dpkg, the run model) reads as a package: lower-case Debian names. */
const ACCEPTED_EVERYWHERE: readonly string[] = ['constructor', 'prototype', 'null', 'undefined']

const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort()
const PROTOTYPE_BEFORE = prototypeKeys()

/** Parse, check the accounting and that the events come back unchanged from JSON. */
function parseChecked(text: string): AptLogEvent[] {
  const bytes = new TextEncoder().encode(text)
  const { events, errors } = parseChunks([bytes])
  expect(errors).toEqual([])
  expect(accountingViolation(events, bytes)).toBeUndefined()
  for (const e of events) expect(jsonViolation(e), e.type).toBeUndefined()
  expect(JSON.parse(JSON.stringify(events))).toEqual(events)
  return events
}

/** The summary, checked: JSON round trip, and every renderer. */
function summarizeChecked(events: readonly AptLogEvent[]): RunSummary {
  const run = summarize(events)
  expect(jsonViolation(run, false)).toBeUndefined()
  expect(JSON.parse(JSON.stringify(run))).toEqual(run)
  renderText(summaryReport(run))
  renderMarkdown(summaryReport(run))
  formatGithub(run, 'build.log')
  expect(JSON.parse(JSON.stringify(formatSarif(run, 'build.log', '0.0.0')))).toMatchObject({ version: '2.1.0' })
  return run
}

const bare = (name: string): string => (name.includes(':') ? name.slice(0, name.indexOf(':')) : name)
const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort()

/** Names by what the events say happened to them. */
function namesInEvents(events: readonly AptLogEvent[]): { setup: string[]; unpack: string[]; planned: string[]; downloaded: string[] } {
  const setup: string[] = []
  const unpack: string[] = []
  const planned: string[] = []
  const downloaded: string[] = []
  for (const e of events) {
    if (e.type === 'dpkg.progress' && e.package !== undefined) {
      if (e.action === 'setup') setup.push(e.package)
      if (e.action === 'unpack') unpack.push(e.package)
    }
    if (e.type === 'apt.plan.list' && e.list === 'new') planned.push(...e.packages)
    if (e.type === 'apt.acquire' && e.result === 'get' && e.package !== undefined) downloaded.push(e.package)
  }
  return { setup: sorted(setup), unpack: sorted(unpack), planned: sorted(planned), downloaded: sorted(downloaded) }
}

/** The same, from the run model. */
function namesInRun(run: RunSummary): { setup: string[]; unpack: string[]; planned: string[]; downloaded: string[] } {
  const t = run.transactions
  return {
    setup: sorted(t.flatMap((x) => x.setUp.map((p) => p.name))),
    unpack: sorted(t.flatMap((x) => x.unpacked.map((p) => p.name))),
    planned: sorted(t.flatMap((x) => x.planned.new)),
    downloaded: sorted(t.flatMap((x) => x.downloaded.map((p) => p.name))),
  }
}

/** Every name the run installs, as diffRuns counts them (plan lists, downloads, unpack, setup; `:arch` dropped). */
function installed(run: RunSummary): Set<string> {
  const out = new Set<string>()
  for (const t of run.transactions) {
    for (const n of [...t.planned.new, ...t.planned.additional, ...t.planned.upgrade, ...t.planned.downgrade]) out.add(bare(n))
    for (const p of [...t.downloaded, ...t.unpacked, ...t.setUp]) out.add(bare(p.name))
  }
  return out
}

describe('package names are data (apt + dpkg capture, every place a name appears)', () => {
  const originalEvents = parse(H1)
  const originalRun = summarize(originalEvents)

  for (const name of NAMES) {
    test(JSON.stringify(name.length > 40 ? `${name.slice(0, 12)}… (${name.length} chars)` : name), () => {
      const events = parseChecked(H1.replaceAll(ORIGINAL, name))
      const run = summarizeChecked(events)

      // the run model keeps exactly the names the events carry, `:arch` split off, clipped to the
      // retention budget's length (events/budget.ts: the 5000-character name keeps 4096 and a mark)
      const fromEvents = namesInEvents(events)
      const fromRun = namesInRun(run)
      const kept = (n: string): string => clip(bare(n))
      expect(fromRun.setup).toEqual(sorted(fromEvents.setup.map(kept)))
      expect(fromRun.unpack).toEqual(sorted(fromEvents.unpack.map(kept)))
      expect(fromRun.planned).toEqual(sorted(fromEvents.planned.map((n) => clip(n))))
      expect(sorted(fromRun.downloaded.map(bare))).toEqual(sorted(fromEvents.downloaded.map(kept)))
      // apt's plan list names it whatever it is: the name reaches the run model
      expect(fromRun.planned.some((n) => n === clip(name) || bare(n) === kept(name)) || fromEvents.planned.length === 0).toBe(true)

      // the diff: the renamed package is added, the original removed, computed from the two sets
      const d = diffRuns(originalRun, run)
      const a = installed(originalRun)
      const b = installed(run)
      expect(d.packages.added).toEqual([...b].filter((n) => !a.has(n)).sort())
      expect(d.packages.removed).toEqual([...a].filter((n) => !b.has(n)).sort())
      expect(JSON.parse(JSON.stringify(d))).toEqual(d)
      expect(jsonViolation(d, false)).toBeUndefined()
      const text = renderText(diffReport(d, { a: 'original', b: name }))
      const markdown = renderMarkdown(diffReport(d))
      if (b.has(bare(name)) && name.length < 100) expect(text).toContain(bare(name))
      expect(markdown.length).toBeGreaterThan(0)

      // a version change of the renamed package is seen as one
      const upgraded = summarize(parse(H1.replaceAll(ORIGINAL, name).replaceAll('1.0', '2.0')))
      const versions = diffRuns(run, upgraded)
      for (const n of b) {
        if (run.transactions.some((t) => [...t.setUp, ...t.unpacked, ...t.downloaded].some((p) => bare(p.name) === n && p.version === '1.0'))) {
          expect(versions.packages.changed).toContainEqual({ name: n, from: '1.0', to: '2.0' })
        }
      }
      expect(prototypeKeys()).toEqual(PROTOTYPE_BEFORE)
    })
  }

  for (const name of ACCEPTED_EVERYWHERE) {
    test(`${name}: the events are the original ones with the name replaced`, () => {
      const renamed = JSON.stringify(parse(H1.replaceAll(ORIGINAL, name)))
      expect(renamed).toBe(JSON.stringify(originalEvents).replaceAll(ORIGINAL, name))
      const run = summarize(parse(H1.replaceAll(ORIGINAL, name)))
      expect(JSON.stringify(run)).toBe(JSON.stringify(originalRun).replaceAll(ORIGINAL, name))
    })
  }
})

describe('stage names are data', () => {
  const stagesOf = (events: readonly AptLogEvent[]): string[] => sorted(events.flatMap((e) => (e.stage === undefined ? [] : [e.stage])))

  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'café', 'a"b\\c']) {
    test(`BuildKit plain: [${name} 2/2] RUN …`, () => {
      const original = parse(D11)
      const events = parseChecked(D11.replaceAll('[web ', `[${name} `).replaceAll('--from=web', `--from=${name}`))
      expect(stagesOf(events)).toEqual(sorted(stagesOf(original).map((s) => (s === 'web' ? name : s))))
      const run = summarizeChecked(events)
      const originalRun = summarize(original)
      // same steps, same order, only the stage renamed
      expect(run.steps.map((s) => `${s.id} ${s.stage ?? ''} ${s.status}`)).toEqual(originalRun.steps.map((s) => `${s.id} ${s.stage === 'web' ? name : (s.stage ?? '')} ${s.status}`))
      const d = diffRuns(originalRun, run)
      expect(jsonViolation(d, false)).toBeUndefined()
      expect(d.steps.filter((s) => s.change === 'same').length).toBeGreaterThan(5)
      renderText(diffReport(d))
      renderMarkdown(diffReport(d))
      expect(prototypeKeys()).toEqual(PROTOTYPE_BEFORE)
    })

    test(`rawjson: [${name} 2/3] RUN …`, () => {
      const original = parse(RAWJSON)
      // inside JSON strings the name is written JSON-escaped, as buildx writes it
      const events = parseChecked(RAWJSON.replaceAll('[base ', `[${JSON.stringify(name).slice(1, -1)} `))
      expect(stagesOf(events)).toEqual(sorted(stagesOf(original).map((s) => (s === 'base' ? name : s))))
      expect(summarizeChecked(events).steps.map((s) => s.stage)).toEqual(summarize(original).steps.map((s) => (s.stage === 'base' ? name : s.stage)))
    })

    test(`legacy: FROM … AS ${name}`, () => {
      const text = D01.replace(/^(Step 1\/\d+ : FROM \S+)/m, `$1 AS ${name}`)
      expect(text).not.toBe(D01)
      const events = parseChecked(text)
      expect(stagesOf(events)).toEqual([name])
      const run = summarizeChecked(events)
      expect(run.steps.filter((s) => s.stage === name).length).toBe(summarize(parse(D01)).steps.length)
      expect(run.outcome).toBe(summarize(parse(D01)).outcome)
    })
  }
})

describe('step names and instructions are data', () => {
  test('a RUN instruction full of hostile names and quotes', () => {
    const hostile = `RUN apt-get install -y __proto__ constructor "a\\"b" 'c' \`d\` $(e) ${'x'.repeat(3000)}`
    const text = D01.replace(/^Step 2\/5 : RUN .*$/m, `Step 2/5 : ${hostile}`)
    const events = parseChecked(text)
    expect(events.find((e) => e.type === 'docker.step.start' && e.step === '2')).toMatchObject({ instruction: hostile })
    const run = summarizeChecked(events)
    expect(run.steps.find((s) => s.id === '2')?.instruction).toBe(hostile)
    const d = diffRuns(summarize(parse(D01)), run)
    expect(d.steps.some((s) => s.change === 'added')).toBe(true)
    expect(renderMarkdown(diffReport(d)).length).toBeGreaterThan(0)
  })
})
