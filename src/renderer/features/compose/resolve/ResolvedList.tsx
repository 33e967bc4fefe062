/**
 * The resolved list of the staged batch, for review before the final write:
 * the stored events the user has settled conflicts with, which the commit
 * passes to rebase as `:resolved`.
 */
import type { ReactNode } from 'react'
import { Anchor, CloseButton, Group, Paper, Text, Tooltip } from '@mantine/core'
import { showEvent } from '../../../workspace/navigation'
import { useWorkspace } from '../../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../../workspace/workspace-state'
import { removeResolved, useStaging } from '../staging'

/** The resolved seq-nos with a link to each and a way to take one back. */
export function ResolvedList({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { resolved } = useStaging(storeId)
  const { showSection } = useWorkspace()
  const nav = { storeId, showSection }
  return (
    <Paper withBorder p="sm" radius="md" style={{ flex: 1, minWidth: 0 }} data-testid="resolve-resolved-list">
      <Text fw={600} size="sm">Resolved conflicts</Text>
      {resolved.length === 0 ? (
        <Text size="sm" c="dimmed">No conflict has been resolved in this batch yet.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb={4}>
            The commit tells the store you have seen these stored events and adjusted the batch to them. Take one back to be asked about it again at the next preflight.
          </Text>
          <Group gap="xs">
            {resolved.map((seqNo) => (
              <Group key={seqNo} gap={2} data-testid="resolve-resolved-item" data-seq-no={seqNo}>
                <Anchor size="sm" ff="monospace" onClick={() => showEvent(nav, seqNo)}>
                  event {seqNo}
                </Anchor>
                <Tooltip label={`Take event ${seqNo} back from the resolved list`} withArrow openDelay={300}>
                  <CloseButton size="xs" aria-label={`Take event ${seqNo} back`} onClick={() => removeResolved(storeId, seqNo)} />
                </Tooltip>
              </Group>
            ))}
          </Group>
        </>
      )}
    </Paper>
  )
}
