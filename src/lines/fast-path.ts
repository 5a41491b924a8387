/**
 * The switch of the parser's fast paths: shortcuts that decide the commonest lines of a big log
 * (a CI timestamp, a dpkg progress line, a `#N ` BuildKit prefix …) with a few character
 * comparisons before the general rule tables see them. A fast path is an optimisation, not a
 * second grammar: test/parser/fast-path.test.ts parses every capture and the seeded fuzz sample
 * with the fast paths on and off and requires the same events, byte for byte.
 *
 * Internal: not exported from the package. Only that test turns the switch off.
 * @module
 */

/** Whether fast paths run. Read once per line at each shortcut; tests set `enabled` to compare. */
export const fastPaths: { enabled: boolean } = { enabled: true }
