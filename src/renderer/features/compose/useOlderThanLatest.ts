/**
 * Staged events with an explicit timestamp older than the store's latest
 * event (by seq-no): appended after it, they would break the store's time
 * order without anyone noticing. The commit dialog warns about them.
 */
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import type { StoreTab } from '../../workspace/workspace-state'
import type { StagedBatch } from './staging'
import { timestampOf } from './timestamps'

/** A staged event stamped before the latest stored one. */
export interface OlderEvent {
  /** 1-based place in the batch. */
  readonly place: number
  readonly ms: number
}

/** The staged events older than the latest stored one, and that one (null while unknown or when the store is empty). */
export interface OlderThanLatest {
  readonly latest: { readonly seqNo: number; readonly ms: number } | null
  readonly events: readonly OlderEvent[]
}

/** Which staged events of `batch` are stamped before the latest event of the store of `tab`. */
export function useOlderThanLatest(tab: StoreTab, batch: StagedBatch): OlderThanLatest {
  const { storeId, seqNo } = tab.info
  const page = useRequest(`${storeId}:${seqNo}`, () => (seqNo === 0 ? Promise.resolve(null) : call('store:page', { storeId, limit: 1, before: seqNo + 1 })))
  const row = page.data?.rows.at(-1)
  if (row === undefined) return { latest: null, events: [] }
  // The store keeps whole seconds: an event in the same second as the latest is not older.
  const latest = { seqNo: row.seqNo, ms: row.timestamp * 1000 }
  const events = batch.events.flatMap((e, i) => {
    const ms = e.stampAtCommit ? null : timestampOf(e.edn)
    return ms !== null && Math.floor(ms / 1000) * 1000 < latest.ms ? [{ place: i + 1, ms }] : []
  })
  return { latest, events }
}
