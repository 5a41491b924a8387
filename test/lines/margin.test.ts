/**
 * The framing a paste adds (src/lines/margin.ts): real lines from the captures in fixtures/, put
 * behind the margins people's pastes carry, and near misses a log's own lines must not be taken
 * for.
 */
import { describe, expect, test } from 'vitest'
import { createMarginReader, WINDOW_LINES } from '../../src/lines/margin-reader.ts'
import { detectMargin, mayCarryMargin, NO_MARGIN, readGutter, readPrefix, repairLostHash } from '../../src/lines/margin.ts'

/** D18 (legacy builder, pre-dependency problem): lines 1–8 as captured (the CRs of the context upload kept). */
const D18_HEAD = [
  'Sending build context to Docker daemon  2.048kB\r\r',
  'Step 1/4 : FROM local/debian:bookworm',
  ' ---> c7321c6412da',
  'Step 2/4 : RUN printf \'deb [trusted=yes] http://127.0.0.1:8765/ ./\\n\' > /etc/apt/sources.list.d/loop.list',
  ' ---> Running in 0b8369998eeb',
  'Removing intermediate container 0b8369998eeb',
  ' ---> 6c7ef9859957',
  'Step 3/4 : RUN apt-get update && apt-get -o Dpkg::StopOnError=false install -y --no-install-recommends loop2-app && apt-get clean && rm -rf /var/lib/apt/lists/*',
]

/** D17 (BuildKit plain, pre-dependency problem), lines 83–87. */
const D17_DPKG = [
  '#6 3.103 dpkg: regarding .../loop2-libgcc1_1%3a4.9.2-10_amd64.deb containing loop2-libgcc1:amd64, pre-dependency problem:\r',
  '#6 3.103  loop2-libgcc1 pre-depends on loop2-multiarch-support\r',
  '#6 3.103   loop2-multiarch-support is unpacked, but has never been configured.\r',
  '#6 3.103 \r',
  '#6 3.103 dpkg: error processing archive /var/cache/apt/archives/loop2-libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):\r',
]

describe('indentation', () => {
  const cases: { name: string; indent: string }[] = [
    { name: 'a Markdown code block (4 spaces)', indent: '    ' },
    { name: 'a quote of 2 spaces', indent: '  ' },
    { name: 'a tab', indent: '\t' },
  ]
  for (const c of cases) {
    test(`${c.name}: the common indentation is the margin, a line's own indentation stays`, () => {
      const margin = detectMargin(D18_HEAD.map((l) => c.indent + l))
      expect(margin.indent).toBe(c.indent)
      expect(margin.prefix).toBeUndefined()
    })
  }

  test('a log that is not indented has no margin', () => {
    expect(detectMargin(D18_HEAD)).toBe(NO_MARGIN)
  })

  test('a single indented line (a paste of one error)', () => {
    expect(detectMargin(["    E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem. "]).indent).toBe('    ')
  })

  test('near miss: the first lines are a package list (D16 plan list), whose indentation is the log’s own', () => {
    const list = ['  adduser apt apt-utils base-files base-passwd bash bsdutils ca-certificates', '  coreutils dash debconf debian-archive-keyring debianutils diffutils dpkg', '  e2fsprogs findutils gcc-12-base gpgv grep gzip hostname init-system-helpers']
    expect(detectMargin(list)).toBe(NO_MARGIN)
  })

  test('near miss: an indented line and an unindented one share no margin', () => {
    expect(detectMargin(['    Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]', 'Reading package lists...'])).toBe(NO_MARGIN)
  })
})

describe('prefixes no CI rule knows', () => {
  const shapes: { name: string; prefix: (i: number) => string; kind: string; ts?: (i: number) => string }[] = [
    { name: 'Jenkins Timestamper console view `21:51:15  ` (two spaces)', prefix: (i) => `21:51:${String(10 + i)}  `, kind: 'clock', ts: (i) => `21:51:${String(10 + i)}` },
    { name: 'a bracketed clock `[10:14:50] `', prefix: (i) => `[10:14:${String(10 + i)}] `, kind: 'clock', ts: (i) => `10:14:${String(10 + i)}` },
    { name: 'a date and clock with slashes `2017/12/05 10:14:50 `', prefix: (i) => `2017/12/05 10:14:${String(10 + i)} `, kind: 'clock', ts: (i) => `2017/12/05 10:14:${String(10 + i)}` },
    { name: 'a chat name `<alice> `', prefix: () => '<alice> ', kind: 'chat' },
  ]
  for (const s of shapes) {
    test(s.name, () => {
      const lines = D18_HEAD.map((l, i) => s.prefix(i) + l)
      const margin = detectMargin(lines)
      expect(margin.prefix?.kind).toBe(s.kind)
      // The line's own leading space (` ---> c7321c6412da`) survives the prefix.
      const hit = readPrefix(margin.prefix!, lines[2]!)
      expect(lines[2]!.slice(hit!.end)).toBe(' ---> c7321c6412da')
      if (s.ts !== undefined) expect(hit!.ts).toBe(s.ts(2))
    })
  }

  test('a compose gutter names the line’s service; compose’s own lines carry none (compose/64, compose/67)', () => {
    expect(readGutter('worker_1  | E: Unable to locate package nonexistent-pkg-xyz')).toEqual({ end: 12, channel: 'worker_1' })
    expect(readGutter('worker-1  | Reading package lists...')).toEqual({ end: 12, channel: 'worker-1' })
    expect(readGutter('worker_1  |')).toEqual({ end: 11, channel: 'worker_1' })
    expect(readGutter('  | Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]')).toEqual({ end: 4, channel: '' })
    for (const own of ['Attaching to compose_worker_1', 'compose_worker_1 exited with code 100', 'Creating compose_worker_1 ... done']) expect(readGutter(own)).toBeUndefined()
  })

  test('near miss: a Dockerfile excerpt line (`  12 | >>> RUN …`, buildkit/06) and dpkg -l’s header are no gutter', () => {
    for (const line of ['  12 | >>> RUN apt-get update', ' 123 |     RUN echo done', '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend', '||/ Name Version Architecture Description']) expect(readGutter(line)).toBeUndefined()
  })

  test('near miss: a clock on a line or two of a log is no prefix (the first line must carry it)', () => {
    expect(detectMargin([...D18_HEAD, '12:00:01 Get:1 x', '12:00:02 Get:2 x']).prefix).toBeUndefined()
  })

  test('near miss: GitHub Actions timestamps are the CI layer’s, not a margin', () => {
    const lines = D18_HEAD.map((l) => `2024-01-01T12:34:56.1234567Z ${l}`)
    expect(detectMargin(lines)).toBe(NO_MARGIN)
  })
})

describe('a first line that lost its `#`', () => {
  test('put back when the next line is the same vertex', () => {
    expect(repairLostHash(D17_DPKG[0]!.slice(1), D17_DPKG[1]!)).toBe(D17_DPKG[0])
  })
  test('near miss: another vertex', () => {
    expect(repairLostHash(D17_DPKG[0]!.slice(1), '#7 0.100 x')).toBeUndefined()
  })
  test('near miss: apt’s counts line starts with digits too', () => {
    expect(mayCarryMargin('0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.')).toBe(false)
  })
})

describe('the reader holds lines only while a margin is possible', () => {
  function deliveries(lines: readonly string[]): { fedWhenDelivered: number[]; texts: string[]; margin: unknown } {
    const fedWhenDelivered: number[] = []
    const texts: string[] = []
    let fed = 0
    const reader = createMarginReader((raw, _lineNo, _cut, text) => {
      fedWhenDelivered.push(fed)
      texts.push(text ?? raw)
    })
    for (const [i, line] of lines.entries()) {
      fed = i + 1
      reader.push(line, i + 1, 0)
    }
    fed = Number.POSITIVE_INFINITY
    reader.end()
    return { fedWhenDelivered, texts, margin: reader.margin }
  }

  test('a log a program wrote: every line as it arrives', () => {
    const { fedWhenDelivered, margin } = deliveries(D18_HEAD)
    expect(fedWhenDelivered).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(margin).toBe(NO_MARGIN)
  })

  test('an indented paste waits for the window, then keeps its margin', () => {
    const lines = [...D18_HEAD, ...D18_HEAD, ...D18_HEAD, ...D18_HEAD].map((l) => '    ' + l)
    const { fedWhenDelivered } = deliveries(lines)
    expect(fedWhenDelivered.slice(0, WINDOW_LINES).every((fed) => fed === WINDOW_LINES)).toBe(true)
    expect(fedWhenDelivered.slice(WINDOW_LINES)).toEqual(lines.slice(WINDOW_LINES).map((_, i) => WINDOW_LINES + i + 1))
  })

  test('a blank line after every line: held until four lines prove it', () => {
    const lines = D18_HEAD.slice(0, 5).flatMap((l) => [l, ''])
    const { fedWhenDelivered, margin } = deliveries(lines)
    expect(fedWhenDelivered).toEqual([1, 7, 7, 7, 7, 7, 7, 8, 9, 10])
    expect(margin).toMatchObject({ interleaved: true })
  })

  test('near miss: one blank line, then lines that follow each other', () => {
    const { fedWhenDelivered, margin } = deliveries(['#0 building with "default" instance using docker driver', '', '#1 [internal] load build definition from Dockerfile', '#1 transferring dockerfile: 227B done'])
    expect(fedWhenDelivered).toEqual([1, 4, 4, 4])
    expect(margin).toBe(NO_MARGIN)
  })

  test('the lost `#` is put back on the line to parse, the raw line is kept as read', () => {
    const raws: string[] = []
    const texts: string[] = []
    const reader = createMarginReader((raw, _lineNo, _cut, text) => {
      raws.push(raw)
      texts.push(text ?? raw)
    })
    const lines = [D17_DPKG[0]!.slice(1), ...D17_DPKG.slice(1)]
    lines.forEach((l, i) => reader.push(l, i + 1, 0))
    reader.end()
    expect(texts).toEqual(D17_DPKG)
    expect(raws).toEqual(lines)
  })
})
