// Bundles the `coherence` CLI for plain Node (better-sqlite3 stays external).
import { build } from 'esbuild'
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3'],
  outfile: 'out/cli/coherence.cjs',
  logLevel: 'warning'
})
