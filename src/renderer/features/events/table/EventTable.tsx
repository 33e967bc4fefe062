/**
 * The virtualized event table: only the rows on screen are in the DOM, only
 * a few pages are in memory (useEventWindow), and the scrubber on the right
 * covers the whole seq-no range, so a store of any size scrolls and jumps
 * without ever asking main for more than a page.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { Loader, Progress, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { EventFilter, SeqNoRange } from '../../../../shared/browse'
import type { EventSelection } from '../../../workspace/navigation'
import { COLUMNS, GRID_TEMPLATE, ROW_HEIGHT, RowCells } from './columns'
import { Scrubber } from './Scrubber'
import { useEventWindow, type JumpTarget } from './useEventWindow'
import classes from './EventTable.module.css'

/** Rows from the edge of what is in memory at which the next page is fetched. */
const PREFETCH_ROWS = 60

/** A selection; a new `at` asks the table to bring the row into view (jumping when needed). */
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
}

/** The table. */
export function EventTable({ storeId, filter, revision, follow, range, selection, onSelect }: EventTableProps): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { window, loading, error, jump, loadBefore, loadAfter } = useEventWindow(storeId, filter, scrollRef, ROW_HEIGHT)
  const rows = window.rows
  // The virtualizer's functions are read fresh on every render; nothing here memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, paddingStart: 32 })

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

  // The store grew: fetch the new rows at the end (the user's place does not move), or follow them.
  const windowRef = useRef(window)
  windowRef.current = window
  useEffect(() => {
    const w = windowRef.current
    if (w.rows.length === 0) void jumpAndShow(followRef.current ? 'end' : 'start', false)
    else if (!w.hasMoreAfter) loadAfter()
    else if (followRef.current) void jumpAndShow('end', false)
  }, [revision, loadAfter, jumpAndShow])
  useEffect(() => {
    if (follow && rows.length > 0 && !window.hasMoreAfter) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
    else if (follow && window.hasMoreAfter) void jumpAndShow('end', false)
  }, [follow, rows.length, window.hasMoreAfter, virtualizer, jumpAndShow])

  const items = virtualizer.getVirtualItems()
  const firstVisible = items.find((i) => i.start >= (scrollRef.current?.scrollTop ?? 0))?.index ?? items[0]?.index ?? 0
  const lastVisible = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    if (rows.length === 0) return
    if (lastVisible >= rows.length - PREFETCH_ROWS && window.hasMoreAfter) loadAfter()
    if (firstVisible <= PREFETCH_ROWS && window.hasMoreBefore) loadBefore()
  }, [firstVisible, lastVisible, rows.length, window.hasMoreAfter, window.hasMoreBefore, loadAfter, loadBefore])

  const selectedIndex = selection ? rows.findIndex((r) => r.seqNo === selection.seqNo) : -1
  const move = (index: number): void => {
    const bounded = Math.max(0, Math.min(rows.length - 1, index))
    if (rows[bounded]) {
      onSelect(rows[bounded].seqNo)
      virtualizer.scrollToIndex(bounded)
    }
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2)
    const from = selectedIndex >= 0 ? selectedIndex : firstVisible
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(from + 1),
      ArrowUp: () => move(from - 1),
      PageDown: () => move(from + page),
      PageUp: () => move(from - page),
      Home: () => void jumpAndShow('start', false).then(() => {
        const first = windowRef.current.rows[0]
        if (first) onSelect(first.seqNo)
      }),
      End: () => void jumpAndShow('end', false).then(() => {
        const last = windowRef.current.rows[windowRef.current.rows.length - 1]
        if (last) onSelect(last.seqNo)
      })
    }
    const action = keys[event.key]
    if (action) {
      event.preventDefault()
      action()
    }
  }

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
          <div role="row" className={classes.header} style={{ gridTemplateColumns: GRID_TEMPLATE }}>
            {COLUMNS.map((c) => (
              <div role="columnheader" key={c.label} style={c.label === 'Seq-no' ? { textAlign: 'right' } : undefined}>
                {c.label}
              </div>
            ))}
          </div>
          {items.map((item) => {
            const row = rows[item.index]
            return (
              <div
                key={row.seqNo}
                role="row"
                aria-selected={row.seqNo === selection?.seqNo}
                data-seq-no={row.seqNo}
                className={classes.row}
                style={{ gridTemplateColumns: GRID_TEMPLATE, top: item.start, height: ROW_HEIGHT }}
                onClick={() => onSelect(row.seqNo)}
              >
                <RowCells row={row} />
              </div>
            )
          })}
        </div>
      </div>
      {range && range.first !== null && range.last !== null && (
        <Scrubber first={range.first} last={range.last} current={topSeqNo} onJump={(seqNo) => void jumpAndShow(seqNo, false).then(() => undefined)} />
      )}
      {loading && rows.length > 0 && (
        <Progress value={100} animated striped size={3} radius={0} pos="absolute" top={0} left={0} right={0} style={{ zIndex: 3 }} aria-label="Loading rows" data-testid="rows-loading" />
      )}
      {(rows.length === 0 || error) && (
        <div className={classes.overlay}>
          {error ? (
            <Text c="red" role="alert" maw={520} ta="center">
              {error}
            </Text>
          ) : loading ? (
            <Loader size="sm" />
          ) : (
            <Text c="dimmed">No event matches this filter.</Text>
          )}
        </div>
      )}
    </div>
  )
}
