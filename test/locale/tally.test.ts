/** Which language a stream speaks (src/locale/tally.ts): lines several languages print alike. */
import { describe, expect, test } from 'vitest'
import { createLocaleCounts, createLocaleTally, mostDetected } from '../../src/locale/tally.ts'

// Real lines: `Configurando %s (%s) ...` is dpkg's setup line in both es and pt_BR (bookworm-es-a,
// bookworm-pt_BR-a); `Des:1` is Spanish only, `Obtendo:1`… is Brazilian Portuguese.
const SHARED = 'Configurando libkeyutils1:amd64 (1.6.3-2) ...'
const SPANISH = 'Des:1 http://mirror.example.com/debian bookworm InRelease [151 kB]'

describe('LocaleTally', () => {
  test('a line only one language prints proves it', () => {
    const tally = createLocaleTally()
    const match = tally.match(SPANISH)
    expect(match?.locales).toEqual(['es'])
    expect(match === undefined ? undefined : tally.localeOf(match)).toBe('es')
  })

  test('a shared line takes the language its stream proved', () => {
    const counts = createLocaleCounts()
    const tally = createLocaleTally(counts)
    const shared = tally.match(SHARED)
    expect(shared?.locales).toEqual(expect.arrayContaining(['es', 'pt_BR']))
    if (shared === undefined) return
    const before = tally.localeOf(shared)
    const spanish = tally.match(SPANISH)
    if (spanish !== undefined) tally.count(spanish)
    expect(tally.localeOf(shared)).toBe('es')
    // Before any proof, the first language listed: a guess, and the counts stay unchanged by it.
    expect(shared.locales).toContain(before)
    tally.count(shared)
    expect(counts.localizedLines).toBe(2)
    expect([...counts.detected]).toEqual([['es', 1]])
    expect(mostDetected(counts)).toBe('es')
  })

  test('another context of the same parse lends its proof', () => {
    const counts = createLocaleCounts()
    const one = createLocaleTally(counts)
    const other = createLocaleTally(counts)
    const spanish = one.match(SPANISH)
    if (spanish !== undefined) one.count(spanish)
    const shared = other.match(SHARED)
    expect(shared === undefined ? undefined : other.localeOf(shared)).toBe('es')
  })

  test('no localized line: nothing detected', () => {
    const counts = createLocaleCounts()
    expect(createLocaleTally(counts).match('Reading package lists...')).toBeUndefined()
    expect(mostDetected(counts)).toBeUndefined()
  })
})
