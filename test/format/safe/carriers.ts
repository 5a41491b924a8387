/**
 * Hostile inputs on real carriers: captures from fixtures/ with one field replaced by a payload,
 * in the ways a build can put bytes there (a RUN step's output, a package or vertex name, a
 * Go-quoted command, a stored baseline), and the checks every output must pass.
 * @module
 */

import { fixtureText } from '../../support/fixtures.ts'

/**
 * What an attacker writes: line breaks (LF, CR, CRLF, NEL, U+2028) that start workflow commands,
 * terminal escapes (OSC 52 clipboard write, clear screen, C1 CSI/OSC/ST, BS, BEL, DEL), Markdown
 * structure (heading, table row, fences, list, setext underline, HTML, link, entity) and
 * notifications (`@user`, `@org/team`, `#123`), and the legacy `##[command]` prefix.
 */
export const PAYLOAD: string =
  '\r::error::P1\n::add-mask::P2\r\n  ::warning::P3\u0085::notice::P4\u2028\u00a0::debug::P5 ' +
  '\u001b]52;c;SGk=\u0007\u001b[2J\u009b2J\u009d0;title\u009c\b\u007f ' +
  '~~~ ``` # H1\n# H2\n| a | b |\n- item\n1. item\n===\n<b>x</b> [l](http://e.x) https://e.x &#64;x ' +
  '@octocat @org/team #123 ##[add-mask]P6'

/** The payload as Go's %q writes it (BuildKit's `process "…"` messages): escapes, not raw bytes. */
export function goQuoted(s: string): string {
  return JSON.stringify(s).slice(1, -1).replace(/\\u00([0-9a-f]{2})/g, '\\x$1')
}

/** Base64 of UTF-8 text (rawjson `logs[].data`). */
function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

/** Replace `from` (which must occur) by `to` everywhere. */
function replaceAll(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`carrier: '${from.slice(0, 40)}' not in the capture`)
  return text.split(from).join(to)
}

/** A named hostile log. */
export interface Carrier {
  /** What it carries the payload in. */
  readonly name: string
  /** The log text. */
  readonly log: string
}

const RAWJSON = 'buildkit/09-docker28buildx-d28bk-rawjson-failing-pkg.log'
const PLAIN = 'buildkit/06-docker28buildx-d28bk-plain-failing-pkg.log'
const APT = 'apt/bookworm-f1-unable-to-locate-package.log'
const INSTRUCTION = 'apt-get update \\u0026\\u0026 apt-get install -y --no-install-recommends nonexistent-pkg-xyz'

/** The hostile logs, each a real capture with the payload in one place. */
export function carriers(): Carrier[] {
  const rawjson = fixtureText(RAWJSON)
  const plain = fixtureText(PLAIN)
  const apt = fixtureText(APT)
  return [
    // The vertex name decodes from JSON: every control character arrives raw.
    { name: 'rawjson vertex name', log: replaceAll(rawjson, INSTRUCTION, `${INSTRUCTION} ${JSON.stringify(PAYLOAD).slice(1, -1)}`) },
    // A RUN step's stderr, base64 in rawjson: the package apt cannot find.
    {
      name: 'rawjson log data (apt error)',
      log: replaceAll(rawjson, base64('E: Unable to locate package nonexistent-pkg-xyz\n'), base64(`E: Unable to locate package ${PAYLOAD.replace(/[\r\n\u0085\u2028]/g, ' ')}\n`)),
    },
    // A line any RUN step can print: apt's error prefix, then a command.
    { name: 'E: ::add-mask::X line', log: replaceAll(apt, 'E: Unable to locate package nonexistent-pkg-xyz', 'E: ::add-mask::X') },
    // BuildKit quotes the command with Go's %q: the parser decodes \r and \n back.
    { name: 'Go-quoted command', log: replaceAll(plain, 'nonexistent-pkg-xyz" did not complete', `nonexistent-pkg-xyz${goQuoted(PAYLOAD)}" did not complete`) },
    { name: 'Go-quoted \\r::error::', log: replaceAll(plain, 'nonexistent-pkg-xyz" did not complete', 'nonexistent-pkg-xyz\\r::error::go\\n::add-mask::G" did not complete') },
  ]
}

/** A stored `summary --format json` with the payload in every name and message a diff prints. */
export function hostileBaseline(stored: string): string {
  const value = JSON.parse(stored) as Record<string, unknown>
  const poison = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return ['name', 'instruction', 'message', 'package', 'uri', 'suite', 'id', 'step'].includes(key) ? `${v}${PAYLOAD}` : v
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' && ['new', 'packages', 'installed'].includes(key) ? `${x}${PAYLOAD}` : poison(x, key)))
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x, k)]))
    return v
  }
  return JSON.stringify(poison(value, ''), null, 2)
}
