/**
 * The one IPC contract between renderer and main: channel → zod request schema
 * → response type. The preload exposes exactly this, the handlers validate
 * every payload against it.
 */
import { z } from 'zod'
import { channelNames, pushEventNames } from './channels'
import type { StoreCounts, EventPage } from '../browse'
import type { TableNames } from '../domain'

const tableNames = z.object({
  event: z.string().min(1),
  action: z.string().min(1),
  effect: z.string().min(1),
  trigger: z.string().min(1)
})

const storeRef = z.object({ storeId: z.string().min(1) })

/** Request schemas, one per channel. */
export const requestSchemas = {
  'store:open': z.object({ path: z.string().min(1), readOnly: z.boolean().default(true), tables: tableNames.optional() }),
  'store:create': z.object({ path: z.string().min(1), tables: tableNames.optional() }),
  'store:close': storeRef,
  'store:info': storeRef,
  'store:unlock': storeRef,
  'store:lock': storeRef,
  'store:page': storeRef.extend({
    limit: z.number().int().min(1).max(1000),
    after: z.number().int().min(0).optional(),
    before: z.number().int().min(0).optional()
  }),
  'store:rebase': storeRef.extend({
    eventsEdn: z.string(),
    base: z.number().int().min(1),
    resolved: z.array(z.number().int().min(0)).default([]),
    dry: z.boolean().default(false)
  }),
  'app:recent': z.object({})
} as const satisfies Record<(typeof channelNames)[number], z.ZodType>

/** Channel names of request/response calls. */
export type Channel = keyof typeof requestSchemas

/** What a store looks like to the renderer. */
export interface StoreInfo {
  readonly storeId: string
  readonly path: string
  readonly tables: TableNames
  readonly readOnly: boolean
  readonly seqNo: number
  readonly counts: StoreCounts
}

/** Rebase outcome: the library's result map as EDN text plus a summary. */
export interface RebaseSummary {
  readonly result: 'ok' | 'conflict' | 'invalid-seq-no' | 'write-conflict'
  readonly edn: string
  readonly eventCount: number
}

/** Response value type per channel. */
export interface ResponseValues {
  'store:open': StoreInfo
  'store:create': StoreInfo
  'store:close': null
  'store:info': StoreInfo
  'store:unlock': StoreInfo
  'store:lock': StoreInfo
  'store:page': EventPage
  'store:rebase': RebaseSummary
  'app:recent': string[]
}

/** Why a call failed: store error codes plus IPC-level ones. */
export interface IpcError {
  readonly code: string
  readonly message: string
}

/** Every response crosses the boundary as data, never as a thrown error. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

/** Request payload the caller passes (schema input, defaults optional). */
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>

/** Events pushed from main. */
export interface PushEvents {
  'store:changed': { readonly storeId: string; readonly seqNo: number }
  progress: { readonly operation: string; readonly done: number; readonly total: number }
  /** The File menu or the command line asks the window to open this path. */
  'app:open-request': { readonly path: string }
  /** File ▸ New store… chose this path. */
  'app:create-request': { readonly path: string }
}

/** The API the preload exposes as `window.coherence`. */
export interface CoherenceApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseValues[C]>>
  on<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void
}

/** Channel names as a runtime list (for registration and preload checks). */
export const channels: readonly Channel[] = channelNames
/** Push event names as a runtime list. */
export const pushEvents: readonly (keyof PushEvents)[] = pushEventNames
