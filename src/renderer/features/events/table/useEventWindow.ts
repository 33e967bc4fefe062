/**
 * Keeps the event table's in-memory slice (window-model.ts) fed with keyset
 * pages from main: jumps (start, end, a seq-no), more rows when the user
 * scrolls near either edge, and new rows at the end when the store grows.
 * Answers to requests made for an older filter or jump are dropped.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { EventFilter, EventPage } from '../../../../shared/browse'
import { call } from '../../../ipc/client'
import { failureMessage } from '../../../ui/connection-lost'
import {
  appendPage,
  EMPTY_WINDOW,
  indexAtOrAfter,
  joinPages,
  PAGE_SIZE,
  prependPage,
  replaceWindow,
  type EventWindow,
  type Grown
} from './window-model'

/** Where to jump. */
export type JumpTarget = number | 'start' | 'end'

/** Rows kept above a jump target, so the user sees what came just before it. */
const CONTEXT_ROWS = 40

/** What the table needs. */
export interface EventWindowState {
  readonly window: EventWindow
  /** The newest window, already replaced when `jump` resolves (`window` shows it from the next render on). */
  readonly latest: RefObject<EventWindow>
  readonly loading: boolean
  readonly error: string | null
  /** Replace the window around `target`; resolves to the index the view should show (-1 when empty). */
  jump(target: JumpTarget): Promise<number>
  loadBefore(): void
  loadAfter(): void
}

/**
 * @param scrollRef the scrolling element (its scrollTop is corrected when rows are added or dropped at the front)
 * @param rowHeight fixed row height in pixels
 */
export function useEventWindow(storeId: string, filter: EventFilter, scrollRef: RefObject<HTMLElement | null>, rowHeight: number): EventWindowState {
  const [window, setWindow] = useState<EventWindow>(EMPTY_WINDOW)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const current = useRef(window)
  const epoch = useRef(0)
  const inFlight = useRef({ before: false, after: false })
  const pendingShift = useRef(0)

  const page = useCallback(
    (query: { after?: number; before?: number; limit: number }): Promise<EventPage> => call('store:page', { storeId, filter, ...query }),
    [storeId, filter]
  )

  const commit = useCallback((next: EventWindow) => {
    current.current = next
    setWindow(next)
  }, [])

  const jump = useCallback(
    async (target: JumpTarget): Promise<number> => {
      const mine = ++epoch.current
      // Growing the old window while a jump replaces it would splice rows from two places.
      inFlight.current = { before: true, after: true }
      setLoading(true)
      try {
        const fetched =
          target === 'start'
            ? await page({ limit: PAGE_SIZE })
            : target === 'end'
              ? await page({ before: Number.MAX_SAFE_INTEGER, limit: PAGE_SIZE })
              : joinPages(...(await Promise.all([page({ before: target, limit: CONTEXT_ROWS }), page({ after: target - 1, limit: PAGE_SIZE })])))
        if (mine !== epoch.current) return -1
        inFlight.current = { before: false, after: false }
        const next = replaceWindow(current.current, fetched)
        commit(next)
        setError(null)
        if (next.rows.length === 0) return -1
        return target === 'start' ? 0 : target === 'end' ? next.rows.length - 1 : indexAtOrAfter(next.rows, target)
      } catch (e) {
        if (mine === epoch.current) {
          inFlight.current = { before: false, after: false }
          setError(failureMessage(e))
        }
        return -1
      } finally {
        if (mine === epoch.current) setLoading(false)
      }
    },
    [page, commit]
  )

  const grow = useCallback(
    (side: 'before' | 'after') => {
      const w = current.current
      if (inFlight.current[side] || w.rows.length === 0) return
      if (side === 'before' ? !w.hasMoreBefore : false) return
      inFlight.current[side] = true
      const mine = epoch.current
      const query = side === 'before' ? { before: w.rows[0].seqNo, limit: PAGE_SIZE } : { after: w.rows[w.rows.length - 1].seqNo, limit: PAGE_SIZE }
      const generation = w.generation
      page(query)
        .then((fetched) => {
          if (mine !== epoch.current || current.current.generation !== generation) return
          const grown: Grown = side === 'before' ? prependPage(current.current, fetched) : appendPage(current.current, fetched)
          if (grown.window.rows.length === current.current.rows.length && grown.addedAtFront === 0 && grown.droppedAtFront === 0) {
            if (grown.window.hasMoreAfter === current.current.hasMoreAfter && grown.window.hasMoreBefore === current.current.hasMoreBefore) return
          }
          pendingShift.current += grown.addedAtFront - grown.droppedAtFront
          commit(grown.window)
        })
        .catch((e: unknown) => mine === epoch.current && setError(failureMessage(e)))
        .finally(() => {
          if (mine === epoch.current) inFlight.current[side] = false
        })
    },
    [page, commit]
  )

  // Keep the rows on screen where they were when rows are added or dropped above them.
  useLayoutEffect(() => {
    const shift = pendingShift.current
    pendingShift.current = 0
    const element = scrollRef.current
    if (shift !== 0 && element) element.scrollTop += shift * rowHeight
  }, [window, scrollRef, rowHeight])

  const loadBefore = useCallback(() => grow('before'), [grow])
  const loadAfter = useCallback(() => grow('after'), [grow])
  return { window, latest: current, loading, error, jump, loadBefore, loadAfter }
}
