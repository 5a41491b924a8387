/**
 * `npm run locale:tables`: regenerate src/locale/catalog.ts from the translation catalogues that
 * Debian's apt, libapt-pkg and dpkg packages ship (docs/locales.md).
 *
 * 1. Get the pinned `.deb` files (PINS below) with `apt-get download`, through a throw-away apt
 *    configuration that lists the pinned releases on the Debian mirror of the host's apt sources
 *    (`--mirror URI` to choose another, `--debs DIR` to use `.deb` files already downloaded:
 *    e.g. from snapshot.debian.org once a pinned version has left the mirror).
 * 2. Check each file's package and version, extract it with `dpkg-deb -x`.
 * 3. Dump every `<lang>/LC_MESSAGES/<domain>.mo` with `msgunfmt` and look up the template list
 *    (templates.ts) in it.
 * 4. Compile the pinned `locales` package's definitions with `localedef` and read their
 *    LC_NUMERIC with `locale -k` (the number formatting apt's sizes follow, FORMATS.md §1.4).
 * 5. Write the module, deterministically (no dates, sorted, stable order). `--check` compares
 *    with the committed module instead of writing it, and fails on a difference.
 *
 * Needs a Debian host with apt-get, dpkg-deb, msgunfmt (gettext), localedef and locale (libc-bin).
 * @module
 */

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parsePo, pluralForms, type PoEntry } from './po.ts'
import { TEMPLATE_SPECS, type TemplateDomain } from './templates.ts'

/** A pinned Debian release, oldest first (the order of every release list in the module). */
type Release = 'bullseye' | 'bookworm' | 'trixie' | 'sid'

/** A Debian release and the package versions read from it. */
interface Pin {
  readonly release: Release
  /** Binary package name → version, per gettext domain; `locales` gives the LC_NUMERIC data. */
  readonly packages: Readonly<Record<TemplateDomain | 'locales', readonly [name: string, version: string]>>
}

/** The catalogues the tables are built from: the versions of the corpus (MANIFEST.md "Environments"), and bullseye (no capture). */
const PINS: readonly Pin[] = [
  {
    // dists/bullseye/main on deb.debian.org (11.11). bullseye-security has dpkg 1.20.14 (same catalogues) and newer locales.
    release: 'bullseye',
    packages: { apt: ['apt', '2.2.4'], 'libapt-pkg': ['libapt-pkg6.0', '2.2.4'], dpkg: ['dpkg', '1.20.13'], locales: ['locales', '2.31-13+deb11u11'] },
  },
  {
    release: 'bookworm',
    packages: { apt: ['apt', '2.6.1'], 'libapt-pkg': ['libapt-pkg6.0', '2.6.1'], dpkg: ['dpkg', '1.21.23'], locales: ['locales', '2.36-9+deb12u14'] },
  },
  {
    release: 'trixie',
    packages: { apt: ['apt', '3.0.4'], 'libapt-pkg': ['libapt-pkg7.0', '3.0.4'], dpkg: ['dpkg', '1.22.22'], locales: ['locales', '2.41-12+deb13u5'] },
  },
  {
    release: 'sid',
    packages: { apt: ['apt', '3.3.5'], 'libapt-pkg': ['libapt-pkg7.0', '3.3.5'], dpkg: ['dpkg', '1.23.11'], locales: ['locales', '2.43-7'] },
  },
]

/** Languages of the tables: catalogue directory name → the LANG the captures use. */
const LOCALES: readonly (readonly [catalog: string, lang: string])[] = [
  ['de', 'de_DE.UTF-8'],
  ['fr', 'fr_FR.UTF-8'],
  ['es', 'es_ES.UTF-8'],
  ['pt_BR', 'pt_BR.UTF-8'],
  ['zh_CN', 'zh_CN.UTF-8'],
  ['ja', 'ja_JP.UTF-8'],
  ['ru', 'ru_RU.UTF-8'],
]

/** Locales whose number formatting is recorded: the catalogue languages and en_GB (no Debian catalogue). */
const NUMBER_LOCALES: readonly (readonly [id: string, lang: string])[] = [...LOCALES, ['en_GB', 'en_GB.UTF-8']]

const DOMAINS: readonly TemplateDomain[] = ['apt', 'libapt-pkg', 'dpkg']

const OUT_DEFAULT = 'src/locale/catalog.ts'

interface Args {
  readonly debs?: string
  readonly mirror?: string
  readonly out: string
  readonly check: boolean
  readonly keep?: string
}

function parseArgs(argv: readonly string[]): Args {
  const args: { -readonly [K in keyof Args]: Args[K] } = { out: OUT_DEFAULT, check: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--debs') args.debs = value()
    else if (a === '--mirror') args.mirror = value()
    else if (a === '--out') args.out = value()
    else if (a === '--keep') args.keep = value()
    else if (a === '--check') args.check = true
    else throw new Error(`unknown argument ${a ?? ''} (known: --debs DIR, --mirror URI, --out FILE, --keep DIR, --check)`)
  }
  return args
}

function run(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], ...options })
}

/** The first Debian mirror of the host's apt sources (comments skipped). */
function hostMirror(): string {
  const files = ['/etc/apt/sources.list', ...(existsSync('/etc/apt/sources.list.d') ? readdirSync('/etc/apt/sources.list.d').map((f) => join('/etc/apt/sources.list.d', f)) : [])]
  for (const file of files) {
    if (!existsSync(file)) continue
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trimStart().startsWith('#')) continue
      const m = /(https?:\/\/\S+\/debian)\b(?!-)/.exec(line)
      if (m !== null) return m[1] as string
    }
  }
  throw new Error('no Debian mirror in the host apt sources: pass --mirror URI')
}

/** Download the pinned packages into `dir` through a private apt configuration. */
function download(dir: string, work: string, mirror: string): void {
  const etc = join(work, 'apt')
  mkdirSync(join(etc, 'lists', 'partial'), { recursive: true })
  mkdirSync(join(etc, 'cache', 'archives', 'partial'), { recursive: true })
  mkdirSync(join(etc, 'parts'), { recursive: true })
  writeFileSync(join(etc, 'status'), '')
  writeFileSync(join(etc, 'sources.list'), PINS.map((p) => `deb ${mirror} ${p.release} main\n`).join(''))
  const options = [
    '-o', `Dir::Etc::SourceList=${join(etc, 'sources.list')}`,
    '-o', `Dir::Etc::SourceParts=${join(etc, 'parts')}`,
    '-o', `Dir::State::Lists=${join(etc, 'lists')}`,
    '-o', `Dir::State::status=${join(etc, 'status')}`,
    '-o', `Dir::Cache=${join(etc, 'cache')}`,
    '-o', 'Debug::NoLocking=1',
    '-o', 'APT::Sandbox::User=root',
  ]
  run('apt-get', ['-qq', ...options, 'update'])
  const wanted = PINS.flatMap((p) => Object.values(p.packages).map(([name, version]) => `${name}=${version}`))
  run('apt-get', ['-qq', ...options, 'download', ...new Set(wanted)], { cwd: dir })
}

interface DebFile {
  readonly path: string
  readonly name: string
  readonly version: string
  readonly sha256: string
}

function readDebs(dir: string): DebFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.deb'))
    .sort()
    .map((f) => {
      const path = join(dir, f)
      const [name, version] = run('dpkg-deb', ['-f', path, 'Package', 'Version']).trim().split('\n').map((l) => l.replace(/^\w+: /, ''))
      return { path, name: name as string, version: version as string, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') }
    })
}

function findDeb(debs: readonly DebFile[], name: string, version: string): DebFile {
  const deb = debs.find((d) => d.name === name && d.version === version)
  if (deb === undefined) throw new Error(`missing ${name}_${version}.deb (have: ${debs.map((d) => `${d.name} ${d.version}`).join(', ')})`)
  return deb
}

/** msgunfmt every catalogue of one domain under an extracted tree: language → entries by msgid. */
function readCatalogues(root: string, moName: string): Map<string, { entries: Map<string, PoEntry>; plural: string | undefined }> {
  const out = new Map<string, { entries: Map<string, PoEntry>; plural: string | undefined }>()
  const base = join(root, 'usr', 'share', 'locale')
  if (!existsSync(base)) return out
  for (const lang of readdirSync(base).sort()) {
    const mo = join(base, lang, 'LC_MESSAGES', `${moName}.mo`)
    if (!existsSync(mo)) continue
    const entries = parsePo(run('msgunfmt', ['--no-wrap', mo]))
    const byId = new Map<string, PoEntry>()
    for (const e of entries) if (e.context === undefined && e.msgid !== '') byId.set(e.msgid, e)
    out.set(lang, { entries: byId, plural: pluralForms(entries) })
  }
  return out
}

interface NumberFormat {
  readonly decimalPoint: string
  readonly thousandsSep: string
  readonly grouping: string
}

/** LC_NUMERIC of `lang`, compiled from the extracted `locales` package with the host's localedef. */
function numberFormat(localesRoot: string, lang: string, work: string): NumberFormat {
  const i18n = join(localesRoot, 'usr', 'share', 'i18n')
  const locpath = join(work, 'locpath')
  mkdirSync(locpath, { recursive: true })
  const [name, charset] = lang.split('.') as [string, string]
  const env = { ...process.env, I18NPATH: i18n, LC_ALL: 'C', LANG: 'C' }
  execFileSync('localedef', ['--no-archive', '-c', '-i', name, '-f', charset, join(locpath, lang)], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  const text = run('locale', ['-k', 'LC_NUMERIC'], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LOCPATH: locpath, LC_ALL: lang } })
  const field = (key: string): string => {
    const m = new RegExp(`^${key}=(.*)$`, 'm').exec(text)
    if (m === null) throw new Error(`no ${key} in locale -k output for ${lang}`)
    const v = m[1] as string
    return v.startsWith('"') ? (JSON.parse(v) as string) : v
  }
  return { decimalPoint: field('decimal_point'), thousandsSep: field('thousands_sep'), grouping: field('grouping') }
}

/** One translation, with the releases whose catalogue has it. */
interface Translation {
  text: string
  plural?: number
  /** The catalogue gettext fell back to (`pt` for `pt_BR`). */
  fallback?: string
  releases: string[]
}

/** A single-quoted TS string literal; control characters and every space but U+0020 escaped, so they show. */
function q(s: string): string {
  let out = "'"
  for (const ch of s) {
    const code = ch.codePointAt(0) as number
    if (ch === "'" || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f || (code > 0x7f && /[\p{Z}\p{C}]/u.test(ch))) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}'`
}

/** The name of the module constant that holds a release list (`BOOKWORM_TRIXIE`). */
const releaseList = (releases: readonly string[]): string => (releases.length === 0 ? '[]' : releases.map((r) => r.toUpperCase()).join('_'))

function main(): void {
  const args = parseArgs(process.argv.slice(2))
  const work = mkdtempSync(join(tmpdir(), 'aptlog-locale-'))
  try {
    let debDir = args.debs
    if (debDir === undefined) {
      debDir = args.keep ?? join(work, 'debs')
      mkdirSync(debDir, { recursive: true })
      download(debDir, work, args.mirror ?? hostMirror())
    }
    const debs = readDebs(debDir)

    const sources: { release: string; name: string; version: string; sha256: string }[] = []
    // release → domain → lang → catalogue
    const catalogues = new Map<string, Map<TemplateDomain, Map<string, { entries: Map<string, PoEntry>; plural: string | undefined }>>>()
    const numbers = new Map<string, Map<string, NumberFormat>>()
    for (const pin of PINS) {
      const perDomain = new Map<TemplateDomain, Map<string, { entries: Map<string, PoEntry>; plural: string | undefined }>>()
      for (const domain of DOMAINS) {
        const [name, version] = pin.packages[domain]
        const deb = findDeb(debs, name, version)
        sources.push({ release: pin.release, name, version, sha256: deb.sha256 })
        const root = join(work, 'x', `${name}_${version}`)
        mkdirSync(root, { recursive: true })
        run('dpkg-deb', ['-x', deb.path, root])
        perDomain.set(domain, readCatalogues(root, name))
      }
      catalogues.set(pin.release, perDomain)
      const [lname, lversion] = pin.packages.locales
      const ldeb = findDeb(debs, lname, lversion)
      sources.push({ release: pin.release, name: lname, version: lversion, sha256: ldeb.sha256 })
      const lroot = join(work, 'x', `${lname}_${lversion}`)
      mkdirSync(lroot, { recursive: true })
      run('dpkg-deb', ['-x', ldeb.path, lroot])
      for (const [id, lang] of NUMBER_LOCALES) {
        if (!numbers.has(id)) numbers.set(id, new Map())
        ;(numbers.get(id) as Map<string, NumberFormat>).set(pin.release, numberFormat(lroot, lang, join(work, 'numbers', pin.release)))
      }
    }

    // Which releases' sources have each msgid: it is in some catalogue (any language) of that release.
    const templateReleases = new Map<string, string[]>()
    const templatePlural = new Map<string, string>()
    for (const spec of TEMPLATE_SPECS) {
      const releases: string[] = []
      for (const pin of PINS) {
        const langs = catalogues.get(pin.release)?.get(spec.domain) ?? new Map()
        let found = false
        for (const { entries } of langs.values()) {
          const entry = entries.get(spec.msgid)
          if (entry === undefined) continue
          found = true
          if (entry.msgidPlural !== undefined) templatePlural.set(spec.id, entry.msgidPlural)
        }
        if (found) releases.push(pin.release)
      }
      templateReleases.set(spec.id, releases)
      if (releases.length === 0) console.warn(`note: ${spec.id} (${JSON.stringify(spec.msgid)}) is in no pinned catalogue`)
      // A msgid that a newer release lacks was reworded or dropped there (dpkg 1.23 dropped `%.250s`):
      // a new text needs a template of its own, or that release's translated line goes unread.
      const dropped = PINS.map((p) => p.release).filter((r, i) => !releases.includes(r) && PINS.slice(0, i).some((p) => releases.includes(p.release)))
      if (dropped.length > 0) console.warn(`note: ${spec.id} (${JSON.stringify(spec.msgid)}) is not in ${dropped.join(', ')}`)
    }

    // locale → template id → translations
    const table = new Map<string, Map<string, Translation[]>>()
    const gaps = new Map<string, { id: string; releases: string[] }[]>()
    const plurals = new Map<string, Map<TemplateDomain, string>>()
    for (const [lang] of LOCALES) {
      const perId = new Map<string, Translation[]>()
      const missing: { id: string; releases: string[] }[] = []
      for (const spec of TEMPLATE_SPECS) {
        const list: Translation[] = []
        const lacking: string[] = []
        for (const pin of PINS) {
          if (!(templateReleases.get(spec.id) ?? []).includes(pin.release)) continue
          // gettext looks a msgid up in `pt_BR`, then in `pt` (glibc's locale fallback, per message):
          // a LANG=pt_BR.UTF-8 run of bookworm's dpkg prints European Portuguese where pt_BR lacks it.
          const base = lang.includes('_') ? lang.slice(0, lang.indexOf('_')) : undefined
          const domainCatalogues = catalogues.get(pin.release)?.get(spec.domain)
          let entry = domainCatalogues?.get(lang)?.entries.get(spec.msgid)
          let fallback: string | undefined
          if ((entry === undefined || entry.msgstr.every((x) => x === '')) && base !== undefined) {
            entry = domainCatalogues?.get(base)?.entries.get(spec.msgid)
            fallback = base
          }
          if (entry === undefined || entry.msgstr.every((x) => x === '')) {
            lacking.push(pin.release)
            continue
          }
          const found = entry
          found.msgstr.forEach((text, index) => {
            if (text === '') return
            const plural = found.msgidPlural === undefined ? undefined : index
            const same = list.find((t) => t.text === text && t.plural === plural && t.fallback === fallback)
            if (same !== undefined) same.releases.push(pin.release)
            else {
              const item: Translation = { text, releases: [pin.release] }
              if (plural !== undefined) item.plural = plural
              if (fallback !== undefined) item.fallback = fallback
              list.push(item)
            }
          })
        }
        if (list.length > 0) perId.set(spec.id, list)
        if (lacking.length > 0) missing.push({ id: spec.id, releases: lacking })
      }
      table.set(lang, perId)
      gaps.set(lang, missing)
      const forms = new Map<TemplateDomain, string>()
      for (const domain of DOMAINS) {
        for (const pin of [...PINS].reverse()) {
          const p = catalogues.get(pin.release)?.get(domain)?.get(lang)?.plural
          if (p !== undefined) {
            forms.set(domain, p)
            break
          }
        }
      }
      plurals.set(lang, forms)
    }

    const text = render({ sources, templateReleases, templatePlural, table, gaps, plurals, numbers })
    const out = resolve(args.out)
    if (args.check) {
      const current = existsSync(out) ? readFileSync(out, 'utf8') : ''
      if (current !== text) {
        console.error(`${args.out} differs from what the catalogues give: run npm run locale:tables`)
        process.exitCode = 1
      } else {
        console.log(`${args.out} is up to date`)
      }
    } else {
      mkdirSync(join(out, '..'), { recursive: true })
      writeFileSync(out, text)
      console.log(`wrote ${args.out} (${text.length} characters)`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

interface RenderInput {
  readonly sources: readonly { release: string; name: string; version: string; sha256: string }[]
  readonly templateReleases: ReadonlyMap<string, readonly string[]>
  readonly templatePlural: ReadonlyMap<string, string>
  readonly table: ReadonlyMap<string, ReadonlyMap<string, readonly Translation[]>>
  readonly gaps: ReadonlyMap<string, readonly { id: string; releases: readonly string[] }[]>
  readonly plurals: ReadonlyMap<string, ReadonlyMap<TemplateDomain, string>>
  readonly numbers: ReadonlyMap<string, ReadonlyMap<string, NumberFormat>>
}

/**
 * The release lists the module refers to, each once, as constants: only the used ones (an unused
 * constant fails `noUnusedLocals`), shortest first, then in release order (`BULLSEYE`, `BOOKWORM`,
 * `TRIXIE`, `SID`, `BULLSEYE_BOOKWORM`, …, `TRIXIE_SID`, …, `BULLSEYE_BOOKWORM_TRIXIE_SID`). The empty list is written `[]`.
 */
function usedReleaseLists(input: RenderInput): string[][] {
  const order = PINS.map((p) => p.release as string)
  const lists = [
    ...input.templateReleases.values(),
    ...[...input.table.values()].flatMap((perId) => [...perId.values()].flatMap((list) => list.map((t) => t.releases))),
    ...[...input.gaps.values()].flatMap((list) => list.map((g) => g.releases)),
  ]
  const byName = new Map<string, string[]>()
  for (const list of lists) if (list.length > 0) byName.set(releaseList(list), [...list])
  const rank = (list: readonly string[]): number[] => [list.length, ...list.map((r) => order.indexOf(r))]
  const compare = (a: readonly string[], b: readonly string[]): number => {
    const [ra, rb] = [rank(a), rank(b)]
    for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number)
    return ra.length - rb.length
  }
  return [...byName.values()].sort(compare)
}

/** Which libapt-pkg package each release has (`libapt-pkg6.0 in bullseye and bookworm, libapt-pkg7.0 in trixie and sid`). */
function libaptNames(): string {
  const byName = new Map<string, string[]>()
  for (const pin of PINS) {
    const [name] = pin.packages['libapt-pkg']
    byName.set(name, [...(byName.get(name) ?? []), pin.release])
  }
  const and = (xs: readonly string[]): string => (xs.length === 1 ? (xs[0] as string) : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] as string}`)
  return [...byName].map(([name, releases]) => `${name} in ${and(releases)}`).join(', ')
}

function render(input: RenderInput): string {
  const lines: string[] = []
  const push = (s: string): void => {
    lines.push(s)
  }
  const releases = PINS.map((p) => p.release)
  push('/**')
  push(' * GENERATED FILE, DO NOT EDIT BY HAND. Regenerate with `npm run locale:tables`')
  push(' * (test/locale/catalog/generate.ts; template list: test/locale/catalog/templates.ts).')
  push(' *')
  push(' * Translations of the structural apt/dpkg lines, read with `msgunfmt` from the `.mo` catalogues')
  push(' * shipped in these Debian packages (amd64 .deb files, sha256 of each file):')
  push(' *')
  for (const s of input.sources) push(` * - ${s.release}: ${s.name} ${s.version} (${s.sha256})`)
  push(' *')
  push(' * Number formats: LC_NUMERIC of the pinned `locales` package, compiled with localedef.')
  push(' * docs/locales.md explains the tables and how src/locale/ compiles them into matchers.')
  push(' * @module')
  push(' */')
  push('')
  push('/** A Debian release the catalogues were read from. */')
  push(`export type CatalogRelease = ${releases.map(q).join(' | ')}`)
  push('')
  push('/** A language of the tables (the catalogue directory name: `de`, `pt_BR`, `zh_CN`). */')
  push(`export type CatalogLocale = ${LOCALES.map(([l]) => q(l)).join(' | ')}`)
  push('')
  push('/** A locale whose number formatting is recorded: the catalogue languages and `en_GB` (no Debian catalogue). */')
  push(`export type NumberLocale = CatalogLocale | ${q('en_GB')}`)
  push('')
  push(`/** The gettext domain of a template (\`libapt-pkg\` is ${libaptNames()}). */`)
  push(`export type CatalogDomain = ${DOMAINS.map(q).join(' | ')}`)
  push('')
  push('/** One template of the list: a C msgid the grammars read. */')
  push('export interface CatalogTemplate {')
  push('  /** Stable id. */')
  push('  readonly id: string')
  push('  /** Its gettext domain. */')
  push('  readonly domain: CatalogDomain')
  push('  /** The C template, exactly as in the sources (printf placeholders, `\\n`). */')
  push('  readonly msgid: string')
  push('  /** The C plural template, when the msgid has plural forms. */')
  push('  readonly msgidPlural?: string')
  push('  /** Releases whose catalogues contain the msgid (empty: in none of the pinned versions). */')
  push('  readonly releases: readonly CatalogRelease[]')
  push('}')
  push('')
  push('/** One translation of a template. */')
  push('export interface CatalogText {')
  push('  /** The translated printf template, exactly as in the catalogue. */')
  push('  readonly text: string')
  push('  /** The plural form index (`msgstr[n]`), for templates with plural forms. */')
  push('  readonly plural?: number')
  push('  /** The catalogue the text comes from when the language\'s own lacks it: gettext falls back from `pt_BR` to `pt`. */')
  push('  readonly fallback?: string')
  push('  /** Releases whose catalogue has this text. */')
  push('  readonly releases: readonly CatalogRelease[]')
  push('}')
  push('')
  push('/** LC_NUMERIC of a locale: what `%\'.1f` in apt\'s `SizeToStr` prints. */')
  push('export interface NumberFormat {')
  push('  /** Decimal separator. */')
  push('  readonly decimalPoint: string')
  push('  /** Thousands separator (empty: no grouping). */')
  push('  readonly thousandsSep: string')
  push('  /** Grouping as `locale -k` prints it (`3;3`; `-1`: none). */')
  push('  readonly grouping: string')
  push('}')
  push('')
  for (const combo of usedReleaseLists(input)) push(`const ${releaseList(combo)}: readonly CatalogRelease[] = [${combo.map(q).join(', ')}]`)
  push('')
  push('/** The packages the tables come from. */')
  push('export const CATALOG_SOURCES: readonly { readonly release: CatalogRelease; readonly package: string; readonly version: string; readonly sha256: string }[] = [')
  for (const s of input.sources) push(`  { release: ${q(s.release)}, package: ${q(s.name)}, version: ${q(s.version)}, sha256: ${q(s.sha256)} },`)
  push(']')
  push('')
  push('/** The template list, in order. */')
  push('export const CATALOG_TEMPLATES: readonly CatalogTemplate[] = [')
  for (const spec of TEMPLATE_SPECS) {
    const plural = input.templatePlural.get(spec.id)
    const pluralPart = plural === undefined ? '' : `, msgidPlural: ${q(plural)}`
    push(`  { id: ${q(spec.id)}, domain: ${q(spec.domain)}, msgid: ${q(spec.msgid)}${pluralPart}, releases: ${releaseList(input.templateReleases.get(spec.id) ?? [])} },`)
  }
  push(']')
  push('')
  push('/** The LANG each catalogue language was captured with (fixtures/locale/). */')
  push('export const CATALOG_LANG: Readonly<Record<NumberLocale, string>> = {')
  for (const [id, lang] of NUMBER_LOCALES) push(`  ${id}: ${q(lang)},`)
  push('}')
  push('')
  push('/** Translations: language → template id → every distinct translated text (templates a language lacks are absent). */')
  push('export const CATALOG: Readonly<Record<CatalogLocale, Readonly<Record<string, readonly CatalogText[]>>>> = {')
  for (const [lang] of LOCALES) {
    push(`  ${lang}: {`)
    const perId = input.table.get(lang) ?? new Map<string, readonly Translation[]>()
    for (const spec of TEMPLATE_SPECS) {
      const list = perId.get(spec.id)
      if (list === undefined) continue
      const items = list.map(
        (t) => `{ text: ${q(t.text)}${t.plural === undefined ? '' : `, plural: ${t.plural}`}${t.fallback === undefined ? '' : `, fallback: ${q(t.fallback)}`}, releases: ${releaseList(t.releases)} }`,
      )
      push(`    ${q(spec.id)}: [${items.join(', ')}],`)
    }
    push('  },')
  }
  push('}')
  push('')
  push('/** Templates a language does not translate, per release (apt and dpkg then print the English text). */')
  push('export const CATALOG_GAPS: Readonly<Record<CatalogLocale, readonly { readonly id: string; readonly releases: readonly CatalogRelease[] }[]>> = {')
  for (const [lang] of LOCALES) {
    const list = input.gaps.get(lang) ?? []
    if (list.length === 0) {
      push(`  ${lang}: [],`)
      continue
    }
    push(`  ${lang}: [`)
    for (const g of list) push(`    { id: ${q(g.id)}, releases: ${releaseList(g.releases)} },`)
    push('  ],')
  }
  push('}')
  push('')
  push('/** The `Plural-Forms` header of each language\'s catalogues (newest pinned release). */')
  push('export const CATALOG_PLURAL_FORMS: Readonly<Record<CatalogLocale, Readonly<Partial<Record<CatalogDomain, string>>>>> = {')
  for (const [lang] of LOCALES) {
    const forms = input.plurals.get(lang) ?? new Map<TemplateDomain, string>()
    push(`  ${lang}: { ${DOMAINS.filter((d) => forms.has(d)).map((d) => `${q(d)}: ${q(forms.get(d) as string)}`).join(', ')} },`)
  }
  push('}')
  push('')
  push('/** Number formatting per locale and release: sizes (`%sB`) are printed with these separators. */')
  push('export const CATALOG_NUMBERS: Readonly<Record<NumberLocale, Readonly<Record<CatalogRelease, NumberFormat>>>> = {')
  for (const [id] of NUMBER_LOCALES) {
    const per = input.numbers.get(id) ?? new Map<string, NumberFormat>()
    const items = releases.map((r) => {
      const f = per.get(r) as NumberFormat
      return `${r}: { decimalPoint: ${q(f.decimalPoint)}, thousandsSep: ${q(f.thousandsSep)}, grouping: ${q(f.grouping)} }`
    })
    push(`  ${id}: { ${items.join(', ')} },`)
  }
  push('}')
  push('')
  return lines.join('\n')
}

try {
  main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
