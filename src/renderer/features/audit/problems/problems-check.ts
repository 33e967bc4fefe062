/**
 * The integrity check of a store as shared state: run once in the background
 * after a store opens (the navbar shows the count), again on request from the
 * Problems section, and again by itself after a Reconnect when a lost
 * connection cut it short. The result is kept per store with the revision it
 * ran on, so a later change marks it as out of date.
 */
import { useCallback, useEffect } from 'react'
import type { Problem } from '../../../../shared/browse'
import type { StoreTab } from '../../../workspace/workspace-state'
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
  /**
   * The revision the last run was on when it met a lost connection (the connection-lost bar says so: no error).
   * A Reconnect gives the store a new revision, and the check runs again by itself.
   */
  readonly interruptedAt?: number
}

const NEVER_RUN: CheckState = { result: null, running: false, error: null }
const CHECK = viewKey<CheckState>('audit.problems', NEVER_RUN)

/** Run the check of `storeId` as of `revision` (nothing when one runs already). */
export function runCheck(storeId: string, revision: number): void {
  const before = getViewState(storeId, CHECK)
  if (before.running) return
  const update = (change: Partial<CheckState>): void => setViewState(storeId, CHECK, { ...getViewState(storeId, CHECK), ...change })
  update({ running: true, error: null, interruptedAt: undefined })
  call('store:check', { storeId }).then(
    (problems) => update({ running: false, result: { problems, revision, at: Date.now() } }),
    (e: unknown) => update({ running: false, error: failureMessage(e), interruptedAt: isConnectionLoss(e) ? revision : undefined })
  )
}

/** The check of `storeId` and a function that runs it again. */
export function useCheck(storeId: string, revision: number): CheckState & { run(): void } {
  const [state] = useViewState(storeId, CHECK)
  const run = useCallback(() => runCheck(storeId, revision), [storeId, revision])
  return { ...state, run }
}

/**
 * Whether the check is due without being asked: it never ran, or a lost connection cut it short and the store has been
 * reconnected since (a new revision, the bar gone). Never twice on one revision, so a loss the bar has not yet shown
 * cannot start a loop of failing runs.
 */
export function checkDue(state: CheckState, revision: number, lost: boolean): boolean {
  if (state.running || state.error !== null) return false
  if (state.interruptedAt !== undefined) return !lost && state.interruptedAt !== revision
  return state.result === null
}

/** Runs the check of `tab`'s store in the background when it is due (`checkDue`) and `enabled` (mount it for every open store). */
export function useBackgroundCheck(tab: StoreTab, enabled = true): CheckState {
  const { storeId } = tab.info
  const { revision } = tab
  const [state] = useViewState(storeId, CHECK)
  const due = enabled && checkDue(state, revision, Boolean(tab.disconnected))
  useEffect(() => {
    if (due) runCheck(storeId, revision)
  }, [due, storeId, revision])
  return state
}
