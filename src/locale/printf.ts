/**
 * printf templates as apt and dpkg print them (`%lu`, `%s`, `%.250s`, `%c`, `%%`, positional
 * `%2$s`), split into literal text and placeholders. Only what gettext catalogues of apt and dpkg
 * use is understood; a template with anything else is rejected (`undefined`), never guessed.
 * @module
 */

/** What a placeholder prints: digits (`%d`, `%i`, `%u`, `%lu`, `%li`, `%llu`), text (`%s`), or one character (`%c`). */
export type SlotKind = 'digits' | 'text' | 'char'

/** A placeholder: the argument it prints (0-based, in the C template's order) and its kind. */
export interface Slot {
  /** Argument index, 0-based. */
  readonly arg: number
  /** What it prints. */
  readonly kind: SlotKind
}

/** A template split at its placeholders: literal strings and slots, in order. */
export type Segment = string | Slot

// `%` [argnum$] [flags] [width] [.precision] [length] conversion.
const DIRECTIVE = /^%(?:(\d{1,2})\$)?[-+ #0']*(?:\d{1,3})?(?:\.\d{1,3})?(hh|h|ll|l|L|q|j|z|t)?([diouxXscp%])/

/**
 * Split a printf template. `%%` becomes a literal `%`; adjacent literals are joined. Returns
 * `undefined` for a template this reader does not understand (`*` widths, floating conversions,
 * a mix of positional and sequential arguments).
 */
export function parsePrintf(template: string): Segment[] | undefined {
  const out: Segment[] = []
  let literal = ''
  let sequential = 0
  let positional: boolean | undefined
  let i = 0
  while (i < template.length) {
    const at = template.indexOf('%', i)
    if (at === -1) {
      literal += template.slice(i)
      break
    }
    literal += template.slice(i, at)
    const m = DIRECTIVE.exec(template.slice(at, at + 16))
    if (m === null) return undefined
    const conversion = m[3] as string
    i = at + m[0].length
    if (conversion === '%') {
      if (m[0] !== '%%') return undefined
      literal += '%'
      continue
    }
    const isPositional = m[1] !== undefined
    if (positional !== undefined && positional !== isPositional) return undefined
    positional = isPositional
    const arg = isPositional ? Number(m[1]) - 1 : sequential++
    if (arg < 0) return undefined
    let kind: SlotKind
    if (conversion === 's') kind = 'text'
    else if (conversion === 'c') kind = 'char'
    else if (conversion === 'd' || conversion === 'i' || conversion === 'u') kind = 'digits'
    else return undefined
    if (literal !== '') out.push(literal)
    literal = ''
    out.push({ arg, kind })
  }
  if (literal !== '') out.push(literal)
  return out
}
