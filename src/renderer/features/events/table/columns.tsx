/** The event table's columns and one row's cells (fixed height, one line each). */
import { Fragment, type CSSProperties, type ReactNode } from 'react'
import type { EventRow } from '../../../../shared/browse'
import { useTimeZone } from '../../../ui/time-zone'
import type { ColumnId } from './column-layout'
import { TypeBadge } from '../../../ui/type-badge/TypeBadge'
import classes from './EventTable.module.css'

/** Pixel height of every row (the virtualizer and the scroll corrections rely on it). */
export const ROW_HEIGHT = 26

/** `[:book "Dune"]` for an action, `[:encryption-key 1]` for an effect. */
export function subjectOf(row: EventRow): string {
  if (row.aggregateKind !== null) return `[${row.aggregateKind} ${row.aggregateId ?? ''}]`
  if (row.triggerKind !== null) return `[${row.triggerKind} ${row.triggerId ?? ''}]`
  return ''
}

function Cell({ children, title, align }: { children: ReactNode; title?: string; align?: CSSProperties['textAlign'] }): ReactNode {
  return (
    <div role="gridcell" className={classes.cell} title={title} style={align ? { textAlign: align } : undefined}>
      {children}
    </div>
  )
}

/** The cells of one row, in the order of `columns`. */
export function RowCells({ row, columns }: { row: EventRow; columns: readonly ColumnId[] }): ReactNode {
  const time = useTimeZone()
  const subject = subjectOf(row)
  const actor = row.actorKind !== null ? `[${row.actorKind} ${row.actorId ?? ''}]` : ''
  const patch = row.patchSummary ?? row.patch ?? (row.type === 'effect' ? '' : '—')
  const cells: Record<ColumnId, () => ReactNode> = {
    seqNo: () => <Cell align="right">{row.seqNo}</Cell>,
    time: () => <Cell title={time.hover(row.timestamp)}>{time.format(row.timestamp)}</Cell>,
    type: () => (
      <Cell>
        <TypeBadge type={row.type} />
      </Cell>
    ),
    reason: () => <Cell title={row.reason ?? ''}>{row.reason ?? ''}</Cell>,
    subject: () => <Cell title={subject}>{row.triggerKind !== null && row.aggregateKind === null ? `⚡ ${subject}` : subject}</Cell>,
    actor: () => <Cell title={actor}>{actor}</Cell>,
    source: () => <Cell title={row.source}>{row.source}</Cell>,
    patch: () => <Cell title={row.patch ?? ''}>{patch}</Cell>
  }
  return columns.map((id) => <Fragment key={id}>{cells[id]()}</Fragment>)
}
