/** Overview of the active store: where it is, its tables, its counts and its latest events. */
import type { ReactNode } from 'react'
import { Code, CopyButton, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core'
import type { StoreTab } from '../../workspace/workspace-state'
import { CountsGrid } from './CountsGrid'
import { LatestEvents } from './LatestEvents'
import { Timeline } from '../../ui/timeline/Timeline'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { showEvents } from '../../workspace/navigation'

function TableNamesCard({ tab }: { tab: StoreTab }): ReactNode {
  const t = tab.info.tables
  const rows: [string, string][] = [
    ['events', t.event],
    ['actions', t.action],
    ['effects', t.effect],
    ['triggers', t.trigger]
  ]
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs">
        Tables
      </Text>
      <Table withRowBorders={false} verticalSpacing={4} data-testid="table-names">
        <Table.Tbody>
          {rows.map(([role, name]) => (
            <Table.Tr key={role}>
              <Table.Td c="dimmed" w={90}>
                {role}
              </Table.Td>
              <Table.Td>
                <Code>{name}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function FileCard({ tab }: { tab: StoreTab }): ReactNode {
  const { path, locked, fileReadOnly, kind } = tab.info
  const postgres = kind === 'postgres'
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs">
        {postgres ? 'Database' : 'File'}
      </Text>
      <CopyButton value={path}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : postgres ? 'Copy user@host/db' : 'Copy the path'} withArrow>
            <UnstyledButton onClick={copy} aria-label="Copy the store path">
              <Code block data-testid="store-path" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {path}
              </Code>
            </UnstyledButton>
          </Tooltip>
        )}
      </CopyButton>
      <Text size="sm" c="dimmed" mt="xs">
        {fileReadOnly
          ? postgres
            ? 'This role may only read: the store can be read, never written.'
            : 'The file itself is read-only: the store can be read, never written.'
          : locked
            ? 'Opened read-only. Unlock it in the header to write.'
            : `Unlocked: writes from this window go straight into the ${postgres ? 'database' : 'file'}.`}
      </Text>
    </Paper>
  )
}

/** The Overview section. */
export function Overview({ tab }: { tab: StoreTab }): ReactNode {
  const { showSection } = useWorkspace()
  return (
    <Stack gap="lg" data-testid="overview">
      <Title order={2}>Overview</Title>
      <CountsGrid tab={tab} />
      <Timeline storeId={tab.info.storeId} revision={tab.revision} onPickRange={(fromTime, toTime) => showEvents({ storeId: tab.info.storeId, showSection }, { fromTime, toTime })} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FileCard tab={tab} />
        <TableNamesCard tab={tab} />
      </SimpleGrid>
      <LatestEvents tab={tab} />
    </Stack>
  )
}
