/**
 * Findings: conclusions drawn from the whole run that no single line states.
 * @module
 */

import type { AptEvent } from '../events/index.ts'
import { baseSystemTier, type BaseSystemTier } from './base-system.ts'
import type { TransactionBuilder } from './transactions.ts'
import type { AptGeneration, AptSource, Finding, Transaction } from './types.ts'

/**
 * How much a newly installed package says about a damaged dpkg database: an Essential package is
 * never missing from a working system; a required one can be (slim images drop tzdata, a release
 * upgrade brings new ones such as trixie's login.defs); a library even more so.
 */
const WEIGHT: Record<BaseSystemTier, number> = { essential: 3, required: 2, 'base-library': 1 }

/**
 * Weight one apt run must reach: two Essential packages, or one with a required one, or many
 * libraries — never one-off installs like `apt-get install tzdata`, or the new packages of a
 * bookworm → trixie dist-upgrade (login.defs, gcc-14-base: weight 3).
 */
const THRESHOLD = 5

/**
 * `run.essential-packages-planned`: a run that newly installs packages every base system already
 * has (Essential, required, or their libraries) is running on a dpkg database that is not the
 * base image's. One finding per run, naming the packages, Essential ones first.
 */
export function essentialPackagesFinding(builders: readonly TransactionBuilder[]): Finding | undefined {
  const found = new Map<string, BaseSystemTier>()
  const lines: number[] = []
  for (const tx of builders) {
    const hits = new Map<string, BaseSystemTier>()
    for (const name of tx.newlyInstalledNames()) {
      const tier = baseSystemTier(name)
      if (tier !== undefined) hits.set(name.includes(':') ? name.slice(0, name.indexOf(':')) : name, tier)
    }
    let weight = 0
    for (const tier of hits.values()) weight += WEIGHT[tier]
    if (weight < THRESHOLD) continue
    for (const [name, tier] of hits) if (!found.has(name)) found.set(name, tier)
    lines.push(...(tx.newListLines.length > 0 ? tx.newListLines : [tx.line]))
  }
  if (found.size === 0) return undefined
  const order: Record<BaseSystemTier, number> = { essential: 0, required: 1, 'base-library': 2 }
  const packages = [...found].sort((a, b) => order[a[1]] - order[b[1]]).map(([name]) => name)
  const essential = [...found].filter(([, tier]) => tier === 'essential').map(([name]) => name)
  const named = packages.slice(0, 6).join(', ') + (packages.length > 6 ? ', …' : '')
  const essentialNote = essential.length > 0 ? `, ${essential.length} of them Essential (${essential.slice(0, 4).join(', ')}${essential.length > 4 ? ', …' : ''})` : ''
  return {
    kind: 'run.essential-packages-planned',
    message: `apt plans to install ${packages.length} package${packages.length === 1 ? '' : 's'} that every Debian/Ubuntu base system already has (${named})${essentialNote}: the image's dpkg database is not the one its base image shipped`,
    packages,
    lines,
  }
}

/** Evidence of one apt generation in one event, or undefined. */
export function generationEvidence(event: AptEvent): AptGeneration | undefined {
  switch (event.type) {
    case 'apt.acquire':
      return event.id === null ? '1.0' : '1.1-2.x'
    case 'apt.plan.list':
      if (event.list === 'extra') return '1.0'
      if (event.list === 'additional') return '1.1-2.x' // the header's wording since apt 1.1 (FORMATS.md §3.2)
      if (event.layout === 'columns' || event.list === 'install' || event.list === 'install-dependencies' || event.list === 'not-upgrading') return '3.x'
      return undefined
    case 'apt.plan.counts':
      return event.layout === 'summary' ? '3.x' : undefined
    case 'apt.message':
      return event.prefix.length > 1 ? '3.x' : undefined
    case 'apt.phase':
      return event.phase === 'solving-dependencies' ? '3.x' : undefined
    case 'apt.solver':
      return '3.x'
    default:
      return undefined
  }
}

/** Combine evidence: 3.x and 1.0 markers are specific; `1.1-2.x` is what classic output without them means. */
export function strongerGeneration(a: AptGeneration | null, b: AptGeneration): AptGeneration {
  if (a === null) return b
  if (a === '1.1-2.x') return b
  return a
}

const GENERATION_TEXT: Record<AptGeneration, string> = {
  '1.0': 'apt 1.0 output (id-less `Hit`/`Ign` lines, "extra packages"): Debian jessie or Ubuntu trusty',
  '1.1-2.x': 'apt output in the classic layout of apt 1.1 or later (apt-get keeps it in apt 3.x)',
  '3.x': 'apt 3.x output (the `Solving dependencies` phase, the solver3 explanation, or the `apt` 3 layout)',
}

/** `run.apt-generation`. */
export function generationFinding(generation: AptGeneration | null): Finding | undefined {
  if (generation === null) return undefined
  return { kind: 'run.apt-generation', message: GENERATION_TEXT[generation], generation }
}

/** `run.apt-sources`: the repositories apt talked to, so a base image that moved suites shows up. */
export function sourcesFinding(transactions: readonly Transaction[]): Finding | undefined {
  const seen = new Map<string, AptSource>()
  for (const tx of transactions) {
    for (const s of tx.sources) {
      const key = `${s.uri} ${s.suite} ${s.component}`
      if (!seen.has(key)) seen.set(key, s)
    }
  }
  if (seen.size === 0) return undefined
  const sources = [...seen.values()]
  const suites = [...new Set(sources.map((s) => `${s.uri} ${s.suite}`))]
  return {
    kind: 'run.apt-sources',
    message: `apt used ${suites.length} repositor${suites.length === 1 ? 'y' : 'ies'}: ${suites.slice(0, 4).join('; ')}${suites.length > 4 ? '; …' : ''}`,
    sources,
  }
}
