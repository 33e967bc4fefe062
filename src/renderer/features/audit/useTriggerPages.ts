/**
 * The trigger index's rows: the first keyset page for the current sort and
 * filter (reloaded when the store changes), the pages "Show more" appended
 * after it, and the count of every matching trigger identity.
 */
import { useState } from 'react'
import type { TriggerSort, TriggerSummary } from '../../../shared/audit'
import { call } from '../../ipc/client'
import { failureMessage } from '../../ui/connection-lost'
import { useRequest } from '../../ui/useRequest'

/** Rows per page. */
export const TRIGGER_PAGE = 100

/** What the index shows: the rows loaded so far and the state of loading them. */
export interface TriggerPages {
  /** The first page and every page appended after it, in order. */
  readonly rows: readonly TriggerSummary[]
  /** Whether the first page has arrived (an empty list is then an answer, not a wait). */
  readonly firstLoaded: boolean
  /** Why the first page could not be loaded, if it could not. */
  readonly firstError: string | null
  /** Whether a next page exists. */
  readonly hasMore: boolean
  /** Whether a next page is being loaded. */
  readonly loadingMore: boolean
  /** Why the last "Show more" failed, if it did. */
  readonly moreError: string | null
  /** Every trigger identity matching the filter, or null while counting. */
  readonly total: number | null
  /** Append the next page after the last row. */
  readonly loadMore: () => void
}

interface MorePages {
  /** The first page these pages follow (store, revision, sort and filter). */
  readonly key: string
  readonly rows: TriggerSummary[]
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: string | null
}

/** Pages of the trigger identities of `storeId` matching `text` (all when empty), sorted by `sort`; `revision` reloads. */
export function useTriggerPages(storeId: string, revision: number, sort: TriggerSort, text: string): TriggerPages {
  const baseKey = `${storeId}:${revision}:${sort}:${text}`
  const first = useRequest(baseKey, () => call('store:trigger-index', { storeId, sort, text: text || undefined, limit: TRIGGER_PAGE }))
  const total = useRequest(`${storeId}:${revision}:${text}`, () => call('store:count-triggers', { storeId, text: text || undefined }))
  const [more, setMore] = useState<MorePages | null>(null)

  const extra = more !== null && more.key === baseKey ? more : null
  const rows = [...(first.data?.rows ?? []), ...(extra?.rows ?? [])]
  const hasMore = extra ? extra.hasMore : (first.data?.hasMore ?? false)

  const loadMore = (): void => {
    const last = rows.at(-1)
    if (!last) return
    const count = sort === 'effects' ? last.effects : last.actions
    setMore({ key: baseKey, rows: extra?.rows ?? [], hasMore, loading: true, error: null })
    call('store:trigger-index', { storeId, sort, text: text || undefined, limit: TRIGGER_PAGE, after: { kind: last.kind, id: last.id, count } }).then(
      (page) => setMore({ key: baseKey, rows: [...(extra?.rows ?? []), ...page.rows], hasMore: page.hasMore, loading: false, error: null }),
      (e: unknown) => setMore({ key: baseKey, rows: extra?.rows ?? [], hasMore, loading: false, error: failureMessage(e) })
    )
  }

  return {
    rows,
    firstLoaded: first.data !== null,
    firstError: first.error,
    hasMore,
    loadingMore: extra?.loading ?? false,
    moreError: extra?.error ?? null,
    total: total.data,
    loadMore
  }
}
