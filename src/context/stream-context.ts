/**
 * The state machine of one stream context: the apt and dpkg grammars of a plain log, or of one
 * docker step. BuildKit interleaves vertices, so the docker layer keeps one context per vertex and
 * two apt runs never share block state.
 * @module
 */

import { createAptGrammar } from '../apt/grammar.ts'
import { createDpkgGrammar } from '../dpkg/grammar.ts'
import { createEnvGrammar } from '../env/grammar.ts'
import type { LineContext } from '../events/index.ts'
import type { Emit, Grammar } from '../grammar/types.ts'
import { IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE, type Verdict } from '../grammar/verdict.ts'
import { lastFrame } from '../lines/frames.ts'
import { createLocaleTally, isLocalizedGrammar, type LocaleCounts, type LocaleTally, type LocalizedGrammar } from '../locale/tally.ts'
import { createLogfileGrammar } from '../logfiles/grammar.ts'
import { isBlank } from '../lines/chars.ts'

/** The grammars every context runs, in dispatch order (the environment grammar last: it reads what the others leave). */
export const DEFAULT_GRAMMARS: readonly ContextGrammarFactory[] = [createDpkgGrammar, createLogfileGrammar, createAptGrammar, createEnvGrammar]

/** One stream context. */
export interface StreamContext {
  /** One payload line (docker framing removed; bare CRs still inside: the context takes the last frame). */
  line(text: string, ctx: LineContext): Verdict
  /** Close open blocks: the step or the input ended. */
  flush(): void
}

/**
 * A grammar factory as the context calls it: with the context's locale tally (the apt and dpkg
 * grammars read localized lines through it; a plain `GrammarFactory` ignores it).
 */
export type ContextGrammarFactory = (emit: Emit, locale: LocaleTally) => Grammar

/**
 * Create a stream context with its own grammar instances and locale tally. `locales` are the
 * parse's counts the tally adds to (`log.end`'s `localizedLines` and `detectedLocale`).
 */
export function createStreamContext(emit: Emit, factories: readonly ContextGrammarFactory[] = DEFAULT_GRAMMARS, locales?: LocaleCounts): StreamContext {
  const tally = createLocaleTally(locales)
  const grammars: Grammar[] = factories.map((make) => make(emit, tally))
  const localized: (Grammar & LocalizedGrammar)[] = grammars.filter(isLocalizedGrammar)
  const count = grammars.length
  return {
    line(payload: string, ctx: LineContext): Verdict {
      const text = lastFrame(payload)
      // Indexed loops: this runs once per line of the input.
      for (let i = 0; i < count; i++) {
        const g = grammars[i] as Grammar
        if (!g.hasOpenBlock()) continue
        const verdict = g.continueBlock(text, ctx)
        if (verdict !== UNRECOGNIZED) return verdict
      }
      for (let i = 0; i < count; i++) {
        const verdict = (grammars[i] as Grammar).recognise(text, ctx)
        if (verdict !== UNRECOGNIZED) return verdict
      }
      if (isBlank(text)) return IGNORED
      // No English rule took the line: a translated apt/dpkg line? Matched once for every grammar.
      const match = localized.length === 0 ? undefined : tally.match(text)
      if (match !== undefined) {
        for (const g of localized) {
          const verdict = g.recogniseLocalized(text, match, ctx)
          if (verdict !== UNRECOGNIZED) return verdict
        }
      }
      for (let i = 0; i < count; i++) {
        if ((grammars[i] as Grammar).looksFamiliar(text)) return UNRECOGNIZED_APT_LIKE
      }
      return UNRECOGNIZED
    },
    flush(): void {
      for (const g of grammars) g.flush()
    },
  }
}

