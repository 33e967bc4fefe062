/**
 * Load data for a view and reload it when `key` changes (e.g. a store's
 * revision). The previous data stays on screen while the new request runs,
 * and answers that arrive out of order are dropped.
 */
import { useEffect, useState } from 'react'
import { messageOf } from '../ipc/client'

/** The latest data, the latest error, and whether a request for the current key is still running. */
export interface RequestState<T> {
  readonly data: T | null
  readonly error: string | null
  readonly loading: boolean
}

interface Answer<T> {
  readonly data: T | null
  readonly error: string | null
  /** The key this answer belongs to. */
  readonly key: string | null
}

/** Run `load` whenever `key` changes (`load` itself is read only when the key changes). */
export function useRequest<T>(key: string, load: () => Promise<T>): RequestState<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, error: null, key: null })
  useEffect(() => {
    let current = true
    load().then(
      (data) => current && setAnswer({ data, error: null, key }),
      (e: unknown) => current && setAnswer((previous) => ({ data: previous.data, error: messageOf(e), key }))
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on key changes only
  }, [key])
  return { data: answer.data, error: answer.error, loading: answer.key !== key }
}
