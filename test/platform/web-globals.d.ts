// The web-platform globals the core may use, and nothing else: TextDecoder (WHATWG Encoding) and
// atob (HTML). Declared here so the core type-checks without DOM or Node typings.
interface TextDecodeOptions {
  stream?: boolean
}
interface TextDecoderOptions {
  fatal?: boolean
  ignoreBOM?: boolean
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions)
  decode(input?: Uint8Array, options?: TextDecodeOptions): string
}
declare function atob(data: string): string
interface TransformStreamDefaultController<O> {
  enqueue(chunk: O): void
  error(reason?: unknown): void
  terminate(): void
}
interface Transformer<I, O> {
  start?(controller: TransformStreamDefaultController<O>): void | PromiseLike<void>
  transform?(chunk: I, controller: TransformStreamDefaultController<O>): void | PromiseLike<void>
  flush?(controller: TransformStreamDefaultController<O>): void | PromiseLike<void>
}
declare class TransformStream<I = unknown, O = unknown> {
  constructor(transformer?: Transformer<I, O>)
  readonly readable: unknown
  readonly writable: unknown
}
type ReadableStreamReadResult<T> = { done: true; value?: undefined } | { done: false; value: T }
interface ReadableStreamDefaultReader<R> {
  read(): Promise<ReadableStreamReadResult<R>>
  cancel(reason?: unknown): Promise<void>
  releaseLock(): void
}
declare class ReadableStream<R = unknown> {
  getReader(): ReadableStreamDefaultReader<R>
}
