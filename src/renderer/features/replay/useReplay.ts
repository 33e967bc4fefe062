/**
 * The replay preview's data: the first page of what a read delivers (reloaded
 * whenever the read or the store changes), further pages on demand, and the
 * read's size (counted in the background).
 */
import { useCallback, useState } from 'react'
import type { ReplayCount, ReplayItem, ReplayPage, ReplayQuery } from '../../../shared/replay'
import { call, messageOf } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'

/** Items per page. */
export const REPLAY_PAGE_SIZE = 500

/** What the section shows. */
export interface ReplayData {
  /** Every item loaded so far, in read order; null before the first page arrives (the previous read's while `loading`). */
  readonly items: readonly ReplayItem[] | null
  readonly hasMore: boolean
  readonly count: ReplayCount | null
  /** Why the read could not be counted (the page may still show). */
  readonly countError: string | null
  /** Why the read cannot be previewed (bad restriction, unreadable cell), as a sentence. */
  readonly error: string | null
  readonly loading: boolean
  readonly loadingMore: boolean
  loadMore(): void
}

interface More {
  readonly key: string
  readonly items: readonly ReplayItem[]
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: string | null
}

/** Load the read `query` of store `storeId` at `revision`. */
export function useReplay(storeId: string, revision: number, query: ReplayQuery): ReplayData {
  const key = `${storeId}:${revision}:${query.offset}:${query.aggregates ?? ''}:${query.kinds ?? ''}`
  const first = useRequest<ReplayPage>(key, () => call('store:replay-page', { storeId, ...query, limit: REPLAY_PAGE_SIZE }))
  const count = useRequest<ReplayCount>(key, () => call('store:replay-count', { storeId, ...query }))
  const [more, setMore] = useState<More>({ key, items: [], hasMore: false, loading: false, error: null })
  const current = more.key === key ? more : null

  // While a new read loads, the previous one stays on screen (dimmed by the view).
  const firstPage = first.data
  const items = firstPage ? [...firstPage.items, ...(current?.items ?? [])] : null
  const hasMore = current && current.items.length > 0 ? current.hasMore : (firstPage?.hasMore ?? false)
  const last = items && items.length > 0 ? items[items.length - 1].seqNo : undefined

  const loadMore = useCallback(() => {
    if (last === undefined) return
    setMore((m) => (m.key === key ? { ...m, loading: true, error: null } : { key, items: [], hasMore: false, loading: true, error: null }))
    call('store:replay-page', { storeId, ...query, after: last, limit: REPLAY_PAGE_SIZE }).then(
      (page) => setMore((m) => (m.key === key ? { key, items: [...m.items, ...page.items], hasMore: page.hasMore, loading: false, error: null } : m)),
      (e: unknown) => setMore((m) => (m.key === key ? { ...m, loading: false, error: messageOf(e) } : m))
    )
  }, [key, last, storeId, query])

  return {
    items,
    hasMore,
    count: count.loading ? null : count.data,
    countError: count.loading ? null : count.error,
    error: first.error ?? current?.error ?? null,
    loading: first.loading,
    loadingMore: current?.loading ?? false,
    loadMore
  }
}
