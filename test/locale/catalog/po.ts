/**
 * A reader for the PO text `msgunfmt` prints from a `.mo` catalogue: entries with `msgctxt`,
 * `msgid`, `msgid_plural`, `msgstr` / `msgstr[n]`, each possibly continued on following `"…"`
 * lines, with C escapes. Comments and obsolete entries (`#~`) are skipped. The header entry
 * (empty msgid) is kept, so `Plural-Forms` can be read from it.
 * @module
 */

/** One catalogue entry. */
export interface PoEntry {
  /** `msgctxt`, when present. */
  readonly context?: string
  /** The C template. */
  readonly msgid: string
  /** The C plural template, for entries with plural forms. */
  readonly msgidPlural?: string
  /** Translations: one for plain entries, `nplurals` for plural entries (`msgstr[n]`). */
  readonly msgstr: readonly string[]
}

/** Undo the C escapes `msgunfmt` writes (`\n`, `\t`, `\"`, `\\`, octal). */
export function unescapePo(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c !== '\\') {
      out += c
      continue
    }
    const next = text[++i]
    switch (next) {
      case 'n': out += '\n'; break
      case 't': out += '\t'; break
      case 'r': out += '\r'; break
      case 'a': out += '\x07'; break
      case 'b': out += '\b'; break
      case 'f': out += '\f'; break
      case 'v': out += '\v'; break
      case '"': out += '"'; break
      case '\\': out += '\\'; break
      default: {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i))
        if (octal === null) throw new Error(`unknown escape \\${next ?? ''} in ${JSON.stringify(text)}`)
        out += String.fromCharCode(parseInt(octal[0], 8))
        i += octal[0].length - 1
      }
    }
  }
  return out
}

type Field = 'msgctxt' | 'msgid' | 'msgid_plural' | `msgstr[${number}]` | 'msgstr'

/** Parse PO text into entries, in file order. */
export function parsePo(text: string): PoEntry[] {
  const entries: PoEntry[] = []
  let fields = new Map<Field, string>()
  let current: Field | undefined
  const flush = (): void => {
    if (fields.has('msgid')) {
      const msgstr: string[] = []
      if (fields.has('msgstr')) msgstr.push(fields.get('msgstr') as string)
      for (let n = 0; fields.has(`msgstr[${n}]`); n++) msgstr.push(fields.get(`msgstr[${n}]`) as string)
      const entry: { -readonly [K in keyof PoEntry]: PoEntry[K] } = { msgid: fields.get('msgid') as string, msgstr }
      if (fields.has('msgctxt')) entry.context = fields.get('msgctxt') as string
      if (fields.has('msgid_plural')) entry.msgidPlural = fields.get('msgid_plural') as string
      entries.push(entry)
    }
    fields = new Map()
    current = undefined
  }
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd()
    if (line === '' ) {
      flush()
      continue
    }
    if (line.startsWith('#')) continue
    const m = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$/.exec(line)
    if (m !== null) {
      const field = m[1] as Field
      // A new msgctxt/msgid after a msgstr starts the next entry even without a blank line.
      if ((field === 'msgid' || field === 'msgctxt') && [...fields.keys()].some((k) => k.startsWith('msgstr'))) flush()
      fields.set(field, unescapePo(m[2] as string))
      current = field
      continue
    }
    const cont = /^"(.*)"$/.exec(line)
    if (cont !== null && current !== undefined) {
      fields.set(current, (fields.get(current) as string) + unescapePo(cont[1] as string))
      continue
    }
    throw new Error(`unexpected PO line: ${JSON.stringify(line)}`)
  }
  flush()
  return entries
}

/** The `Plural-Forms` value of a catalogue's header entry, when it has one. */
export function pluralForms(entries: readonly PoEntry[]): string | undefined {
  const header = entries.find((e) => e.msgid === '' && e.context === undefined)
  const m = header === undefined ? null : /^Plural-Forms: *(.*)$/m.exec(header.msgstr[0] ?? '')
  return m === null ? undefined : (m[1] as string).trim()
}
