/**
 * Where the copy goes: a new file (main's save dialog picks it; its path is
 * shown) or a PostgreSQL database, chosen exactly as in Connect to PostgreSQL…
 * (the same fields, the recent connections, Test connection).
 */
import type { ReactNode } from 'react'
import { Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core'
import { IconDatabase, IconFilePlus } from '../../ui/icons'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { ConnectFormFields } from '../connect/ConnectFormFields'
import { ConnectStatusLine } from '../connect/ConnectStatusLine'
import type { CopyMode, CopyTarget } from './useCopyTarget'

function FileTarget({ target }: { target: CopyTarget }): ReactNode {
  return (
    <Group wrap="nowrap" align="center" gap="sm">
      <Paper withBorder px="sm" py={6} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" ff={target.file ? 'monospace' : undefined} c={target.file ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }} data-testid="copy-file">
          {target.file?.path ?? 'No file chosen yet: the copy goes to a new file.'}
        </Text>
      </Paper>
      <Button variant="default" leftSection={<IconFilePlus size={16} />} onClick={() => void target.chooseFile()} data-testid="copy-choose-file">
        {target.file ? 'Change…' : 'Choose file…'}
      </Button>
    </Group>
  )
}

function DatabaseTarget({ target }: { target: CopyTarget }): ReactNode {
  const { connections } = useWorkspace()
  const { fields, update, recent, chooseRecent, status } = target.postgres
  return (
    <Stack gap="sm">
      <ConnectFormFields fields={fields} update={update} recent={recent} recents={{ connections, choose: chooseRecent }} />
      <ConnectStatusLine status={status} />
    </Stack>
  )
}

/** The chooser: a tab for each kind of target (the database form has its own URL / fields switch). */
export function CopyTargetForm({ target }: { target: CopyTarget }): ReactNode {
  return (
    <Tabs value={target.mode} onChange={(value) => value && target.setMode(value as CopyMode)} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="file" leftSection={<IconFilePlus size={16} />}>
          A new SQLite file
        </Tabs.Tab>
        <Tabs.Tab value="postgres" leftSection={<IconDatabase size={16} />}>
          A PostgreSQL database
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="file">
        <FileTarget target={target} />
      </Tabs.Panel>
      <Tabs.Panel value="postgres">
        <DatabaseTarget target={target} />
      </Tabs.Panel>
    </Tabs>
  )
}
