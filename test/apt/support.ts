/** Helpers for the apt tests: run lines through an apt-only stream context and collect events and verdicts. */
import { createAptGrammar } from '../../src/apt/grammar.ts'
import { createStreamContext } from '../../src/context/stream-context.ts'
import type { AptLogEvent, EventOf } from '../../src/events/index.ts'
import type { Verdict } from '../../src/grammar/verdict.ts'

/** Events and per-line verdicts of some lines fed to one apt grammar (no dpkg, no docker), flushed at the end. */
export function runApt(lines: readonly string[]): { events: AptLogEvent[]; verdicts: Verdict[] } {
  const events: AptLogEvent[] = []
  const context = createStreamContext((e) => events.push(e), [createAptGrammar])
  const verdicts = lines.map((text, i) => context.line(text, { line: i + 1, ts: undefined, step: undefined, stage: undefined }))
  context.flush()
  return { events, verdicts }
}

/** Only the events of one type. */
export function ofType<T extends AptLogEvent['type']>(events: readonly AptLogEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type)
}

/** The single event of one type (fails the test when there is not exactly one). */
export function single<T extends AptLogEvent['type']>(events: readonly AptLogEvent[], type: T): EventOf<T> {
  const found = ofType(events, type)
  if (found.length !== 1) throw new Error(`expected one ${type}, got ${found.length}: ${JSON.stringify(events)}`)
  return found[0] as EventOf<T>
}
