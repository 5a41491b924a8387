/** Drive the log-file grammar alone, line by line, as a stream context does. */
import { createStreamContext } from '../../src/context/stream-context.ts'
import type { AptLogEvent, EventOf, LineContext, ProblemEvent } from '../../src/events/index.ts'
import type { Verdict } from '../../src/grammar/verdict.ts'
import { createLogfileGrammar } from '../../src/logfiles/grammar.ts'

/** What the log-file grammar made of some lines. */
export interface LogfileRun {
  /** Every event, in order. */
  readonly events: AptLogEvent[]
  /** The verdict per line (index 0 = line 1). */
  readonly verdicts: Verdict[]
  /** The problems. */
  readonly problems: ProblemEvent[]
}

/** A line: its text, or `[ts, text]` for a line whose CI-prefix layer found a timestamp. */
export type Input = string | readonly [string, string]

/** Feed lines (numbered from 1) to a stream context running only the log-file grammar, then flush. */
export function runLogfile(lines: readonly Input[]): LogfileRun {
  const events: AptLogEvent[] = []
  const context = createStreamContext((e) => events.push(e), [createLogfileGrammar])
  const verdicts = lines.map((input, i) => {
    const [ts, text] = typeof input === 'string' ? [undefined, input] : input
    const ctx: LineContext = { line: i + 1, ts, step: undefined, stage: undefined }
    return context.line(text, ctx)
  })
  context.flush()
  return { events, verdicts, problems: events.filter((e): e is ProblemEvent => e.type === 'problem') }
}

/** A dpkg.log line as the line layer hands it on: the stamp as `ts`, the rest as text. */
export function dpkgLogLine(line: string): readonly [string, string] {
  return [line.slice(0, 19), line.slice(20)]
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
