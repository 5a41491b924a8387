/**
 * Base64 → bytes with the web platform's `atob` (the core runs in browsers: no Node `Buffer`).
 * rawjson carries every `[]byte` field — log data, warning texts — as standard base64 (FORMATS.md §7.4).
 * @module
 */

/** The bytes of a base64 string, or undefined when it is not valid base64. */
export function decodeBase64(data: string): Uint8Array | undefined {
  let binary: string
  try {
    binary = atob(data)
  } catch {
    return undefined
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A whole base64-encoded UTF-8 text (a warning's `short`); invalid UTF-8 becomes U+FFFD. */
export function decodeBase64Text(data: string): string | undefined {
  const bytes = decodeBase64(data)
  return bytes === undefined ? undefined : new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes)
}
