/** Confirms unlocking a store for writing. */
import type { ReactNode } from 'react'
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import { storeName } from '../ui/format'

/** Shown while a store waits for the user to confirm unlocking it. */
export function UnlockModal(): ReactNode {
  const { unlockTarget, answerUnlock } = useWorkspace()
  return (
    <Modal opened={unlockTarget !== null} onClose={() => void answerUnlock(false)} title="Unlock this store for writing?" centered>
      {unlockTarget && (
        <Stack>
          <Text size="sm">
            While <Code>{storeName(unlockTarget)}</Code> is unlocked, writing actions of this window append events to the store at once.
            Programs that read it (services, the CLI) will see them.
          </Text>
          <Text size="sm" c="dimmed">
            Lock it again at any time; it opens read-only next time.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void answerUnlock(false)} data-autofocus>
              Keep read-only
            </Button>
            <Button color="orange" onClick={() => void answerUnlock(true)}>
              Unlock
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
