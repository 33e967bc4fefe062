/**
 * Long operations running in the store workers, from main's progress events.
 * An operation shows only once it has run for a moment, so quick ones never
 * flicker in the header.
 */
import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../shared/ipc/types'
import { subscribe } from '../ipc/client'

/** Operations shorter than this never show. */
export const PROGRESS_SHOW_DELAY_MS = 400

interface Running {
  readonly event: ProgressEvent
  readonly since: number
}

/** The operations that have been running for a while, oldest first. */
export function useProgress(): ProgressEvent[] {
  const [running, setRunning] = useState<ReadonlyMap<string, Running>>(new Map())
  const [now, setNow] = useState(() => Date.now())

  useEffect(
    () =>
      subscribe('progress', (event) => {
        setRunning((previous) => {
          const next = new Map(previous)
          if (event.finished) next.delete(event.operationId)
          else next.set(event.operationId, { event, since: previous.get(event.operationId)?.since ?? Date.now() })
          return next
        })
      }),
    []
  )
  useEffect(() => {
    if (running.size === 0) return
    const timer = setInterval(() => setNow(Date.now()), 200)
    return () => clearInterval(timer)
  }, [running.size])

  return [...running.values()].filter((r) => now - r.since >= PROGRESS_SHOW_DELAY_MS).map((r) => r.event)
}
