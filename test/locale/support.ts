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

/**
 * A failing postinst as apt-get shows it, in German and in English, around the one reason line
 * that differs between dpkg releases: the same five lines otherwise (bookworm-de-h1, bookworm-h1).
 */
export function germanPostinstFailure(deReason: string, enReason: string): { de: string; en: string } {
  return {
    de: ['failing-postinst (1.0) wird eingerichtet ...', 'dpkg: Fehler beim Bearbeiten des Paketes failing-postinst (--configure):', deReason, 'Fehler traten auf beim Bearbeiten von:', ' failing-postinst', ''].join('\n'),
    en: ['Setting up failing-postinst (1.0) ...', 'dpkg: error processing package failing-postinst (--configure):', enReason, 'Errors were encountered while processing:', ' failing-postinst', ''].join('\n'),
  }
}
