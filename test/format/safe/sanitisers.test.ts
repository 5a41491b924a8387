/**
 * The sanitisers one by one: a table of crafted inputs per target with near-miss negatives (what
 * must stay as it is), then each one's invariant over arbitrary strings (fast-check).
 */

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  commandToken,
  forGithubData,
  forGithubProperty,
  forJson,
  forMarkdown,
  forMarkdownCode,
  forText,
  forXml,
  guardTextLine,
  startsLikeCommand,
  stopCommands,
  WORD_JOINER,
} from '../../../src/format/safe/index.ts'
import { injectedCommands, markdownShape, rawControls } from './checks.ts'

/** Strings with the characters that matter over-represented: controls, line breaks, Markdown and command punctuation. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\r', '\n', '\t', '\u001b', '\u0007', '\b', '\u007f', '\u0085', '\u009b', '\u009c', '\u009d', '\u2028', '\u2029', '\u202e', '\u00a0', '\u3000', ' '),
    fc.constantFrom(':', '::', '#', '##[', '[', ']', '@', '|', '`', '~', '*', '_', '<', '>', '&', '$', '\\', '-', '+', '=', '1.', '%', ',', "'", '"', 'a', '7'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
})

describe('forText: controls become visible escapes', () => {
  test.each([
    ['ESC (OSC 52 clipboard write)', '\u001b]52;c;SGk=\u0007', '\\x1b]52;c;SGk=\\x07'],
    ['clear screen', '\u001b[2J', '\\x1b[2J'],
    ['C1 CSI, OSC, ST', '\u009b2J\u009d0;t\u009c', '\\u009b2J\\u009d0;t\\u009c'],
    ['NEL', 'a\u0085b', 'a\\u0085b'],
    ['BS, BEL, DEL', '\b\u0007\u007f', '\\x08\\x07\\x7f'],
    ['CR and LF', 'a\r::error::x\nb', 'a\\r::error::x\\nb'],
    ['U+2028, U+2029, bidi override', '\u2028\u2029\u202e', '\\u2028\\u2029\\u202e'],
    ['the legacy command prefix', 'x ##[add-mask]y', 'x #\\x23[add-mask]y'],
    ['### then [', '###[', '##\\x23['],
  ])('%s', (_, input, expected) => {
    expect(forText(input)).toBe(expected)
  })
  test.each([
    ['TAB stays', 'a\tb'],
    ['printable Unicode stays', 'löschen – 下载 🙂 NBSP\u00a0here'],
    ['a backslash stays (no double escaping)', 'C:\\path \\x1b'],
    ['# and [ apart stay', '# [x] #[ ##'],
    ['empty', ''],
  ])('%s', (_, input) => {
    expect(forText(input)).toBe(input)
  })
  test('property: no raw control character, no ##[, and nothing changes in text without them', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = forText(s)
        expect(rawControls(out)).toEqual([])
        expect(out).not.toContain('##[')
        if (rawControls(s).length === 0 && !s.includes('##[') && !s.includes('\n')) expect(out).toBe(s)
      }),
    )
  })
})

describe('guardTextLine: no output line starts like a workflow command', () => {
  test.each([
    ['at the start', '::add-mask::X', '\\x3a:add-mask::X'],
    ['after the indent', '  ::add-mask::X', '  \\x3a:add-mask::X'],
    ['after NBSP and ideographic space (.NET TrimStart)', '\u00a0\u3000::error::x', '\u00a0\u3000\\x3a:error::x'],
  ])('%s', (_, line, expected) => {
    expect(startsLikeCommand(line)).toBe(true)
    expect(guardTextLine(line)).toBe(expected)
  })
  test.each([['one colon', ' :x'], ['inside', 'a ::x::'], ['a word joiner is not white space', '\u2060::x']])('%s stays', (_, line) => {
    expect(guardTextLine(line)).toBe(line)
  })
  test('property: a guarded line never starts like a command', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(startsLikeCommand(guardTextLine(forText(s)))).toBe(false)
      }),
    )
  })
})

describe('forMarkdown: one inline run, no structure, no notification', () => {
  const J = WORD_JOINER
  test.each([
    ['a heading at the start', '# H', '\\# H'],
    ['a heading after CR/LF', 'x\n# H', 'x\\\\n\\# H'],
    ['table pipes', 'a | b', 'a \\| b'],
    ['fences', '~~~ ```', '\\~\\~\\~ \\`\\`\\`'],
    ['a list item', '- x', '\\- x'],
    ['an ordered list item', '12. x', '12\\. x'],
    ['an ordered list item, empty', '3)', '3\\)'],
    ['a setext underline', '===', '\\==='],
    ['leading indentation (indented code)', '    code', 'code'],
    ['HTML and an autolink in brackets', '<b>x</b> <http://e.x>', '\\<b\\>x\\</b\\> \\<http://e.x\\>'],
    ['an entity that decodes to @', '&#64;user', `\\&\\#${J}64;user`],
    ['a link', '[l](http://e.x)', '\\[l\\](http://e.x)'],
    ['emphasis, strikethrough, math', '*a* _b_ ~c~ $d$', '\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$'],
    ['a mention', '@octocat', `@${J}octocat`],
    ['a team mention', '@org/team', `@${J}org/team`],
    ['an issue reference', 'see #123', `see \\#${J}123`],
    ['a workflow command', '::add-mask::X', '\\::add-mask\\::X'],
    ['the legacy command prefix', '##[add-mask]x', '\\#\\\\x23\\[add-mask\\]x'],
    ['ESC', '\u001b[31m', '\\\\x1b\\[31m'],
  ])('%s', (_, input, expected) => {
    expect(forMarkdown(input)).toBe(expected)
  })
  test.each([
    ['plain words', 'Unable to locate package nonexistent-pkg-xyz'],
    ['a hyphen inside', 'apt-get install -y'],
    ['an e-mail address (no alnum right after @ … is not linked)', 'a @ b'],
    ['a URL', 'http://deb.debian.org/debian'],
    ['a version', '1.2.3-4+deb12u1'],
  ])('%s stays', (_, input) => {
    expect(forMarkdown(input)).toBe(input)
  })
  test('property: as a list item, a table cell and a heading, it parses to exactly that, with no notification', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const md = `## ${forMarkdown(a)}\n\n- ${forMarkdown(a)}\n  ${forMarkdown(b)}\n\n| h | i |\n| --- | --- |\n| ${forMarkdown(a)} | ${forMarkdown(b)} |\n`
        const shape = markdownShape(md)
        expect(shape.foreign).toEqual([])
        expect(shape.notifications).toEqual([])
        expect(shape.raggedTables).toBe(0)
        expect(shape.counts.get('heading')).toBe(1)
        expect(shape.counts.get('listItem')).toBe(1)
        expect(shape.counts.get('tableRow')).toBe(2)
        expect(shape.counts.get('code') ?? 0).toBe(0)
        expect(injectedCommands(md)).toEqual([])
        expect(rawControls(md)).toEqual([])
      }),
    )
  })
  test('forMarkdownCode: controls visible, no backtick fence inside a code block', () => {
    expect(forMarkdownCode('a\r```\n~~~\u001b')).toBe("a\\r'''\\n~~~\\x1b")
    fc.assert(
      fc.property(hostile, (s) => {
        expect(forMarkdownCode(s)).not.toMatch(/```|[\r\n]/)
      }),
    )
  })
})

/** The runner's unescaping (ActionCommand.UnescapeData / UnescapeProperty): the value it reads back. */
function runnerUnescape(s: string, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n')
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',')
  return out.replace(/%25/g, '%')
}

describe('forGithubData, forGithubProperty: the Actions toolkit escaping', () => {
  test.each([
    ['data', forGithubData, '100% done\r\nnext: a,b', '100%25 done%0D%0Anext: a,b'],
    ['property', forGithubProperty, 'a:b,c%\n', 'a%3Ab%2Cc%25%0A'],
  ])('%s', (_, escape, input, expected) => {
    expect(escape(input)).toBe(expected)
  })
  test('property: one line, and the runner reads back the value', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(forGithubData(s)).not.toMatch(/[\r\n]/)
        expect(forGithubProperty(s)).not.toMatch(/[\r\n:,]/)
        expect(runnerUnescape(forGithubData(s), false)).toBe(s)
        expect(runnerUnescape(forGithubProperty(s), true)).toBe(s)
      }),
    )
  })
})

describe('stopCommands: the fence around text output in a GitHub Actions job', () => {
  test('a random 128-bit token, different every time', () => {
    const a = commandToken()
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(commandToken()).not.toBe(a)
  })
  test('opens and closes with the token; a guessable token is refused', () => {
    const token = commandToken()
    expect(stopCommands('report\n', token)).toBe(`::stop-commands::${token}\nreport\n::${token}::\n`)
    expect(stopCommands('no newline', token)).toBe(`::stop-commands::${token}\nno newline\n::${token}::\n`)
    expect(() => stopCommands('x', 'aptlog')).toThrow(/random hex token/)
  })
})

describe('forJson: JSON that parses back the same, with nothing a terminal or a CI log acts on', () => {
  test.each([
    ['C1 CSI', '\u009b2J', '"\\u009b2J"'],
    ['NEL, U+2028, U+2029', '\u0085\u2028\u2029', '"\\u0085\\u2028\\u2029"'],
    ['DEL', '\u007f', '"\\u007f"'],
    ['ESC (JSON.stringify already)', '\u001b', '"\\u001b"'],
    ['the legacy command prefix', '##[add-mask]x', '"#\\u0023[add-mask]x"'],
    ['a plain string', 'apt-get', '"apt-get"'],
  ])('%s', (_, input, expected) => {
    expect(forJson(input)).toBe(expected)
  })
  test('undefined is null; indentation as JSON.stringify', () => {
    expect(forJson(undefined)).toBe('null')
    expect(forJson({ a: [1] }, 2)).toBe(JSON.stringify({ a: [1] }, null, 2))
  })
  test('property: same value, no raw control character, no ##[, no line starting like a command', () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, fc.oneof(hostile, fc.array(hostile, { maxLength: 3 }))), fc.constantFrom(undefined, 2), (value, indent) => {
        const json = forJson(value, indent)
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)))
        expect(rawControls(json)).toEqual([])
        expect(json).not.toContain('##[')
        expect(injectedCommands(json)).toEqual([])
      }),
    )
  })
})

describe('forXml: XML 1.0 that reads back the same, one line', () => {
  test.each([
    ['markup', `<a href="x">&'`, '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['characters XML 1.0 cannot hold', '\u0001\u001b\udc00\uffff', '\ufffd\ufffd\ufffd\ufffd'],
    ['CR, LF as character references', 'a\r::error::x\nb', 'a&#13;::error::x&#10;b'],
    ['C1, DEL, U+2028', '\u009b\u007f\u2028', '&#155;&#127;&#8232;'],
    ['the legacy command prefix', '##[add-mask]x', '#&#35;[add-mask]x'],
    ['an astral character stays', '🙂', '🙂'],
    ['TAB stays', 'a\tb', 'a\tb'],
  ])('%s', (_, input, expected) => {
    expect(forXml(input)).toBe(expected)
  })
  test('property: no markup character, no line break, no raw control character, no ##[', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = forXml(s)
        expect(out).not.toMatch(/[<>"'\r\n]|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/)
        expect(rawControls(out)).toEqual([])
        expect(out).not.toContain('##[')
      }),
    )
  })
})
