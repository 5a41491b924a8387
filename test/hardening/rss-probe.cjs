// Preloaded into the CLI by the bombs test (node -r): at exit, the process's peak RSS on stderr's last line.
'use strict'
const { writeSync } = require('node:fs')
process.on('exit', () => writeSync(2, `\nrss-probe maxRSS=${process.resourceUsage().maxRSS}\n`))
