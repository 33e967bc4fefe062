/**
 * `npm run make-store -- --events 10000000 out.db`: write a realistic store of
 * any size (built set-based inside SQLite, see bench/generate.ts) for trying
 * the app and the CLI on big data.
 */
import { existsSync } from 'node:fs'
import { generateStore } from '../bench/generate'

const args = process.argv.slice(2)
const eventsAt = args.indexOf('--events')
const events = eventsAt >= 0 ? Number(args[eventsAt + 1]) : 100_000
const file = args.filter((a, i) => !a.startsWith('--') && i !== eventsAt + 1)[0]
if (!file || !Number.isSafeInteger(events) || events < 1) {
  console.error('Usage: npm run make-store -- [--events N] FILE   (N defaults to 100000)')
  process.exit(1)
}
if (existsSync(file)) {
  console.error(`${file} already exists; choose a new file name (nothing was changed).`)
  process.exit(1)
}
generateStore(file, events, (done) => process.stdout.write(`\r${done} / ${events} events`)).then(
  () => process.stdout.write(`\nWrote ${file}.\n`),
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  }
)
