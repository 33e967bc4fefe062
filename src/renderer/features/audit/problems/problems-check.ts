/**
 * The integrity check of a store as shared state: run once in the background
 * after a store opens (the navbar shows the count), again on request from the
 * Problems section. The result is kept per store with the revision it ran
 * on, so a later change marks it as out of date.
 */
import { useCallback, useEffect } from 'react'
import type { Problem } from '../../../../shared/browse'
import { call } from '../../../ipc/client'
import { failureMessage, isConnectionLoss } from '../../../ui/connection-lost'
import { getViewState, setViewState, useViewState, viewKey } from '../../../workspace/view-state'

/** A finished check. */
export interface CheckResult {
  readonly problems: readonly Problem[]
  /** The store revision the check ran on. */
  readonly revision: number
  readonly at: number
}

/** The check of one store: its last result, whether one runs now, and the last failure. */
export interface CheckState {
  readonly result: CheckResult | null
  readonly running: boolean
  readonly error: string | null
  /** The last run met a lost connection (the connection-lost bar said so): no error, and no background rerun; the user runs it after Reconnect. */
  readonly interrupted?: boolean
}

const NEVER_RUN: CheckState = { result: null, running: false, error: null }
const CHECK = viewKey<CheckState>('audit.problems', NEVER_RUN)

/** Run the check of `storeId` as of `revision` (nothing when one runs already). */
export function runCheck(storeId: string, revision: number): void {
  const before = getViewState(storeId, CHECK)
  if (before.running) return
  const update = (change: Partial<CheckState>): void => setViewState(storeId, CHECK, { ...getViewState(storeId, CHECK), ...change })
  update({ running: true, error: null, interrupted: false })
  call('store:check', { storeId }).then(
    (problems) => update({ running: false, result: { problems, revision, at: Date.now() } }),
    (e: unknown) => update({ running: false, error: failureMessage(e), interrupted: isConnectionLoss(e) })
  )
}

/** The check of `storeId` and a function that runs it again. */
export function useCheck(storeId: string, revision: number): CheckState & { run(): void } {
  const [state] = useViewState(storeId, CHECK)
  const run = useCallback(() => runCheck(storeId, revision), [storeId, revision])
  return { ...state, run }
}

/** Runs the check once per store, in the background, when it never ran and `enabled` (mount it for every open store). */
export function useBackgroundCheck(storeId: string, revision: number, enabled = true): CheckState {
  const [state] = useViewState(storeId, CHECK)
  const never = state.result === null && !state.running && state.error === null && state.interrupted !== true
  useEffect(() => {
    if (never && enabled) runCheck(storeId, revision)
  }, [never, enabled, storeId, revision])
  return state
}
