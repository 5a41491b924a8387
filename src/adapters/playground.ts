/**
 * The playground's browser bundle (docs/playground/aptlog.js, `npm run playground`): the public
 * API plus the report pieces the page draws its HTML from. Not a package entry: the helpers below
 * are internal and may change with the page.
 * @module
 */

export * from '../index.ts'
export { diffStory } from '../format/diff-report.ts'
export { consequencesOf } from '../run/root-cause.ts'
export { problemPlace, problemTitle } from '../format/problem-text.ts'
export { remedyFor } from '../format/remedies.ts'
export { formatBytes, formatDuration } from '../format/report.ts'
