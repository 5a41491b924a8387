/**
 * The report as HTML: the story first, then the root cause with its remedy and evidence, the
 * findings, the steps, the packages, the problems. Built with DOM calls only (log text is data,
 * never markup). The Markdown it offers comes from the core's report builders, so it is the same
 * as `aptlog diff --format markdown` / `aptlog summary --format markdown`.
 */

import {
  consequencesOf,
  diffReport,
  diffRuns,
  diffStory,
  formatBytes,
  formatDuration,
  problemPlace,
  problemTitle,
  remedyFor,
  renderMarkdown,
  summaryReport,
} from './aptlog.js'
import { CONTEXT_AFTER, CONTEXT_BEFORE } from './analyse.js'

/** Most rows of one list drawn (the Markdown and the CLI have the whole story). */
const MAX_ROWS = 300

/**
 * A loaded log: its label (file name) and what analyse() returned.
 * @typedef {{ label: string, analysis: import('./analyse.js').Analysis }} Loaded
 */

/**
 * Create an element. `props`: attributes (`class`, `id`, `aria-*` …), `on<event>` handlers, and
 * `open`/`hidden` booleans; children: nodes, strings, arrays, null.
 * @param {string} tag
 * @param {Record<string, unknown> | null} [props]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value))
    else el.setAttribute(key, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

/** @param {Node} el @param {unknown[]} children */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(el, child)
    else el.append(child instanceof Node ? child : String(child))
  }
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`

/** @param {string} outcome */
function outcomeBadge(outcome, prefix = '') {
  const tone = outcome === 'failure' ? 'error' : outcome === 'success' ? 'good' : 'muted'
  return h('span', { class: `badge ${tone}` }, `${prefix}${outcome}`)
}

/** @param {'error' | 'warning'} severity */
const severityBadge = (severity) => h('span', { class: `badge ${severity === 'error' ? 'error' : 'warning'}` }, severity)

/**
 * Evidence rows for lines `from..to` that were kept, with `hiFrom..hiTo` marked as the proof and a
 * gap row where kept lines are not consecutive.
 * @param {ReadonlyMap<number, string>} lines
 * @param {number} from
 * @param {number} to
 * @param {number} hiFrom
 * @param {number} hiTo
 * @param {string} label the run, for the accessible name
 */
function evidenceBlock(lines, from, to, hiFrom, hiTo, label) {
  const rows = []
  let previous = 0
  for (let n = Math.max(1, from); n <= to; n++) {
    const text = lines.get(n)
    if (text === undefined) continue
    if (previous !== 0 && n !== previous + 1) rows.push(h('span', { class: 'row gap', 'aria-hidden': 'true' }, h('span', { class: 'ln' }, '⋯'), '\n'))
    const proof = n >= hiFrom && n <= hiTo
    rows.push(h('span', { class: proof ? 'row proof' : 'row', 'data-line': n }, h('span', { class: 'ln' }, String(n)), h('span', { class: 'tx' }, text === '' ? ' ' : text), '\n'))
    previous = n
  }
  if (rows.length === 0) return h('p', { class: 'muted small' }, 'These lines were not kept: the page keeps a bounded number of lines, near problems and plan lists.')
  return h('pre', { class: 'evidence', tabindex: '0', 'aria-label': `${label === '' ? 'Log' : `Log ${label}`}, lines ${Math.max(1, from)}–${to}` }, rows)
}

/** @param {{ line: number, endLine?: number }} p */
const placeOf = (p) => (p.endLine !== undefined && p.endLine !== p.line ? `lines ${p.line}–${p.endLine}` : `line ${p.line}`)

/**
 * The evidence of a problem: its lines plus context before and after.
 * @param {import('./aptlog.js').Problem} p
 * @param {Loaded} run
 * @param {string} side
 */
function problemEvidence(p, run, side) {
  const end = p.endLine ?? p.line
  return evidenceBlock(run.analysis.lines, p.line - CONTEXT_BEFORE, end + CONTEXT_AFTER, p.line, end, side)
}

/**
 * The evidence of a finding: the plan lists that name its packages (the lines that say apt plans
 * to install them) within the transactions its `lines` start, or anywhere in the run when it names
 * packages but no lines; else the lines it names.
 * @param {{ lines?: readonly number[], packages?: readonly string[] }} finding
 * @param {Loaded} run
 * @returns {{ ranges: [number, number][] } | null}
 */
export function findingRanges(finding, run) {
  const lines = finding.lines ?? []
  const wanted = new Set((finding.packages ?? []).map((name) => name.split(':')[0]))
  if (lines.length === 0 && wanted.size === 0) return null
  // A finding's lines fall inside the transactions it is about (the plan lists, or the first line).
  const txs = run.analysis.summary.transactions.filter((t) => lines.some((l) => l >= t.line && l <= t.endLine))
  /** @type {[number, number][]} */
  const ranges = []
  for (const block of run.analysis.planBlocks) {
    if (lines.length > 0 && !txs.some((t) => block.line >= t.line && block.line <= t.endLine)) continue
    if (wanted.size > 0 && !block.packages.some((name) => wanted.has(name.split(':')[0]))) continue
    ranges.push([block.line, block.endLine])
    if (ranges.length >= 10) break
  }
  if (ranges.length === 0) for (const line of lines) ranges.push([line, line])
  return ranges.length === 0 ? null : { ranges }
}

/**
 * A finding as a list item, with its evidence in a disclosure when it names lines.
 * @param {{ kind: string, message: string, lines?: readonly number[], packages?: readonly string[] }} finding
 * @param {Loaded | null} run the run whose lines it names
 * @param {string} side
 * @param {boolean} warn
 */
function findingItem(finding, run, side, warn) {
  const found = run === null ? null : findingRanges(finding, run)
  const head = [warn ? h('span', { class: 'badge warning' }, 'warning') : null, h('span', { class: 'message' }, finding.message), ' ', h('code', { class: 'kind' }, finding.kind)]
  if (found === null || run === null) return h('li', { class: 'finding', 'data-kind': finding.kind }, head)
  const blocks = found.ranges.map(([from, to]) => evidenceBlock(run.analysis.lines, from, to, from, to, side))
  const where = found.ranges.map(([from, to]) => (from === to ? `line ${from}` : `lines ${from}–${to}`)).join(', ')
  return h(
    'li',
    { class: 'finding', 'data-kind': finding.kind },
    h('details', { class: 'evidence-details' }, h('summary', null, head, ' ', h('span', { class: 'place' }, `${side === '' ? '' : `${side}: `}${where}`)), blocks),
  )
}

/**
 * A problem as a list item: title, message, place, then (on opening) its remedy and evidence.
 * @param {import('./aptlog.js').Problem} p
 * @param {Loaded} run
 * @param {string} side
 * @param {{ root?: boolean, follows?: boolean }} [marks]
 */
function problemItem(p, run, side, marks = {}) {
  const remedy = remedyFor(p.kind)
  return h(
    'li',
    { class: `problem sev-${p.severity}`, 'data-kind': p.kind, 'data-line': p.line },
    h(
      'details',
      { class: 'evidence-details' },
      h(
        'summary',
        null,
        severityBadge(p.severity),
        marks.root === true ? h('span', { class: 'badge root' }, 'root cause') : null,
        marks.follows === true ? h('span', { class: 'badge muted' }, 'follows from the root cause') : null,
        ' ',
        h('strong', null, problemTitle(p)),
        ' ',
        h('span', { class: 'message' }, p.message),
        ' ',
        h('span', { class: 'place' }, `${side === '' ? '' : `${side}: `}${problemPlace(p)}`),
        ' ',
        h('code', { class: 'kind' }, p.kind),
      ),
      h('p', { class: 'remedy' }, h('strong', null, 'What to do: '), remedy.remedy),
      problemEvidence(p, run, side),
    ),
  )
}

/**
 * @param {string} title
 * @param {string} id
 * @param {...unknown} children
 */
const section = (title, id, ...children) => h('section', { class: 'card', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), children)

/** @param {number} total @param {number} shown */
const moreNote = (total, shown) => (total > shown ? h('p', { class: 'muted small' }, `… and ${total - shown} more (the Markdown report and \`aptlog\` have them all).`) : null)

/**
 * The root cause card: what, where, the remedy, the lines that prove it (open), what followed.
 * @param {import('./aptlog.js').Problem | null} root
 * @param {Loaded} run
 * @param {string} side
 * @param {string} outcome
 */
function rootCauseSection(root, run, side, outcome) {
  if (root === null) {
    return section('Root cause', 'root-cause', h('p', { class: 'muted' }, outcome === 'success' ? 'The run succeeded: nothing to explain.' : `No fatal problem found (outcome: ${outcome}).`))
  }
  const remedy = remedyFor(root.kind)
  const follows = consequencesOf(run.analysis.summary.problems, root)
  return section(
    side === 'B' ? 'Root cause (run B)' : 'Root cause',
    'root-cause',
    h(
      'div',
      { class: `root sev-${root.severity}`, 'data-kind': root.kind },
      h('p', { class: 'root-title' }, severityBadge(root.severity), ' ', h('strong', null, problemTitle(root)), ' ', h('code', { class: 'kind' }, root.kind)),
      h('p', { class: 'root-message' }, root.message),
      h('p', { class: 'place' }, `${side === 'B' ? 'Run B, ' : ''}${problemPlace(root)}`),
      h('div', { class: 'remedy' }, h('h3', null, 'What to do'), h('p', null, remedy.remedy)),
      h('h3', null, `The lines that prove it (${placeOf(root)})`),
      problemEvidence(root, run, side),
      follows.length > 0 ? h('p', { class: 'muted' }, `${plural(follows.length, 'other problem')} followed from it (marked below).`) : null,
    ),
  )
}

/**
 * The story and the Markdown tools.
 * @param {string} story
 * @param {string} markdown
 * @param {unknown[]} badges
 */
function storySection(story, markdown, badges) {
  return h(
    'section',
    { class: 'card story-card', id: 'story', 'aria-labelledby': 'story-h' },
    h('h2', { id: 'story-h', class: 'visually-hidden' }, 'What happened'),
    h('p', { class: 'outcomes' }, badges),
    h('p', { class: 'story' }, story),
    h(
      'div',
      { class: 'tools' },
      h('button', { type: 'button', class: 'copy-markdown', 'data-action': 'copy-markdown' }, 'Copy as Markdown'),
      h('details', { class: 'markdown' }, h('summary', null, 'Show the Markdown'), h('pre', { id: 'markdown', tabindex: '0' }, markdown)),
    ),
  )
}

/** @param {import('./aptlog.js').Step | null} s */
const statusText = (s) => (s === null ? '—' : s.exitCode !== undefined ? `${s.status} (exit ${s.exitCode})` : s.status)
/** @param {string} status */
const statusTone = (status) => (status === 'error' || status === 'canceled' ? 'error' : status === 'cached' ? 'muted' : status === 'done' ? 'good' : 'muted')
/** @param {import('./aptlog.js').Step | null} s */
const statusCell = (s) => h('td', null, s === null ? h('span', { class: 'muted' }, '—') : h('span', { class: `status ${statusTone(s.status)}` }, statusText(s)))

/** @param {readonly string[]} names @param {string} cls */
function nameList(names, cls) {
  const shown = names.slice(0, MAX_ROWS * 4)
  return [h('ul', { class: `pkgs ${cls}` }, shown.map((n) => h('li', null, n))), moreNote(names.length, shown.length)]
}

/** @param {readonly { name: string, from: string, to: string }[]} changes */
function changeList(changes) {
  const shown = changes.slice(0, MAX_ROWS * 4)
  return [h('ul', { class: 'pkgs changed' }, shown.map((c) => h('li', null, c.name, ' ', h('span', { class: 'from' }, c.from), ' → ', h('span', { class: 'to' }, c.to)))), moreNote(changes.length, shown.length)]
}

/** @param {import('./aptlog.js').PackageDiff} p */
function packageDiffBlocks(p) {
  return [
    p.added.length > 0 ? h('div', { class: 'pkg-group', 'data-group': 'added' }, h('h3', null, `Only in B (${p.added.length})`), nameList(p.added, 'added')) : null,
    p.removed.length > 0 ? h('div', { class: 'pkg-group', 'data-group': 'removed' }, h('h3', null, `Only in A (${p.removed.length})`), nameList(p.removed, 'removed')) : null,
    p.changed.length > 0 ? h('div', { class: 'pkg-group', 'data-group': 'changed' }, h('h3', null, `Version changed (${p.changed.length})`), changeList(p.changed)) : null,
  ]
}

/** @param {import('./aptlog.js').StepDiff} s */
function stepDiffRow(s) {
  const marker = { added: ['+', 'only in B'], removed: ['−', 'only in A'], changed: ['~', 'changed'], same: ['=', 'same'] }[s.change]
  const p = s.packages
  const pkgCount = p.added.length + p.removed.length + p.changed.length
  const pkgText = [p.added.length > 0 ? `+${p.added.length}` : '', p.removed.length > 0 ? `−${p.removed.length}` : '', p.changed.length > 0 ? `~${p.changed.length}` : ''].filter(Boolean).join(' ')
  const key = s.key.length > 160 ? `${s.key.slice(0, 159)}…` : s.key
  const ids = [s.a !== null ? `A ${s.a.id}` : null, s.b !== null ? `B ${s.b.id}` : null].filter(Boolean).join(' · ')
  return h(
    'tr',
    { class: `step ${s.change}`, 'data-change': s.change },
    h('td', { class: 'marker' }, h('span', { 'aria-hidden': 'true' }, marker[0]), h('span', { class: 'visually-hidden' }, marker[1])),
    h('th', { scope: 'row', class: 'step-key' }, h('code', { title: s.key }, key), h('span', { class: 'step-ids' }, ids)),
    statusCell(s.a),
    statusCell(s.b),
    h('td', { class: 'num' }, s.counts === undefined ? '' : `${s.counts.a?.newlyInstalled ?? '—'} → ${s.counts.b?.newlyInstalled ?? '—'}`),
    h('td', null, pkgCount === 0 ? '' : h('details', { class: 'step-pkgs' }, h('summary', null, pkgText), packageDiffBlocks(p))),
    h('td', { class: 'num' }, s.downloadBytes === undefined ? '' : `${s.downloadBytes.a === null ? '—' : formatBytes(s.downloadBytes.a)} → ${s.downloadBytes.b === null ? '—' : formatBytes(s.downloadBytes.b)}`),
    h('td', { class: 'num' }, s.durationMs === undefined ? '' : `${formatDuration(s.durationMs.a)} → ${formatDuration(s.durationMs.b)}`),
  )
}

/** @param {readonly import('./aptlog.js').StepDiff[]} steps */
function stepDiffTable(steps) {
  const shown = steps.slice(0, MAX_ROWS)
  return [
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'steps diff' },
        h('caption', { class: 'visually-hidden' }, 'Steps of run A and run B, aligned by instruction'),
        h('thead', null, h('tr', null, ['', 'step', 'A', 'B', 'new packages A → B', 'packages', 'download A → B', 'time A → B'].map((t, i) => h('th', { scope: 'col' }, i === 0 ? h('span', { class: 'visually-hidden' }, 'change') : t)))),
        h('tbody', null, shown.map(stepDiffRow)),
      ),
    ),
    moreNote(steps.length, shown.length),
  ]
}

/** @param {import('./aptlog.js').Transaction} tx */
function transactionText(tx) {
  const parts = []
  if (tx.kind === 'update' && tx.sources.length > 0) parts.push(plural(new Set(tx.sources.map((s) => `${s.uri} ${s.suite}`)).size, 'repository').replace('repositorys', 'repositories'))
  if (tx.counts !== null) parts.push(`${tx.counts.newlyInstalled} new, ${tx.counts.upgraded} upgraded, ${tx.counts.removed} removed`)
  if (tx.downloadBytes !== undefined) parts.push(`download ${formatBytes(tx.downloadBytes)}`)
  if (tx.fetched !== undefined) parts.push(`fetched ${formatBytes(tx.fetched.bytes)} in ${tx.fetched.seconds}s`)
  if (tx.unpacked.length + tx.setUp.length + tx.removed.length > 0) parts.push(`dpkg: ${tx.unpacked.length} unpacked, ${tx.setUp.length} set up, ${tx.removed.length} removed`)
  return parts.length === 0 ? 'no plan or dpkg action printed' : parts.join('; ')
}

/** @param {import('./aptlog.js').Transaction} tx */
function transactionRow(tx) {
  const planned = [...tx.planned.new, ...tx.planned.additional.filter((n) => !tx.planned.new.includes(n))]
  return h(
    'tr',
    { class: 'transaction', 'data-kind': tx.kind },
    h('td', { class: 'tx-arrow', 'aria-hidden': 'true' }, '↳'),
    h(
      'td',
      { colspan: '3' },
      h('span', { class: 'badge muted' }, tx.kind === 'dpkg' ? 'dpkg' : `apt ${tx.kind}`),
      ' ',
      transactionText(tx),
      ' ',
      h('span', { class: 'place' }, `lines ${tx.line}–${tx.endLine}`),
      planned.length > 0 ? h('details', { class: 'step-pkgs' }, h('summary', null, `${planned.length} planned package${planned.length === 1 ? '' : 's'}`), nameList(planned, 'planned')) : null,
    ),
  )
}

/** @param {import('./aptlog.js').RunSummary} run */
function stepsTable(run) {
  const byStep = new Map()
  const loose = []
  const ids = new Set(run.steps.map((s) => s.id))
  for (const tx of run.transactions) {
    const key = tx.step === null && ids.has('log') ? 'log' : tx.step
    if (key !== null && ids.has(key)) {
      if (!byStep.has(key)) byStep.set(key, [])
      byStep.get(key).push(tx)
    } else loose.push(tx)
  }
  const steps = run.steps.slice(0, MAX_ROWS)
  const rows = []
  for (const s of steps) {
    rows.push(
      h(
        'tr',
        { class: 'step', 'data-step': s.id },
        h('td', { class: 'step-id' }, s.id),
        h('th', { scope: 'row', class: 'step-key' }, h('code', null, s.instruction ?? s.name ?? '(plain log)')),
        statusCell(s),
        h('td', { class: 'num' }, s.durationMs !== undefined ? formatDuration(s.durationMs) : ''),
      ),
    )
    for (const tx of byStep.get(s.id) ?? []) rows.push(transactionRow(tx))
  }
  if (loose.length > 0) {
    rows.push(h('tr', { class: 'step' }, h('td', null, ''), h('th', { scope: 'row', colspan: '3' }, 'Outside any step')))
    for (const tx of loose) rows.push(transactionRow(tx))
  }
  return [
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'steps single' },
        h('caption', { class: 'visually-hidden' }, 'Steps, each with the apt and dpkg runs inside it'),
        h('thead', null, h('tr', null, ['step', 'instruction', 'status', 'time'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows),
      ),
    ),
    moreNote(run.steps.length, steps.length),
  ]
}

/**
 * A list of problems with their evidence.
 * @param {readonly import('./aptlog.js').Problem[]} problems
 * @param {Loaded} run
 * @param {string} side
 * @param {import('./aptlog.js').Problem | null} root
 */
function problemList(problems, run, side, root) {
  const follows = root === null ? new Set() : new Set(consequencesOf(run.analysis.summary.problems, root).map((p) => `${p.line} ${p.kind}`))
  const isRoot = (p) => root !== null && p.line === root.line && p.kind === root.kind && p.message === root.message
  const shown = problems.slice(0, MAX_ROWS)
  return [h('ul', { class: 'problems' }, shown.map((p) => problemItem(p, run, side, { root: isRoot(p), follows: follows.has(`${p.line} ${p.kind}`) }))), moreNote(problems.length, shown.length)]
}

/** What the run model left out past its caps (a log of many concatenated builds). @param {import('./aptlog.js').RunSummary} summary */
function omittedNote(summary) {
  const o = summary.omitted
  if (o === undefined) return null
  const parts = [o.problems > 0 ? plural(o.problems, 'problem') : '', o.steps > 0 ? plural(o.steps, 'step') : '', o.transactions > 0 ? plural(o.transactions, 'apt run') : ''].filter(Boolean)
  return parts.length === 0 ? null : h('p', { class: 'muted small' }, `The run model keeps the first entries of a very long log and counted the rest: ${parts.join(', ')} not listed.`)
}

/** @param {Loaded} run */
function readNote(run) {
  const { summary } = run.analysis
  return `${run.label}: ${summary.lines.toLocaleString('en')} lines, ${summary.unrecognized.toLocaleString('en')} not recognised`
}

/**
 * The report of one log.
 * @param {Loaded} run
 * @returns {{ node: HTMLElement, markdown: string, story: string }}
 */
export function renderSingle(run) {
  const summary = run.analysis.summary
  const report = summaryReport(summary, run.label)
  const markdown = renderMarkdown(report)
  const story = report.lead ?? ''
  const root = summary.rootCause
  const essential = (kind) => kind === 'run.essential-packages-planned'
  const node = h(
    'div',
    { class: 'report single', 'data-mode': 'single' },
    storySection(story, markdown, [outcomeBadge(summary.outcome), ' ', h('span', { class: 'muted' }, readNote(run))]),
    rootCauseSection(root, run, '', summary.outcome),
    summary.findings.length > 0 ? section('Findings', 'findings', h('ul', { class: 'findings' }, summary.findings.map((f) => findingItem(f, run, '', essential(f.kind))))) : null,
    summary.steps.length > 0 || summary.transactions.length > 0 ? section(`Steps (${summary.steps.length}) and apt runs (${summary.transactions.length})`, 'steps', stepsTable(summary)) : null,
    section(
      `Problems (${summary.problems.length})`,
      'problems',
      summary.problems.length === 0 ? h('p', { class: 'muted' }, 'No problems found.') : problemList(summary.problems, run, '', root),
      omittedNote(summary),
    ),
  )
  return { node, markdown, story }
}

/**
 * The report of two logs: A (the good run) and B (the run to explain).
 * @param {Loaded} a
 * @param {Loaded} b
 * @returns {{ node: HTMLElement, markdown: string, story: string }}
 */
export function renderDiff(a, b) {
  const diff = diffRuns(a.analysis.summary, b.analysis.summary)
  const markdown = renderMarkdown(diffReport(diff, { a: a.label, b: b.label }))
  const story = diffStory(diff)
  // Diff findings do not say which run their lines or packages are from; these two are B's (the
  // base-system finding copies B's own, the planned packages are those only B installs).
  const evidenceInB = new Set(['diff.essential-packages-planned', 'diff.packages-planned'])
  const warn = (kind) => kind === 'diff.essential-packages-planned' || kind === 'diff.outcome-changed'
  const changedSteps = diff.steps.filter((s) => s.change !== 'same').length
  const pk = diff.packages
  const node = h(
    'div',
    { class: 'report diff', 'data-mode': 'diff' },
    storySection(story, markdown, [
      h('span', { class: 'run-label' }, h('span', { class: 'slot-letter' }, 'A'), ' ', a.label, ' ', outcomeBadge(diff.outcome.a)),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
      h('span', { class: 'run-label' }, h('span', { class: 'slot-letter' }, 'B'), ' ', b.label, ' ', outcomeBadge(diff.outcome.b)),
    ]),
    rootCauseSection(diff.rootCause, b, 'B', diff.outcome.b),
    section(
      'What changed',
      'findings',
      diff.findings.length === 0 ? h('p', { class: 'muted' }, 'No difference that matters was found.') : h('ul', { class: 'findings' }, diff.findings.map((f) => findingItem(f, evidenceInB.has(f.kind) ? b : null, 'B', warn(f.kind)))),
    ),
    section(`Steps (${diff.steps.length} aligned, ${changedSteps} differ)`, 'steps', diff.steps.length === 0 ? h('p', { class: 'muted' }, 'Neither log has docker steps or apt runs.') : stepDiffTable(diff.steps)),
    section(
      'Packages',
      'packages',
      pk.added.length + pk.removed.length + pk.changed.length === 0 ? h('p', { class: 'muted' }, 'Both runs install the same packages.') : h('div', { class: 'pkg-groups' }, packageDiffBlocks(pk)),
    ),
    section(
      `Problems only in B (${diff.problems.new.length})`,
      'problems',
      diff.problems.new.length === 0 ? h('p', { class: 'muted' }, 'Run B has no problem that run A does not have.') : problemList(diff.problems.new, b, 'B', diff.rootCause),
    ),
    diff.problems.resolved.length > 0 ? section(`Problems only in A (${diff.problems.resolved.length})`, 'resolved', problemList(diff.problems.resolved, a, 'A', null)) : null,
  )
  return { node, markdown, story }
}
