/**
 * Errors. Bad input never throws: it becomes events, counted unrecognised lines, or a call to
 * `onError`. Misuse of the API (feeding after `end()`, bad options) throws an `Error` whose message
 * says how to fix it.
 * @module
 */

/** Codes of non-fatal parse errors. */
export type AptLogErrorCode = 'line-too-long' | 'internal' | 'closed'

/**
 * A non-fatal problem while parsing, passed to `onError`; parsing continues. Also thrown (code
 * `closed`) by `feed()` and `end()` of a parser a callback threw from, until `reset()`.
 */
export class AptLogError extends Error {
  /** What went wrong. */
  readonly code: AptLogErrorCode
  /** 1-based source line. */
  readonly line: number
  /** The underlying exception for `internal`. */
  override readonly cause?: unknown

  constructor(code: AptLogErrorCode, message: string, line: number, cause?: unknown) {
    super(message)
    this.name = 'AptLogError'
    this.code = code
    this.line = line
    if (cause !== undefined) this.cause = cause
  }
}
