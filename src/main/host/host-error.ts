/**
 * Errors of the store host, and the one function that turns any failure into
 * the `{ code, message }` data that crosses to main and on to the window.
 */
import { CodedError } from '../../shared/coded-error'
import { isErrorCode, type IpcError, type IpcErrorCode } from '../../shared/ipc/errors'

/** A failure with a contract error code and a plain sentence. */
export class HostError extends CodedError<IpcErrorCode> {
  override readonly name = 'HostError'
}

/**
 * `{ code, message }` for any thrown value: a known code (StoreError,
 * HostError) is kept; anything else is `internal` with its message.
 */
export function toIpcError(e: unknown): IpcError {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  const message = e instanceof Error ? e.message : String(e)
  if (isErrorCode(code)) return { code, message }
  return { code: 'internal', message: `Something went wrong inside the app: ${message}` }
}
