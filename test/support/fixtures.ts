/** Access to the captures in fixtures/, the only place tests read them from (a fresh clone or the npm package has nothing else). */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute path of the fixtures folder. */
export const FIXTURES: string = fileURLToPath(new URL('../../fixtures/', import.meta.url))

/** Bytes of a fixture, by path relative to fixtures/. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)))
}

/** Text of a fixture. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

/** Every capture (`*.log`, `*.txt`) under fixtures/, relative paths, sorted. */
export function allCaptures(folder = ''): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(log|txt)$/.test(entry.name)) out.push(relative(FIXTURES, full))
    }
  }
  walk(join(FIXTURES, folder))
  return out.sort()
}
