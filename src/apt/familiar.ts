/**
 * Lines that look like apt output in a locale or version the grammar does not read
 * (FORMATS.md §1.4): `Holen:1 http://…`, `Paketlisten werden gelesen…`,
 * `Es wurden 301 kB in 0 s geholt (0 B/s).`, `Fehler: …`. They are counted as
 * `unrecognizedAptLike`, never read as events.
 * @module
 */

// `Holen:1 http://…`, `OK:2 http://…`, `Ign:3 file:/repo …` in any language: a word, `:N`, a URI.
const ACQUIRE_SHAPE = /^[^\s:]{1,24}:\d{1,6} [a-z][a-z0-9+.-]{0,15}:\S/u

// A translated progress line: `Paketlisten werden gelesen...`, `Lecture des listes de paquets… Fait`.
// A capitalised phrase of words only (no paths or digits), ending in `...`/`…`, maybe one status word after it.
const PROGRESS_SHAPE = /^\p{Lu}[\p{L}' -]{2,80}(?:\.\.\.|…)(?: [\p{L}!.]{1,20}| \d{1,3} ?%)?$/u

// English tools print the same shape (`Cloning into 'x'...`, `Downloading...`): an ASCII-only phrase
// counts only when it opens like a known translation of apt's phases (de, fr, es, it, pt, nl, pl).
const TRANSLATED_PHASE_OPENINGS: readonly string[] = [
  'Paketlisten werden',
  'Statusinformationen werden',
  'Lecture des',
  'Construction de',
  'Leyendo lista',
  'Leyendo la',
  'Lettura elenco',
  'Lettura informazioni',
  'Generazione albero',
  'Lendo listas',
  'Pakketlijsten worden',
  'Czytanie list',
]

function looksLikeTranslatedPhase(text: string): boolean {
  if (!PROGRESS_SHAPE.test(text)) return false
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true
  return TRANSLATED_PHASE_OPENINGS.some((opening) => text.startsWith(opening))
}

// A transfer rate in any wording: `(0 B/s)`, `(2,819 kB/s)`, `(11,3 kB/s)`.
const RATE_SHAPE = /\(\d[\d.,]{0,12} ?[kMG]?B\/s\)\.?$/

// A size in brackets at the end of a translated acquire line: `[11,3 kB]`.
const BRACKET_SIZE = /\[\d[\d.,]{0,12} ?[kMG]?B\]$/

// apt 3's translatable message prefixes (the ≤ 2.8 `E:`/`W:`/`N:` letters are never translated, §1.4):
// German, French, Spanish, Italian, Portuguese, Dutch, Russian, Chinese, Japanese.
const TRANSLATED_PREFIXES: readonly string[] = [
  'Fehler: ',
  'Warnung: ',
  'Hinweis: ',
  'Erreur : ',
  'Erreur: ',
  'Avertissement : ',
  'Attention : ',
  'Advertencia: ',
  'Aviso: ',
  'Errore: ',
  'Avviso: ',
  'Erro: ',
  'Fout: ',
  'Waarschuwing: ',
  'Ошибка: ',
  'Предупреждение: ',
  '错误：',
  '警告：',
  'エラー: ',
  '警告: ',
]

/** The first units of {@link TRANSLATED_PREFIXES}. */
const TRANSLATED_PREFIX_OPENINGS: ReadonlySet<number> = new Set(TRANSLATED_PREFIXES.map((prefix) => prefix.charCodeAt(0)))

/** `A`–`Z`. */
function isAsciiUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a
}

/**
 * What {@link ACQUIRE_SHAPE} needs before its regex runs: the line's first colon after 1 to 24
 * code points (48 UTF-16 units at most), then a digit.
 */
function colonBeforeCount(t: string): boolean {
  const colon = t.indexOf(':')
  if (colon < 1 || colon > 48) return false
  const c = t.charCodeAt(colon + 1)
  return c >= 0x30 && c <= 0x39
}

// A counts line in another language: four or more integers, commas, a final period
// (`0 aktualisiert, 11 neu installiert, 0 zu entfernen und 0 nicht aktualisiert.`).
function looksLikeCounts(text: string): boolean {
  if (!text.endsWith('.') || text.charCodeAt(0) < 0x30 || text.charCodeAt(0) > 0x39 || text.length > 300) return false
  let numbers = 0
  let commas = 0
  for (const word of text.split(' ')) {
    if (/^\d{1,9},?$/.test(word)) numbers++
    if (word.endsWith(',')) commas++
  }
  return numbers >= 4 && commas >= 2
}

/** True when an unrecognised line looks like apt output in an unsupported version or locale. */
export function looksLikeApt(text: string): boolean {
  const t = text.trim()
  if (t.length < 4 || t.length > 4096) return false
  // Each regex runs only when the characters it must see are there (the first unit, the first
  // colon, the last unit): this is asked about every line no rule took.
  const opening = t.charCodeAt(0)
  const closing = t.charCodeAt(t.length - 1)
  // An author's elision (`...` alone) is not apt output.
  if ((opening === 0x2e || opening <= 0x20 || opening >= 0x80) && /^[.…\s]+$/.test(t)) return false
  if (colonBeforeCount(t) && ACQUIRE_SHAPE.test(t)) return true
  if ((isAsciiUpper(opening) || opening >= 0x80) && looksLikeTranslatedPhase(t)) return true
  if (((closing === 0x29 || closing === 0x2e) && RATE_SHAPE.test(t)) || (closing === 0x5d && BRACKET_SIZE.test(t))) return true
  if (TRANSLATED_PREFIX_OPENINGS.has(opening)) {
    for (const prefix of TRANSLATED_PREFIXES) if (t.startsWith(prefix)) return true
  }
  return looksLikeCounts(t)
}
