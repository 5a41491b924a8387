/** Helpers shared by the per-release locale tests. */
import { parse } from '../../src/index.ts'

/**
 * Events of a log without what says how a line was read (`rule`, `locale`), apt's own header text,
 * and the end tally: a translated log and its English text must give the same.
 */
export function eventsOf(text: string): unknown[] {
  return parse(new TextEncoder().encode(text))
    .filter((e) => e.type !== 'log.end')
    .map((e) => {
      const { rule: _rule, locale: _locale, header: _header, ...rest } = e as { rule?: string; locale?: string; header?: string }
      return rest
    })
}
