/**
 * The two-character dispatch of the docker rules (src/docker/keyed-dispatch.ts) gives the
 * first-character dispatch's answer: on every line of every capture, and on the lines that sit at
 * its edges (one character, a second character past ASCII, framing that shares its first letter
 * with apt output).
 */
import { describe, expect, test } from 'vitest'
import { createKeyedDispatch } from '../../src/docker/keyed-dispatch.ts'
import { KEYED_DOCKER_LINE_RULES } from '../../src/docker/rules.ts'
import { createDispatch } from '../../src/grammar/rules.ts'
import { allCaptures, fixtureText } from '../support/fixtures.ts'

const byFirst = createDispatch(KEYED_DOCKER_LINE_RULES)
const byFirstTwo = createKeyedDispatch(KEYED_DOCKER_LINE_RULES)

/** Rule id and value of a dispatch's answer, comparable. */
function answer(hit: { rule: { id: string }; value: unknown } | undefined): unknown {
  return hit === undefined ? undefined : { rule: hit.rule.id, value: hit.value }
}

/** A GitHub Actions timestamp before the line (the router reads lines without it). */
const CI_TIMESTAMP = /^\d{4}-\d\d-\d\dT[\d:.]+Z /

describe('docker rules keyed on two characters', () => {
  const cases: { name: string; text: string; rule: string | undefined }[] = [
    { name: 'legacy step', text: 'Step 2/5 : RUN apt-get update', rule: 'docker.legacy.step' },
    { name: 'Podman step', text: 'STEP 2/5: RUN apt-get update', rule: 'docker.podman.step' },
    { name: 'Podman stage step', text: '[1/2] STEP 1/3: FROM debian AS build', rule: 'docker.podman.step' },
    { name: 'legacy image line', text: ' ---> 04e90b9df1bf', rule: 'docker.legacy.image' },
    { name: 'legacy image line, space eaten by a CI', text: '---> 04e90b9df1bf', rule: 'docker.legacy.image' },
    { name: 'removed container, old daemon', text: 'Removing intermediate container 90eeb23334c6', rule: 'docker.legacy.removed-container' },
    { name: 'warnings summary', text: ' 2 warnings found (use docker --debug to expand):', rule: 'docker.notice.warnings-summary' },
    { name: 'tty job', text: ' => [2/2] RUN apt-get install -y curl                          3.3s', rule: 'docker.tty.job' },
    { name: 'near miss: dpkg output with the S of Step', text: 'Selecting previously unselected package curl.', rule: undefined },
    { name: 'near miss: apt plan line with the space of --->', text: '  curl libcurl4', rule: undefined },
    { name: 'near miss: one character', text: 'S', rule: undefined },
    { name: 'near miss: a second character past ASCII', text: 'Sé', rule: undefined },
    { name: 'near miss: Unpacking, with the U of Usage', text: 'Unpacking curl (7.88.1-10) ...', rule: undefined },
  ]
  for (const c of cases) {
    test(c.name, () => {
      expect(byFirstTwo.match(c.text)?.rule.id).toBe(c.rule)
      expect(answer(byFirstTwo.match(c.text))).toEqual(answer(byFirst.match(c.text)))
    })
  }

  test('every line of every capture gets the first-character answer', () => {
    let lines = 0
    let hits = 0
    const differing: string[] = []
    for (const name of allCaptures()) {
      for (const raw of fixtureText(name).split('\n')) {
        for (const text of [raw, raw.replace(CI_TIMESTAMP, '')]) {
          lines++
          const expected = answer(byFirst.match(text))
          if (expected !== undefined) hits++
          if (JSON.stringify(answer(byFirstTwo.match(text))) !== JSON.stringify(expected)) differing.push(`${name}: ${JSON.stringify(text)}`)
        }
      }
    }
    expect(differing).toEqual([])
    // Not vacuous: the captures hold docker framing of every kind.
    expect(lines).toBeGreaterThan(10_000)
    expect(hits).toBeGreaterThan(500)
  })

  test('a rule without first characters, or with second characters past ASCII, is refused', () => {
    expect(() => createKeyedDispatch([{ id: 'x', first: '', match: () => undefined }])).toThrow(/first characters/)
    expect(() => createKeyedDispatch([{ id: 'x', first: 'S', second: 'é', match: () => undefined }])).toThrow(/ASCII/)
  })
})
