/**
 * A count of the work code does walking collections and strings, in place of a clock: while
 * `countWork` runs a function, the built-in methods that walk an array, a Map, a Set, an object's
 * keys or a string are wrapped to add what they walk to a counter (an array's or a string's length
 * for a scan, one per element an iterator yields). The count is the same on any machine under any
 * load, so a test can compare it between two runs exactly.
 *
 * It sees work done through these built-ins: a `for…of`, a spread, `includes`, `indexOf`, `some`,
 * `filter`, `Object.keys`, `split`, a regex `exec`… `indexOf` and `lastIndexOf` count what they
 * walked, from where they start (`indexOf(x, from)`) to the match they return (the far end when
 * there is none), and `includes(x, from)` what lies after `from`: a scan that moves along a string
 * from match to match is linear. A plain indexed `for` loop over an array is invisible
 * to it, and so is `+` on strings; a string walked with `charCodeAt` only with `{ characters: true }`
 * (see {@link WorkOptions}). What a regex does inside is invisible too: `regexInput` says how many
 * characters were handed to one, so a test can check no regex reads a growing text.
 * @module
 */

type Method = (this: unknown, ...args: unknown[]) => unknown

/** Array methods that may visit every element: each call counts the array's length. */
const ARRAY_SCANS = ['includes', 'indexOf', 'lastIndexOf', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'filter', 'map', 'flatMap', 'forEach', 'reduce', 'reduceRight', 'slice', 'concat', 'join', 'splice', 'sort', 'reverse', 'fill', 'toSorted', 'toReversed', 'with', 'shift', 'unshift'] as const
/** String methods that may read the whole string: each call counts its length. */
const STRING_SCANS = ['indexOf', 'lastIndexOf', 'includes', 'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize', 'padStart', 'padEnd', 'repeat', 'concat'] as const

/** String methods that read one character: each call counts 1 (with `characters`). */
const CHARACTER_READS = ['charCodeAt', 'charAt', 'codePointAt', 'at'] as const
/** String methods that compare their argument at one place: each call counts the argument's length (with `characters`). */
const COMPARES = ['startsWith', 'endsWith'] as const
/** String methods that copy part of the string: each call counts the characters copied (with `characters`). */
const COPIES = ['slice', 'substring', 'substr'] as const

/** What {@link countWork} counts besides the scans it always counts. */
export interface WorkOptions {
  /**
   * Also count character reads: `charCodeAt`, `charAt`, `codePointAt`, `at` (1 each), `startsWith`
   * and `endsWith` (the text compared), `slice`, `substring`, `substr` (the characters copied): the
   * way hand-written matchers walk a string. It slows string-heavy code a lot; off by default.
   */
  readonly characters?: boolean
}

let work = 0
let regexInput = 0

const lengthOf = (value: unknown): number => {
  if (typeof value === 'string') return value.length
  const length = (value as { length?: unknown } | null | undefined)?.length
  return typeof length === 'number' ? length : 0
}

/** `next()` of `iterator`, counting one per element it yields. */
function counted<T>(iterator: Iterator<T>): IterableIterator<T> {
  return {
    next(): IteratorResult<T> {
      const r = iterator.next()
      if (r.done !== true) work++
      return r
    },
    [Symbol.iterator](): IterableIterator<T> {
      return this
    },
  }
}

interface Patch {
  readonly target: object
  readonly key: PropertyKey
  readonly original: PropertyDescriptor
}

function wrap(target: object, key: PropertyKey, make: (original: Method) => Method, patches: Patch[]): void {
  const original = Object.getOwnPropertyDescriptor(target, key)
  if (original === undefined || typeof original.value !== 'function') return
  patches.push({ target, key, original })
  Object.defineProperty(target, key, { ...original, value: make(original.value as Method) })
}

/** A position argument as the built-ins read it: an integer, negative counted from the end (arrays), clamped to [0, length]. */
function positionIn(length: number, value: unknown, negativeFromEnd: boolean): number {
  const n = Number(value)
  const whole = Number.isNaN(n) ? 0 : Math.trunc(n)
  const at = whole < 0 && negativeFromEnd ? length + whole : whole
  return Math.min(Math.max(at, 0), length)
}

/**
 * What a scan walked, or may have: the whole of `this`; for `indexOf` and `lastIndexOf`, from the
 * position they start at (the end or start, or their second argument) to the match they return,
 * or to the far end when there is none; for `includes(x, from)`, what lies after `from`.
 */
function scanLength(key: string, self: unknown, args: readonly unknown[], result: unknown): number {
  const length = lengthOf(self)
  const hasFrom = args.length >= 2 && args[1] !== undefined
  const negativeFromEnd = Array.isArray(self)
  const found = typeof result === 'number' && result >= 0 ? result : -1
  if (key === 'indexOf') {
    const from = hasFrom ? positionIn(length, args[1], negativeFromEnd) : 0
    return found === -1 ? length - from : found - from + 1
  }
  if (key === 'lastIndexOf') {
    const from = hasFrom ? Math.min(positionIn(length, args[1], negativeFromEnd), Math.max(length - 1, 0)) : Math.max(length - 1, 0)
    return found === -1 ? Math.min(length, from + 1) : from - found + 1
  }
  if (key === 'includes' && hasFrom) return length - positionIn(length, args[1], negativeFromEnd)
  return length
}

/** Does the scan, then counts what it walked of `this` (scanLength). */
const scanning =
  (key: string) =>
  (original: Method): Method =>
    function (this: unknown, ...args: unknown[]): unknown {
      const result = original.apply(this, args)
      work += scanLength(key, this, args, result)
      return result
    }

/** Counts one character read, then does it. */
const reading = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    work++
    return original.apply(this, args)
  }

/** Counts the length of the text compared (the first argument), then compares. */
const comparing = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    work += lengthOf(args[0])
    return original.apply(this, args)
  }

/** Does the work and counts the elements the returned iterator yields. */
const iterating = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    return counted(original.apply(this, args) as Iterator<unknown>)
  }

/** Counts the size of `this` (a Map or Set), then does the work. */
const sized = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    work += (this as { size: number }).size
    return original.apply(this, args)
  }

/** Counts the length of the result (`Object.keys`), or of the argument (`Array.from`). */
const resulting = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    const result = original.apply(this, args)
    work += lengthOf(result)
    return result
  }

/**
 * The work `run` does through the built-ins described above, the characters it handed to a regex
 * (`regexInput`, also part of `work`), and its result.
 */
export function countWork<T>(run: () => T, options: WorkOptions = {}): { work: number; regexInput: number; result: T } {
  const patches: Patch[] = []
  for (const key of ARRAY_SCANS) wrap(Array.prototype, key, scanning(key), patches)
  for (const key of ['values', 'keys', 'entries', Symbol.iterator]) wrap(Array.prototype, key, iterating, patches)
  for (const proto of [Map.prototype, Set.prototype]) {
    for (const key of ['values', 'keys', 'entries', Symbol.iterator]) wrap(proto, key, iterating, patches)
    wrap(proto, 'forEach', sized, patches)
  }
  for (const key of STRING_SCANS) wrap(String.prototype, key, scanning(key), patches)
  if (options.characters === true) {
    for (const key of CHARACTER_READS) wrap(String.prototype, key, reading, patches)
    for (const key of COMPARES) wrap(String.prototype, key, comparing, patches)
    for (const key of COPIES) wrap(String.prototype, key, resulting, patches)
  }
  for (const key of ['exec', 'test']) {
    wrap(
      RegExp.prototype,
      key,
      (original) =>
        function (this: unknown, ...args: unknown[]): unknown {
          // exec's argument is converted to a string (`String(x)`): count what the regex reads.
          const input = typeof args[0] === 'string' ? args[0].length : String(args[0]).length
          work += input
          regexInput += input
          return original.apply(this, args)
        },
      patches,
    )
  }
  for (const key of ['keys', 'values', 'entries']) wrap(Object, key, resulting, patches)
  wrap(Array, 'from', resulting, patches)
  work = 0
  regexInput = 0
  try {
    const result = run()
    return { work, regexInput, result }
  } finally {
    for (const p of patches.reverse()) Object.defineProperty(p.target, p.key, p.original)
  }
}
