/**
 * The fork controls of the store header: "Fork to a file…" for any store,
 * and on a fork the FORK badge naming its origin with "Merge into origin…".
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { ForkSummary } from '../../../shared/fork'
import { call } from '../../ipc/client'
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core'
import { IconDatabase, IconFork, IconMerge } from '../../ui/icons'
import { requestCopy } from '../copy/CopyStoreModal'
import { originName } from '../../ui/format'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { forkToFile, mergeIntoOrigin } from './fork-actions'

/** The fork's record as main has it now (how far it is merged changes when its origin commits a merge), refreshed by `refresh`. */
function useForkSummary(tab: StoreTab): [ForkSummary | undefined, () => void] {
  // Kept with the store it belongs to: the header shows one tab after another.
  const [fresh, setFresh] = useState<{ readonly storeId: string; readonly summary: ForkSummary | null } | null>(null)
  const { storeId, fork } = tab.info
  const refresh = useCallback(() => {
    if (fork) void call('fork:info', { storeId }).then((summary) => setFresh({ storeId, summary }), () => undefined)
  }, [storeId, fork])
  useEffect(refresh, [refresh, tab.revision])
  return [fresh?.storeId === storeId ? (fresh.summary ?? undefined) : fork, refresh]
}

/** The FORK badge and its origin (nothing for a store that is not a fork). */
export function ForkBadge({ tab }: { tab: StoreTab }): ReactNode {
  const [fork, refresh] = useForkSummary(tab)
  if (!fork) return null
  const merged = fork.mergedUpTo > fork.forkSeqNo ? `; merged into it up to seq-no ${fork.mergedUpTo}` : '; nothing merged back yet'
  return (
    <Tooltip label={`Forked from ${fork.origin} at its seq-no ${fork.forkSeqNo}${merged}`} withArrow multiline maw={420}>
      <Group gap={6} wrap="nowrap" data-testid="fork-badge" onMouseEnter={refresh} style={{ minWidth: 0 }}>
        <Badge color="grape" variant="filled" leftSection={<IconFork size={12} />} style={{ flexShrink: 0 }}>
          Fork
        </Badge>
        <Text size="sm" c="dimmed" truncate>
          of {originName(fork)}
        </Text>
      </Group>
    </Tooltip>
  )
}

/** "Fork to a file…" and, on a fork, "Merge into origin…". */
export function ForkButtons({ tab }: { tab: StoreTab }): ReactNode {
  const workspace = useWorkspace()
  return (
    <Group gap="xs" wrap="nowrap">
      {tab.info.fork && (
        <Tooltip label={`Stage this fork's new events in ${originName(tab.info.fork)} and preflight them there`} withArrow>
          <Button size="xs" variant="light" color="grape" leftSection={<IconMerge size={14} />} onClick={() => void mergeIntoOrigin(workspace, tab)} data-testid="merge-button">
            Merge into origin…
          </Button>
        </Tooltip>
      )}
      <Tooltip label="Copy this store into a new file or an empty PostgreSQL database" withArrow>
        <Button size="xs" variant="default" leftSection={<IconDatabase size={14} />} onClick={() => requestCopy(tab.info.storeId)} data-testid="copy-button">
          Copy to…
        </Button>
      </Tooltip>
      <Tooltip label="Copy this store into a new file you can change freely, then merge it back" withArrow>
        <Button size="xs" variant="default" leftSection={<IconFork size={14} />} onClick={() => void forkToFile(workspace, tab)} data-testid="fork-button">
          Fork to a file…
        </Button>
      </Tooltip>
    </Group>
  )
}
