/**
 * Entry point of the `coherence` CLI (bundled to out/cli/coherence.cjs and
 * started by bin/coherence.cjs). Exit codes: 0 ok, 2 a rebase result other
 * than :ok, 1 an error (message on stderr; the store file is unchanged).
 */
import { StoreError } from '../main/store/errors'
import { parseCommandLine, UsageError } from './args'
import { EXIT, runCommand, type Output } from './commands'

const stdout: Output = {
  write: (text) =>
    new Promise((resolve, reject) => {
      if (process.stdout.write(text)) resolve()
      else process.stdout.once('drain', resolve).once('error', reject)
    })
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    if (process.stdin.isTTY) {
      reject(new UsageError('rebase reads the new events from stdin, e.g. coherence rebase store.db --base 1 < events.edn'))
      return
    }
    const chunks: Buffer[] = []
    process.stdin.on('data', (c: Buffer) => chunks.push(c))
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    process.stdin.on('error', reject)
  })
}

async function main(argv: readonly string[]): Promise<number> {
  let command: string | undefined
  try {
    const parsed = parseCommandLine(argv)
    if ('help' in parsed) {
      await stdout.write(parsed.help)
      return EXIT.ok
    }
    command = parsed.command
    return await runCommand(parsed, stdout, readStdin)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`coherence: ${e.message}\nRun "coherence ${command ?? argv[0] ?? ''} --help" for usage.\n`.replace('coherence  --help', 'coherence --help'))
    } else if (e instanceof StoreError || e instanceof RangeError) {
      process.stderr.write(`coherence: ${e.message}\n`)
    } else {
      process.stderr.write(`coherence: unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
    }
    return EXIT.error
  }
}

// A reader that stops early (`coherence read … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`coherence: ${String(e)}\n`)
    process.exitCode = EXIT.error
  }
)
