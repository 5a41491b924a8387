import { beforeAll, describe, expect, test } from 'vitest'
import { DOCKER_RULES } from '../../src/docker/rules.ts'

const MIB = 1_048_576

/** Starts of real docker lines: an adversarial input follows one with a long run of one pattern. */
const SEEDS: readonly string[] = [
  '',
  '#5 ',
  '#5 0.',
  '#5 0.354 ',
  '#5 DONE ',
  '#5 ERROR: ',
  '#5 sha256:',
  '#5 [',
  '#0 building with "',
  'Sending build context to Docker daemon ',
  'Step ',
  'Step 1/',
  ' ---> ',
  ' ---> Running in ',
  'Removing intermediate container ',
  'Successfully built ',
  'Successfully tagged ',
  "The command '",
  '[1/',
  '[1/2] STEP ',
  'STEP 1/',
  '--> ',
  'Error: building at STEP "',
  'ERROR: failed to solve: ',
  'executor failed running [',
  'process "',
  'invalid value "',
  'DEPRECATED: The legacy builder is deprecated',
  ' 1',
  '------',
  ' > ',
  'Dockerfile:',
  '   1 |',
  '[output clipped, log limit ',
  '{"vertexes":[',
  '{',
]

/** Patterns repeated to fill the line: the separators and characters the rules look for. */
const FILLS: readonly string[] = [' ', 'a', '0', '0.', ':', "'", '"', '\\"', '[', ']: ', '/', '#', '-', '\r', ' |', ' reached]', 'exit code: ', '{"a":', ',']

function adversarial(seed: string, fill: string, length: number): string {
  return seed + fill.repeat(Math.ceil((length - seed.length) / fill.length))
}

describe('regex safety: every docker rule runs in linear time on 1 MiB adversarial lines', () => {
  // Each input is built once and given to every rule; the slowest run per rule is kept.
  const slowest = new Map<string, number>()
  beforeAll(() => {
    for (const seed of SEEDS) {
      for (const fill of FILLS) {
        const input = adversarial(seed, fill, MIB)
        for (const rule of DOCKER_RULES) {
          const started = performance.now()
          rule.match(input)
          const took = performance.now() - started
          slowest.set(rule.id, Math.max(slowest.get(rule.id) ?? 0, took))
        }
      }
    }
  })

  test('the rule table is exported and complete', () => {
    expect(DOCKER_RULES.length).toBeGreaterThan(40)
    expect(DOCKER_RULES.map((r) => r.id)).toEqual(expect.arrayContaining(['docker.buildkit.log', 'docker.legacy.step', 'docker.rawjson', 'docker.log-clipped', 'docker.source.line']))
  })

  for (const rule of DOCKER_RULES) {
    test(rule.id, () => {
      // A linear scan of 1 MiB takes milliseconds; a quadratic one would take minutes.
      expect(slowest.get(rule.id)).toBeLessThan(1000)
    })
  }
})
