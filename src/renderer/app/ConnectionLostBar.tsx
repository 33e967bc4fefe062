/**
 * Shown under the store bar while a PostgreSQL store's connection is lost
 * (the server stopped or restarted): the plain sentence from main and a
 * Reconnect button. The tab stays; the store reopens read-only.
 */
import { useState, type ReactNode } from 'react'
import { Button, Group, Text } from '@mantine/core'
import { IconRefresh } from '../ui/icons'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import type { StoreTab } from '../workspace/workspace-state'
import classes from './Shell.module.css'
import responsive from '../ui/responsive.module.css'

/** Height of the bar, added to the header's while it shows. */
export const CONNECTION_LOST_BAR_HEIGHT = 44

/** The bar for `tab` (nothing while its connection is fine). */
export function ConnectionLostBar({ tab }: { tab: StoreTab }): ReactNode {
  const { reconnect } = useWorkspace()
  const [busy, setBusy] = useState(false)
  if (!tab.disconnected) return null
  const run = async (): Promise<void> => {
    setBusy(true)
    await reconnect(tab.info.storeId)
    setBusy(false)
  }
  return (
    <Group className={classes.connectionLost} h={CONNECTION_LOST_BAR_HEIGHT} justify="space-between" wrap="nowrap" gap="md" role="alert" data-testid="connection-lost">
      <Text size="sm" fw={500} lineClamp={2}>
        {tab.disconnected}
      </Text>
      <Button size="xs" color="red" variant="filled" leftSection={<IconRefresh size={14} />} loading={busy} onClick={() => void run()} className={responsive.noShrink}>
        Reconnect
      </Button>
    </Group>
  )
}
