/** What the window shows with no store open: what to do, in one glance. */
import type { ReactNode } from 'react'
import { Anchor, Button, Center, EmptyState, Group, Kbd, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconDatabase, IconFilePlus, IconFolderOpen, IconHistory, IconPlug, IconSparkles } from '../../ui/icons'
import { displayShortcut, SHORTCUTS } from '../../ui/shortcuts'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { fileName } from '../../ui/format'

const RECENT_SHOWN = 6

function RecentConnections(): ReactNode {
  const { connections, openRecentConnection } = useWorkspace()
  return connections.slice(0, RECENT_SHOWN).map((connection) => (
    <Anchor key={connection.id} component="button" type="button" ta="left" size="sm" onClick={() => void openRecentConnection(connection)}>
      {connection.label}{' '}
      <Text span size="xs" c="dimmed">
        PostgreSQL{connection.hasPassword ? '' : ' (asks for the password)'}
      </Text>
    </Anchor>
  ))
}

function RecentList(): ReactNode {
  const { recent, openPath, connections } = useWorkspace()
  if (recent.length === 0 && connections.length === 0) return null
  return (
    <Paper withBorder radius="md" p="md" w="100%" maw={560}>
      <Group gap={6} mb="xs" c="dimmed">
        <IconHistory size={16} />
        <Text size="sm" fw={600}>
          Recent stores
        </Text>
      </Group>
      <Stack gap={4} data-testid="recent-files">
        {recent.slice(0, RECENT_SHOWN).map((file) => (
          <Tooltip key={file.path} label={file.path} openDelay={500} withArrow>
            <Anchor component="button" type="button" ta="left" size="sm" onClick={() => void openPath(file, file.tables)}>
              {fileName(file.path)}{' '}
              <Text span size="xs" c="dimmed">
                {file.path}
              </Text>
            </Anchor>
          </Tooltip>
        ))}
        <RecentConnections />
      </Stack>
    </Paper>
  )
}

/** The empty state. */
export function NoStoreOpen(): ReactNode {
  const { startup, opener, openWithDialog, showConnect, showNewStore, openDemo, openPalette } = useWorkspace()
  const platform = startup?.platform
  if (opener.opening.length > 0) {
    return (
      <Center h="60vh">
        <Stack align="center" gap="sm">
          <Loader />
          <Text c="dimmed">Opening {opener.opening[0].includes('@') ? opener.opening[0] : fileName(opener.opening[0])}…</Text>
        </Stack>
      </Center>
    )
  }
  return (
    <Center mih="70vh" data-testid="empty-state">
      <Stack align="center" gap="xl" w="100%">
        <EmptyState
          variant="light"
          size="lg"
          icon={<IconDatabase size={36} />}
          title="Open a coherence store"
          description="Drop a store file (SQLite) anywhere on this window, choose one, or connect to a PostgreSQL database. Stores open read-only; nothing is written until you unlock one."
        >
          <EmptyState.Actions>
            <Group justify="center">
              <Button leftSection={<IconFolderOpen />} onClick={() => void openWithDialog()}>
                Open store… <Kbd ml={8} size="xs">{displayShortcut(SHORTCUTS.open, platform)}</Kbd>
              </Button>
              <Button variant="default" leftSection={<IconPlug />} onClick={() => showConnect(true)}>
                Connect to PostgreSQL…
              </Button>
              <Button variant="default" leftSection={<IconFilePlus />} onClick={() => showNewStore(true)}>
                New store…
              </Button>
              {startup?.demoStore && (
                <Button variant="light" leftSection={<IconSparkles />} onClick={() => void openDemo()}>
                  Open the demo store
                </Button>
              )}
            </Group>
          </EmptyState.Actions>
        </EmptyState>
        <RecentList />
        <Text size="sm" c="dimmed">
          Every command is in the command palette:{' '}
          <Anchor component="button" type="button" size="sm" onClick={openPalette}>
            <Kbd size="xs">{displayShortcut(SHORTCUTS.palette, platform)}</Kbd>
          </Anchor>
        </Text>
      </Stack>
    </Center>
  )
}
