/** The open store's info, kept fresh on store:changed, plus open/lock/unlock actions. */
import { useCallback, useEffect, useState } from 'react'
import type { StoreInfo } from '../../../shared/ipc/contract'
import { invoke, subscribe } from '../api'

/** State and actions of the current store. */
export function useStore() {
  const [info, setInfo] = useState<StoreInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  const apply = useCallback((r: { ok: true; value: StoreInfo } | { ok: false; error: { message: string } }) => {
    if (r.ok) {
      setInfo(r.value)
      setError(null)
      setVersion((v) => v + 1)
    } else setError(r.error.message)
  }, [])

  const open = useCallback(async (path: string) => {
    apply(await invoke('store:open', { path, readOnly: true }))
  }, [apply])
  const create = useCallback(async (path: string) => {
    apply(await invoke('store:create', { path }))
  }, [apply])
  const setLocked = useCallback(async (locked: boolean) => {
    if (!info) return
    apply(await invoke(locked ? 'store:lock' : 'store:unlock', { storeId: info.storeId }))
  }, [apply, info])

  useEffect(() => subscribe('app:open-request', ({ path }) => void open(path)), [open])
  useEffect(() => subscribe('app:create-request', ({ path }) => void create(path)), [create])
  useEffect(() => subscribe('store:changed', ({ storeId }) => {
    void invoke('store:info', { storeId }).then((r) => {
      if (r.ok) apply(r)
    })
  }), [apply])

  return { info, error, version, open, setLocked, dismissError: () => setError(null) }
}
