/** The rows of the event table that are on screen (the virtualizer's items), each absolutely placed. */
import type { ReactNode } from 'react'
import type { VirtualItem } from '@tanstack/react-virtual'
import type { EventRow } from '../../../../shared/browse'
import type { ColumnId } from './column-layout'
import { ROW_HEIGHT, RowCells } from './columns'
import classes from './EventTable.module.css'

/** Props: the on-screen items, every row in memory, the grid and the selection. */
export interface TableRowsProps {
  readonly items: readonly VirtualItem[]
  readonly rows: readonly EventRow[]
  readonly template: string
  readonly columns: readonly ColumnId[]
  readonly selected: number | null
  onSelect(seqNo: number): void
}

/** The rows. */
export function TableRows({ items, rows, template, columns, selected, onSelect }: TableRowsProps): ReactNode {
  return items.map((item) => {
    const row = rows[item.index]
    return (
      <div
        key={row.seqNo}
        role="row"
        aria-selected={row.seqNo === selected}
        data-seq-no={row.seqNo}
        className={classes.row}
        style={{ gridTemplateColumns: template, top: item.start, height: ROW_HEIGHT }}
        onClick={() => onSelect(row.seqNo)}
      >
        <RowCells row={row} columns={columns} />
      </div>
    )
  })
}
