/**
 * Merging a fork back: its events after the last merge (actions and effects
 * in order, actions with their triggers) as one batch against the origin
 * with base = fork point + 1 — so the origin's events since the fork are
 * exactly the conflicts rebase finds — and, once the origin committed it,
 * how far the fork was merged.
 */
import type { NewEvent, StoredEvent } from '../../../shared/domain'
import type { ForkRecord, MergeBatch } from '../../../shared/fork'
import { eventToEdn } from '../../core/domain'
import { printEdn } from '../../core/edn'
import type { OpenedStore } from '../../store/opened-store'
import { CellReader } from '../../store/cells'
import { eventFromRow } from '../../store/row-event'
import { ServiceError } from '../service-error'
import { readForkRecord, writeForkRecord } from './sidecar'
import { eventSummary } from './summary'

/** A stored event as a new one (without its seq-no). */
function asNew(event: StoredEvent): NewEvent {
  const { seqNo: _seqNo, ...rest } = event
  return rest as NewEvent
}

/** The record of the fork at `path`, refusing a store that is not a fork. */
export function requireForkRecord(path: string): ForkRecord {
  const record = readForkRecord(path)
  if (record === null) throw new ServiceError('not-found', `${path} is not a fork (it has no ${path}.fork.json next to it), so there is nothing to merge.`)
  return record
}

/** The fork's events after `record.mergedUpTo`, staged against the origin. */
export async function collectMerge(fork: OpenedStore, record: ForkRecord): Promise<MergeBatch> {
  const cells = new CellReader()
  const events: MergeBatch['events'][number][] = []
  let upTo = record.mergedUpTo
  for await (const row of fork.streamEvents({ fromSeqNo: record.mergedUpTo + 1 })) {
    const event = asNew(eventFromRow(row, fork.tables, cells))
    events.push({ edn: printEdn(eventToEdn(event)), summary: eventSummary(event) })
    upTo = row.seqNo
  }
  return { base: record.forkSeqNo + 1, resolved: record.resolved, events, upTo }
}

/** What the origin committed of a merge. */
export interface MergeCommitted {
  /** The fork's highest seq-no in the merged batch. */
  readonly upTo: number
  /** The origin seq-nos the batch got. */
  readonly firstSeqNo: number
  readonly lastSeqNo: number
  /** The conflicts the user resolved for it (origin seq-nos). */
  readonly resolved: readonly number[]
}

/** Record a merge in the fork's sidecar: a later merge takes only the fork's newer events and never conflicts with these. */
export function recordMerge(path: string, forkSeqNo: number, committed: MergeCommitted): ForkRecord {
  const record = requireForkRecord(path)
  if (committed.upTo <= record.mergedUpTo || committed.upTo > forkSeqNo || committed.lastSeqNo < committed.firstSeqNo) {
    throw new ServiceError('invalid-request', `This merge does not fit the fork (merged up to seq-no ${record.mergedUpTo}, now at ${forkSeqNo}); nothing was recorded.`)
  }
  const written = Array.from({ length: committed.lastSeqNo - committed.firstSeqNo + 1 }, (_, i) => committed.firstSeqNo + i)
  const resolved = [...new Set([...record.resolved, ...committed.resolved, ...written])].sort((a, b) => a - b)
  const next: ForkRecord = { ...record, mergedUpTo: committed.upTo, resolved }
  writeForkRecord(path, next)
  return next
}
