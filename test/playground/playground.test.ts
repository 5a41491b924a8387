/**
 * The playground (docs/playground/) in a real browser: Debian's chromium driven by playwright-core.
 * The page is built as `npm run playground` builds it, served from docs/ as the site root (as
 * GitHub Pages serves it) by a node:http server started here, and fed real captures the way a
 * person feeds it: dropped files, the file chooser, pasted text. One browser for the whole file.
 *
 * Set PLAYGROUND_SCREENSHOTS=<dir> to also write PNG screenshots of the reports there.
 *
 * Without chromium the tests are skipped, saying why; with APTLOG_REQUIRE_BROWSER=1 (.ci/run sets
 * it, after installing chromium) a missing browser fails them instead.
 */

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { diffStory } from '../../src/format/diff-report.ts'
import { diffRuns, parse, summarize } from '../../src/index.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DOCS = join(ROOT, 'docs')
const CLI = join(ROOT, 'dist/cli.js')
const CHROMIUM = '/usr/bin/chromium'
const SHOTS = process.env['PLAYGROUND_SCREENSHOTS']
const REQUIRE_BROWSER = process.env['APTLOG_REQUIRE_BROWSER'] === '1'
/** Why the browser tests cannot run here, or undefined when they can (or must: then beforeAll fails). */
const SKIP_REASON = existsSync(CHROMIUM) || REQUIRE_BROWSER ? undefined : `${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it and sets APTLOG_REQUIRE_BROWSER=1)`

const SEED = join(ROOT, 'fixtures/seed')
const DOCKER = join(ROOT, 'fixtures/docker')
const LOCAL = 'incident-local-excerpt.log'
const RUNNER = 'incident-runner-excerpt.log'
const D05 = 'D05-cli20-legacy-seed-bookworm-no-cache.log'
const D18 = 'D18-cli20-legacy-predepends-problem.log'
const D17 = 'D17-cli20-buildkit-plain-predepends-problem.log'
const D14 = 'D14-cli20-legacy-failing-unknown-package.log'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
}

/** A static server for `root`, as any static host serves it. */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
      if (path.endsWith('/')) path += 'index.html'
      const file = resolve(root, `.${path}`)
      if (!file.startsWith(root + sep)) {
        res.writeHead(403).end()
        return
      }
      try {
        const body = await readFile(file)
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body)
      } catch {
        if (existsSync(join(file, 'index.html'))) res.writeHead(301, { location: `${path}/` }).end()
        else res.writeHead(404).end()
      }
    })()
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })))
}

/** `npm run playground`, run as package.json says (tsup straight from node_modules). */
function buildPlayground(): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [bin, ...args] = (pkg.scripts['playground'] as string).split(' ')
  expect(bin).toBe('tsup')
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsup/dist/cli-default.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** The Markdown the CLI prints, run where the logs are so its labels are their file names. */
function cliMarkdown(cwd: string, args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args, '--format', 'markdown'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  expect(r.stderr).toBe('')
  return r.stdout
}

interface FileSpec {
  readonly name: string
  readonly text: string
}

const fileOf = (dir: string, name: string): FileSpec => ({ name, text: readFileSync(join(dir, name), 'utf8') })

/** The story the library tells for a pair. */
const storyOf = (dir: string, a: string, b: string): string => diffStory(diffRuns(summarize(parse(readFileSync(join(dir, a)))), summarize(parse(readFileSync(join(dir, b))))))

/** Drop files on an element, as a drag from the desktop does: dragenter, dragover, drop. */
async function drop(page: Page, selector: string, files: readonly FileSpec[]): Promise<void> {
  await page.evaluate(
    ({ selector, files }) => {
      const data = new DataTransfer()
      for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/plain' }))
      const target = document.querySelector(selector)
      if (target === null) throw new Error(`no ${selector}`)
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }))
    },
    { selector, files },
  )
}

/** The evidence rows drawn under an element: `[line number, text, is proof]`. */
function evidenceRows(page: Page, selector: string): Promise<[number, string, boolean][]> {
  return page.$$eval(`${selector} .evidence .row[data-line]`, (rows) =>
    rows.map((row): [number, string, boolean] => [Number((row as HTMLElement).dataset['line']), row.querySelector('.tx')?.textContent ?? '', row.classList.contains('proof')]),
  )
}

const texts = (page: Page, selector: string): Promise<string[]> => page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''))

/** The CLI's reports, read once before the browser starts (dist/ is built by the global setup). */
const expected = { incident: '', docker: '', d17: '' }

let context: BrowserContext
let server: Server
let origin: string
let profile: string
const requests: string[] = []

async function openPage(): Promise<Page> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(`${origin}/playground/`)
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 })
  // Unexpected errors fail the test that made them, when it reads them.
  ;(page as Page & { errors: string[] }).errors = errors
  return page
}

const errorsOf = (page: Page): string[] => (page as Page & { errors: string[] }).errors

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

if (SKIP_REASON !== undefined) {
  console.warn(`playground tests skipped: ${SKIP_REASON}`)
  test.skip(`playground in chromium: skipped, ${SKIP_REASON}`, () => undefined)
}

describe.skipIf(SKIP_REASON !== undefined)('playground in chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing and APTLOG_REQUIRE_BROWSER=1: apt-get install -y chromium`)
    buildPlayground()
    expected.incident = cliMarkdown(SEED, ['diff', LOCAL, RUNNER])
    expected.docker = cliMarkdown(DOCKER, ['diff', D05, D18])
    expected.d17 = cliMarkdown(DOCKER, ['summary', D17])
    ;({ server, origin } = await serve(DOCS))
    profile = mkdtempSync(join(tmpdir(), 'aptlog-playground-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    })
    context.on('request', (request) => requests.push(request.url()))
  })

  afterAll(async () => {
    await context?.close()
    await new Promise((done) => (server === undefined ? done(undefined) : server.close(done)))
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
  })

  test('the incident pair dropped together: the story, the root cause with its lines, the package diff', async () => {
    const page = await openPage()
    await drop(page, '#drop-a', [fileOf(SEED, RUNNER), fileOf(SEED, LOCAL)])
    await page.waitForSelector('body[data-report="diff"]')

    // Dropped together, they fill A and B in name order; each was read in a Web Worker.
    expect(await page.textContent('#slot-a .slot-info')).toContain(`${LOCAL}: unknown · 17 lines`)
    expect(await page.textContent('#slot-b .slot-info')).toContain(`${RUNNER}: failure · 19 lines`)
    expect(await page.getAttribute('#slot-a', 'data-reader')).toBe('worker')
    expect(await page.getAttribute('#slot-b', 'data-reader')).toBe('worker')

    const story = await page.textContent('.story')
    expect(story).toBe(storyOf(SEED, LOCAL, RUNNER))
    expect(story).toContain('run B: failure')
    expect(story).toContain('40 vs 3 newly installed')
    expect(story).toContain('pre-dependency problem on libgcc1')

    // Root cause, remedy, and the lines that prove it: 18–19 marked, context before them.
    expect(await page.getAttribute('#root-cause .root', 'data-kind')).toBe('dpkg.pre-dependency')
    expect(await page.textContent('#root-cause .root-message')).toBe('pre-dependency problem - not installing libgcc1:amd64')
    expect(await page.textContent('#root-cause .remedy')).toContain('the dpkg database does not match the files')
    const rows = await evidenceRows(page, '#root-cause')
    expect(rows.filter(([, , proof]) => proof).map(([n, text]) => [n, text])).toEqual([
      [18, '2017-12-12 10:04:22 dpkg: error processing archive /var/cache/apt/archives/libgcc1_1%3a4.9.2-10_amd64.deb (--unpack):'],
      [19, '2017-12-12 10:04:22 pre-dependency problem - not installing libgcc1:amd64'],
    ])
    expect(rows.map(([n]) => n)).toEqual([13, 14, 15, 16, 17, 18, 19])

    // What changed: the base-system finding links to B's plan list that names those packages.
    const essential = page.locator('#findings li[data-kind="diff.essential-packages-planned"]')
    await essential.locator('summary').click()
    expect(await essential.locator('.place').textContent()).toBe('B: lines 9–10')
    expect(await evidenceRows(page, '#findings li[data-kind="diff.essential-packages-planned"]')).toEqual([
      [9, '2017-12-12 10:04:10 The following extra packages will be installed:', true],
      [10, '2017-12-12 10:04:10 adduser debconf debianutils dpkg ... (一共40个软件包)', true],
    ])

    // The packages only B plans: B's plan list that names them.
    expect(await page.textContent('#findings li[data-kind="diff.packages-planned"] .place')).toBe('B: lines 9–10')

    // Packages: added, removed; the step that changed says the same.
    expect(await texts(page, '#packages [data-group="added"] li')).toEqual(['adduser', 'debconf', 'debianutils', 'dpkg', 'sensible-utils'])
    expect(await texts(page, '#packages [data-group="removed"] li')).toEqual(['libbsd0', 'libedit2', 'openssh-client'])
    expect(await page.$$eval('#steps tr.step', (trs) => trs.map((tr) => (tr as HTMLElement).dataset['change']))).toEqual(['changed'])
    expect(await page.textContent('#steps tr.step .step-pkgs summary')).toBe('+5 −3')

    // The only problem of B: marked as the root cause; its lines open with it.
    const problem = page.locator('#problems li.problem')
    expect(await problem.count()).toBe(1)
    expect(await problem.locator('.badge.root').count()).toBe(1)
    await problem.locator('summary').click()
    expect((await evidenceRows(page, '#problems li.problem')).filter(([, , proof]) => proof).map(([n]) => n)).toEqual([18, 19])

    await shot(page, 'diff-incident-light')
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })

  test('Copy as Markdown gives what `aptlog diff --format markdown` prints', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    const page = await openPage()
    await drop(page, '#drop-a', [fileOf(SEED, LOCAL), fileOf(SEED, RUNNER)])
    await page.waitForSelector('body[data-report="diff"]')
    expect(expected.incident).toContain('### Root cause (B)')
    expect(await page.textContent('#markdown')).toBe(expected.incident)
    await page.click('button[data-action="copy-markdown"]')
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('clipboard'))
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.incident)
    await page.close()
  })

  test('Swap flips A and B; Clear empties both and returns to the drop zone', async () => {
    const page = await openPage()
    await drop(page, '#drop-b', [fileOf(SEED, LOCAL), fileOf(SEED, RUNNER)])
    await page.waitForSelector('body[data-report="diff"]')
    await page.click('#swap')
    expect(await page.textContent('#slot-a .slot-info')).toContain(RUNNER)
    expect(await page.textContent('#slot-b .slot-info')).toContain(LOCAL)
    expect(await page.textContent('.story')).toBe(storyOf(SEED, RUNNER, LOCAL))
    expect(await page.locator('#root-cause .root').count()).toBe(0)
    expect(await texts(page, '#packages [data-group="added"] li')).toEqual(['libbsd0', 'libedit2', 'openssh-client'])
    await page.click('#clear')
    expect(await page.getAttribute('body', 'data-report')).toBe('none')
    expect(await page.textContent('#report')).toBe('')
    expect(await page.getAttribute('#slot-a', 'data-state')).toBe('empty')
    expect(await page.getAttribute('#slot-b', 'data-state')).toBe('empty')
    expect(await page.isDisabled('#swap')).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-a')
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })

  test('a docker pair (D05 good, D18 pre-dependency failure): chosen and dropped one by one', async () => {
    const page = await openPage()
    await page.setInputFiles('#file-a', join(DOCKER, D05))
    await page.waitForSelector('#slot-a[data-state="loaded"]')
    expect(await page.getAttribute('body', 'data-report')).toBe('single')
    await drop(page, '#drop-b', [fileOf(DOCKER, D18)])
    await page.waitForSelector('body[data-report="diff"]')

    expect(await page.textContent('.story')).toBe(storyOf(DOCKER, D05, D18))
    expect(await page.getAttribute('#root-cause .root', 'data-kind')).toBe('dpkg.pre-dependency')
    expect(await page.textContent('#root-cause .root-title')).toContain('pre-dependency problem on loop2-libgcc1')
    const proof = (await evidenceRows(page, '#root-cause')).filter(([, , p]) => p)
    expect(proof.map(([n]) => n)).toEqual([73, 74])
    expect(proof[1]?.[1]).toContain('pre-dependency problem - not installing loop2-libgcc1:amd64')

    expect(await texts(page, '#packages [data-group="added"] li')).toEqual(['loop2-app', 'loop2-libc6', 'loop2-libgcc1', 'loop2-multiarch-support'])
    expect(await texts(page, '#packages [data-group="removed"] li')).toHaveLength(11)
    const changes = await page.$$eval('#steps tr.step', (trs) => trs.map((tr) => (tr as HTMLElement).dataset['change']))
    expect(changes.filter((c) => c === 'added')).toHaveLength(2)
    expect(changes.filter((c) => c === 'removed')).toHaveLength(4)
    expect(await page.textContent('#markdown')).toBe(expected.docker)

    // Consequences of the root cause are marked among B's problems.
    expect(await page.locator('#problems li.problem .badge.root').count()).toBe(1)
    expect(await page.locator('#problems li.problem', { hasText: 'follows from the root cause' }).count()).toBeGreaterThan(0)

    await shot(page, 'diff-docker-light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot(page, 'diff-docker-dark')
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })

  test('one log: summary, steps with their apt runs, every problem with its lines; Markdown as `aptlog summary`', async () => {
    const page = await openPage()
    await page.setInputFiles('#file-b', join(DOCKER, D17))
    await page.waitForSelector('body[data-report="single"]')
    expect(await page.textContent('.story')).toMatch(/^Outcome: failure\. Root cause: pre-dependency problem - not installing loop2-libgcc1:amd64/)
    expect(await page.getAttribute('#root-cause .root', 'data-kind')).toBe('dpkg.pre-dependency')
    expect((await evidenceRows(page, '#root-cause')).filter(([, , p]) => p).map(([n]) => n)).toEqual([88, 89])

    // Six steps; the failing RUN holds its two apt runs (update, install).
    expect(await page.locator('#steps tr.step').count()).toBe(6)
    expect(await page.textContent('#steps tr.step[data-step="#6"]')).toContain('error (exit 100)')
    expect(await page.$$eval('#steps tr.transaction', (trs) => trs.map((tr) => (tr as HTMLElement).dataset['kind']))).toEqual(['update', 'install'])

    // Every problem can show the lines that prove it.
    const problems = page.locator('#problems li.problem')
    expect(await problems.count()).toBe(11)
    for (const item of await problems.all()) {
      await item.locator('summary').click()
      const line = Number(await item.getAttribute('data-line'))
      const proof = await item.locator('.evidence .row.proof').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset['line'])))
      expect(proof[0]).toBe(line)
    }
    expect(await page.textContent('#markdown')).toBe(expected.d17)
    await shot(page, 'single-d17-light')
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })

  test('pasted text is read too', async () => {
    const page = await openPage()
    await page.fill('#paste-a', fileOf(DOCKER, D14).text)
    await page.click('#read-a')
    await page.waitForSelector('body[data-report="single"]')
    expect(await page.textContent('#slot-a .slot-info')).toContain('pasted log A: failure')
    expect(await page.getAttribute('#root-cause .root', 'data-kind')).toBe('apt.package-not-found')
    expect((await evidenceRows(page, '#root-cause')).some(([, text, proof]) => proof && text.includes('Unable to locate package'))).toBe(true)
    await page.close()
  })

  test('a large log streams through the worker with a progress bar', async () => {
    const page = await openPage()
    const copies = 2_500 // ~21 MB of D17, 312 500 lines
    const text = fileOf(DOCKER, D17).text
    await page.evaluate(
      ({ text, copies }) => {
        const data = new DataTransfer()
        data.items.add(new File(Array.from({ length: copies }, () => text), 'big.log', { type: 'text/plain' }))
        document.querySelector('#drop-b')?.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }))
      },
      { text, copies },
    )
    await page.waitForSelector('#slot-b[data-state="reading"]')
    expect(await page.isVisible('#slot-b progress')).toBe(true)
    await page.waitForSelector('body[data-report="single"]', { timeout: 50_000 })
    expect(await page.getAttribute('#slot-b', 'data-reader')).toBe('worker')
    expect(Number(await page.getAttribute('#slot-b', 'data-progress-updates'))).toBeGreaterThan(1)
    expect(await page.isVisible('#slot-b progress')).toBe(false)
    expect(await page.textContent('#slot-b .slot-info')).toContain(`${(125 * copies).toLocaleString('en')} lines`)
    expect(await page.getAttribute('#root-cause .root', 'data-kind')).toBe('dpkg.pre-dependency')
    // 27 500 problems: the run model keeps the first ones and counts the rest; the page draws 300.
    expect(await page.locator('#problems li.problem').count()).toBe(300)
    expect(await page.textContent('#problems')).toMatch(/… and \d+ more/)
    expect(await page.textContent('#problems')).toMatch(/\d+ problems, .* not listed/)
    await page.close()
  })

  test('keyboard: Tab reaches the file chooser inside the drop zone, which shows focus', async () => {
    const page = await openPage()
    await page.keyboard.press('Tab') // skip link
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-a')
    const outline = await page.$eval('#drop-a', (el) => getComputedStyle(el).outlineStyle)
    expect(outline).toBe('solid')
    await page.close()
  })

  test('without aptlog.js the page says how to build it', async () => {
    const page = await context.newPage()
    await page.route('**/playground/aptlog.js', (route) => route.fulfill({ status: 404, body: '' }))
    await page.goto(`${origin}/playground/`)
    await page.waitForSelector('body[data-ready="missing-library"]')
    expect(await page.textContent('#status')).toContain('npm run playground')
    await page.close()
  })

  test('opened from file:// (no server), the page says what it needs', async () => {
    const page = await context.newPage()
    await page.goto(`file://${join(DOCS, 'playground/index.html')}`)
    await page.waitForLoadState('load')
    await page.waitForTimeout(200)
    // The modules never ran, so the note they remove on start is still there.
    expect(await page.textContent('#boot-note')).toContain('npm run playground')
    expect(await page.getAttribute('body', 'data-ready')).toBeNull()
    await page.close()
  })

  test('nothing leaves the browser: every request was for the page’s own files', () => {
    expect(requests.length).toBeGreaterThan(0)
    const served = requests.filter((url) => !url.startsWith('file://'))
    const paths = new Set(served.map((url) => (url.startsWith(`${origin}/`) ? new URL(url).pathname : url)))
    expect([...paths].sort()).toEqual(
      ['/playground/', '/playground/analyse.js', '/playground/app.js', '/playground/aptlog.js', '/playground/render.js', '/playground/style.css', '/playground/ui.js', '/playground/worker.js'].sort(),
    )
  })
})
