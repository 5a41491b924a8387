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
import type { Emit, Grammar, GrammarFactory } from '../grammar/types.ts'
import { IGNORED, UNRECOGNIZED, UNRECOGNIZED_APT_LIKE, type Verdict } from '../grammar/verdict.ts'
import { lastFrame } from '../lines/frames.ts'
import { createLogfileGrammar } from '../logfiles/grammar.ts'

/** The grammars every context runs, in dispatch order (the environment grammar last: it reads what the others leave). */
export const DEFAULT_GRAMMARS: readonly GrammarFactory[] = [createDpkgGrammar, createLogfileGrammar, createAptGrammar, createEnvGrammar]

/** One stream context. */
export interface StreamContext {
  /** One payload line (docker framing removed; bare CRs still inside: the context takes the last frame). */
  line(text: string, ctx: LineContext): Verdict
  /** Close open blocks: the step or the input ended. */
  flush(): void
}

/** Create a stream context with its own grammar instances. */
export function createStreamContext(emit: Emit, factories: readonly GrammarFactory[] = DEFAULT_GRAMMARS): StreamContext {
  const grammars: Grammar[] = factories.map((make) => make(emit))
  return {
    line(payload: string, ctx: LineContext): Verdict {
      const text = lastFrame(payload)
      for (const g of grammars) {
        if (!g.hasOpenBlock()) continue
        const verdict = g.continueBlock(text, ctx)
        if (verdict !== UNRECOGNIZED) return verdict
      }
      for (const g of grammars) {
        const verdict = g.recognise(text, ctx)
        if (verdict !== UNRECOGNIZED) return verdict
      }
      if (isBlank(text)) return IGNORED
      for (const g of grammars) {
        if (g.looksFamiliar(text)) return UNRECOGNIZED_APT_LIKE
      }
      return UNRECOGNIZED
    },
    flush(): void {
      for (const g of grammars) g.flush()
    },
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09) return false
  }
  return true
}
