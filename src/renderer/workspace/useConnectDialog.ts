/** The Connect to PostgreSQL dialog's state: open or not, for a new connection or a recent one's password. */
import { useCallback, useMemo, useState } from 'react'
import type { RecentConnection, StoreInfo } from '../../shared/ipc/types'
import { notifyError } from '../ui/notify'
import type { StoreOpener } from './useStoreOpener'

/** Why the dialog was shown for a recent connection, and what happens once it connected (e.g. a merge into it goes on). */
export interface ConnectPurpose {
  /** One sentence shown above the password. */
  readonly note: string
  connected(info: StoreInfo): void
}

/** What the shell, the palette and the empty state use. */
export interface ConnectDialog {
  /** True while the Connect to PostgreSQL dialog is shown. */
  readonly connectOpen: boolean
  /** The recent connection the dialog asks a password for (null: a new connection). */
  readonly connectRecent: RecentConnection | null
  /** Why the dialog asks (null: the user opened it). */
  readonly connectPurpose: ConnectPurpose | null
  /** Show the Connect dialog (for a new connection, or the password of `recent`, maybe for `purpose`), or hide it. */
  showConnect(show: boolean, recent?: RecentConnection, purpose?: ConnectPurpose): void
  /** Connect to a recent connection: at once when main holds its password, else through the dialog. */
  openRecentConnection(recent: RecentConnection): Promise<void>
}

/** The dialog's state; `openConnection` is the workspace's open flow. */
export function useConnectDialog(openConnection: StoreOpener['openConnection']): ConnectDialog {
  const [connectOpen, setConnectOpen] = useState(false)
  const [connectRecent, setConnectRecent] = useState<RecentConnection | null>(null)
  const [connectPurpose, setConnectPurpose] = useState<ConnectPurpose | null>(null)
  const showConnect = useCallback((show: boolean, recent?: RecentConnection, purpose?: ConnectPurpose) => {
    setConnectRecent(recent ?? null)
    setConnectPurpose(purpose ?? null)
    setConnectOpen(show)
  }, [])
  const openRecentConnection = useCallback(
    async (recent: RecentConnection) => {
      if (!recent.hasPassword) return showConnect(true, recent)
      await openConnection({ source: 'recent', id: recent.id }).catch((e: unknown) => notifyError(`Could not connect to ${recent.label}`, e))
    },
    [openConnection, showConnect]
  )
  return useMemo(
    () => ({ connectOpen, connectRecent, connectPurpose, showConnect, openRecentConnection }),
    [connectOpen, connectRecent, connectPurpose, showConnect, openRecentConnection]
  )
}
