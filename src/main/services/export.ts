/**
 * Export the events matching a filter to a file, as the library prints them
 * (EDN) or as JSON. Streams from one snapshot, writes a temporary file next to
 * the target and renames it at the end: a failed export leaves no half file.
 * An event that cannot be read stops the export with a sentence naming it —
 * a file that silently lacks events would be worse than none.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { EventFilter } from '../../shared/browse'
import type { ExportFormat, ExportOutcome } from '../../shared/export'
import { eventToEdn } from '../core/domain'
import { ednToJson, printEdn } from '../core/edn'
import { CellReader } from '../store/cells'
import { StoreError } from '../store/errors'
import { eventFromRow } from '../store/row-event'
import { ServiceError } from './service-error'
import type { QueryContext } from './service'

/** Bytes collected before one write to the file. */
const CHUNK = 1 << 20

/** Buffered writes to a file descriptor. */
class FileWriter {
  private parts: string[] = []
  private pending = 0
  bytes = 0

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.parts.push(text)
    this.pending += text.length
    if (this.pending >= CHUNK) this.flush()
  }

  flush(): void {
    if (this.parts.length === 0) return
    const buffer = Buffer.from(this.parts.join(''), 'utf8')
    let offset = 0
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset)
    this.bytes += buffer.length
    this.parts = []
    this.pending = 0
  }
}

/** How each format opens, separates, prints and closes the list of events. */
const FORMATS: Record<ExportFormat, { open: string; separator: string; close: string; print: (value: ReturnType<typeof eventToEdn>) => string }> = {
  // `pr-str` of a vector: items separated by one space.
  edn: { open: '[', separator: ' ', close: ']\n', print: printEdn },
  json: { open: '[\n', separator: ',\n', close: '\n]\n', print: (value) => JSON.stringify(ednToJson(value)) }
}

/** Write the events matching `filter` to `path` in `format`. */
async function exportEvents(
  { store, progress }: QueryContext,
  { filter, format, path }: { filter?: EventFilter; format: ExportFormat; path: string }
): Promise<ExportOutcome> {
  const total = await store.countEvents(filter)
  progress(0, total)
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`)
  let fd: number
  try {
    fd = openSync(temp, 'wx')
  } catch (e) {
    throw new ServiceError('io', `The export file cannot be written in ${dirname(path)}: ${(e as Error).message}. Choose another place.`)
  }
  const out = new FileWriter(fd)
  const shape = FORMATS[format]
  const cells = new CellReader()
  let events = 0
  let done = false
  try {
    out.write(shape.open)
    for await (const row of store.streamEvents(filter)) {
      let text: string
      try {
        text = shape.print(eventToEdn(eventFromRow(row, store.tables, cells)))
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e)
        throw new StoreError('invalid-cell', `Event ${row.seqNo} cannot be read, so the export stopped and wrote no file. ${why}`)
      }
      out.write(events === 0 ? text : shape.separator + text)
      events++
      progress(events, Math.max(total, events))
    }
    out.write(shape.close)
    out.flush()
    fsyncSync(fd)
    closeSync(fd)
    done = true
    renameSync(temp, path)
    return { result: 'ok', path, format, events, bytes: out.bytes }
  } catch (e) {
    if (!done) closeSync(fd)
    rmSync(temp, { force: true })
    if (e instanceof StoreError || e instanceof ServiceError) throw e
    throw new ServiceError('io', `The export to ${path} failed: ${(e as Error).message}. No file was written.`)
  }
}

/** The export query. */
export const exportQueries = { exportEvents }
