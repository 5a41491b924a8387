/**
 * A count of the work code does walking collections and strings, in place of a clock: while
 * `countWork` runs a function, the built-in methods that walk an array, a Map, a Set, an object's
 * keys or a string are wrapped to add what they walk to a counter (an array's or a string's length
 * for a scan, one per element an iterator yields). The count is the same on any machine under any
 * load, so a test can compare it between two runs exactly.
 *
 * It sees work done through these built-ins: a `for…of`, a spread, `includes`, `indexOf`, `some`,
 * `filter`, `Object.keys`, `split`, a regex `exec`… A plain indexed `for` loop over an array, or a
 * string walked with `charCodeAt`, is invisible to it; so is `+` on strings.
 * @module
 */

type Method = (this: unknown, ...args: unknown[]) => unknown

/** Array methods that may visit every element: each call counts the array's length. */
const ARRAY_SCANS = ['includes', 'indexOf', 'lastIndexOf', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'filter', 'map', 'flatMap', 'forEach', 'reduce', 'reduceRight', 'slice', 'concat', 'join', 'splice', 'sort', 'reverse', 'fill', 'toSorted', 'toReversed', 'with'] as const
/** String methods that may read the whole string: each call counts its length. */
const STRING_SCANS = ['indexOf', 'lastIndexOf', 'includes', 'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize', 'padStart', 'padEnd', 'repeat', 'concat'] as const

let work = 0

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

/** Counts `this`'s length, then does the work. */
const scanning = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    work += lengthOf(this)
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

/** The work `run` does through the built-ins described above, and its result. */
export function countWork<T>(run: () => T): { work: number; result: T } {
  const patches: Patch[] = []
  for (const key of ARRAY_SCANS) wrap(Array.prototype, key, scanning, patches)
  for (const key of ['values', 'keys', 'entries', Symbol.iterator]) wrap(Array.prototype, key, iterating, patches)
  for (const proto of [Map.prototype, Set.prototype]) {
    for (const key of ['values', 'keys', 'entries', Symbol.iterator]) wrap(proto, key, iterating, patches)
    wrap(proto, 'forEach', sized, patches)
  }
  for (const key of STRING_SCANS) wrap(String.prototype, key, scanning, patches)
  for (const key of ['exec', 'test']) {
    wrap(
      RegExp.prototype,
      key,
      (original) =>
        function (this: unknown, ...args: unknown[]): unknown {
          work += lengthOf(args[0])
          return original.apply(this, args)
        },
      patches,
    )
  }
  for (const key of ['keys', 'values', 'entries']) wrap(Object, key, resulting, patches)
  wrap(Array, 'from', resulting, patches)
  work = 0
  try {
    const result = run()
    return { work, result }
  } finally {
    for (const p of patches.reverse()) Object.defineProperty(p.target, p.key, p.original)
  }
}
