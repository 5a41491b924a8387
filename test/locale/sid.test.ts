/**
 * Translated sid output (apt 3.3.5, dpkg 1.23.11): no localized sid capture exists yet, so these
 * lines are put together from the pinned sid catalogues (src/locale/catalog.ts), in the layout
 * of the English sid captures (fixtures/apt/sid-*) and the localized trixie ones. What changed
 * from trixie: apt 3.3 translates the apt 3 titles, summary and message prefixes in Spanish
 * (trixie's catalogue printed them in English), French ends the summary pieces with `, ` and
 * writes sizes with `o` again; dpkg 1.23 reworded the maintainer-script failure and dropped
 * `%.250s` from the dependency lines, so those are new msgids (`*-1.23` templates).
 * @module
 */

import { describe, expect, test } from 'vitest'
import { parse } from '../../src/index.ts'
import { cLine } from '../../src/locale/lines.ts'
import { detectLocale, matchLocaleLine } from '../../src/locale/matcher.ts'
import { eventsOf, germanPostinstFailure } from './support.ts'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

/** [line, template id, languages, fields, shape, the C text (for dpkg lines)]. */
const LINES: readonly (readonly [string, string, readonly string[], readonly (string | undefined)[], number, string?])[] = [
  // Spanish apt 3.3: `Installing:` is `Instalando:` in pt_BR too.
  ['Leyendo la información del estado...', 'phase.reading-state-information', ['es'], [undefined], 0],
  ['Resolviendo dependencias...', 'phase.solving-dependencies', ['es'], [undefined], 0],
  ['Instalando:', 'plan.v30.install', ['es', 'pt_BR'], [], 0],
  ['Instalando dependencias:', 'plan.v30.install-dependencies', ['es'], [], 0],
  ['Resumen:', 'plan.v30.summary', ['es'], [], 0],
  ['  Actualizando: 0, Instalando 11, Eliminando: 0, no actualizando: 0', 'summary.counts', ['es'], ['0', '11', undefined, undefined, '0', '0'], 0],
  ['  Tamaño de la descarga: 1.995 kB', 'summary.download', ['es'], ['1.995 k'], 0],
  ['  Espacio necesario: 8.254 kB / 80,2 GB disponible', 'summary.space-needed-available', ['es'], ['8.254 k', '80,2 G'], 0],
  ['Advertencia: algo', 'message.warning', ['es'], ['algo'], 0],
  // French apt 3.3: `, ` between the counts, `ko` again.
  [`  Mise à niveau de${NBSP}:${NBSP}0. Installation de${NBSP}: 11, Supprimé${NBSP}:${NBSP}0. Non mis à jour${NBSP}:${NBSP}0`, 'summary.counts', ['fr'], ['0', '11', undefined, undefined, '0', '0'], 0],
  [`  Taille du téléchargement${NBSP}:${NBSP}1${NNBSP}995 ko`, 'summary.download', ['fr'], [`1${NNBSP}995 k`], 0],
  // dpkg 1.23, German: the maintainer-script failure in its new words, arguments reordered.
  [
    ' »altes postinst-Betreuerskript des Paketes failing-postinst«-Unterprozess mit Exit-Status 1 fehlgeschlagen',
    'dpkg.reason.script-old',
    ['de'],
    ['failing-postinst', 'postinst', '1'],
    1,
    ' old failing-postinst package postinst maintainer script subprocess failed with exit status 1',
  ],
  // pt_BR lacks the new wording: gettext falls back to pt.
  [
    ' o sub-processo do pacote novo failing-preinst, script de maintainer preinst falhou com o código de saída 1',
    'dpkg.reason.script-new',
    ['pt_BR'],
    ['failing-preinst', 'preinst', '1'],
    1,
    ' new failing-preinst package preinst maintainer script subprocess failed with exit status 1',
  ],
  // `%s` for `%.250s`: the same translated text, read by the older shape.
  ['  hello ist nicht installiert.', 'dpkg.status.not-installed', ['de'], ['hello'], 0, '  hello is not installed.'],
  [' Vor-Abhängigkeitsproblem - predep-missing wird nicht installiert', 'dpkg.reason.pre-dependency', ['de'], ['predep-missing'], 0, ' pre-dependency problem - not installing predep-missing'],
]

describe('sid lines from the sid catalogues', () => {
  for (const [text, id, locales, fields, shape, c] of LINES) {
    test(`${id}: ${text.trim()}`, () => {
      expect(matchLocaleLine(text)).toEqual({ id, locales, fields, shape })
      expect(detectLocale(text)).toBe(locales.length === 1 ? locales[0] : undefined)
      if (c !== undefined) expect(cLine(id, shape, fields)).toBe(c)
    })
  }

  test('languages without dpkg 1.23\'s new failure wording print it in English, which stays English', () => {
    expect(matchLocaleLine(' old failing-postinst package postinst maintainer script subprocess failed with exit status 1')).toBeUndefined()
    expect(matchLocaleLine('  hello is not installed.')).toBeUndefined()
  })
})


describe('sid output gives the events of its English text', () => {
  test('Spanish `apt install` plan (apt 3.3)', () => {
    const es = [
      'Leyendo lista de paquetes...',
      'Creando árbol de dependencias...',
      'Leyendo la información del estado...',
      'Resolviendo dependencias...',
      'Instalando:',
      '  openssh-client',
      '',
      'Instalando dependencias:',
      '  libcbor0.10  libedit2  libfido2-1',
      '',
      'Resumen:',
      '  Actualizando: 0, Instalando 4, Eliminando: 0, no actualizando: 0',
      '  Tamaño de la descarga: 1.995 kB',
      '  Espacio necesario: 8.254 kB / 80,2 GB disponible',
      '',
    ]
    const en = [
      'Reading package lists...',
      'Building dependency tree...',
      'Reading state information...',
      'Solving dependencies...',
      'Installing:',
      '  openssh-client',
      '',
      'Installing dependencies:',
      '  libcbor0.10  libedit2  libfido2-1',
      '',
      'Summary:',
      '  Upgrading: 0, Installing: 4, Removing: 0, Not Upgrading: 0',
      '  Download size: 1995 kB',
      '  Space needed: 8254 kB / 80.2 GB available',
      '',
    ]
    expect(eventsOf(es.join('\n'))).toEqual(eventsOf(en.join('\n')))
    // Every line but the list bodies and blanks is read through the tables, as Spanish.
    expect(parse(new TextEncoder().encode(es.join('\n'))).at(-1)).toMatchObject({ type: 'log.end', localizedLines: 10, detectedLocale: 'es' })
  })

  test('German maintainer-script failure (dpkg 1.23)', () => {
    const { de, en } = germanPostinstFailure(
      ' »altes postinst-Betreuerskript des Paketes failing-postinst«-Unterprozess mit Exit-Status 1 fehlgeschlagen',
      ' old failing-postinst package postinst maintainer script subprocess failed with exit status 1',
    )
    expect(parse(new TextEncoder().encode(de)).find((e) => e.type === 'problem')).toMatchObject({ kind: 'dpkg.maintainer-script-failed', cause: 'postinst', package: 'failing-postinst', locale: 'de' })
    expect(eventsOf(de)).toEqual(eventsOf(en))
  })
})
