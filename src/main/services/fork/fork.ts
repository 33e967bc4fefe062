/**
 * Fork a store into a new SQLite file: one consistent snapshot (SQLite's
 * backup API when the origin offers it, else every row streamed from one
 * snapshot), the same table names, and the fork point in a sidecar next to
 * the copy. The copy is written as a temporary file and renamed last, after
 * its sidecar, so a failed fork leaves neither.
 */
import { renameSync, rmSync } from 'node:fs'
import type { ForkRecord } from '../../../shared/fork'
import type { StoreLocation } from '../../../shared/store-location'
import { copyTargetState, createStore, openStore, storeCopier } from '../../store/open-store'
import type { OpenedStore } from '../../store/opened-store'
import { StoreError } from '../../store/errors'
import { ServiceError } from '../service-error'
import { removeSqliteFile, temporaryNeighbour } from './temporary-files'
import { forkOrigin, sidecarPath, writeForkRecord } from './sidecar'

/** Where the origin is and how to open files. */
export interface ForkOptions {
  readonly nativeBinding?: string
}

/** Write a snapshot of `origin` into the new SQLite file `temp`. */
async function snapshotInto(origin: OpenedStore, location: StoreLocation, temp: string, binding: { nativeBinding?: string }): Promise<void> {
  const copier = storeCopier(origin, location)
  if (copier.backupToFile) {
    await copier.backupToFile(temp)
    return
  }
  const snapshot = await copier.snapshotRows()
  try {
    const target = await createStore({ kind: 'sqlite', path: temp }, { ...binding, tables: origin.tables })
    try {
      await storeCopier(target, { kind: 'sqlite', path: temp }).writeRows(snapshot.pages)
    } finally {
      await target.close()
    }
  } finally {
    await snapshot.close()
  }
}

/**
 * Fork the open store `origin` (at `location`) into the new file `target`,
 * which must not exist or be empty. Returns the fork's record.
 */
export async function forkStore(origin: OpenedStore, location: StoreLocation, target: string, options: ForkOptions = {}): Promise<ForkRecord> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const state = await copyTargetState({ kind: 'sqlite', path: target })
  if (typeof state === 'object') throw new StoreError('already-exists', state.problem)
  if (location.kind === 'sqlite' && location.path === target) throw new StoreError('already-exists', `${target} is the store itself; fork into another file.`)
  const temp = temporaryNeighbour(target, 'fork')
  let done = false
  try {
    await snapshotInto(origin, location, temp, binding)
    // The fork point is the copy's own highest seq-no: exactly the snapshot it holds.
    const copy = await openStore({ kind: 'sqlite', path: temp }, { ...binding, tables: origin.tables, readOnly: true })
    let forkSeqNo: number
    try {
      forkSeqNo = await copy.currentSeqNo()
    } finally {
      await copy.close()
    }
    const record: ForkRecord = {
      version: 1,
      origin: forkOrigin(location),
      tables: origin.tables,
      forkSeqNo,
      mergedUpTo: forkSeqNo,
      resolved: [],
      forkedAt: new Date().toISOString()
    }
    writeForkRecord(target, record)
    renameSync(temp, target)
    done = true
    return record
  } catch (e) {
    if (e instanceof StoreError || e instanceof ServiceError) throw e
    throw new ServiceError('io', `The fork into ${target} failed (${(e as Error).message}); nothing was written.`)
  } finally {
    if (!done) {
      removeSqliteFile(temp)
      rmSync(sidecarPath(target), { force: true })
    }
  }
}
