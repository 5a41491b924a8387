/**
 * Fields every event carries. Events are plain readonly objects: JSON-serialisable, no classes,
 * no `undefined` values written out (optional fields are simply absent).
 * @module
 */

/**
 * A language of apt's and dpkg's catalogues that aptlog reads (docs/locales.md): German, French,
 * Spanish, Brazilian Portuguese, Simplified Chinese, Japanese, Russian.
 */
export type LineLocale = 'de' | 'fr' | 'es' | 'pt_BR' | 'zh_CN' | 'ja' | 'ru'

/** Fields shared by every event; `T` is the event's `type` discriminant. */
export interface EventBase<T extends string> {
  /** The discriminant, dotted lower-case `source.subject[.verb]`. */
  readonly type: T
  /** 1-based number of the event's first source line in the original input. */
  readonly line: number
  /** Last source line, present when the event spans several lines. */
  readonly endLine?: number | undefined
  /** Id of the rule that produced the event, e.g. `apt.acquire.get`. */
  readonly rule: string
  /** Timestamp of the first line's CI prefix, as printed (`2024-01-01T00:00:00.0000000Z`). */
  readonly ts?: string | undefined
  /** Docker step the line came from: `#5` for a BuildKit vertex, `5` for legacy `Step 5/12`. */
  readonly step?: string | undefined
  /** Build stage of that step (`builder` in `[builder 2/5] RUN …`). */
  readonly stage?: string | undefined
  /**
   * The language of a translated apt or dpkg line read through the locale tables (docs/locales.md);
   * absent on English (C) lines. Such events carry a `locale.<template>` rule.
   */
  readonly locale?: LineLocale | undefined
  /**
   * The input (or its docker step) ended inside this event's block, before the program printed
   * what always ends it: a plan list or unmet-dependency block with no line after it, a dpkg error
   * header without its reason, a dependency block without the error that follows it, a BuildKit
   * echo block or Dockerfile excerpt without its closing frame, a rawjson stream whose last object
   * was cut in the middle (on `docker.build.end`). The event
   * holds what was read; a problem drawn from such a block is marked too (its kind may be vaguer
   * than the whole block would have proved: `dpkg.other-error` for a header without its reason).
   */
  readonly cut?: true | undefined
}

/** Where a line came from: its number, CI timestamp and docker step. Grammars receive one per line. */
export interface LineContext {
  /** 1-based source line number. */
  readonly line: number
  /** CI timestamp of the line, if any. */
  readonly ts: string | undefined
  /** Docker step id, if the line is step output. */
  readonly step: string | undefined
  /** Docker stage name, if known. */
  readonly stage: string | undefined
}

/** The base fields of an event from its line context, omitting absent ones. */
export function baseFields(ctx: LineContext, rule: string, endLine?: number): Omit<EventBase<string>, 'type'> {
  return setBaseFields({}, ctx, rule, endLine)
}

/**
 * Set the base fields on `into`, in the one order every event has them: `line`, `rule`, then
 * `endLine` (when it differs from `line`), `ts`, `step`, `stage` when present. The one home of that
 * order, for {@link baseFields} and for the hot rules' field-by-field events (`startEvent`).
 */
export function setBaseFields<T extends object>(into: T, ctx: LineContext, rule: string, endLine?: number): T & Omit<EventBase<string>, 'type'> {
  const base = into as T & { line: number; rule: string; endLine?: number; ts?: string; step?: string; stage?: string }
  base.line = ctx.line
  base.rule = rule
  if (endLine !== undefined && endLine !== ctx.line) base.endLine = endLine
  if (ctx.ts !== undefined) base.ts = ctx.ts
  if (ctx.step !== undefined) base.step = ctx.step
  if (ctx.stage !== undefined) base.stage = ctx.stage
  return base
}
