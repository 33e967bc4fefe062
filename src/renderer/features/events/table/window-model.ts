/**
 * The slice of the event table that is in memory: a few keyset pages around
 * where the user is, never the whole store. Pure functions, unit tested;
 * `useEventWindow` drives them with requests to main.
 */
import type { EventPage, EventRow } from '../../../../shared/browse'

/** Rows kept in memory at most; pages beyond this drop rows at the far end. */
export const MAX_WINDOW_ROWS = 1200

/** Rows fetched per request. */
export const PAGE_SIZE = 200

/** The loaded slice. `generation` changes when the slice is replaced (a jump), so the view resets its scroll. */
export interface EventWindow {
  readonly rows: readonly EventRow[]
  readonly hasMoreBefore: boolean
  readonly hasMoreAfter: boolean
  readonly generation: number
}

/** Nothing loaded yet. */
export const EMPTY_WINDOW: EventWindow = { rows: [], hasMoreBefore: false, hasMoreAfter: false, generation: 0 }

/** A window replaced by a fresh page (after a jump or a filter change). */
export function replaceWindow(previous: EventWindow, page: EventPage): EventWindow {
  return { rows: page.rows, hasMoreBefore: page.hasMoreBefore, hasMoreAfter: page.hasMoreAfter, generation: previous.generation + 1 }
}

/** Two pages around a target joined into one (rows before the target, then from it on). */
export function joinPages(before: EventPage, from: EventPage): EventPage {
  return { rows: [...before.rows, ...from.rows], hasMoreBefore: before.hasMoreBefore, hasMoreAfter: from.hasMoreAfter }
}

/** Result of growing the window: the new window and how many rows were added or dropped at the front. */
export interface Grown {
  readonly window: EventWindow
  /** Rows added at the front (the view scrolls down by as many rows to stay in place). */
  readonly addedAtFront: number
  /** Rows dropped at the front (the view scrolls up by as many rows). */
  readonly droppedAtFront: number
}

/** Append a page that follows the window (rows already present are ignored; newer pages may overlap). */
export function appendPage(window: EventWindow, page: EventPage, max = MAX_WINDOW_ROWS): Grown {
  const last = window.rows.length > 0 ? window.rows[window.rows.length - 1].seqNo : -Infinity
  const fresh = page.rows.filter((r) => r.seqNo > last)
  const rows = [...window.rows, ...fresh]
  const dropped = Math.max(0, rows.length - max)
  return {
    window: {
      ...window,
      rows: dropped > 0 ? rows.slice(dropped) : rows,
      hasMoreBefore: window.hasMoreBefore || dropped > 0,
      hasMoreAfter: page.hasMoreAfter
    },
    addedAtFront: 0,
    droppedAtFront: dropped
  }
}

/** Prepend a page that precedes the window, dropping rows at the end beyond `max`. */
export function prependPage(window: EventWindow, page: EventPage, max = MAX_WINDOW_ROWS): Grown {
  const first = window.rows.length > 0 ? window.rows[0].seqNo : Infinity
  const fresh = page.rows.filter((r) => r.seqNo < first)
  const rows = [...fresh, ...window.rows]
  const kept = rows.slice(0, max)
  return {
    window: {
      ...window,
      rows: kept,
      hasMoreBefore: page.hasMoreBefore,
      hasMoreAfter: window.hasMoreAfter || kept.length < rows.length
    },
    addedAtFront: fresh.length,
    droppedAtFront: 0
  }
}

/** Index of the row with `seqNo`, else of the first row after it, else the last row; -1 when empty. */
export function indexAtOrAfter(rows: readonly EventRow[], seqNo: number): number {
  if (rows.length === 0) return -1
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (rows[mid].seqNo < seqNo) lo = mid + 1
    else hi = mid
  }
  return Math.min(lo, rows.length - 1)
}

/** Where `seqNo` lies between `first` and `last`, from 0 to 1 (0 when the range is one seq-no). */
export function fractionOf(seqNo: number, first: number, last: number): number {
  if (last <= first) return 0
  return Math.min(1, Math.max(0, (seqNo - first) / (last - first)))
}

/** The seq-no at `fraction` of the range (rounded, clamped). */
export function seqNoAt(fraction: number, first: number, last: number): number {
  const clamped = Math.min(1, Math.max(0, fraction))
  return Math.round(first + clamped * (last - first))
}
