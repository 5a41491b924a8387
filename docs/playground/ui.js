/**
 * The page: two slots (A, the good run; B, the run to explain), each filled by a drop, a file
 * chooser or pasted text; each log is read in its own Web Worker with a progress bar; one log gives
 * its summary, two give their diff.
 */

import { analyse } from './analyse.js'
import { h, renderDiff, renderSingle } from './render.js'

/** @typedef {'a' | 'b'} Side */
/** @typedef {import('./render.js').Loaded} Loaded */

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector))
const status = $('#status')
const reportHost = $('#report')

/** @type {Record<Side, { job: number, worker: Worker | null, loaded: Loaded | null, info: string }>} */
const slots = { a: { job: 0, worker: null, loaded: null, info: '' }, b: { job: 0, worker: null, loaded: null, info: '' } }
let jobs = 0
let markdown = ''

/** @param {string} text */
function say(text) {
  status.textContent = text
}

/** @param {Side} side */
const slotEl = (side) => $(`#slot-${side}`)

/**
 * Show a slot's state: reading (with progress), loaded (with a line of facts), or empty.
 * @param {Side} side
 * @param {{ reading?: string, progress?: number, info?: string, error?: string }} state
 */
function showSlot(side, state) {
  const el = slotEl(side)
  const bar = /** @type {HTMLProgressElement} */ (el.querySelector('progress'))
  const info = /** @type {HTMLElement} */ (el.querySelector('.slot-info'))
  bar.hidden = state.reading === undefined
  if (state.progress !== undefined) bar.value = state.progress
  else bar.removeAttribute('value')
  info.textContent = state.error ?? state.info ?? state.reading ?? ''
  info.classList.toggle('error', state.error !== undefined)
  el.dataset.state = state.error !== undefined ? 'error' : state.reading !== undefined ? 'reading' : state.info !== undefined ? 'loaded' : 'empty'
}

/** @param {number} bytes */
const size = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} B`)

/**
 * Read a log into a slot: in a module Web Worker when the browser can start one, else on the page.
 * A newer load of the same slot cancels this one.
 * @param {Side} side
 * @param {Blob | string} source
 * @param {string} label
 */
function load(side, source, label) {
  const slot = slots[side]
  slot.worker?.terminate()
  slot.worker = null
  slot.loaded = null
  const job = ++jobs
  slot.job = job
  const el = slotEl(side)
  el.dataset.progressUpdates = '0'
  const reading = `Reading ${label}…`
  showSlot(side, { reading, progress: 0 })
  say(`Reading run ${side.toUpperCase()}: ${label}`)
  render()

  /** @param {number} done @param {number} total */
  const onProgress = (done, total) => {
    if (slot.job !== job) return
    el.dataset.progressUpdates = String(Number(el.dataset.progressUpdates ?? '0') + 1)
    showSlot(side, { reading: `${reading} ${Math.floor((done / Math.max(total, 1)) * 100)}%`, progress: total > 0 ? done / total : 0 })
  }
  /** @param {import('./analyse.js').Analysis} analysis @param {'worker' | 'page'} where */
  const onDone = (analysis, where) => {
    if (slot.job !== job) return
    slot.worker?.terminate()
    slot.worker = null
    slot.loaded = { label, analysis }
    el.dataset.reader = where
    const { summary, stats } = analysis
    const speed = stats.ms > 0 && stats.bytes >= 1e6 ? ` (${((stats.bytes / 1e6) / (stats.ms / 1000)).toFixed(0)} MB/s)` : ''
    const cut = stats.errors > 0 ? ` · ${stats.firstError}${stats.errors > 1 ? ` (+${stats.errors - 1} more)` : ''}` : ''
    slot.info = `${label}: ${summary.outcome} · ${summary.lines.toLocaleString('en')} lines, ${size(stats.bytes)} read in ${Math.round(stats.ms)} ms${speed}${cut}`
    showSlot(side, { info: slot.info })
    render()
  }
  /** @param {string} message */
  const onError = (message) => {
    if (slot.job !== job) return
    slot.worker?.terminate()
    slot.worker = null
    showSlot(side, { error: `Could not read ${label}: ${message}` })
    say(`Could not read ${label}: ${message}`)
  }
  const onPage = () => analyse(source, onProgress).then((analysis) => onDone(analysis, 'page'), (error) => onError(error instanceof Error ? error.message : String(error)))

  /** @type {Worker} */
  let worker
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
  } catch {
    void onPage()
    return
  }
  slot.worker = worker
  let started = false
  worker.onmessage = (message) => {
    const data = message.data
    started = true
    if (data.id !== job) return
    if (data.type === 'progress') onProgress(data.done, data.total)
    else if (data.type === 'done') onDone(data.analysis, 'worker')
    else onError(data.message)
  }
  // A browser without module workers fails to load worker.js: read on the page instead.
  worker.onerror = (event) => {
    event.preventDefault()
    if (slot.job !== job) return
    worker.terminate()
    slot.worker = null
    if (!started) void onPage()
    else onError(event.message || 'the reader stopped')
  }
  worker.postMessage({ id: job, source })
}

/**
 * Files dropped or chosen on a slot: one file fills that slot; two or more fill A and B in name
 * order (Swap flips them).
 * @param {Side} side
 * @param {FileList | File[]} list
 */
function takeFiles(side, list) {
  const files = [...list]
  if (files.length === 0) return
  if (files.length === 1) {
    load(side, /** @type {File} */ (files[0]), /** @type {File} */ (files[0]).name)
    return
  }
  files.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
  load('a', /** @type {File} */ (files[0]), /** @type {File} */ (files[0]).name)
  load('b', /** @type {File} */ (files[1]), /** @type {File} */ (files[1]).name)
  if (files.length > 2) say(`Only two logs are compared: ${files[0]?.name} (A) and ${files[1]?.name} (B); ${files.length - 2} more ignored.`)
}

/** @param {Side} side */
function takePaste(side) {
  const area = /** @type {HTMLTextAreaElement} */ ($(`#paste-${side}`))
  if (area.value.trim() === '') {
    say(`Paste a log into the box of run ${side.toUpperCase()} first.`)
    area.focus()
    return
  }
  load(side, area.value, `pasted log ${side.toUpperCase()}`)
}

/** Draw the report for what is loaded: nothing, one log, or two. */
function render() {
  const a = slots.a.loaded
  const b = slots.b.loaded
  const busy = slots.a.worker !== null || slots.b.worker !== null
  reportHost.replaceChildren()
  markdown = ''
  const empty = a === null && b === null && !busy
  for (const id of ['#swap', '#clear']) /** @type {HTMLButtonElement} */ ($(id)).disabled = empty
  document.body.dataset.report = 'none'
  if (a === null && b === null) return
  if (busy) {
    reportHost.append(h('p', { class: 'muted waiting' }, 'Waiting for the other log…'))
    return
  }
  try {
    const drawn = a !== null && b !== null ? renderDiff(a, b) : renderSingle(/** @type {Loaded} */ (a ?? b))
    markdown = drawn.markdown
    reportHost.append(drawn.node)
    document.body.dataset.report = a !== null && b !== null ? 'diff' : 'single'
    const outcomes = a !== null && b !== null ? `run A: ${a.analysis.summary.outcome}, run B: ${b.analysis.summary.outcome}` : `${(a ?? b)?.label}: ${(a ?? b)?.analysis.summary.outcome}`
    say(`Report ready (${outcomes}).`)
  } catch (error) {
    reportHost.append(h('p', { class: 'error' }, `The report could not be drawn: ${error instanceof Error ? error.message : String(error)}`))
    document.body.dataset.report = 'error'
  }
}

/** Copy the Markdown report: the Clipboard API, or a selected textarea where it is not allowed. */
async function copyMarkdown() {
  if (markdown === '') return
  try {
    await navigator.clipboard.writeText(markdown)
  } catch {
    const area = document.createElement('textarea')
    area.className = 'visually-hidden'
    area.readOnly = true
    area.value = markdown
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    if (!ok) {
      say('The browser did not allow copying: open “Show the Markdown” and copy it from there.')
      return
    }
  }
  say('The Markdown report is on the clipboard.')
}

function swap() {
  const { a, b } = slots
  for (const s of [a, b]) {
    s.worker?.terminate()
    s.worker = null
    s.job = ++jobs
  }
  ;[a.loaded, b.loaded] = [b.loaded, a.loaded]
  ;[a.info, b.info] = [b.info, a.info]
  for (const side of /** @type {Side[]} */ (['a', 'b'])) showSlot(side, slots[side].loaded === null ? {} : { info: slots[side].info })
  const pa = /** @type {HTMLTextAreaElement} */ ($('#paste-a'))
  const pb = /** @type {HTMLTextAreaElement} */ ($('#paste-b'))
  ;[pa.value, pb.value] = [pb.value, pa.value]
  render()
}

function clear() {
  for (const side of /** @type {Side[]} */ (['a', 'b'])) {
    slots[side].worker?.terminate()
    Object.assign(slots[side], { job: ++jobs, worker: null, loaded: null, info: '' })
    showSlot(side, {})
    const area = /** @type {HTMLTextAreaElement} */ ($(`#paste-${side}`))
    const input = /** @type {HTMLInputElement} */ ($(`#file-${side}`))
    area.value = ''
    input.value = ''
  }
  render()
  say('Cleared.')
  $('#file-a').focus()
}

/** Wire a slot's drop zone, file chooser and paste box. @param {Side} side */
function wireSlot(side) {
  const zone = $(`#drop-${side}`)
  const input = /** @type {HTMLInputElement} */ ($(`#file-${side}`))
  const area = /** @type {HTMLTextAreaElement} */ ($(`#paste-${side}`))
  input.addEventListener('change', () => {
    if (input.files !== null) takeFiles(side, input.files)
  })
  zone.addEventListener('dragenter', (event) => {
    event.preventDefault()
    zone.classList.add('over')
  })
  zone.addEventListener('dragover', (event) => {
    event.preventDefault()
    if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy'
    zone.classList.add('over')
  })
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(/** @type {Node | null} */ (event.relatedTarget))) zone.classList.remove('over')
  })
  zone.addEventListener('drop', (event) => {
    event.preventDefault()
    event.stopPropagation()
    zone.classList.remove('over')
    const data = event.dataTransfer
    if (data === null) return
    if (data.files.length > 0) takeFiles(side, data.files)
    else {
      const text = data.getData('text/plain')
      if (text !== '') {
        area.value = text
        load(side, text, `dropped text ${side.toUpperCase()}`)
      }
    }
  })
  // Pasting into an empty box reads it at once; edits are read with the button (or Ctrl+Enter).
  area.addEventListener('paste', () => {
    const before = area.value
    setTimeout(() => {
      if (before.trim() === '' && area.value.trim() !== '') takePaste(side)
    }, 0)
  })
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      takePaste(side)
    }
  })
  $(`#read-${side}`).addEventListener('click', () => takePaste(side))
}

wireSlot('a')
wireSlot('b')
$('#swap').addEventListener('click', swap)
$('#clear').addEventListener('click', clear)
reportHost.addEventListener('click', (event) => {
  const target = /** @type {HTMLElement} */ (event.target)
  if (target.closest('[data-action="copy-markdown"]') !== null) void copyMarkdown()
})
// A file dropped elsewhere on the page goes to the first empty slot instead of replacing the page.
document.addEventListener('dragover', (event) => event.preventDefault())
document.addEventListener('drop', (event) => {
  event.preventDefault()
  const files = event.dataTransfer?.files
  if (files === undefined || files.length === 0) return
  takeFiles(slots.a.loaded === null && slots.a.worker === null ? 'a' : 'b', files)
})
document.body.dataset.ready = 'true'
