/**
 * The package version, inlined at build time.
 * @module
 */

import packageJson from '../../package.json' with { type: 'json' }

/** aptlog's version. */
export const VERSION: string = packageJson.version
