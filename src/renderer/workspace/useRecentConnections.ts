/** The recent PostgreSQL connections main remembers (ids and `user@host/db` labels; main keeps the URLs). */
import { useEffect } from 'react'
import { useRecentList } from './useRecentList'
import type { RecentConnection } from '../../shared/ipc/types'
import { call } from '../ipc/client'

/** The list and what changes it. */
export interface RecentConnections {
  readonly connections: readonly RecentConnection[]
  refreshConnections(): void
  forgetConnection(id?: string): Promise<void>
}

const loadConnections = (): Promise<readonly RecentConnection[]> => call('postgres:recent', {})
const forgetConnectionById = (id?: string): Promise<readonly RecentConnection[]> => call('postgres:forget-recent', id === undefined ? {} : { id })

/** The recent connections, loaded once and after every change. */
export function useRecentConnections(): RecentConnections {
  const { items, refresh, forget } = useRecentList(loadConnections, forgetConnectionById)
  useEffect(refresh, [refresh])
  return { connections: items, refreshConnections: refresh, forgetConnection: forget }
}
