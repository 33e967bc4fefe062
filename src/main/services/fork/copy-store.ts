/**
 * Copy a store to another location, adapter to adapter, all or nothing: one
 * snapshot of the source streamed row by row into an empty target in one
 * transaction. An SQLite target is written as a temporary file next to it and
 * renamed at the end, so a failed or interrupted copy leaves no target.
 */
import { renameSync } from 'node:fs'
import type { TableNames } from '../../../shared/domain'
import { storeLocationText, type StoreLocation } from '../../../shared/store-location'
import { copyTargetState, createStore, openStore, storeCopier, writeNewStore } from '../../store/open-store'
import type { CopyProgress, StoredRowPage } from '../../store/store-copier'
import { StoreError } from '../../store/errors'
import { ServiceError } from '../service-error'
import { removeSqliteFile, temporaryNeighbour } from './temporary-files'

/** How to copy. */
export interface CopyOptions {
  readonly tables?: TableNames
  readonly nativeBinding?: string
  /** Rows written of the total, now and then. */
  readonly progress?: CopyProgress
  /** Stops the copy between pages; nothing is left behind. */
  readonly signal?: AbortSignal
}

/** What a finished copy wrote. */
export interface CopyOutcome {
  readonly rows: number
  readonly seqNo: number
}

/** The one sentence of a copy that was stopped (Ctrl-C, SIGTERM, Cancel in the app). */
export const COPY_INTERRUPTED = 'The copy was interrupted; nothing was written.'

function interrupted(): ServiceError {
  return new ServiceError('cancelled', COPY_INTERRUPTED)
}

async function* checked(pages: AsyncIterable<StoredRowPage>, signal: AbortSignal | undefined): AsyncGenerator<StoredRowPage> {
  for await (const page of pages) {
    if (signal?.aborted) throw interrupted()
    yield page
  }
}

/**
 * Copy every row of the store at `from` into `to`, which must be absent or
 * empty. A copy stopped through `options.signal` fails with the code
 * `cancelled` (whatever the adapter made of the interruption), `to` as it was.
 */
export async function copyStore(from: StoreLocation, to: StoreLocation, options: CopyOptions = {}): Promise<CopyOutcome> {
  try {
    return await copyAll(from, to, options)
  } catch (e) {
    throw options.signal?.aborted === true ? interrupted() : e
  }
}

async function copyAll(from: StoreLocation, to: StoreLocation, options: CopyOptions): Promise<CopyOutcome> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const target = await copyTargetState(to, options.tables)
  if (typeof target === 'object') throw new StoreError('already-exists', target.problem)
  if (to.kind === 'sqlite' && from.kind === 'sqlite' && to.path === from.path) {
    throw new StoreError('already-exists', `${to.path} is the store being copied; choose another target.`)
  }
  const source = await openStore(from, { ...binding, tables: options.tables, readOnly: true })
  try {
    const snapshot = await storeCopier(source, from).snapshotRows()
    try {
      const total = snapshot.counts.event + snapshot.counts.action + snapshot.counts.effect + snapshot.counts.trigger
      options.progress?.(0, total)
      const pages = checked(snapshot.pages, options.signal)
      const progress = (rows: number): void => options.progress?.(rows, total)
      const written = to.kind === 'sqlite'
        ? await writeFile(to.path, options, (store) => storeCopier(store, to).writeRows(pages, progress))
        : await writeNewStore(to, source.tables, pages, progress)
      return { rows: written, seqNo: snapshot.seqNo }
    } finally {
      await snapshot.close()
    }
  } finally {
    await source.close()
  }
}

type Writable = Awaited<ReturnType<typeof createStore>>

/** Create a new SQLite store as a temporary file next to `path`, fill it, and rename it to `path` at the end. */
async function writeFile<T>(path: string, options: CopyOptions, fill: (store: Writable) => Promise<T>): Promise<T> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const to: StoreLocation = { kind: 'sqlite', path }
  const temp = temporaryNeighbour(path, 'copy')
  let renamed = false
  try {
    const store = await createStore({ kind: 'sqlite', path: temp }, { ...binding, tables: options.tables })
    let result: T
    try {
      result = await fill(store)
    } finally {
      await store.close()
    }
    if (options.signal?.aborted) throw interrupted()
    renameSync(temp, path)
    renamed = true
    return result
  } catch (e) {
    if (e instanceof StoreError || e instanceof ServiceError) throw e
    throw new ServiceError('io', `The copy to ${storeLocationText(to)} failed (${(e as Error).message}); nothing was written.`)
  } finally {
    if (!renamed) removeSqliteFile(temp)
  }
}
