/**
 * The dpkg grammar (placeholder until the dpkg rules land): recognises nothing yet.
 * @module
 */

import type { Emit, Grammar } from '../grammar/types.ts'
import { UNRECOGNIZED, type Verdict } from '../grammar/verdict.ts'

/** Create the dpkg grammar for one stream context. */
export function createDpkgGrammar(_emit: Emit): Grammar {
  return {
    hasOpenBlock: (): boolean => false,
    continueBlock: (): Verdict => UNRECOGNIZED,
    recognise: (): Verdict => UNRECOGNIZED,
    flush: (): void => {},
    looksFamiliar: (): boolean => false,
  }
}
