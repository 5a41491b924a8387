/**
 * Sizes and durations as people read them, shared by the run model's and the diff's messages and
 * by the reports, so a number reads the same wherever it is printed.
 * @module
 */

/** `bytes` as apt would print them (decimal units). */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes)
  const sign = bytes < 0 ? '-' : ''
  if (abs < 10_000) return `${sign}${abs} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = abs / 1000
  let unit = 0
  while (value >= 10_000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${sign}${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit] as string}`
}

/** Milliseconds as `1.2s` / `3min 4s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}min ${s % 60}s`
}
