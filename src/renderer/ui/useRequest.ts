/**
 * Load data for a view and reload it when `key` changes (e.g. a store's
 * revision). The previous data stays on screen while the new request runs.
 * At most one request runs per view: keys that change meanwhile collapse into
 * one more request for the latest key, so a store that changes faster than it
 * can be counted never piles up work in its worker.
 */
import { useEffect, useRef, useState } from 'react'
import { failureMessage, useConnectionLost } from './connection-lost'

/**
 * The latest data, the latest error, and whether the data is older than the
 * current key. A lost connection is no error here (the connection-lost bar
 * says it once): the last data stays and the next key loads it again.
 */
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

/** The error to keep from a failure: none for a lost connection, or for anything failing while it is lost. */
function errorOf(e: unknown, lost: boolean): string | null {
  return lost ? null : failureMessage(e)
}

/** Run `load` for the current `key` (`load` is read when a request starts). */
export function useRequest<T>(key: string, load: () => Promise<T>): RequestState<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, error: null, key: null })
  const lost = useConnectionLost()
  const latest = useRef({ key, load, lost })
  const running = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    latest.current = { key, load, lost }
  })

  useEffect(() => {
    mounted.current = true
    const runLatest = (): void => {
      if (running.current) return
      running.current = true
      const { key: requested, load: run } = latest.current
      run().then(
        (data) => mounted.current && setAnswer({ data, error: null, key: requested }),
        (e: unknown) => mounted.current && setAnswer((previous) => ({ data: previous.data, error: errorOf(e, latest.current.lost), key: requested }))
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

  return { data: answer.data, error: lost ? null : answer.error, loading: answer.key !== key }
}
