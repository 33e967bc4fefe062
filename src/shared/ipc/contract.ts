/**
 * The one IPC contract between the window and main: a single map
 * channel → zod request schema → response type (plus whether the channel
 * writes to a store), and the events main pushes. The preload exposes exactly
 * `CoherenceApi`; main validates every payload against `contract[channel].request`.
 */
import { z } from 'zod'
import type { TableNames } from '../domain'
import type { AddIndexOutcome, EventDetail, EventPage, Problem, SeqNoRange, StoreCounts } from '../browse'
import type { ReplayCount, ReplayPage } from '../replay'
import type { ExportOutcome } from '../export'
import type { Compensation, ConflictDetail, ConflictResolution } from '../resolve'
import type { Channel, PushEventName } from './channels'
import type { IpcResult } from './errors'
import type { AppCommandEvent, ChosenLocation, ConnectionProbe, ProgressEvent, RebaseSummary, RecentConnection, RecentLocation, StartupInfo, StoreInfo } from './types'
import { postgresTargetSchema, recentConnectionIdSchema } from './postgres-schemas'
import type { AuditGraph, BlastRadius, BlastReadSizes, Timeline, TriggerIndexPage } from '../audit'
import type { AggregateDiffView, AggregateHistory, AggregateKindCount, AggregateListPage, AggregateStateView } from '../aggregates'
import type { ComposeValidation, KnownIdentity, RebaseOutcome } from '../compose'
import type { ForkCreateOutcome, ForkSummary, ImportBatchOutcome, MergeOutcome, StoreCopyOutcome } from '../fork'
import { cellIdentitySchema, eventFilterSchema, filePathSchema, graphFocusSchema, locationTokenSchema, storeIdSchema, tableNamesSchema, triggerCursorSchema } from './schemas'
import { composeInputSchema, identityRoleSchema, MAX_STAGED_EVENTS, MAX_EVENT_EDN_LENGTH } from './compose-schemas'

/** A phantom value that carries the response type in the map (never read at runtime). */
function returns<T>(): T {
  return undefined as T
}

const noRequest = z.strictObject({})
const scopeText = z.string().max(1_000_000).optional()
const storeRef = z.strictObject({ storeId: storeIdSchema })

/** A conflict as rebase reported it: the user's base, the stored event, the staged event as EDN, the seq-nos already resolved. */
const conflictRequest = storeRef.extend({
  base: z.number().int().min(1),
  theirs: z.number().int().min(1),
  oursEdn: z.string().min(1).max(16 * 1024 * 1024),
  resolved: z.array(z.number().int().min(1)).max(100_000).optional()
})

/** One per-key choice of a conflict resolution. */
const keyChoiceSchema = z.discriminatedUnion('take', [
  z.strictObject({ key: z.string().min(1).max(100_000), take: z.enum(['ours', 'theirs']) }),
  z.strictObject({ key: z.string().min(1).max(100_000), take: z.literal('edit'), edn: z.string().max(16 * 1024 * 1024) })
])

/**
 * `store:copy`: to a new SQLite file the user chose in main's save dialog
 * (`location`, from `dialog:copy-target`; without it main asks now), or to an
 * empty PostgreSQL database the user typed (the Connect dialog's target).
 */
const copyRequest = storeRef.extend({
  to: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('file'), location: locationTokenSchema.optional() }),
    z.strictObject({ kind: z.literal('postgres'), target: postgresTargetSchema })
  ])
})

const seqNoList = z.array(z.number().int().min(1)).max(100_000)

/**
 * `fork:merge`: `stage` collects the fork's new events and opens its origin
 * (a PostgreSQL origin without a known password: `connect`, then stage again);
 * `record` tells the fork what the origin committed of them (seq-nos the
 * origin tab saw), so the next merge takes only newer events.
 */
const mergeRequest = z.discriminatedUnion('step', [
  storeRef.extend({ step: z.literal('stage') }),
  storeRef.extend({
    step: z.literal('record'),
    originStoreId: storeIdSchema,
    upTo: z.number().int().min(1),
    firstSeqNo: z.number().int().min(1),
    lastSeqNo: z.number().int().min(1),
    resolved: seqNoList
  })
])

/** Upper bound of one rebase batch as EDN text (the window sends typed-in or composed events). */
export const MAX_EVENTS_EDN_LENGTH = 16 * 1024 * 1024

/**
 * The contract. `writes: true` marks channels that modify a store: main and
 * the store host refuse them while the store is locked.
 */
export const contract = {
  'app:startup': { request: noRequest, response: returns<StartupInfo>() },
  'app:recent': { request: noRequest, response: returns<RecentLocation[]>() },
  'app:forget-recent': {
    request: z.strictObject({ path: filePathSchema.optional() }),
    response: returns<RecentLocation[]>()
  },
  /**
   * A file the user dropped on the window, its path read by the preload with
   * `webUtils.getPathForFile` from the real `File`. Only the bridge's
   * `droppedFile` sends it (see BRIDGE_ONLY_CHANNELS): the page cannot.
   */
  'app:dropped-file': { request: z.strictObject({ path: filePathSchema }), response: returns<ChosenLocation>() },
  'dialog:open-store': { request: noRequest, response: returns<ChosenLocation | null>() },
  'dialog:new-store': { request: noRequest, response: returns<ChosenLocation | null>() },
  // PostgreSQL: the Connect dialog's form, or a recent connection by id
  'postgres:test-connection': { request: z.strictObject({ target: postgresTargetSchema }), response: returns<ConnectionProbe>() },
  'postgres:connect': {
    request: z.strictObject({ target: postgresTargetSchema, tables: tableNamesSchema.optional() }),
    response: returns<StoreInfo>()
  },
  'postgres:recent': { request: noRequest, response: returns<RecentConnection[]>() },
  'postgres:forget-recent': { request: z.strictObject({ id: recentConnectionIdSchema.optional() }), response: returns<RecentConnection[]>() },
  'store:detect-tables': { request: z.strictObject({ location: locationTokenSchema }), response: returns<TableNames[]>() },
  'store:open': {
    request: z.strictObject({ location: locationTokenSchema, tables: tableNamesSchema.optional() }),
    response: returns<StoreInfo>()
  },
  'store:create': {
    request: z.strictObject({ location: locationTokenSchema, tables: tableNamesSchema }),
    response: returns<StoreInfo>()
  },
  'store:close': { request: storeRef, response: returns<null>() },
  'store:list': { request: noRequest, response: returns<StoreInfo[]>() },
  'store:info': { request: storeRef, response: returns<StoreInfo>() },
  'store:counts': { request: storeRef, response: returns<StoreCounts>() },
  'store:page': {
    request: storeRef.extend({
      limit: z.number().int().min(1).max(1000),
      after: z.number().int().min(0).optional(),
      before: z.number().int().min(0).optional(),
      filter: eventFilterSchema.optional()
    }),
    response: returns<EventPage>()
  },
  'store:check': { request: storeRef, response: returns<Problem[]>() },
  'store:unlock': { request: storeRef, response: returns<StoreInfo>() },
  'store:lock': { request: storeRef, response: returns<StoreInfo>() },
  /** Open a store again after its connection was lost (read-only, as on first open). */
  'store:reconnect': { request: storeRef, response: returns<StoreInfo>() },
  'store:rebase': {
    request: storeRef.extend({
      /** An EDN vector of new events, as the library's `rebase!` takes them. */
      eventsEdn: z.string().min(1).max(MAX_EVENTS_EDN_LENGTH),
      base: z.number().int().min(1),
      resolved: z.array(z.number().int().min(1)).max(100_000).default([]),
      dry: z.boolean().default(false)
    }),
    response: returns<RebaseSummary>(),
    writes: true
  },
  /** Add the trigger table's seq_no index (what `coherence index` does); only for an unlocked store. */
  'store:add-trigger-index': { request: storeRef, response: returns<AddIndexOutcome>(), writes: true },
  // browsing
  'store:event-detail': {
    request: storeRef.extend({ seqNo: z.number().int().min(0) }),
    response: returns<EventDetail | null>()
  },
  'store:count-events': { request: storeRef.extend({ filter: eventFilterSchema.optional() }), response: returns<number>() },
  'store:seq-no-range': { request: storeRef.extend({ filter: eventFilterSchema.optional() }), response: returns<SeqNoRange>() },
  // audit
  'store:trigger-index': {
    request: storeRef.extend({
      text: z.string().max(200).optional(),
      sort: z.enum(['identity', 'actions', 'effects']).optional(),
      after: triggerCursorSchema.optional(),
      limit: z.number().int().min(1).max(1000)
    }),
    response: returns<TriggerIndexPage>()
  },
  'store:count-triggers': { request: storeRef.extend({ text: z.string().max(200).optional() }), response: returns<number>() },
  'store:trigger-graph': { request: storeRef.extend({ focus: graphFocusSchema }), response: returns<AuditGraph | null>() },
  'store:blast-radius': {
    request: storeRef.extend({ effectSeqNo: z.number().int().min(0), offset: z.number().int().min(0).optional() }),
    response: returns<BlastRadius | null>()
  },
  'store:blast-read-sizes': {
    request: storeRef.extend({ effectSeqNo: z.number().int().min(0), offset: z.number().int().min(0).optional() }),
    response: returns<BlastReadSizes | null>()
  },
  'store:timeline': {
    request: storeRef.extend({
      buckets: z.number().int().min(1).max(500).optional(),
      fromTime: z.number().int().optional(),
      toTime: z.number().int().optional()
    }),
    response: returns<Timeline>()
  },
  // composing
  'store:preflight': {
    request: storeRef.extend({
      /** The staged events, each one new event as EDN text. */
      events: z.array(z.string().min(1).max(MAX_EVENT_EDN_LENGTH)).min(1).max(MAX_STAGED_EVENTS).readonly(),
      base: z.number().int().min(1),
      resolved: z.array(z.number().int().min(1)).max(100_000).default([])
    }),
    response: returns<RebaseOutcome>()
  },
  'compose:validate': { request: storeRef.extend({ input: composeInputSchema }), response: returns<ComposeValidation>() },
  'store:known-identities': {
    request: storeRef.extend({ role: identityRoleSchema, prefix: z.string().max(400), limit: z.number().int().min(1).max(500) }),
    response: returns<KnownIdentity[]>()
  },
  'store:distinct-values': {
    request: storeRef.extend({
      column: z.enum(['reason', 'source', 'aggregateKind', 'actorKind', 'triggerKind']),
      limit: z.number().int().min(1).max(1000).default(200)
    }),
    response: returns<string[]>()
  },
  // replay
  'store:replay-page': {
    request: storeRef.extend({
      offset: z.number().int().min(0),
      aggregates: scopeText,
      kinds: scopeText,
      after: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).default(500)
    }),
    response: returns<ReplayPage>()
  },
  'store:export': {
    request: storeRef.extend({
      filter: eventFilterSchema.optional(),
      format: z.enum(['edn', 'json']),
      /** True when `filter` narrows the events (the suggested file name says so). */
      filtered: z.boolean().default(false)
    }),
    response: returns<ExportOutcome>()
  },
  'store:replay-count': {
    request: storeRef.extend({ offset: z.number().int().min(0), aggregates: scopeText, kinds: scopeText }),
    response: returns<ReplayCount>()
  },
  // aggregates
  'store:aggregate-kinds': { request: storeRef, response: returns<AggregateKindCount[]>() },
  'store:aggregate-list': {
    request: storeRef.extend({
      kind: z.string().max(10_000),
      idContains: z.string().max(10_000).optional(),
      afterId: z.string().max(10_000).optional(),
      limit: z.number().int().min(1).max(1000)
    }),
    response: returns<AggregateListPage>()
  },
  'store:aggregate-history': { request: storeRef.extend({ aggregate: cellIdentitySchema }), response: returns<AggregateHistory>() },
  'store:aggregate-state': {
    request: storeRef.extend({ aggregate: cellIdentitySchema, asOf: z.number().int().min(0) }),
    response: returns<AggregateStateView>()
  },
  'store:aggregate-diff': {
    request: storeRef.extend({ aggregate: cellIdentitySchema, from: z.number().int().min(0), to: z.number().int().min(0) }),
    response: returns<AggregateDiffView>()
  },
  // conflict resolution and undo
  'store:conflict-detail': { request: conflictRequest, response: returns<ConflictDetail>() },
  'store:conflict-resolution': {
    request: conflictRequest.extend({
      choices: z.array(keyChoiceSchema).max(100_000),
      /** A new reason for the adjusted event (`:update`); the staged event's when left out. */
      reason: z.string().max(10_000).optional()
    }),
    response: returns<ConflictResolution>()
  },
  'store:compensation': {
    request: storeRef.extend({ seqNo: z.number().int().min(1), reason: z.string().max(10_000).optional() }),
    response: returns<Compensation>()
  },
  // fork, merge back, import (main picks every path through its own dialogs)
  'fork:create': { request: storeRef, response: returns<ForkCreateOutcome>() },
  'fork:info': { request: storeRef, response: returns<ForkSummary | null>() },
  'fork:merge': { request: mergeRequest, response: returns<MergeOutcome>() },
  'import': { request: storeRef, response: returns<ImportBatchOutcome>() },
  'store:copy': { request: copyRequest, response: returns<StoreCopyOutcome>() },
  /** Stop the running `store:copy` of this store (its answer is then `stopped`); false when none was running. */
  'store:copy-cancel': { request: storeRef, response: returns<boolean>() },
  /** Copy to a new file: main's save dialog picks it; the window gets a token for `store:copy` (null: cancelled). */
  'dialog:copy-target': { request: storeRef, response: returns<ChosenLocation | null>() }
} as const satisfies Record<Channel, { request: z.ZodType; response: unknown; writes?: true }>

export type { Channel, PushEventName } from './channels'

/** The request a caller passes (zod input: defaults may be left out). */
export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>

/** The request a handler receives (zod output: defaults filled in). */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof contract)[C]['request']>

/** The response value of a channel. */
export type ResponseOf<C extends Channel> = (typeof contract)[C]['response']

/** True when `channel` modifies a store. */
export function isWriteChannel(channel: Channel): boolean {
  return 'writes' in contract[channel] && contract[channel].writes === true
}

/** Payloads of the events main pushes. */
export interface PushPayloads {
  /** Another connection (or this app) committed: the new highest seq-no. */
  'store:changed': { readonly storeId: string; readonly seqNo: number }
  /** The connection to a PostgreSQL store was lost: `message` says so plainly; the tab stays, `store:reconnect` reopens it. */
  'store:disconnected': { readonly storeId: string; readonly message: string }
  /** The store's worker died; the tab is closed. */
  'store:lost': { readonly storeId: string; readonly message: string }
  progress: ProgressEvent
  'app:command': AppCommandEvent
}

/** The API the preload exposes as `window.coherence` — exactly this, nothing else. */
export interface CoherenceApi {
  /** Send a request; the promise always resolves, with a value or a typed error. */
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>
  /** Listen to a push event; returns the function that stops listening. */
  on<E extends PushEventName>(event: E, listener: (payload: PushPayloads[E]) => void): () => void
  /**
   * Tell main the user dropped `file`: the preload reads its path
   * (`webUtils.getPathForFile`) and main answers with a location to open.
   * A `File` made by a script has no path and is refused.
   */
  droppedFile(file: DroppedFile): Promise<IpcResult<ChosenLocation>>
}

/**
 * A file the user dropped on the window: the DOM's `File`, described by the
 * fields shared code may name (shared sees no DOM types). The preload hands
 * the very object to Electron's `webUtils.getPathForFile`.
 */
export interface DroppedFile {
  readonly name: string
  readonly size: number
  readonly type: string
  readonly lastModified: number
}
