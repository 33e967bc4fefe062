/**
 * The event table when the store grows: the new rows are fetched at the end
 * while the user's place does not move, or followed when follow mode is on.
 */
import { useEffect, useRef, type RefObject } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import type { JumpTarget } from './useEventWindow'
import type { EventWindow } from './window-model'

/** What the growth effects read. */
export interface StoreGrowthInput {
  readonly revision: number
  readonly follow: boolean
  readonly window: EventWindow
  readonly windowRef: RefObject<EventWindow>
  readonly followRef: RefObject<boolean>
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>
  jumpAndShow(target: JumpTarget, select: boolean): Promise<void>
  loadAfter(): void
}

/** Runs the effects. */
export function useStoreGrowth({ revision, follow, window, windowRef, followRef, virtualizer, jumpAndShow, loadAfter }: StoreGrowthInput): void {
  const rows = window.rows
  const seenRevision = useRef(revision)
  useEffect(() => {
    // On mount the table's filter effect already jumps (to the selection when there is one); a second jump would win the race.
    if (seenRevision.current === revision) return
    seenRevision.current = revision
    const w = windowRef.current
    if (w.rows.length === 0) void jumpAndShow(followRef.current ? 'end' : 'start', false)
    else if (!w.hasMoreAfter) loadAfter()
    else if (followRef.current) void jumpAndShow('end', false)
  }, [revision, loadAfter, jumpAndShow, windowRef, followRef])
  useEffect(() => {
    if (follow && rows.length > 0 && !window.hasMoreAfter) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
    else if (follow && window.hasMoreAfter) void jumpAndShow('end', false)
  }, [follow, rows.length, window.hasMoreAfter, virtualizer, jumpAndShow])
}
