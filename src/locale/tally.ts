/**
 * Which language a stream speaks. Each stream context keeps a {@link LocaleTally}: the lines it
 * recognised through the locale tables, and how many of them proved one language (what
 * `detectLocale` says of a line). A line several languages print alike (`Configurando %s
 * (%s) ...` is Spanish and Brazilian Portuguese) is given the language its stream proved most
 * often, else the parse's, else the first. The parse adds every context's counts into one
 * {@link LocaleCounts} for `log.end` (`localizedLines`, `detectedLocale`).
 *
 * The grammars read a localized line only after no English rule of any grammar took it: the
 * stream context matches it once ({@link LocaleTally.match}) and offers the match to each grammar
 * that implements {@link LocalizedGrammar}.
 * @module
 */

import type { LineContext, LineLocale } from '../events/index.ts'
import type { Verdict } from '../grammar/verdict.ts'
import type { CatalogLocale } from './catalog.ts'
import { matchLocaleLine, type LocaleLineMatch } from './matcher.ts'

// The event contract (events/log.ts) names the catalogue languages without importing this layer.
const SAME_LANGUAGES: [CatalogLocale] extends [LineLocale] ? ([LineLocale] extends [CatalogLocale] ? true : false) : false = true
void SAME_LANGUAGES

/** The counts of one parse (every stream context adds to them). */
export interface LocaleCounts {
  /** Lines recognised through the locale tables. */
  localizedLines: number
  /** Lines that proved one language, per language, in the order languages were first seen. */
  readonly detected: Map<CatalogLocale, number>
}

/** Empty counts for a new parse. */
export function createLocaleCounts(): LocaleCounts {
  return { localizedLines: 0, detected: new Map() }
}

/** The language most lines proved (the first seen on a tie), or `undefined` when none did. */
export function mostDetected(counts: LocaleCounts): CatalogLocale | undefined {
  let best: CatalogLocale | undefined
  let most = 0
  for (const [locale, n] of counts.detected) {
    if (n > most) {
      best = locale
      most = n
    }
  }
  return best
}

/** One stream context's view of its language. */
export interface LocaleTally {
  /** `matchLocaleLine(text)`; the last line's answer is kept, so grammars asking twice match once. */
  match(text: string): LocaleLineMatch | undefined
  /** The language a localized line reports: its only one, or the one this stream (then the parse) proved most. */
  localeOf(match: LocaleLineMatch): CatalogLocale
  /** Count a line recognised through the tables (and the language it proves, if only one prints it). */
  count(match: LocaleLineMatch): void
}

/** Among `locales`, the one `counts` saw most (`undefined` when it saw none of them). */
function preferred(locales: readonly CatalogLocale[], counts: ReadonlyMap<CatalogLocale, number>): CatalogLocale | undefined {
  let best: CatalogLocale | undefined
  let most = 0
  for (const l of locales) {
    const n = counts.get(l) ?? 0
    if (n > most) {
      best = l
      most = n
    }
  }
  return best
}

/** A tally for one stream context, adding to the parse's `shared` counts when given. */
export function createLocaleTally(shared?: LocaleCounts): LocaleTally {
  const detected = new Map<CatalogLocale, number>()
  let lastText: string | undefined
  let lastMatch: LocaleLineMatch | undefined
  return {
    match(text: string): LocaleLineMatch | undefined {
      if (text !== lastText) {
        lastText = text
        lastMatch = matchLocaleLine(text)
      }
      return lastMatch
    },
    localeOf(match: LocaleLineMatch): CatalogLocale {
      const locales = match.locales
      const only = locales[0] as CatalogLocale
      if (locales.length === 1) return only
      return preferred(locales, detected) ?? (shared === undefined ? undefined : preferred(locales, shared.detected)) ?? only
    },
    count(match: LocaleLineMatch): void {
      const one = match.locales.length === 1 ? match.locales[0] : undefined
      if (one !== undefined) detected.set(one, (detected.get(one) ?? 0) + 1)
      if (shared === undefined) return
      shared.localizedLines++
      if (one !== undefined) shared.detected.set(one, (shared.detected.get(one) ?? 0) + 1)
    },
  }
}

/** A grammar that reads localized lines: offered a line no English rule of any grammar took. */
export interface LocalizedGrammar {
  /**
   * Recognise the localized line `text` (`match` is its locale match). Returns `UNRECOGNIZED`
   * for a template that is not this grammar's, or whose fields it cannot read (a size in no known
   * format): the line is then left to the next grammar.
   */
  recogniseLocalized(text: string, match: LocaleLineMatch, ctx: LineContext): Verdict
}

/** True for a grammar that implements {@link LocalizedGrammar}. */
export function isLocalizedGrammar<G extends object>(g: G): g is G & LocalizedGrammar {
  return typeof (g as Partial<LocalizedGrammar>).recogniseLocalized === 'function'
}
