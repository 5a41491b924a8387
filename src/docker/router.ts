/**
 * The docker layer (placeholder until the docker grammar lands): every line goes to one stream
 * context, as in a plain apt log.
 * @module
 */

import { createStreamContext } from '../context/stream-context.ts'
import type { Emit } from '../grammar/types.ts'
import type { Verdict } from '../grammar/verdict.ts'

/** Routes lines: docker framing is recognised here, payloads go to per-step stream contexts. */
export interface LineRouter {
  /** One line with CI prefix and ANSI removed (bare CRs still inside). */
  line(text: string, lineNo: number, ts: string | undefined): Verdict
  /** End of input: close every open step and block. */
  end(lastLine: number): void
}

/** Create the router for one parse. */
export function createLineRouter(emit: Emit): LineRouter {
  const plain = createStreamContext(emit)
  return {
    line(text: string, lineNo: number, ts: string | undefined): Verdict {
      return plain.line(text, { line: lineNo, ts, step: undefined, stage: undefined })
    },
    end(): void {
      plain.flush()
    },
  }
}
