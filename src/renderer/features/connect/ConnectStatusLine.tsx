/** What Test connection (or Connect) found, as one sentence: teal when it worked, red when not. */
import type { ReactNode } from 'react'
import { Alert } from '@mantine/core'
import type { ConnectStatus } from './useConnectForm'

/** Nothing while idle or busy. */
export function ConnectStatusLine({ status }: { status: ConnectStatus }): ReactNode {
  if (status.kind !== 'ok' && status.kind !== 'failed') return null
  return (
    <Alert color={status.kind === 'ok' ? 'teal' : 'red'} variant="light" data-testid="connect-status" role="status">
      {status.message}
    </Alert>
  )
}
