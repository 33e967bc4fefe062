/** Overview: path, tables, counts, seq-no and the last 20 events; an empty state when nothing is open. */
import { useEffect, useState } from 'react'
import { Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { StoreInfo } from '../../../../shared/ipc/contract'
import type { EventRow } from '../../../../shared/browse'
import { invoke } from '../../api'

const LAST_EVENTS = 20

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase">{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value.toLocaleString('en')}</Text>
    </Card>
  )
}

function useLastEvents(info: StoreInfo | null, version: number) {
  const [rows, setRows] = useState<readonly EventRow[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!info) return
    let live = true
    void invoke('store:page', { storeId: info.storeId, limit: LAST_EVENTS, before: info.seqNo + 1 }).then((r) => {
      if (!live) return
      if (r.ok) {
        setRows([...r.value.rows].reverse())
        setError(null)
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [info, version])
  return { rows, error }
}

/** The Overview page. */
export function Overview({ info, version }: { info: StoreInfo | null; version: number }) {
  const { rows, error } = useLastEvents(info, version)
  if (!info) {
    return (
      <Stack align="center" mt="xl" gap="xs" data-testid="empty-state">
        <Title order={3}>No store is open</Title>
        <Text c="dimmed">Use File ▸ Open… (Ctrl+O) to open a coherence store, or File ▸ New store… to create one.</Text>
        <Text c="dimmed">Started with no file, the app opens the demo store.</Text>
      </Stack>
    )
  }
  const t = info.tables
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">Path</Text>
        <Code data-testid="store-path">{info.path}</Code>
      </div>
      <Group gap="xs">
        <Text size="sm" c="dimmed">Tables:</Text>
        <Code>{`${t.event}, ${t.action}, ${t.effect}, ${t.trigger}`}</Code>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label="seq-no" value={info.seqNo} testId="seq-no" />
        <Stat label="events" value={info.counts.events} testId="count-events" />
        <Stat label="actions" value={info.counts.actions} testId="count-actions" />
        <Stat label="effects" value={info.counts.effects} testId="count-effects" />
        <Stat label="triggers" value={info.counts.triggers} testId="count-triggers" />
      </SimpleGrid>
      <Title order={4}>Last {LAST_EVENTS} events</Title>
      {error && <Text c="red">{error}</Text>}
      <Table striped highlightOnHover data-testid="last-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>seq-no</Table.Th>
            <Table.Th>type</Table.Th>
            <Table.Th>timestamp</Table.Th>
            <Table.Th>source</Table.Th>
            <Table.Th>reason</Table.Th>
            <Table.Th>aggregate / trigger</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.seqNo}>
              <Table.Td>{r.seqNo}</Table.Td>
              <Table.Td>{r.type}</Table.Td>
              <Table.Td>{new Date(r.timestamp * 1000).toISOString()}</Table.Td>
              <Table.Td>{r.source}</Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td>{r.aggregateKind ? `[${r.aggregateKind} ${r.aggregateId}]` : r.triggerKind ? `[${r.triggerKind} ${r.triggerId}]` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
