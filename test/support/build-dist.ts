import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The dist tests (CJS require, ESM import, the CLI binary) test what ships: build it first. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/tsup/dist/cli-default.js', import.meta.url)), '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
