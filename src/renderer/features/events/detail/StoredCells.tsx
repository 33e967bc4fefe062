/** The exact text of every cell of an event, as it is in the file. */
import type { ReactNode } from 'react'
import { Code, Table } from '@mantine/core'
import type { EventRow } from '../../../../shared/browse'

/** Cells table. */
export function StoredCells({ row }: { row: EventRow }): ReactNode {
  const cells: [string, string | number | null][] = [
    ['seq_no', row.seqNo],
    ['timestamp', row.timestamp],
    ['source', row.source],
    ['reason', row.reason],
    ...(row.type !== 'effect'
      ? ([
          ['actor_kind', row.actorKind],
          ['actor_id', row.actorId],
          ['aggregate_kind', row.aggregateKind],
          ['aggregate_id', row.aggregateId],
          ['patch', row.patch]
        ] as [string, string | null][])
      : []),
    ...(row.type !== 'action'
      ? ([
          ['trigger_kind', row.triggerKind],
          ['trigger_id', row.triggerId]
        ] as [string, string | null][])
      : [])
  ]
  return (
    <Table withRowBorders verticalSpacing={3} fz="xs" data-testid="stored-cells">
      <Table.Tbody>
        {cells.map(([column, value]) => (
          <Table.Tr key={column}>
            <Table.Td c="dimmed" w={120} ff="monospace">
              {column}
            </Table.Td>
            <Table.Td>
              <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value === null ? 'NULL' : String(value)}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
