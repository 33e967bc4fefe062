/**
 * The trigger index's table: one row per trigger identity with the number of
 * actions carrying it and of effects naming it. A click on a row opens it;
 * its "Graph" button draws it.
 */
import type { ReactNode } from 'react'
import { Button, Table } from '@mantine/core'
import type { TriggerSummary } from '../../../shared/audit'
import { identityText, type CellIdentity } from '../../../shared/browse'
import { formatCount } from '../../ui/format'
import classes from './Audit.module.css'

/** What the table needs: its rows and what a row's click and its "Graph" button do. */
export interface TriggerTableProps {
  readonly rows: readonly TriggerSummary[]
  /** A click on a row (shows the events of that trigger). */
  readonly onOpen: (trigger: CellIdentity) => void
  /** The row's "Graph" button. */
  readonly onGraph: (trigger: CellIdentity) => void
}

/** The rows of the trigger index in a scroll container with a sticky header. */
export function TriggerTable({ rows, onOpen, onGraph }: TriggerTableProps): ReactNode {
  return (
    <Table.ScrollContainer minWidth={0} mah={520}>
      <Table highlightOnHover stickyHeader verticalSpacing={4} data-testid="trigger-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Trigger</Table.Th>
            <Table.Th ta="right" title="Actions carrying the trigger">
              Actions
            </Table.Th>
            <Table.Th ta="right" title="Effects naming the trigger">
              Effects
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <TriggerRow key={`${r.kind} ${r.id}`} row={r} onOpen={onOpen} onGraph={onGraph} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** One trigger identity; the "Graph" click does not also open the row. */
function TriggerRow({ row, onOpen, onGraph }: { row: TriggerSummary } & Omit<TriggerTableProps, 'rows'>): ReactNode {
  const trigger = { kind: row.kind, id: row.id }
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => onOpen(trigger)} title="Show the events of this trigger" data-testid="trigger-row">
      <Table.Td className={classes.identityCell} title={identityText(row)}>
        {identityText(row)}
      </Table.Td>
      <Table.Td ta="right">{formatCount(row.actions)}</Table.Td>
      <Table.Td ta="right">{formatCount(row.effects)}</Table.Td>
      <Table.Td ta="right">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={(e) => {
            e.stopPropagation()
            onGraph(trigger)
          }}
        >
          Graph
        </Button>
      </Table.Td>
    </Table.Tr>
  )
}
