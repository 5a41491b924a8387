/**
 * Step names: BuildKit vertex names `[stage i/n] INSTRUCTION` (FORMATS.md §7.3, from the Dockerfile
 * frontend's `prefixCommand`) and the stage a legacy `FROM … AS name` opens (§7.2).
 * @module
 */

import { parseUint, skipDigits, skipSpaces } from './text.ts'

/** What a vertex name says. */
export interface VertexName {
  /** The Dockerfile instruction (`RUN apt-get update`), `null` for `[internal] …`, `[auth] …`, exporters. */
  readonly instruction: string | null
  /** `i` of `[i/n]`. */
  readonly index?: number
  /** `n` of `[i/n]`. */
  readonly total?: number
  /** Stage name (`builder` of `[builder 2/5]`; unnamed stages of a multi-stage file are `stage-1` …). */
  readonly stage?: string
  /** Platform prefix of multi-platform builds (`linux/arm64`, `linux/amd64->arm64`). */
  readonly platform?: string
  /** True for vertices that are not a Dockerfile instruction. */
  readonly internal: boolean
}

const INTERNAL: VertexName = { instruction: null, internal: true }

/**
 * Parse a vertex name. `[2/4] RUN …`, `[ 2/12] RUN …` (index space-padded to the width of the
 * total), `[builder 3/7] RUN …`, `[linux/arm64 builder 2/5] RUN …`, `[web 2/2] ONBUILD RUN …`.
 * Anything else (`[internal] load build context`, `[auth] …`, `exporting to image`) is internal.
 */
export function parseVertexName(name: string): VertexName {
  if (name.charCodeAt(0) !== 0x5b) return INTERNAL
  const close = name.indexOf('] ')
  if (close === -1) return INTERNAL
  // The bracket ends with `<spaces?>i/n`; everything before that is "[platform ][stage ]".
  const slash = name.lastIndexOf('/', close)
  if (slash === -1) return INTERNAL
  const totalEnd = skipDigits(name, slash + 1)
  if (totalEnd !== close || totalEnd === slash + 1) return INTERNAL
  let indexStart = slash
  while (indexStart > 1 && isDigitAt(name, indexStart - 1)) indexStart--
  if (indexStart === slash) return INTERNAL
  const index = parseUint(name, indexStart, slash)
  const total = parseUint(name, slash + 1, totalEnd)
  const instruction = name.slice(close + 2)
  if (index === undefined || total === undefined || instruction.length === 0) return INTERNAL
  const head = name.slice(1, indexStart).trim()
  const out: { instruction: string; index: number; total: number; internal: false; stage?: string; platform?: string } = {
    instruction,
    index,
    total,
    internal: false,
  }
  if (head.length > 0) {
    for (const word of head.split(' ')) {
      if (word.length === 0) continue
      // Stage names cannot contain `/`; platforms always do (`linux/arm64`).
      if (word.includes('/')) out.platform = word
      else out.stage = word
    }
  }
  return out
}

function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at)
  return c >= 0x30 && c <= 0x39
}

/**
 * The stage a `FROM` instruction names: `FROM golang:1.22 AS builder` → `builder`
 * (keyword case as written, FORMATS.md §7.2; `--platform=…` flags allowed). Undefined for a `FROM`
 * without `AS` and for any other instruction.
 */
export function fromStageName(instruction: string): string | undefined {
  if (instruction.length < 5 || instruction.slice(0, 4).toUpperCase() !== 'FROM' || instruction.charCodeAt(4) !== 0x20) return undefined
  const words = instruction.slice(5).split(' ').filter((w) => w.length > 0)
  const as = words.length - 2
  if (as < 1) return undefined
  if ((words[as] as string).toUpperCase() !== 'AS') return undefined
  return words[as + 1]
}

/** True when an instruction is a `FROM` (a new stage begins). */
export function isFromInstruction(instruction: string): boolean {
  const from = skipSpaces(instruction, 0)
  return instruction.slice(from, from + 5).toUpperCase() === 'FROM '
}
