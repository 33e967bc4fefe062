/**
 * Load data for a view and reload it when `key` changes (e.g. a store's
 * revision). The previous data stays on screen while the new request runs.
 * At most one request runs per view: keys that change meanwhile collapse into
 * one more request for the latest key, so a store that changes faster than it
 * can be counted never piles up work in its worker.
 */
import { useEffect, useRef, useState } from 'react'
import { messageOf } from '../ipc/client'

/** The latest data, the latest error, and whether the data is older than the current key. */
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

/** Run `load` for the current `key` (`load` is read when a request starts). */
export function useRequest<T>(key: string, load: () => Promise<T>): RequestState<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, error: null, key: null })
  const latest = useRef({ key, load })
  const running = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    latest.current = { key, load }
  })

  useEffect(() => {
    mounted.current = true
    const runLatest = (): void => {
      if (running.current) return
      running.current = true
      const { key: requested, load: run } = latest.current
      run().then(
        (data) => mounted.current && setAnswer({ data, error: null, key: requested }),
        (e: unknown) => mounted.current && setAnswer((previous) => ({ data: previous.data, error: messageOf(e), key: requested }))
      ).finally(() => {
        running.current = false
        if (mounted.current && latest.current.key !== requested) runLatest()
      })
    }
    runLatest()
    return () => {
      mounted.current = false
    }
  }, [key])

  return { data: answer.data, error: answer.error, loading: answer.key !== key }
}
