/**
 * The one entry for every request from the window (Electron IPC in the app,
 * a Playwright binding in the end-to-end tests): check the sender, the
 * channel and the payload, refuse writes to locked stores, run the handler,
 * and answer with data — nothing invalid is ever executed, nothing is thrown.
 */
import { contract, isWriteChannel, type Channel } from '../../shared/ipc/contract'
import { isChannel } from '../../shared/ipc/channels'
import { failure, type IpcResult } from '../../shared/ipc/errors'
import { toIpcError } from '../host/host-error'
import type { IpcDeps } from './deps'
import { handlers } from './handlers'

/** Lists zod issues as `path: message; …`. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'request'}: ${i.message}`).join('; ')
}

/**
 * Handle one request.
 * @param trustedSender whether it came from our window's main frame loaded from our own files
 */
export async function dispatch(deps: IpcDeps, channel: unknown, payload: unknown, trustedSender: boolean): Promise<IpcResult<unknown>> {
  if (!trustedSender) {
    return failure('forbidden-sender', 'This request came from a page the app does not trust, so it was ignored.')
  }
  if (!isChannel(channel)) {
    return failure('unknown-channel', `The app has no request called "${String(channel).slice(0, 80)}".`)
  }
  const parsed = contract[channel].request.safeParse(payload)
  if (!parsed.success) {
    return failure('invalid-request', `The ${channel} request is invalid (${describeIssues(parsed.error.issues)}); nothing was done.`)
  }
  const request = parsed.data as { storeId?: string }
  if (isWriteChannel(channel) && request.storeId !== undefined && deps.host.isLocked(request.storeId)) {
    return failure('store-locked', 'This store is read-only. Unlock it (the lock button in the header) before writing.')
  }
  try {
    const handler = handlers[channel as Channel] as (d: IpcDeps, r: unknown) => Promise<unknown>
    return { ok: true, value: await handler(deps, parsed.data) }
  } catch (e) {
    return { ok: false, error: toIpcError(e) }
  }
}
