/**
 * `uname -a`: `Linux <nodename> <release> <version …> <machine> [<processor> <platform>] GNU/Linux`
 * (coreutils prints the fields in that order and leaves out `unknown` processor/platform). The
 * kernel version field has spaces (`#126-Ubuntu SMP Mon Dec 4 16:23:28 UTC 2017`), so the machine
 * is read from the end.
 * @module
 */

/** Machine names uname prints. */
const MACHINES: ReadonlySet<string> = new Set(['x86_64', 'aarch64', 'arm64', 'armv7l', 'armv6l', 'armv8l', 'i386', 'i686', 's390x', 'ppc64le', 'ppc64', 'riscv64', 'mips64', 'loongarch64'])

/** What `uname -a` says. */
export interface Uname {
  /** Kernel release: `4.4.0-98-generic`. */
  readonly kernel: string
  /** Node name. */
  readonly hostname: string
  /** Machine: `x86_64`. */
  readonly architecture: string | undefined
}

/** A kernel release: starts with `digits.digits`. */
export function isKernelRelease(token: string): boolean {
  // `\d` then the class, not `\d+` then the class: the class has the digits too, and the two ways
  // to split a run of digits between them made a long digit line quadratic (issue 18)
  return /^\d+\.\d[\w.~+-]*$/.test(token)
}

/** Parse a `uname -a` line (Linux only; other kernels print other shapes). */
export function parseUname(line: string): Uname | undefined {
  if (!line.startsWith('Linux ') || line.length > 400) return undefined
  const tokens = line.split(' ')
  const hostname = tokens[1]
  const kernel = tokens[2]
  if (hostname === undefined || kernel === undefined || !isKernelRelease(kernel)) return undefined
  if (!(tokens[3] ?? '').startsWith('#')) return undefined
  const last = tokens.length - 1
  const tail = tokens[last] === 'GNU/Linux' ? last - 1 : last
  // with processor and platform: `x86_64 x86_64 x86_64 GNU/Linux`; the machine is the first of them
  let machine: string | undefined
  for (let i = tail; i > 3 && MACHINES.has(tokens[i] as string); i--) machine = tokens[i]
  if (machine === undefined && tokens[last] !== 'GNU/Linux') return undefined
  return { kernel, hostname, architecture: machine }
}
