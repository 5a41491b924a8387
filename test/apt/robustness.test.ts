import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CONSUMED, IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE } from '../../src/grammar/verdict.ts'
import { runApt } from './support.ts'

/** Real apt lines from the captures (bookworm, trixie, sid, the seed) and the format reference. */
const VOCABULARY: readonly string[] = [
  'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]',
  'Get:11 http://mirror.example.com/debian bookworm/main amd64 openssh-client amd64 1:9.2p1-2+deb12u10 [994 kB]',
  'Ign http://mirrors.aliyun.com jessie InRelease',
  'Err:1 http://127.0.0.1:9/debian trixie InRelease',
  '  Could not connect to 127.0.0.1:9 (127.0.0.1). - connect (111: Connection refused)',
  'Fetched 6258 kB in 1s (6438 kB/s)',
  'Reading package lists...',
  'Building dependency tree...',
  'Solving dependencies...',
  'The following NEW packages will be installed:',
  '  libbsd0 libcbor0.8 libedit2 libfido2-1 libgssapi-krb5-2 libk5crypto3',
  'Installing dependencies:',
  '  adduser      libcom-err2  libfido2-1        libk5crypto3  libkrb5-3',
  '  cron                    | libsasl2-modules-gssapi-heimdal  monkeysphere',
  '   demo-a (1.0-1 => 2.0-1)',
  'adduser debconf debianutils dpkg ... (一共40个软件包)',
  'Suggested packages: ...',
  'Summary:',
  '  Upgrading: 0, Installing: 11, Removing: 0, Not Upgrading: 0',
  '0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.',
  'Need to get 3934 kB/10.7 MB of archives.',
  'After this operation, 14.9 MB of additional disk space will be used.',
  'E: Unable to locate package nonexistent-pkg-xyz',
  'E: The following information from --solver 3.0 may provide additional context:',
  '   Unable to satisfy dependencies. Reached two conflicting decisions:',
  '      [no choices]',
  'The following packages have unmet dependencies:',
  ' apt : Depends: base-passwd (>= 3.6.1) but it is not going to be installed or',
  '                adduser but it is not going to be installed',
  'Package mail-transport-agent is a virtual package provided by:',
  'Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 32654 (python3)...',
  'Do you want to continue? [Y/n] Abort.',
  'WARNING: The following essential packages will be removed.',
  '',
  '0% [Working]',
  'Paketlisten werden gelesen…',
  'Selecting previously unselected package libbsd0:amd64.',
]

const line = fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 60 }), fc.constantFrom(...VOCABULARY).chain((v) => fc.nat(v.length).map((n) => v.slice(0, n))))

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true
  if (Array.isArray(value)) return value.some(hasUndefined)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUndefined)
  return false
}

describe('the apt grammar never throws and keeps its verdicts honest', () => {
  test('any sequence of real, truncated and random lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const { events, verdicts } = runApt(lines)
        expect(verdicts.every((v) => v === CONSUMED || v === IGNORED || v === UNRECOGNIZED || v === UNRECOGNIZED_APT_LIKE)).toBe(true)
        for (const event of events) {
          // Readonly, JSON-serialisable, optional fields omitted rather than undefined.
          expect(hasUndefined(event)).toBe(false)
          expect(JSON.parse(JSON.stringify(event))).toEqual(event)
          expect(event.line).toBeGreaterThanOrEqual(1)
          expect(event.line).toBeLessThanOrEqual(lines.length)
          if (event.endLine !== undefined) expect(event.endLine).toBeGreaterThan(event.line)
        }
        // Every consumed line lies inside some event's range.
        const covered = new Set<number>()
        for (const e of events) for (let i = e.line; i <= (e.endLine ?? e.line); i++) covered.add(i)
        verdicts.forEach((v, i) => {
          if (v === CONSUMED) expect(covered.has(i + 1)).toBe(true)
        })
      }),
      { numRuns: 400 },
    )
  })

  test('events come in line order (streaming: nothing is held back past a later event)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 40 }), (lines) => {
        const { events } = runApt(lines)
        const starts = events.filter((e) => e.type !== 'problem').map((e) => e.line)
        expect(starts).toEqual([...starts].sort((a, b) => a - b))
      }),
      { numRuns: 300 },
    )
  })
})
