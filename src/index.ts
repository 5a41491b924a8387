/**
 * aptlog: a streaming parser for `docker build`, `apt-get`, `apt` and `dpkg` logs.
 *
 * The core: no `node:` imports, runs in browsers, Deno, Bun and Node.
 * @module
 */

export { createParser } from './parser/create-parser.ts'
export type { AptLogParser, ParserOptions } from './parser/create-parser.ts'
export { parse, parseStream } from './parser/parse.ts'
export type { ChunkSource, ParseOptions } from './parser/parse.ts'
export { AptLogError } from './parser/errors.ts'
export type { AptLogErrorCode } from './parser/errors.ts'
export type { Chunk } from './lines/decoder.ts'
export type { CiAnnotationLevel } from './lines/ci-prefix.ts'
export type * from './events/index.ts'
