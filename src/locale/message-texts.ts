/**
 * A translated apt message text given back as its C text, so the English message rules
 * (src/apt/classify.ts) read it: `Paket x kann nicht gefunden werden.` → `Unable to locate package
 * x`. The reason inside `Failed to fetch %s  %s` is given back too when it is a known one
 * (`Temporärer Fehlschlag beim Auflösen von »x«` → `Temporary failure resolving 'x'`), and apt's
 * untranslated errno suffix is kept as printed.
 * @module
 */

import { cLine } from './lines.ts'
import { matchFetchReason, matchMessageText, type MessageTextMatch } from './matcher.ts'

/** A translated message text and its C text. */
export interface EnglishMessageText {
  /** The message text template the text is. */
  readonly match: MessageTextMatch
  /** What apt prints for the same call under `LANG=C`. */
  readonly text: string
}

/** The C text of a translated reason of a failed download, or the reason as printed. */
function englishReason(reason: string): string {
  const r = matchFetchReason(reason)
  const c = r === undefined ? undefined : cLine(r.id, r.shape, r.fields)
  return r === undefined || c === undefined ? reason : c + r.suffix
}

/** `text` (a message's first line, after its prefix) in C, or `undefined` when it is no translated message text. */
export function englishMessageText(text: string): EnglishMessageText | undefined {
  const match = matchMessageText(text)
  if (match === undefined) return undefined
  let fields = match.fields
  if (match.id === 'message.failed-to-fetch' && fields[1] !== undefined) fields = [fields[0], englishReason(fields[1])]
  const c = cLine(match.id, match.shape, fields)
  return c === undefined ? undefined : { match, text: c + match.suffix }
}
