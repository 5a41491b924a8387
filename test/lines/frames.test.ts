import { describe, expect, test } from 'vitest'
import { frameCount, lastFrame } from '../../src/lines/frames.ts'

describe('lastFrame', () => {
  const cases: { name: string; input: string; output: string }[] = [
    {
      name: "dpkg's database progress becomes its final frame",
      input: '(Reading database ... \r(Reading database ... 5%\r(Reading database ... 100%\r(Reading database ... 6096 files and directories currently installed.)',
      output: '(Reading database ... 6096 files and directories currently installed.)',
    },
    { name: 'apt tty progress cleared by blanks before a Get line', input: '\r0% [Working]\r            \rGet:1 http://127.0.0.1:18777 ./ demo-b 1:2.0-1 [630 B]', output: 'Get:1 http://127.0.0.1:18777 ./ demo-b 1:2.0-1 [630 B]' },
    { name: 'a trailing CR (BuildKit keeps dpkg’s CRLF as text + CR)', input: 'Setting up libbsd0:amd64 (0.11.7-2) ...\r', output: 'Setting up libbsd0:amd64 (0.11.7-2) ...' },
    { name: 'tty op progress with Done', input: '\rReading package lists... 0%\r\rReading package lists... Done\r', output: 'Reading package lists... Done' },
    { name: 'a line without CR is returned as is', input: 'Reading package lists...', output: 'Reading package lists...' },
    { name: 'only blank frames give an empty line', input: '\r   \r\t\r', output: '' },
    { name: 'leading text before the first CR counts as a frame', input: 'first\r   ', output: 'first' },
  ]
  for (const c of cases) {
    test(c.name, () => {
      expect(lastFrame(c.input)).toBe(c.output)
    })
  }
  test('frameCount counts CR-separated frames', () => {
    expect(frameCount('a')).toBe(1)
    expect(frameCount('a\rb\rc')).toBe(3)
  })
})
