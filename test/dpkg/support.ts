/** Drive the dpkg grammar alone, line by line, as a stream context does. */
import { createStreamContext } from '../../src/context/stream-context.ts'
import { createDpkgGrammar } from '../../src/dpkg/grammar.ts'
import type { AptLogEvent, ProblemEvent } from '../../src/events/index.ts'
import type { Verdict } from '../../src/grammar/verdict.ts'

/** What the dpkg grammar made of some lines. */
export interface DpkgRun {
  /** Every event, in order. */
  readonly events: AptLogEvent[]
  /** The verdict per line (index 0 = line 1). */
  readonly verdicts: Verdict[]
  /** The events that are not problems. */
  readonly dpkg: Exclude<AptLogEvent, ProblemEvent>[]
  /** The problems. */
  readonly problems: ProblemEvent[]
}

/** Feed lines (numbered from 1, CR frames allowed) to a stream context running only the dpkg grammar, then flush. */
export function runDpkg(lines: readonly string[]): DpkgRun {
  const events: AptLogEvent[] = []
  const context = createStreamContext((e) => events.push(e), [createDpkgGrammar])
  const verdicts = lines.map((text, i) => context.line(text, { line: i + 1, ts: undefined, step: undefined, stage: undefined }))
  context.flush()
  return {
    events,
    verdicts,
    dpkg: events.filter((e): e is Exclude<AptLogEvent, ProblemEvent> => e.type !== 'problem'),
    problems: events.filter((e): e is ProblemEvent => e.type === 'problem'),
  }
}

/** The single event of one line, failing loudly when there is not exactly one. */
export function onlyEvent(line: string): AptLogEvent {
  const { events } = runDpkg([line])
  if (events.length !== 1) throw new Error(`expected one event for ${JSON.stringify(line)}, got ${JSON.stringify(events)}`)
  return events[0] as AptLogEvent
}
