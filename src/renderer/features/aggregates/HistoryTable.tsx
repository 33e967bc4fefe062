/**
 * An aggregate's history: one row per action, as stored. Clicking a row
 * opens the event; the clock button shows the state as of that action.
 */
import type { ReactNode } from 'react'
import { ActionIcon, Code, Tooltip } from '@mantine/core'
import type { EventRow } from '../../../shared/browse'
import { IconHistory } from '../../ui/icons'
import { useTimeZone } from '../../ui/time-zone'
import { VirtualRows } from './VirtualRows'
import classes from './Aggregates.module.css'

/** Props of `HistoryTable`. */
export interface HistoryTableProps {
  readonly rows: readonly EventRow[]
  /** The seq-no the state is shown as of (rows after it are dimmed). */
  readonly asOf: number | null
  /** Index of the row to bring into view. */
  readonly current: number | null
  /** Seq-nos of the rows to highlight (the state shown, or the diff's two points). */
  readonly highlighted: ReadonlySet<number>
  readonly onOpenEvent: (seqNo: number) => void
  readonly onShowStateAsOf: (seqNo: number) => void
}

const ROW_HEIGHT = 34

const actor = (row: EventRow): string => (row.actorKind !== null ? `[${row.actorKind} ${row.actorId ?? ''}]` : '')

/** The table (virtualized: long histories stay fast). */
export function HistoryTable({ rows, asOf, current, highlighted, onOpenEvent, onShowStateAsOf }: HistoryTableProps): ReactNode {
  const time = useTimeZone()
  return (
    <div data-testid="aggregate-history">
      <div className={classes.historyHead} role="presentation">
        <span style={{ textAlign: 'right' }}>Seq-no</span>
        <span>{time.header}</span>
        <span>Reason</span>
        <span>Actor</span>
        <span>Patch</span>
        <span />
      </div>
      <VirtualRows
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        height={Math.min(rows.length * ROW_HEIGHT + 2, 320)}
        scrollTo={current}
        label="Actions on this aggregate"
        renderRow={(index) => {
          const row = rows[index]
          return (
            <div
              className={classes.historyRow}
              data-current={highlighted.has(row.seqNo) || undefined}
              data-future={(asOf !== null && row.seqNo > asOf) || undefined}
              data-seq-no={row.seqNo}
              onClick={() => onOpenEvent(row.seqNo)}
              title={`Open event ${row.seqNo} in Events`}
            >
              <span className={`${classes.cell} ${classes.mono}`} style={{ textAlign: 'right' }}>
                {row.seqNo}
              </span>
              <span className={`${classes.cell} ${classes.mono}`} title={time.hover(row.timestamp)}>
                {time.format(row.timestamp)}
              </span>
              <span className={classes.cell} title={row.reason ?? ''}>
                <Code>{row.reason ?? ''}</Code>
              </span>
              <span className={`${classes.cell} ${classes.mono}`} title={actor(row)}>
                {actor(row)}
              </span>
              <span className={`${classes.cell} ${classes.mono}`} title={row.patch ?? ''}>
                {row.patchSummary ?? row.patch ?? ''}
              </span>
              <Tooltip label={`Show the state as of ${row.seqNo}`} withArrow openDelay={300}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  color="gray"
                  aria-label={`Show the state as of ${row.seqNo}`}
                  onClick={(e) => {
                    e.stopPropagation()
                    onShowStateAsOf(row.seqNo)
                  }}
                >
                  <IconHistory size={14} />
                </ActionIcon>
              </Tooltip>
            </div>
          )
        }}
      />
    </div>
  )
}
