/**
 * While a store's connection is lost, the connection-lost bar is the one
 * place that says so: views keep their last data (dimmed by the shell) and
 * show no error of their own, then load again after Reconnect. A one-off
 * action (a button) is disabled meanwhile, with `ReconnectHint` beside it.
 * A view with no last data to keep (its work never finished before the loss)
 * says so in its place with `LostNotice`.
 */
import { createContext, useContext, type ReactNode } from 'react'
import { Group, Paper, Text } from '@mantine/core'
import { IpcCallError, messageOf } from '../ipc/client'
import { IconPlug } from './icons'

const ConnectionLost = createContext(false)

/** Tells the views below whether their store's connection is lost. */
export function ConnectionLostProvider({ lost, children }: { lost: boolean; children: ReactNode }): ReactNode {
  return <ConnectionLost.Provider value={lost}>{children}</ConnectionLost.Provider>
}

/** True while the connection-lost bar is up for the store the view shows. */
export function useConnectionLost(): boolean {
  return useContext(ConnectionLost)
}

/** True for a failure the connection-lost bar speaks for (the server cannot be reached, or the connection dropped). */
export function isConnectionLoss(e: unknown): boolean {
  return e instanceof IpcCallError && e.code === 'unreachable'
}

/** The message a view shows for a failure: none when the connection-lost bar speaks for it. */
export function failureMessage(e: unknown): string | null {
  return isConnectionLoss(e) ? null : messageOf(e)
}

/** Beside a control disabled while the connection is lost: a quiet "Reconnect to `to`." (nothing while connected). */
export function ReconnectHint({ to }: { to: string }): ReactNode {
  const lost = useConnectionLost()
  if (!lost) return null
  return (
    <Text size="sm" c="dimmed" data-testid="reconnect-hint">
      Reconnect to {to}.
    </Text>
  )
}

/**
 * In place of a result the connection was lost before it was read: one plain sentence, what happened and what to do.
 * It is the view's current state, not last data, so the shell draws a section showing it at full strength
 * (`data-connection-notice`); show it only where the view keeps no last data.
 */
export function LostNotice({ children, testId }: { children: ReactNode; testId?: string }): ReactNode {
  return (
    <Paper withBorder radius="md" p="md" fz="sm" role="status" data-connection-notice data-testid={testId}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconPlug size={18} aria-hidden style={{ flexShrink: 0 }} />
        <span>{children}</span>
      </Group>
    </Paper>
  )
}
