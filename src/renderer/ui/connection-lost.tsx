/**
 * While a store's connection is lost, the connection-lost bar is the one
 * place that says so: views keep their last data (dimmed by the shell) and
 * show no error of their own, then load again after Reconnect. A one-off
 * action (a button) is disabled meanwhile, with `ReconnectHint` beside it.
 */
import { createContext, useContext, type ReactNode } from 'react'
import { Text } from '@mantine/core'
import { IpcCallError, messageOf } from '../ipc/client'

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
