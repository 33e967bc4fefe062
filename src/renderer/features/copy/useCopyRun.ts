/**
 * One copy as the dialog follows it: choosing, copying (rows written of the
 * total, from main's progress events for this store's copy), done (what main
 * reported, and the target it went to), failed (main's one sentence), or
 * stopped (Cancel while it ran: main wrote nothing to the target).
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
  /** `cancelling`: Cancel was clicked; main stops the copy at its next page. */
  | { readonly kind: 'copying'; readonly done: number; readonly total: number; readonly cancelling: boolean }
  | { readonly kind: 'done'; readonly outcome: CopyDone; readonly to: CopyTo }
  /** `to` is the target that failed (the sentence is about it, not about one typed since). */
  | { readonly kind: 'failed'; readonly message: string; readonly to: CopyTo }
  /** Cancelled while copying: `target` names what was left as it was. */
  | { readonly kind: 'stopped'; readonly target: string; readonly to: CopyTo }

/** The sentence a cancelled copy is reported in. */
export function stoppedSentence(target: string): string {
  return `Copy cancelled; nothing was written to ${target}.`
}

/** The phase, `run`, which copies the store `storeId` to `to`, and `cancel`, which stops that copy. */
export function useCopyRun(storeId: string) {
  const [phase, setPhase] = useState<CopyPhase>({ kind: 'choosing' })
  const copying = phase.kind === 'copying'
  useEffect(() => {
    if (!copying) return
    return subscribe('progress', (event) => {
      if (event.operation !== 'copy' || event.storeId !== storeId || event.finished) return
      setPhase((p) => (p.kind === 'copying' ? { ...p, done: event.done, total: event.total } : p))
    })
  }, [copying, storeId])
  const run = async (to: CopyTo): Promise<void> => {
    setPhase({ kind: 'copying', done: 0, total: 0, cancelling: false })
    try {
      const outcome = await call('store:copy', { storeId, to })
      if (outcome.result === 'ok') setPhase({ kind: 'done', outcome, to })
      else if (outcome.result === 'stopped') setPhase({ kind: 'stopped', target: outcome.target, to })
      else setPhase({ kind: 'choosing' })
    } catch (e) {
      setPhase({ kind: 'failed', message: messageOf(e), to })
    }
  }
  const cancel = async (): Promise<void> => {
    setPhase((p) => (p.kind === 'copying' ? { ...p, cancelling: true } : p))
    // False only when the copy has just ended: its own answer then says how.
    await call('store:copy-cancel', { storeId }).catch(() => false)
  }
  return { phase, run, cancel }
}
