/**
 * Writes the demo store: `tsx scripts/make-demo-store.ts <file> [--actions N] [--force]`.
 * `npm start` runs it once when the demo store is missing.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { createDemoStore } from './demo'

async function main(argv: string[]): Promise<void> {
  const force = argv.includes('--force')
  const actionsAt = argv.indexOf('--actions')
  const actions = actionsAt >= 0 ? Number(argv[actionsAt + 1]) : undefined
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--actions')
  if (!file || (actions !== undefined && !(actions > 0))) {
    process.stderr.write('usage: tsx scripts/make-demo-store.ts <file> [--actions N] [--force]\n')
    process.exitCode = 1
    return
  }
  const path = resolve(file)
  if (force) rmSync(path, { force: true })
  const started = Date.now()
  const seqNo = await createDemoStore(path, { actions })
  process.stdout.write(`Demo store written to ${path}: ${seqNo} events in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`)
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`make-demo-store: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
