/**
 * Copy a store to another location, adapter to adapter, all or nothing: one
 * snapshot of the source streamed row by row into an empty target in one
 * transaction. An SQLite target is written as a temporary file next to it and
 * renamed at the end, so a failed or interrupted copy leaves no target.
 */
import { renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { TableNames } from '../../../shared/domain'
import { storeLocationText, type StoreLocation } from '../../../shared/store-location'
import { copyTargetState, createStore, openStore, storeCopier } from '../../store/open-store'
import type { CopyProgress, StoredRowPage } from '../../store/store-copier'
import { StoreError } from '../../store/errors'
import { ServiceError } from '../service-error'

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

/** The temporary file a copy to `path` writes first (a dot file next to it). */
export function temporaryNeighbour(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.${suffix}`)
}

/** Remove an SQLite file with whatever journal it may have left. */
export function removeSqliteFile(path: string): void {
  for (const extra of ['', '-journal', '-wal', '-shm']) rmSync(path + extra, { force: true })
}

async function* checked(pages: AsyncIterable<StoredRowPage>, signal: AbortSignal | undefined): AsyncGenerator<StoredRowPage> {
  for await (const page of pages) {
    if (signal?.aborted) throw new ServiceError('io', 'The copy was interrupted; nothing was written.')
    yield page
  }
}

/** Copy every row of the store at `from` into `to`, which must be absent or empty. */
export async function copyStore(from: StoreLocation, to: StoreLocation, options: CopyOptions = {}): Promise<CopyOutcome> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const target = await copyTargetState(to)
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
      const written = await writeTarget(to, options, async (store) =>
        storeCopier(store, to).writeRows(checked(snapshot.pages, options.signal), (rows) => options.progress?.(rows, total)))
      return { rows: written, seqNo: snapshot.seqNo }
    } finally {
      await snapshot.close()
    }
  } finally {
    await source.close()
  }
}

type Writable = Awaited<ReturnType<typeof createStore>>

/** Create the target store and fill it; an SQLite target through a temporary file renamed at the end. */
async function writeTarget<T>(to: StoreLocation, options: CopyOptions, fill: (store: Writable) => Promise<T>): Promise<T> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  if (to.kind !== 'sqlite') {
    const store = await createStore(to, { ...binding, tables: options.tables })
    try {
      return await fill(store)
    } finally {
      await store.close()
    }
  }
  const temp = temporaryNeighbour(to.path, 'copy')
  let renamed = false
  try {
    const store = await createStore({ kind: 'sqlite', path: temp }, { ...binding, tables: options.tables })
    let result: T
    try {
      result = await fill(store)
    } finally {
      await store.close()
    }
    if (options.signal?.aborted) throw new ServiceError('io', 'The copy was interrupted; nothing was written.')
    renameSync(temp, to.path)
    renamed = true
    return result
  } catch (e) {
    if (e instanceof StoreError || e instanceof ServiceError) throw e
    throw new ServiceError('io', `The copy to ${storeLocationText(to)} failed (${(e as Error).message}); nothing was written.`)
  } finally {
    if (!renamed) removeSqliteFile(temp)
  }
}
