/**
 * The virtualized event table: only the rows on screen are in the DOM, only
 * a few pages are in memory (useEventWindow), and the scrubber on the right
 * covers the whole seq-no range, so a store of any size scrolls and jumps
 * without ever asking main for more than a page.
 */
import { useCallback, useEffect, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { EventFilter, SeqNoRange } from '../../../../shared/browse'
import type { EventSelection } from '../../../workspace/navigation'
import { gridTemplate, visibleColumns, type ColumnLayout } from './column-layout'
import { ROW_HEIGHT } from './columns'
import { TableHeader } from './TableHeader'
import { TableRows } from './TableRows'
import { TableStatus } from './TableStatus'
import { useStoreGrowth } from './useStoreGrowth'
import { useTableKeys } from './useTableKeys'
import { Scrubber } from './Scrubber'
import { useEventWindow, type JumpTarget } from './useEventWindow'
import classes from './EventTable.module.css'

/** Rows from the edge of what is in memory at which the next page is fetched. */
const PREFETCH_ROWS = 60

/** Height of the sticky header row: rows start below it and scrolling to a row keeps it clear of the header. */
const HEADER_HEIGHT = 32

/** The selected event. */
export type Selection = EventSelection

/** Props of the table. */
export interface EventTableProps {
  readonly storeId: string
  readonly filter: EventFilter
  /** Grows whenever the store changes. */
  readonly revision: number
  /** Keep the newest event in view as events arrive. */
  readonly follow: boolean
  readonly range: SeqNoRange | null
  readonly selection: Selection | null
  onSelect(seqNo: number): void
  /** Which columns show, in what order and width. */
  readonly columns: ColumnLayout
  onColumns(next: ColumnLayout): void
}

/** The table. */
export function EventTable({ storeId, filter, revision, follow, range, selection, onSelect, columns, onColumns }: EventTableProps): ReactNode {
  const shown = visibleColumns(columns)
  const template = gridTemplate(columns)
  const scrollRef = useRef<HTMLDivElement>(null)
  // windowRef is the newest window: what follows a jump (End selecting the last row) reads the rows it loaded, not the ones still rendered.
  const { window, latest: windowRef, loading, error, jump, loadBefore, loadAfter } = useEventWindow(storeId, filter, scrollRef, ROW_HEIGHT)
  const rows = window.rows
  // The virtualizer's functions are read fresh on every render; nothing here memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, paddingStart: HEADER_HEIGHT, scrollPaddingStart: HEADER_HEIGHT })

  const jumpAndShow = useCallback(
    async (target: JumpTarget, select: boolean) => {
      const index = await jump(target)
      if (index < 0) return
      requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: target === 'end' ? 'end' : target === 'start' ? 'start' : 'center' }))
      if (select && typeof target === 'number') onSelect(target)
    },
    [jump, virtualizer, onSelect]
  )

  // A new filter (or store): start over where the user is looking.
  const selectionRef = useRef(selection)
  selectionRef.current = selection
  const followRef = useRef(follow)
  followRef.current = follow
  useEffect(() => {
    const selected = selectionRef.current
    void jumpAndShow(selected ? selected.seqNo : followRef.current ? 'end' : 'start', false)
  }, [storeId, filter, jumpAndShow])

  // Navigation from elsewhere (a link, "go to"): bring the row into view.
  const lastAt = useRef(selection?.at ?? 0)
  useEffect(() => {
    if (!selection || selection.at === lastAt.current) return
    lastAt.current = selection.at
    const index = rows.findIndex((r) => r.seqNo === selection.seqNo)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' })
    else void jumpAndShow(selection.seqNo, false)
  }, [selection, rows, virtualizer, jumpAndShow])

  useStoreGrowth({ revision, follow, window, windowRef, followRef, virtualizer, jumpAndShow, loadAfter })

  const items = virtualizer.getVirtualItems()
  const firstVisible = items.find((i) => i.start >= (scrollRef.current?.scrollTop ?? 0) + HEADER_HEIGHT)?.index ?? items[0]?.index ?? 0
  const lastVisible = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    if (rows.length === 0) return
    if (lastVisible >= rows.length - PREFETCH_ROWS && window.hasMoreAfter) loadAfter()
    if (firstVisible <= PREFETCH_ROWS && window.hasMoreBefore) loadBefore()
  }, [firstVisible, lastVisible, rows.length, window.hasMoreAfter, window.hasMoreBefore, loadAfter, loadBefore])

  const onKeyDown = useTableKeys({ rows, selection, firstVisible, scrollRef, virtualizer, onSelect, jumpAndShow, windowRef })

  const topSeqNo = rows[firstVisible]?.seqNo ?? range?.first ?? 0
  return (
    <div className={classes.frame}>
      <div
        ref={scrollRef}
        id="event-table"
        className={classes.scroller}
        role="grid"
        aria-label="Events"
        aria-rowcount={-1}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="event-table"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <TableHeader layout={columns} template={template} onLayout={onColumns} />
          <TableRows items={items} rows={rows} template={template} columns={shown} selected={selection?.seqNo ?? null} onSelect={onSelect} />
        </div>
      </div>
      {range && range.first !== null && range.last !== null && (
        <Scrubber first={range.first} last={range.last} current={topSeqNo} onJump={(seqNo) => void jumpAndShow(seqNo, false).then(() => undefined)} />
      )}
      <TableStatus loading={loading} error={error} empty={rows.length === 0} />
    </div>
  )
}
