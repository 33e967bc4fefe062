/**
 * Entry point of the `coherence` CLI (bundled to out/cli/coherence.cjs and
 * started by bin/coherence.cjs). Exit codes: 0 ok, 2 a rebase result other
 * than :ok, 1 an error (message on stderr; the store file is unchanged), 3 a
 * rebase that was committed but whose result could not be printed. Whatever
 * goes wrong, stderr gets sentences, never a stack trace.
 */
import { fstatSync, readFileSync, readSync } from 'node:fs'
import { StoreError } from '../main/store/errors'
import { parseCommandLine, UsageError } from './args'
import { runCommand } from './commands'
import { EXIT, ResultNotPrintedError, type Output } from './output'
import { decodeStdin } from './stdin'

/** stdout as an `Output`: failures (a full disk, a closed pipe) are kept and surface on the next write or on `flush`. */
function stdoutOutput(): Output {
  let failure: Error | null = null
  const fail = (e: Error | null | undefined): void => {
    if (e) failure ??= e
  }
  process.stdout.on('error', fail)
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        if (failure) {
          reject(failure)
          return
        }
        // A failed write never drains: its callback is what settles the promise then.
        const ok = process.stdout.write(text, (e) => {
          fail(e)
          if (e) reject(e)
          else resolve()
        })
        if (ok) resolve()
      }),
    flush: () =>
      new Promise((resolve, reject) => {
        process.stdout.write('', (e) => {
          fail(e)
          if (failure) reject(failure)
          else resolve()
        })
      }),
    notice: (text) => {
      process.stderr.write(`coherence: ${text}\n`)
    }
  }
}

/**
 * stdin's bytes. A file is read at once into one buffer (a huge batch is not
 * held twice as chunks and their copy); a pipe in chunks, waiting when it is
 * empty but still open (a producer that is still writing makes a
 * non-blocking pipe answer EAGAIN, where one read at once would lose what it had).
 */
async function stdinBytes(): Promise<Buffer> {
  if (fstatSync(0).isFile()) return readFileSync(0)
  const chunks: Buffer[] = []
  const buffer = Buffer.allocUnsafe(1 << 20)
  for (;;) {
    let n: number
    try {
      n = readSync(0, buffer, 0, buffer.length, null)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') {
        await new Promise((resolve) => setTimeout(resolve, 2))
        continue
      }
      if (code === 'EOF') break
      throw e
    }
    if (n === 0) break
    chunks.push(Buffer.from(buffer.subarray(0, n)))
  }
  return Buffer.concat(chunks)
}

/** stdin as text. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError('rebase reads the new events from stdin, e.g. coherence rebase store.db --base 1 < events.edn')
  }
  let bytes: Buffer
  try {
    bytes = await stdinBytes()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw code === 'EISDIR'
      ? new UsageError('stdin is a directory; give the events as a file or a pipe, e.g. coherence rebase store.db --base 1 < events.edn')
      : new UsageError(`stdin could not be read (${code ?? firstLine(e)}).`)
  }
  return decodeStdin(bytes)
}

/** The first line of an error's message: the CLI never prints stack traces. */
function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e)
  return text.split('\n')[0]
}

/**
 * Every password given in a URL on the command line, to be masked in an
 * unexpected error's words (store errors never contain it; this covers a driver's).
 */
function passwords(argv: readonly string[]): string[] {
  return argv.flatMap((arg) => {
    const m = /^postgres(?:ql)?:\/\/[^/?#@:]*:([^/?#@]*)@/i.exec(arg)
    if (m === null || m[1] === '') return []
    let decoded = m[1]
    try {
      decoded = decodeURIComponent(m[1])
    } catch {
      // Not percent-encoded text: the raw form is all there is.
    }
    return [m[1], decoded]
  })
}

function masked(text: string): string {
  return passwords(process.argv.slice(2)).reduce((t, p) => t.replaceAll(p, '***'), text)
}

function report(e: unknown, command: string): number {
  const write = (text: string): void => {
    process.stderr.write(`coherence: ${text}\n`)
  }
  if (e instanceof ResultNotPrintedError) {
    write(e.message)
    return EXIT.writtenNotPrinted
  }
  if (e instanceof UsageError) {
    // A validation message may list several problems, one line each.
    for (const line of e.message.split('\n')) write(line)
    process.stderr.write(`Run "coherence ${command === '' ? '' : `${command} `}--help" for usage.\n`)
  } else if (e instanceof StoreError || e instanceof RangeError) {
    write(firstLine(e))
  } else if ((e as NodeJS.ErrnoException | null)?.code !== undefined) {
    write(`the output could not be written (${firstLine(e)}).`)
  } else {
    write(`unexpected error: ${masked(firstLine(e))}`)
  }
  return EXIT.error
}

async function main(argv: readonly string[]): Promise<number> {
  const stdout = stdoutOutput()
  let command: string | undefined
  try {
    const parsed = parseCommandLine(argv)
    if ('help' in parsed) {
      await stdout.write(parsed.help)
      return EXIT.ok
    }
    command = parsed.command
    const code = await runCommand(parsed, stdout, readStdin)
    await stdout.flush()
    return code
  } catch (e) {
    // A reader that stops early (`coherence read … | head`) is not an error.
    if ((e as NodeJS.ErrnoException | null)?.code === 'EPIPE' && !(e instanceof ResultNotPrintedError)) return EXIT.ok
    return report(e, command ?? argv[0] ?? '')
  }
}

process.on('uncaughtException', (e) => {
  process.stderr.write(`coherence: unexpected error: ${masked(firstLine(e))}\n`)
  process.exit(EXIT.error)
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.exitCode = report(e, '')
  }
)
