/**
 * Connect to PostgreSQL…: the form, Test connection (main opens the store
 * read-only, reports the tables it found or one sentence why not, and closes
 * it) and Connect (the store opens read-only in a tab, shown as `user@host/db`).
 */
import type { ReactNode } from 'react'
import { Button, Modal, Stack, Text } from '@mantine/core'
import type { RecentConnection } from '../../../shared/ipc/types'
import type { ConnectPurpose } from '../../workspace/useConnectDialog'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { ConnectFormFields } from './ConnectFormFields'
import { ConnectStatusLine } from './ConnectStatusLine'
import { useConnectForm } from './useConnectForm'
import { ModalActions } from '../../ui/modal/ModalActions'

function ConnectForm({ recent, purpose }: { recent: RecentConnection | null; purpose: ConnectPurpose | null }): ReactNode {
  const { opener, showConnect } = useWorkspace()
  const { fields, update, status, test, connect } = useConnectForm(recent, opener.openConnection)
  const busy = status.kind === 'busy'
  const submit = async (): Promise<void> => {
    const opened = await connect()
    if (!opened) return
    showConnect(false)
    purpose?.connected(opened)
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Stack>
        {purpose && (
          <Text size="sm" data-testid="connect-purpose">
            {purpose.note}
          </Text>
        )}
        <ConnectFormFields fields={fields} update={update} recent={recent} />
        <ConnectStatusLine status={status} />
        <ModalActions>
          <Button variant="default" onClick={() => showConnect(false)}>
            Cancel
          </Button>
          <Button variant="light" onClick={() => void test()} loading={busy && status.action === 'test'} disabled={busy}>
            Test connection
          </Button>
          <Button type="submit" loading={busy && status.action === 'connect'} disabled={busy}>
            Connect
          </Button>
        </ModalActions>
      </Stack>
    </form>
  )
}

/** The dialog; the store opens read-only, like a file. */
export function ConnectPostgresModal(): ReactNode {
  const { connectOpen, connectRecent, connectPurpose, showConnect } = useWorkspace()
  return (
    <Modal opened={connectOpen} onClose={() => showConnect(false)} title="Connect to PostgreSQL" centered size="lg">
      <ConnectForm key={connectRecent?.id ?? 'new'} recent={connectRecent} purpose={connectPurpose} />
    </Modal>
  )
}
