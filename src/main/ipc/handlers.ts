/**
 * One small handler per channel, registered from one table. `dispatch`
 * checks the sender, validates the payload with zod and turns every failure
 * into typed data; nothing invalid is ever executed.
 */
import { requestSchemas, type Channel, type IpcResult, type ResponseValues, type StoreInfo, type RebaseSummary } from '../../shared/ipc/contract'
import type { z } from 'zod'
import { parseNewEvents, rebaseResultToEdn } from '../core/domain'
import { printEdn, readEdn } from '../core/edn'
import type { StoreRegistry } from './registry'

/** Everything a handler needs. */
export interface HandlerContext {
  readonly registry: StoreRegistry
  /** Recent files, most recent first. */
  readonly recent: () => string[]
  /** Record a successfully opened path. */
  readonly remember: (path: string) => void
}

type Handler<C extends Channel> = (ctx: HandlerContext, req: z.output<(typeof requestSchemas)[C]>) => Promise<ResponseValues[C]>

async function info(ctx: HandlerContext, storeId: string): Promise<StoreInfo> {
  const { path, store } = ctx.registry.get(storeId)
  const counts = await store.counts()
  return { storeId, path, tables: store.tables, readOnly: store.readOnly, seqNo: await store.currentSeqNo(), counts }
}

async function rebase(ctx: HandlerContext, req: z.output<(typeof requestSchemas)['store:rebase']>): Promise<RebaseSummary> {
  const { store } = ctx.registry.get(req.storeId)
  if (store.readOnly && !req.dry) {
    throw Object.assign(new Error('This store is locked (read-only). Unlock it before writing.'), { code: 'locked' })
  }
  const parsed = parseNewEvents(readEdn(req.eventsEdn))
  if (!parsed.ok) {
    throw Object.assign(new Error(parsed.errors.map((e) => e.message).join('\n')), { code: 'invalid-events' })
  }
  const result = await store.rebase(req.base, parsed.events, { resolved: req.resolved, dry: req.dry })
  const eventCount = result.result === 'ok' || result.result === 'conflict' ? result.events.length : 0
  return { result: result.result, edn: printEdn(rebaseResultToEdn(result)), eventCount }
}

/** The handler table: one entry per channel of the contract. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'store:open': async (ctx, req) => {
    const id = await ctx.registry.open(req.path, req.readOnly, req.tables)
    ctx.remember(req.path)
    return info(ctx, id)
  },
  'store:create': async (ctx, req) => {
    const id = await ctx.registry.create(req.path, req.tables)
    ctx.remember(req.path)
    return info(ctx, id)
  },
  'store:close': async (ctx, req) => {
    await ctx.registry.close(req.storeId)
    return null
  },
  'store:info': (ctx, req) => info(ctx, req.storeId),
  'store:unlock': async (ctx, req) => {
    await ctx.registry.reopen(req.storeId, false)
    return info(ctx, req.storeId)
  },
  'store:lock': async (ctx, req) => {
    await ctx.registry.reopen(req.storeId, true)
    return info(ctx, req.storeId)
  },
  'store:page': (ctx, req) => ctx.registry.get(req.storeId).store.pageEvents({ limit: req.limit, after: req.after, before: req.before }),
  'store:rebase': rebase,
  'app:recent': async (ctx) => ctx.recent()
}

function toError(e: unknown): { code: string; message: string } {
  const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'internal'
  return { code, message: e instanceof Error ? e.message : String(e) }
}

/**
 * Handle one IPC call: reject unknown channels, untrusted senders and invalid
 * payloads with typed errors, otherwise run the channel's handler.
 */
export async function dispatch(
  ctx: HandlerContext,
  channel: string,
  payload: unknown,
  senderAllowed: boolean
): Promise<IpcResult<unknown>> {
  if (!senderAllowed) return { ok: false, error: { code: 'forbidden-sender', message: 'This request came from a frame the app does not trust; it was ignored.' } }
  if (!Object.hasOwn(requestSchemas, channel)) return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${channel}".` } }
  const schema = requestSchemas[channel as Channel]
  const parsed = schema.safeParse(payload)
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')
    return { ok: false, error: { code: 'invalid-request', message: `Invalid ${channel} request: ${message}` } }
  }
  try {
    const handler = handlers[channel as Channel] as (c: HandlerContext, r: unknown) => Promise<unknown>
    return { ok: true, value: await handler(ctx, parsed.data) }
  } catch (e) {
    return { ok: false, error: toError(e) }
  }
}
