import { describe, expect, test } from 'vitest'
import { looksLikeApt } from '../../src/apt/familiar.ts'
import { runApt } from './support.ts'

describe('looksFamiliar: apt output in an unsupported locale or version (FORMATS.md §1.4)', () => {
  test.each([
    ['Holen:1 http://127.0.0.1:18777 lab InRelease [1059 B]', 'German Get (§1.4)'],
    ['Paketlisten werden gelesen…', 'German phase, Unicode ellipsis (§1.4)'],
    ['Paketlisten werden gelesen… Fertig', 'with a translated Done'],
    ['Es wurden 301 kB in 0 s geholt (0 B/s).', 'German Fetched (§1.4)'],
    ['Fehler: Paket nonexistent-pkg-xyz kann nicht gefunden werden.', 'apt 3 German error prefix'],
    ['0 aktualisiert, 11 neu installiert, 0 zu entfernen und 0 nicht aktualisiert.', 'German counts'],
    ['Abhängigkeitsbaum wird aufgebaut…', 'German, non-ASCII'],
    ['Lecture des listes de paquets... Fait', 'French'],
  ])('%s (%s) looks like apt, and the locale tables read it (docs/locales.md)', (line) => {
    expect(looksLikeApt(line)).toBe(true)
    const { events, verdicts } = runApt([line])
    expect(verdicts).toEqual([1])
    expect(events).toHaveLength(events[0]?.type === 'apt.message' ? 2 : 1)
    expect(events[0]).toMatchObject({ rule: expect.stringMatching(/^locale\./), locale: expect.stringMatching(/^(de|fr)$/) })
  })

  test.each([
    ['Paketlisten werden gelesen...', 'German phase with three dots: the catalogue prints `…`'],
    ['Treffer:1 http://deb.debian.org/debian bookworm InRelease', 'German Hit with the old `Treffer`: bookworm and trixie print `OK:1`'],
    ['Lettura elenco dei pacchetti...', 'Italian: no tables for it'],
    ['Pakketlijsten worden ingelezen...', 'Dutch: no tables for it'],
  ])('%s (%s) looks like apt and stays apt-like', (line) => {
    expect(looksLikeApt(line)).toBe(true)
    expect(runApt([line])).toEqual({ events: [], verdicts: [3] })
  })

  test.each([
    ['...', "an author's elision"],
    ['Updating certificates in /etc/ssl/certs...', 'a maintainer script with a path'],
    ['debconf: delaying package configuration, since apt-utils is not installed', 'debconf'],
    ['Current default time zone: \'Etc/UTC\'', 'tzdata'],
    ['Step 5/12 : RUN apt-get update', 'docker'],
    ['', 'blank'],
    ['See https://example.com/docs for details', 'prose with a URL'],
    ["Cloning into 'aptlog'...", 'git, in English'],
    ['Downloading...', 'one English word'],
    ['Building wheels for collected packages...', 'pip, in English'],
  ])('%j does not look like apt (%s)', (line) => {
    expect(looksLikeApt(line)).toBe(false)
  })
})
