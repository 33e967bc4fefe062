#!/usr/bin/env node
// Launcher for the `coherence` CLI. The bundle is built by `npm install` (prepare) or `npm run build:cli`.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const bundle = join(__dirname, '..', 'out', 'cli', 'coherence.cjs')
if (!existsSync(bundle)) {
  process.stderr.write('coherence: the CLI is not built yet. Run "npm run build:cli" in ' + join(__dirname, '..') + '\n')
  process.exit(1)
}
require(bundle)
