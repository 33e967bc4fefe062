/**
 * The fork use cases of one open store, as its session runs them: fork it,
 * read its fork record, collect what to merge, record a merge, read a batch
 * file. The session passes its store and path; nothing here keeps state.
 */
import type { ForkRecord, ForkSummary, ImportOutcome, MergeBatch } from '../../../shared/fork'
import { forkSummary } from '../../../shared/fork'
import { parseStoreLocation } from '../../../shared/store-location'
import type { OpenedStore } from '../../store/opened-store'
import { forkStore } from './fork'
import { importBatch } from './import-batch'
import { collectMerge, recordMerge, requireForkRecord, type MergeCommitted } from './merge'
import { readForkRecord } from './sidecar'

/** The store a fork use case runs on. */
export interface ForkContext {
  readonly store: OpenedStore
  /** The store's location as it was opened (a file path). */
  readonly path: string
  readonly nativeBinding?: string
}

/** The fork summary of the store at `path`, or null when it is not a fork or its record cannot be read. */
export function forkSummaryOf(path: string): ForkSummary | null {
  if (parseStoreLocation(path).kind !== 'sqlite') return null
  try {
    const record = readForkRecord(path)
    return record === null ? null : forkSummary(record)
  } catch {
    return null
  }
}

/** Fork the store into the new file `target`. */
export function forkTo({ store, path, nativeBinding }: ForkContext, target: string): Promise<ForkRecord> {
  return forkStore(store, parseStoreLocation(path), target, nativeBinding ? { nativeBinding } : {})
}

/** What to merge into the origin, with where the origin is. */
export async function collectForMerge({ store, path }: ForkContext): Promise<{ record: ForkRecord; batch: MergeBatch }> {
  const record = requireForkRecord(path)
  return { record, batch: await collectMerge(store, record) }
}

/** Record a merge the origin committed. */
export async function recordCommittedMerge({ store, path }: ForkContext, committed: MergeCommitted): Promise<ForkSummary> {
  return forkSummary(recordMerge(path, await store.currentSeqNo(), committed))
}

/** Read a batch file for the staging area. */
export function readBatchFile(file: string): Promise<ImportOutcome> {
  return Promise.resolve(importBatch(file))
}
