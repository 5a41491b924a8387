/**
 * A paste hard-wrapped at a fixed width (issue 16): the pieces are joined back into the log's
 * lines, and nothing else is. Lines are real ones from fixtures/ (the pieces as `fold` or a tmux
 * pane cut them: fixtures/paste/).
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createParser, parse, type AptLogEvent } from '../../src/index.ts'
import { createMarginReader } from '../../src/lines/margin-reader.ts'
import { continues, displayWidth, startsLikeLine } from '../../src/lines/margin-wrap.ts'
import { cutAt } from '../support/chunk.ts'
import { hardWrap, linesOf } from '../support/excerpts.ts'
import { fixtureBytes, fixtureText } from '../support/fixtures.ts'

/** Feed lines to a margin reader: the lines it hands on (joined text) and how many lines had been fed when each left. */
function read(lines: readonly string[]): { texts: string[]; fedWhenDelivered: number[]; width: number } {
  const texts: string[] = []
  const fedWhenDelivered: number[] = []
  let fed = 0
  const reader = createMarginReader((raw, _lineNo, _cut, text) => {
    texts.push(text ?? raw)
    fedWhenDelivered.push(fed)
  })
  for (const [i, line] of lines.entries()) {
    fed = i + 1
    reader.push(line, i + 1, 0)
  }
  fed = Number.POSITIVE_INFINITY
  reader.end()
  return { texts, fedWhenDelivered, width: reader.wrapWidth }
}

/** BuildKit's error box of buildkit/06 (docker 28 + buildx), lines 34–45. */
const BOX_06 = linesOf(fixtureText('buildkit/06-docker28buildx-d28bk-plain-failing-pkg.log')).slice(33, 50)

describe('display columns', () => {
  test.each([
    ['ASCII', '#6 0.302 Ign:1 http://127.0.0.1:8765 ./ InRelease', 49],
    ['CJK: two columns each (locale/trixie-zh_CN)', '升级了 0 个软件包', 17],
    ['a combining accent takes none', 'Pre\u0301paration', 11],
    ['a tab to the next multiple of 8', 'a\tb', 9],
    ['a bare CR starts the count again (as fold counts)', '(Reading database ... 5%\r(Reading database ... 10%', 25],
    ['an emoji outside the BMP is one wide character', 'ok \u{1F600}', 5],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width)
  })
})

describe('a line of its own, by its start', () => {
  test.each([
    ['#12 [4/5] RUN apt-get update'],
    ['E: Unable to locate package nonexistent-pkg-xyz'],
    ['Get:2 http://deb.debian.org/debian bookworm/main amd64 Packages [8790 kB]'],
    ['Setting up libc6:amd64 (2.36-9+deb12u13) ...'],
    ['dpkg: error processing package broken (--configure):'],
    ['0.570 Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]'],
    ['0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.'],
    ['2017-12-12 10:04:05 Step 5/12 : RUN apt-get update'],
    ['2026-11-27T10:00:09.1111103Z #!/bin/sh'],
    ['------'],
    ['[+] Building 4.3s (7/8)'],
    ['[2/2] COMMIT app:podman'],
    ['{"vertexes":[{"digest":"sha256:…"}]}'],
    ['(Reading database ... 5%'],
    ['=> ERROR [4/5] RUN apt-get update'],
    ['获取:1 file:/repo ./ failing-postinst 1.0 [792 B]'],
  ])('%s', (text) => {
    expect(startsLikeLine(text)).toBe(true)
  })

  test.each([
    ['the rest of a word', 'stent-pkg-xyz:'],
    ['the rest of `[8790 kB]`', 'B]'],
    ['the rest of a number', '0 kB]'],
    ['the rest of `amd64 (0.270, 0.280)`', '64 (0.270, 0.280)'],
    ['the rest of a path', '-gnu/perl/5.40.1 /usr/local/share/perl/5.40.1'],
    ['an option', '--no-install-recommends nonexistent-pkg-xyz'],
  ])('near miss: %s', (_name, text) => {
    expect(startsLikeLine(text)).toBe(false)
  })
})

describe('the next line goes on a line of exactly W columns', () => {
  // Pieces as `fold -w 80` / `fold -w 100` and the 120-column tty of tty/04 cut them.
  test.each([
    ['cut inside a word', ' > [4/5] RUN apt-get update && apt-get install -y --no-install-recommends nonexi', 'stent-pkg-xyz:'],
    ['cut before a space (fold -w 100, apt 3.0)', "Error: The repository 'http://mirror.example.com/debian trixie-doesnotexist Release' does not have a", ' Release file.'],
    ['cut in a tty row’s padding', ' => [internal] load build definition from Dockerfile                            ', '                                   0.0s'],
    ['the blank rest of a padded tty row', ' => => # Building dependency tree...                                             ', '                                        '],
    ['cut after `(` (history.log)', '+deb12u5, automatic), libcbor0.8:amd64 (0.8.0-2+b1, automatic), libedit2:amd64 (', '3.1-20221030-2, automatic)'],
    ['cut after a slash before a capital', '5.36 /usr/share/perl/5.36 /usr/local/lib/site_perl) at /usr/share/perl5/Debconf/', 'FrontEnd/Readline.pm line 7.)'],
  ])('%s', (_name, head, next) => {
    expect(continues(head, next, false)).toBe(true)
  })

  test.each([
    ['dpkg’s detail line under a line ending in `:` (apt/bookworm-h2b, 80 columns)', 'dpkg: error processing archive /repo/predep-nonexistent_1.0_all.deb (--install):', ' pre-dependency problem - not installing predep-nonexistent'],
    ['an indented list line (two spaces)', 'The following NEW packages will be installed:                                  x', '  loop2-app loop2-libc6 loop2-libgcc1 loop2-multiarch-support'],
    ['a tty row after a padded one', ' => => # Get:2 http://deb.debian.org/debian bookworm/main amd64 Packages [8790 kB]', ' => => # Get:3 http://deb.debian.org/debian bookworm/main Translation-en [6107 kB]'],
    ['BuildKit’s next vertex line', '#6 2.907 Get:2 http://127.0.0.1:8765 ./ loop2-multiarch-support 2.19-18 [880 B] x', '#6 2.908 Get:3 http://127.0.0.1:8765 ./ loop2-libgcc1 1:4.9.2-10 [888 B]'],
    ['an apt line after dpkg’s `...`', '.../05-libkrb5support0_1.20.1-2+deb12u5_amd64.deb を展開する準備をしています ...', 'libkrb5support0:amd64 (1.20.1-2+deb12u5) を展開しています...'],
    ['a CJK line after a line ending in ASCII (locale/bookworm-zh_CN)', '获取:5 http://mirror.example.com/debian bookworm/main Translation-zh_CN [125 kB]', '已下载 15.2 MB，耗时 2秒 (7,641 kB/s)'],
    ['a blank line after a cut at one space, before any join proved the wrap', 'pt-get install -y --no-install-recommends nonexistent-pkg-xyz" did not complete ', '    '],
    ['a blank head', '                                                                                ', 'stent-pkg-xyz:'],
  ])('near miss: %s', (_name, head, next) => {
    expect(continues(head, next, false)).toBe(false)
  })

  test('once a join proved the wrap, a lower-case `word:` after a cut at a space is the rest', () => {
    const head = 'pt-get install -y --no-install-recommends nonexistent-pkg-xyz" did not complete '
    expect(continues(head, 'successfully: exit code: 100', false)).toBe(false)
    expect(continues(head, 'successfully: exit code: 100', true)).toBe(true)
  })
})

describe('the reader joins the pieces', () => {
  test('fold -w 80 of BuildKit’s error box gives the box back', () => {
    const wrapped = BOX_06.flatMap((l) => hardWrap(l, 80))
    expect(wrapped.length).toBeGreaterThan(BOX_06.length)
    const { texts, width } = read(wrapped)
    expect(texts).toEqual(BOX_06)
    expect(width).toBe(80)
  })

  test('W needs several lines: one line of 80 columns proves nothing, the join that follows does', () => {
    // The first 80-column piece ends at a space: alone it stays; the box line after it is cut inside a word.
    const { texts } = read(BOX_06.slice(1, 3).flatMap((l) => hardWrap(l, 80)))
    expect(texts).toEqual(BOX_06.slice(1, 3))
  })

  test('a paste wrapped at 120 (fold -w 120 of D17, CRLF and bare CRs)', () => {
    const pasted = linesOf(fixtureText('paste/fold120-D17-cli20-buildkit-plain-predepends-problem.log')).map((l) => l.replace(/\r+$/, ''))
    const original = linesOf(fixtureText('docker/D17-cli20-buildkit-plain-predepends-problem.log')).map((l) => l.replace(/\r+$/, ''))
    expect(read(pasted).texts).toEqual(original)
  })

  test('wide characters: a row one column short because the next character did not fit (tmux, zh_CN)', () => {
    const pasted = linesOf(fixtureText('paste/tmux80-trixie-zh_CN-h1-failing-postinst.log'))
    const { texts } = read(pasted)
    expect(texts).toContain('升级了 0 个软件包，新安装了 1 个软件包，要卸载 0 个软件包，有 0 个软件包未被升级。')
    expect(texts).toEqual(expect.arrayContaining(linesOf(fixtureText('locale/trixie-zh_CN-h1-failing-postinst.log')).filter((l) => l.startsWith('debconf: (Can'))))
  })

  test('a wrapped paste inside an indented paste (a Markdown code block of a terminal copy)', () => {
    const wrapped = BOX_06.flatMap((l) => hardWrap(l, 80)).map((l) => '    ' + l)
    const { texts } = read(wrapped)
    expect(texts).toEqual(BOX_06.map((l) => '    ' + l))
  })

  test('CRLF: the pieces of a CRLF paste join, and parse like the original', () => {
    const wrapped = BOX_06.flatMap((l) => hardWrap(l, 80))
    const strip = (events: readonly AptLogEvent[]): unknown[] => events.filter((e) => e.type !== 'log.end').map((e) => ({ ...e, line: 0, endLine: 0 }))
    expect(strip(parse(wrapped.join('\r\n') + '\r\n'))).toEqual(strip(parse(BOX_06.join('\n') + '\n')))
  })

  test('the pieces count as lines of the input, with their line’s verdict', () => {
    const wrapped = BOX_06.flatMap((l) => hardWrap(l, 80))
    const end = parse(wrapped.join('\n') + '\n').at(-1)
    expect(end).toMatchObject({ type: 'log.end', lines: wrapped.length })
    if (end?.type === 'log.end') expect(end.recognized + end.ignored + end.unrecognized).toBe(wrapped.length)
  })
})

describe('nothing else is joined, and lines wait only while a wrap is possible', () => {
  test('a log whose lines are exactly 120 columns but not wrapped: the tty screens of tty/04', () => {
    const lines = linesOf(fixtureText('tty/04-docker28buildx-d20bk-tty-failing-pkg.log')).map((l) => l.replace(/\r+$/, ''))
    const { texts, width } = read(lines)
    expect(texts).toEqual(lines)
    expect(width).toBe(0)
  })

  test('a line of exactly 80 columns not continued (dpkg, apt/bookworm-h2b) waits for one line only', () => {
    const lines = linesOf(fixtureText('apt/bookworm-h2b-dpkg-i-predepends-nonexistent.log'))
    const at = lines.findIndex((l) => displayWidth(l) === 80)
    expect(lines[at]).toMatch(/^dpkg: error processing archive/)
    const { texts, fedWhenDelivered } = read(lines.slice(at))
    expect(texts).toEqual(lines.slice(at))
    expect(fedWhenDelivered).toEqual(lines.slice(at).map((_, i) => (i === 0 ? 2 : i + 1)))
  })

  test('near miss: the same line after a wider one (dpkg’s 81-column `Preparing to unpack`) does not wait: a wrapped paste has no line wider than W', () => {
    const lines = linesOf(fixtureText('apt/bookworm-h2b-dpkg-i-predepends-nonexistent.log'))
    expect(lines.some((l, i) => displayWidth(l) > 80 && i < lines.findIndex((m) => displayWidth(m) === 80))).toBe(true)
    expect(read(lines).fedWhenDelivered).toEqual(lines.map((_, i) => i + 1))
  })

  test('after a line wider than any terminal width, no line waits', () => {
    const lines = linesOf(fixtureText('docker/D17-cli20-buildkit-plain-predepends-problem.log')).map((l) => l.replace(/\r+$/, ''))
    const wide = lines.findIndex((l) => displayWidth(l) > 132)
    const { fedWhenDelivered } = read([...lines.slice(0, wide + 1), ...BOX_06.flatMap((l) => hardWrap(l, 80))])
    expect(fedWhenDelivered.slice(wide)).toEqual(fedWhenDelivered.slice(wide).map((_, i) => wide + i + 1))
  })
})

describe('any chunking of a hard-wrapped paste gives the same events', () => {
  for (const name of ['paste/tmux80-buildkit-06-plain-failing-pkg.log', 'paste/tmux80-trixie-zh_CN-h1-failing-postinst.log']) {
    test(name, () => {
      const bytes = fixtureBytes(name)
      const whole = parse(bytes)
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }), (cuts) => {
          const events: AptLogEvent[] = []
          const parser = createParser({ onEvent: (e) => events.push(e) })
          for (const chunk of cutAt(bytes, [...cuts].sort((a, b) => a - b))) parser.feed(chunk)
          parser.end()
          expect(events).toEqual(whole)
        }),
        { numRuns: 60 },
      )
    })
  }
})
