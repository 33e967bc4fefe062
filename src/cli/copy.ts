/**
 * `coherence copy FROM TO`: every row of one store into a new or empty one,
 * all or nothing. Progress goes to stderr when it is a terminal; Ctrl-C (or
 * SIGTERM) stops the copy and leaves no target.
 */
import { parseStoreLocation } from '../shared/store-location'
import { copyStore } from '../main/services/fork/copy-store'
import { UsageError, type ParsedCommand } from './args'
import { EXIT, type Output } from './output'

/** A progress line on a terminal's stderr, at most a few times a second. */
function terminalProgress(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  let last = 0
  return (done, total) => {
    const now = Date.now()
    if (now - last < 200 && done < total) return
    last = now
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
    process.stderr.write(`\rcoherence: copied ${done} of ${total} rows (${percent} %)${done >= total ? '\n' : ''}`)
  }
}

/** Run `copy`. */
export async function copy(cmd: ParsedCommand, out: Output): Promise<number> {
  if (cmd.target === undefined) throw new UsageError('TO is missing.')
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    const outcome = await copyStore(parseStoreLocation(cmd.file), parseStoreLocation(cmd.target), {
      tables: cmd.tables,
      progress: terminalProgress(),
      signal: controller.signal
    })
    await out.write(`Copied ${outcome.rows} rows (seq-no 1–${outcome.seqNo}) from ${cmd.file} to ${cmd.target}.\n`)
    return EXIT.ok
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}
