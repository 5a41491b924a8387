/**
 * The Web Worker that reads logs, so a large file never blocks the page. One message in:
 * `{ id, source }` (a File or a string); messages out: `{ id, type: 'progress', done, total }`,
 * then `{ id, type: 'done', analysis }` or `{ id, type: 'error', message }`.
 */

import { analyse } from './analyse.js'

self.onmessage = async (message) => {
  const { id, source } = message.data
  try {
    const analysis = await analyse(source, (done, total) => self.postMessage({ id, type: 'progress', done, total }))
    // One message, so the summary's shared objects (rootCause is one of problems) stay shared.
    self.postMessage({ id, type: 'done', analysis })
  } catch (error) {
    self.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}
