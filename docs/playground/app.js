/**
 * Entry point: load the library first, so a missing build says what to do instead of leaving a
 * dead page; then the page itself (ui.js).
 */

const status = document.getElementById('status')
document.getElementById('boot-note')?.remove()

try {
  await import('./aptlog.js')
} catch (error) {
  document.body.dataset.ready = 'missing-library'
  if (status !== null) {
    status.textContent =
      location.protocol === 'file:'
        ? 'This page needs a web server (browsers do not load ES modules and workers from file://): run `npm run playground`, then for example `python3 -m http.server` at the repository root and open /docs/playground/. See README.md in this folder.'
        : 'aptlog.js is missing next to this page. From a clone of the repository run `npm ci && npm run playground`, then serve the repository (or docs/) with any static server. See README.md in this folder.'
    status.classList.add('error')
  }
  throw error
}

try {
  await import('./ui.js')
} catch (error) {
  document.body.dataset.ready = 'error'
  if (status !== null) {
    status.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`
    status.classList.add('error')
  }
  throw error
}
