/**
 * Live validation of the composer's input in the store's worker, debounced:
 * the answer for the latest input arrives a moment after typing stops, and
 * `pending` is true while the shown answer belongs to older input. A lost
 * connection is no error (the connection-lost bar says it): the answer stays
 * pending, and the input is checked again after Reconnect.
 */
import { useEffect, useState } from 'react'
import type { ComposeInput, ComposeValidation } from '../../../shared/compose'
import { call } from '../../ipc/client'
import { failureMessage, isConnectionLoss } from '../../ui/connection-lost'

/** Milliseconds of quiet typing before validation runs. */
export const VALIDATE_DELAY_MS = 200

/** The validation state of one input. */
export interface ValidationState {
  readonly result: ComposeValidation | null
  /** True until the result belongs to the current input. */
  readonly pending: boolean
  readonly error: string | null
}

/** Validate `input` (debounced) for the store `storeId`. */
export function useValidation(storeId: string, input: ComposeInput, lost = false): ValidationState {
  const key = JSON.stringify(input)
  const [answer, setAnswer] = useState<{ key: string; result: ComposeValidation | null; error: string | null }>({ key: '', result: null, error: null })
  useEffect(() => {
    let cancelled = false
    const timer = setTimeout(() => {
      call('compose:validate', { storeId, input: JSON.parse(key) as ComposeInput }).then(
        (result) => !cancelled && setAnswer({ key, result, error: null }),
        (e: unknown) => !cancelled && !isConnectionLoss(e) && setAnswer((previous) => ({ key, result: previous.result, error: failureMessage(e) }))
      )
    }, VALIDATE_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [storeId, key, lost])
  return { result: answer.result, pending: answer.key !== key, error: answer.error }
}

/** Validate `input` now (when switching modes, the answer is needed at once). */
export function validateNow(storeId: string, input: ComposeInput): Promise<ComposeValidation> {
  return call('compose:validate', { storeId, input })
}
