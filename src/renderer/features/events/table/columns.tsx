/** The event table's columns and one row's cells (fixed height, one line each). */
import type { CSSProperties, ReactNode } from 'react'
import { Badge } from '@mantine/core'
import type { EventRow } from '../../../../shared/browse'
import { formatTimestamp } from '../../../ui/format'
import classes from './EventTable.module.css'

/** Pixel height of every row (the virtualizer and the scroll corrections rely on it). */
export const ROW_HEIGHT = 30

/** Column headers and the grid template they share with the rows. */
export const COLUMNS: readonly { readonly label: string; readonly width: string }[] = [
  { label: 'Seq-no', width: '88px' },
  { label: 'Time (local)', width: '160px' },
  { label: 'Type', width: '72px' },
  { label: 'Reason', width: '130px' },
  { label: 'Aggregate / trigger', width: 'minmax(170px, 1.2fr)' },
  { label: 'Actor', width: 'minmax(120px, 0.8fr)' },
  { label: 'Source', width: '120px' },
  { label: 'Patch', width: 'minmax(220px, 2fr)' }
]

/** `grid-template-columns` of header and rows. */
export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ')

const TYPE_COLORS: Record<EventRow['type'], string> = { action: 'blue', effect: 'grape', neither: 'red', both: 'orange' }

/** `2026-01-05 10:07:00` in the viewer's time zone. */
export function localTimestamp(seconds: number): string {
  const d = new Date(seconds * 1000)
  if (Number.isNaN(d.getTime())) return String(seconds)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

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

/** The cells of one row. */
export function RowCells({ row }: { row: EventRow }): ReactNode {
  const subject = subjectOf(row)
  const actor = row.actorKind !== null ? `[${row.actorKind} ${row.actorId ?? ''}]` : ''
  const patch = row.patchSummary ?? row.patch ?? (row.type === 'effect' ? '' : '—')
  return (
    <>
      <Cell align="right">{row.seqNo}</Cell>
      <Cell title={`UTC ${formatTimestamp(row.timestamp)}`}>{localTimestamp(row.timestamp)}</Cell>
      <Cell>
        <Badge size="xs" variant="light" color={TYPE_COLORS[row.type]} styles={{ label: { overflow: 'visible' } }}>
          {row.type}
        </Badge>
      </Cell>
      <Cell title={row.reason ?? ''}>{row.reason ?? ''}</Cell>
      <Cell title={subject}>{row.triggerKind !== null && row.aggregateKind === null ? `⚡ ${subject}` : subject}</Cell>
      <Cell title={actor}>{actor}</Cell>
      <Cell title={row.source}>{row.source}</Cell>
      <Cell title={row.patch ?? ''}>{patch}</Cell>
    </>
  )
}
