/**
 * Printing untrusted text safely, one function per target. Every string that came from a log, a
 * stored baseline or the command line goes through the one for where it is printed, at print
 * time: text (a terminal, a CI log), Markdown, GitHub workflow-command values, JSON, XML. What
 * each guarantees is in README.md, "Output is safe to print".
 * @module
 */

export { commandToken, forGithubData, forGithubProperty, guardLineStart, isDotnetWhiteSpace, startsLikeCommand, stopCommands } from './github.ts'
export type { RandomFill } from './github.ts'
export { forJson } from './json.ts'
export { forMarkdown, forMarkdownCode, WORD_JOINER } from './markdown.ts'
export { forText, guardTextLine, isUnsafeTextUnit } from './text.ts'
export { forXml } from './xml.ts'

