/** The newest events of the store, newest first (one keyset page before the end). */
import type { ReactNode } from 'react'
import { Code, Paper, Table, Text } from '@mantine/core'
import type { EventPage, EventRow } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import type { StoreTab } from '../../workspace/workspace-state'
import { useTimeZone } from '../../ui/time-zone'
import { TypeBadge } from '../../ui/type-badge/TypeBadge'

/** How many events the Overview lists. */
export const LATEST_EVENT_COUNT = 12

function subject(row: EventRow): string {
  if (row.aggregateKind !== null) return `[${row.aggregateKind} ${row.aggregateId ?? ''}]`
  if (row.triggerKind !== null) return `[${row.triggerKind} ${row.triggerId ?? ''}]`
  return ''
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const

/** The latest events table. */
export function LatestEvents({ tab }: { tab: StoreTab }): ReactNode {
  const time = useTimeZone()
  const { storeId, seqNo } = tab.info
  const page = useRequest<EventPage>(`${storeId}:${tab.revision}`, () =>
    call('store:page', { storeId, limit: LATEST_EVENT_COUNT, before: seqNo + 1 })
  )
  const rows = page.data ? [...page.data.rows].reverse() : []
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs">
        Latest events
      </Text>
      {page.error && (
        <Text c="red" size="sm" role="alert">
          {page.error}
        </Text>
      )}
      {page.data && rows.length === 0 && (
        <Text c="dimmed" size="sm">
          This store has no events yet.
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing={6} data-testid="latest-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right" style={NO_WRAP}>
                  Seq-no
                </Table.Th>
                <Table.Th style={NO_WRAP}>{time.header}</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Aggregate / trigger</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.seqNo}>
                  <Table.Td ta="right" ff="monospace">
                    {row.seqNo}
                  </Table.Td>
                  <Table.Td ff="monospace" style={NO_WRAP} title={time.hover(row.timestamp)}>
                    {time.format(row.timestamp)}
                  </Table.Td>
                  <Table.Td style={NO_WRAP}>
                    <TypeBadge type={row.type} />
                  </Table.Td>
                  <Table.Td style={NO_WRAP}>
                    <Code>{row.reason ?? ''}</Code>
                  </Table.Td>
                  <Table.Td ff="monospace">{subject(row)}</Table.Td>
                  <Table.Td ff="monospace">{row.actorKind !== null ? `[${row.actorKind} ${row.actorId ?? ''}]` : ''}</Table.Td>
                  <Table.Td ff="monospace">{row.source}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}
