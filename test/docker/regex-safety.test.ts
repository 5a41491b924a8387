import { describe, expect, test } from 'vitest'
import { DOCKER_RULES } from '../../src/docker/rules.ts'

// Linear time of every rule is checked for all tables at once in test/hardening/regex-safety.test.ts.
describe('the docker rule table', () => {
  test('the rule table is exported and complete', () => {
    expect(DOCKER_RULES.length).toBeGreaterThan(40)
    expect(DOCKER_RULES.map((r) => r.id)).toEqual(expect.arrayContaining(['docker.buildkit.log', 'docker.legacy.step', 'docker.rawjson', 'docker.log-clipped', 'docker.source.line']))
  })
})
