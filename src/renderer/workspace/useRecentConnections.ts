/** The recent PostgreSQL connections main remembers (ids and `user@host/db` labels; main keeps the URLs). */
import { useCallback, useEffect, useState } from 'react'
import type { RecentConnection } from '../../shared/ipc/types'
import { call } from '../ipc/client'

/** The list and what changes it. */
export interface RecentConnections {
  readonly connections: readonly RecentConnection[]
  refreshConnections(): void
  forgetConnection(id?: string): Promise<void>
}

/** The recent connections, loaded once and after every change. */
export function useRecentConnections(): RecentConnections {
  const [connections, setConnections] = useState<readonly RecentConnection[]>([])
  const refreshConnections = useCallback(() => {
    call('postgres:recent', {}).then(setConnections, () => undefined)
  }, [])
  const forgetConnection = useCallback(async (id?: string) => {
    setConnections(await call('postgres:forget-recent', id === undefined ? {} : { id }))
  }, [])
  useEffect(refreshConnections, [refreshConnections])
  return { connections, refreshConnections, forgetConnection }
}
