/**
 * One copy as the dialog follows it: choosing, copying (rows written of the
 * total, from main's progress events for this store's copy), done (what main
 * reported, and the target it went to), or failed (main's one sentence).
 */
import { useEffect, useState } from 'react'
import type { StoreCopyOutcome } from '../../../shared/fork'
import { call, messageOf, subscribe } from '../../ipc/client'
import type { CopyTo } from './useCopyTarget'

/** A finished copy. */
export type CopyDone = Extract<StoreCopyOutcome, { result: 'ok' }>

/** Where the dialog is. */
export type CopyPhase =
  | { readonly kind: 'choosing' }
  | { readonly kind: 'copying'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly outcome: CopyDone; readonly to: CopyTo }
  /** `to` is the target that failed (the sentence is about it, not about one typed since). */
  | { readonly kind: 'failed'; readonly message: string; readonly to: CopyTo }

/** The phase and `run`, which copies the store `storeId` to `to`. */
export function useCopyRun(storeId: string) {
  const [phase, setPhase] = useState<CopyPhase>({ kind: 'choosing' })
  const copying = phase.kind === 'copying'
  useEffect(() => {
    if (!copying) return
    return subscribe('progress', (event) => {
      if (event.operation !== 'copy' || event.storeId !== storeId || event.finished) return
      setPhase((p) => (p.kind === 'copying' ? { kind: 'copying', done: event.done, total: event.total } : p))
    })
  }, [copying, storeId])
  const run = async (to: CopyTo): Promise<void> => {
    setPhase({ kind: 'copying', done: 0, total: 0 })
    try {
      const outcome = await call('store:copy', { storeId, to })
      setPhase(outcome.result === 'ok' ? { kind: 'done', outcome, to } : { kind: 'choosing' })
    } catch (e) {
      setPhase({ kind: 'failed', message: messageOf(e), to })
    }
  }
  return { phase, run }
}
