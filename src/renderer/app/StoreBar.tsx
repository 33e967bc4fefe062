/** The active store's name, lock state (with the lock/unlock button) and seq-no. */
import type { ReactNode } from 'react'
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core'
import { IconLock, IconLockOpen } from '../ui/icons'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import { type StoreTab } from '../workspace/workspace-state'
import { formatCount, storeName } from '../ui/format'
import { ForkBadge, ForkButtons } from '../features/fork/ForkControls'
import classes from './Shell.module.css'
import responsive from '../ui/responsive.module.css'

function LockBadge({ tab }: { tab: StoreTab }): ReactNode {
  const { locked, fileReadOnly, kind } = tab.info
  const what = kind === 'postgres' ? { badge: 'Read-only role', hint: 'This role may not write to the store', writes: 'the database' } : { badge: 'Read-only file', hint: 'The file cannot be written', writes: 'the file' }
  const label = fileReadOnly ? what.badge : locked ? 'Read-only' : 'Unlocked'
  const hint = fileReadOnly ? what.hint : locked ? 'Nothing can be written until you unlock it' : `Writes from this window change ${what.writes}`
  return (
    <Tooltip label={hint} withArrow>
      <Badge
        className={responsive.noShrink}
        data-testid="lock-badge"
        variant={locked ? 'light' : 'filled'}
        color={locked ? 'gray' : 'orange'}
        style={{ flexShrink: 0 }}
        leftSection={locked ? <IconLock size={12} /> : <IconLockOpen size={12} />}
      >
        {label}
      </Badge>
    </Tooltip>
  )
}

/** The second header row, for the active store. */
export function StoreBar({ tab }: { tab: StoreTab }): ReactNode {
  const { requestUnlock, lock } = useWorkspace()
  const { locked, fileReadOnly, seqNo, path } = tab.info
  const cannotUnlock = tab.info.kind === 'postgres' ? 'This role has no INSERT privilege on the store’s tables, so it cannot be unlocked' : 'The file is read-only, so it cannot be unlocked'
  return (
    <Group className={classes.storeBar} justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Text fw={700} data-testid="store-name" truncate className={classes.storeName} title={path}>
          {storeName(tab.info)}
        </Text>
        <LockBadge tab={tab} />
        <ForkBadge tab={tab} />
        {tab.info.kind === 'sqlite' && (
          <Text size="sm" c="dimmed" truncate className={`${classes.storePath} ${responsive.wideOnly}`}>
            {path}
          </Text>
        )}
      </Group>
      <Group gap="md" wrap="nowrap" className={`${responsive.noShrink} ${classes.iconOnly}`}>
        <ForkButtons tab={tab} />
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          seq-no{' '}
          <Text span fw={700} c="var(--mantine-color-text)" ff="monospace" data-testid="header-seq-no">
            {formatCount(seqNo)}
          </Text>
        </Text>
        {locked ? (
          <Tooltip label={fileReadOnly ? cannotUnlock : 'Allow writes to this store'} withArrow>
            <Button size="xs" variant="default" leftSection={<IconLockOpen size={14} />} onClick={() => void requestUnlock()} disabled={fileReadOnly}>
              Unlock…
            </Button>
          </Tooltip>
        ) : (
          <Button size="xs" variant="light" color="orange" leftSection={<IconLock size={14} />} onClick={() => void lock()}>
            Lock
          </Button>
        )}
      </Group>
    </Group>
  )
}
