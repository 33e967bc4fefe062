/**
 * Keyset pages of a kind's aggregates, loaded as the list scrolls. A new
 * kind or search starts over; a store change reloads as many rows as are
 * loaded (so the list does not jump back to the top).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AggregateSummary } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { failureMessage } from '../../ui/connection-lost'

/** Rows per request. */
export const AGGREGATE_PAGE_SIZE = 200

/** The loaded rows and the state of loading. */
export interface AggregatePages {
  readonly rows: readonly AggregateSummary[]
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: string | null
  /** Load the next page (ignored while one is loading or when there is none). */
  readonly loadMore: () => void
}

interface Loaded {
  /** Query and revision the rows answer. */
  readonly key: string
  readonly query: string
  readonly rows: readonly AggregateSummary[]
  readonly hasMore: boolean
  readonly error: string | null
}

/** Pages of `kind`'s aggregates whose id contains `search`; `revision` reloads. */
export function useAggregatePages(storeId: string, kind: string | null, search: string, revision: number): AggregatePages {
  const query = `${storeId}\u0000${kind ?? ''}\u0000${search}`
  const key = `${query}\u0000${revision}`
  const [loaded, setLoaded] = useState<Loaded>({ key: '', query: '', rows: [], hasMore: false, error: null })
  const [more, setMore] = useState(false)
  const generation = useRef(0)
  const loadedRef = useRef(loaded)
  useEffect(() => {
    loadedRef.current = loaded
  })

  const fetch = useCallback(
    (afterId: string | undefined, limit: number) =>
      call('store:aggregate-list', { storeId, kind: kind ?? '', limit, ...(afterId !== undefined ? { afterId } : {}), ...(search ? { idContains: search } : {}) }),
    [storeId, kind, search]
  )

  useEffect(() => {
    if (kind === null) return
    const mine = ++generation.current
    const previous = loadedRef.current
    const limit = previous.query === query ? Math.min(1000, Math.max(AGGREGATE_PAGE_SIZE, previous.rows.length)) : AGGREGATE_PAGE_SIZE
    fetch(undefined, limit).then(
      (page) => {
        if (generation.current !== mine) return
        setLoaded({ key, query, rows: page.rows, hasMore: page.hasMore, error: null })
        setMore(false)
      },
      (e: unknown) => {
        if (generation.current !== mine) return
        setLoaded((p) => ({ ...p, key, error: failureMessage(e) }))
        setMore(false)
      }
    )
  }, [key, query, kind, fetch])

  const loadMore = useCallback(() => {
    const current = loadedRef.current
    if (more || !current.hasMore || current.key !== key || current.rows.length === 0) return
    const mine = ++generation.current
    setMore(true)
    fetch(current.rows[current.rows.length - 1].id, AGGREGATE_PAGE_SIZE).then(
      (page) => generation.current === mine && setLoaded((p) => ({ ...p, rows: [...p.rows, ...page.rows], hasMore: page.hasMore, error: null })),
      (e: unknown) => generation.current === mine && setLoaded((p) => ({ ...p, error: failureMessage(e) }))
    ).finally(() => generation.current === mine && setMore(false))
  }, [more, key, fetch])

  const same = loaded.query === query
  return { rows: same ? loaded.rows : [], hasMore: same && loaded.hasMore, loading: loaded.key !== key || more, error: same ? loaded.error : null, loadMore }
}
