/**
 * The staged batch of one store: new events the user composed (or a feature
 * such as conflict resolution or revert staged) and will preflight and
 * commit together in one rebase. It lives in per-store view state, so it
 * survives switching sections and tabs, and a failed write leaves it as it was.
 *
 * `base` is the first seq-no the user had not seen when they started the
 * batch — the rebase base, deliberately not the store's current seq-no: an
 * event someone appended meanwhile is exactly the conflict the user must see.
 */
import { getViewState, setViewState, useViewState, viewKey } from '../../workspace/view-state'
import { eventsAt } from './timestamps'

/** One staged event. */
export interface StagedEvent {
  /** Stable id within the batch (for editing, reordering, React keys). */
  readonly id: string
  /** One new event as EDN text, in the library's shape (no `:seq-no`). */
  readonly edn: string
  /** Why it was staged, for the user (e.g. "Revert of event 12"). */
  readonly note?: string
  /** True when its timestamp is "now at commit": the preflight and the commit stamp it with the time they run. */
  readonly stampAtCommit?: boolean
}

/** The staged batch of a store. */
export interface StagedBatch {
  /** The first seq-no the user had not seen when the batch started; 0 while no batch has started. */
  readonly base: number
  readonly events: readonly StagedEvent[]
  /** Seq-nos of stored events the user resolved conflicts with (the rebase's `resolved`). */
  readonly resolved: readonly number[]
  /** Set when the batch is a fork's events being merged into this store: the fork learns of the commit. */
  readonly merge?: StagedMerge
}

/** Where a merged batch came from. */
export interface StagedMerge {
  readonly forkStoreId: string
  readonly forkName: string
  /** The fork's highest seq-no in the batch. */
  readonly upTo: number
}

const EMPTY: StagedBatch = Object.freeze({ base: 0, events: [], resolved: [] })
const STAGED = viewKey<StagedBatch>('compose.staging', EMPTY)

let counter = 0
function newId(): string {
  counter += 1
  return `staged-${Date.now().toString(36)}-${counter}`
}

/** The batch of `storeId` now (outside React). */
export function getStaging(storeId: string): StagedBatch {
  return getViewState(storeId, STAGED)
}

function update(storeId: string, change: (batch: StagedBatch) => StagedBatch): void {
  setViewState(storeId, STAGED, change(getStaging(storeId)))
}

/**
 * Start a batch on a store whose events up to `seenSeqNo` the user has seen
 * (the tab's seq-no when composing starts). Does nothing when a batch has
 * started already, so its base stays the one from the start.
 */
export function startBatch(storeId: string, seenSeqNo: number): void {
  if (getStaging(storeId).base > 0) return
  update(storeId, (batch) => ({ ...batch, base: seenSeqNo + 1 }))
}

/** Append an event to the batch; returns its id. Call `startBatch` first when the batch may not have started. */
export function stageEvent(storeId: string, edn: string, note?: string, stampAtCommit?: boolean): string {
  const id = newId()
  const event: StagedEvent = { id, edn, ...(note === undefined ? {} : { note }), ...(stampAtCommit ? { stampAtCommit } : {}) }
  update(storeId, (batch) => ({ ...batch, events: [...batch.events, event] }))
  return id
}

/** Replace the EDN of staged event `id` (its place and note stay; `stampAtCommit` when given). */
export function replaceStagedEvent(storeId: string, id: string, edn: string, stampAtCommit?: boolean): void {
  const stamp = (e: StagedEvent): StagedEvent => (stampAtCommit === undefined ? { ...e, edn } : { ...e, edn, stampAtCommit })
  update(storeId, (batch) => ({ ...batch, events: batch.events.map((e) => (e.id === id ? stamp(e) : e)) }))
}

/** Drop staged event `id`. */
export function dropStagedEvent(storeId: string, id: string): void {
  update(storeId, (batch) => ({ ...batch, events: batch.events.filter((e) => e.id !== id) }))
}

/** Move staged event `id` to position `to` (clamped to the batch). */
export function moveStagedEvent(storeId: string, id: string, to: number): void {
  update(storeId, (batch) => {
    const from = batch.events.findIndex((e) => e.id === id)
    if (from < 0) return batch
    const events = [...batch.events]
    const [moved] = events.splice(from, 1)
    events.splice(Math.max(0, Math.min(to, events.length)), 0, moved)
    return { ...batch, events }
  })
}

/** Add `seqNo` to the resolved list (once). */
export function addResolved(storeId: string, seqNo: number): void {
  update(storeId, (batch) => (batch.resolved.includes(seqNo) ? batch : { ...batch, resolved: [...batch.resolved, seqNo].sort((a, b) => a - b) }))
}

/** Remove `seqNo` from the resolved list. */
export function removeResolved(storeId: string, seqNo: number): void {
  update(storeId, (batch) => ({ ...batch, resolved: batch.resolved.filter((n) => n !== seqNo) }))
}

/**
 * Replace an empty batch by a whole one (a fork's events to merge, an
 * imported file); returns false, changing nothing, when events are staged
 * already — the user commits or discards those first.
 */
export function stageWholeBatch(
  storeId: string,
  batch: { readonly base: number; readonly events: readonly { readonly edn: string; readonly note: string }[]; readonly resolved: readonly number[]; readonly merge?: StagedMerge }
): boolean {
  if (getStaging(storeId).events.length > 0) return false
  const events = batch.events.map((e) => ({ id: newId(), edn: e.edn, note: e.note }))
  setViewState(storeId, STAGED, { base: batch.base, events, resolved: [...batch.resolved], ...(batch.merge ? { merge: batch.merge } : {}) })
  return true
}

const PREFLIGHT_REQUEST = viewKey<boolean>('compose.preflight-request', false)

/** Ask the staging panel of `storeId` to run the preflight as soon as it shows. */
export function requestPreflight(storeId: string): void {
  setViewState(storeId, PREFLIGHT_REQUEST, true)
}

/** Whether a preflight was requested, and the function that takes the request. */
export function usePreflightRequest(storeId: string): [boolean, () => void] {
  const [requested, set] = useViewState(storeId, PREFLIGHT_REQUEST)
  return [requested, () => set(false)]
}

/** Forget the batch (after a commit, or when the user discards it); the next one starts afresh. */
export function clearBatch(storeId: string): void {
  setViewState(storeId, STAGED, EMPTY)
}

/** The batch of `storeId`, re-rendering on every change. */
export function useStaging(storeId: string): StagedBatch {
  return useViewState(storeId, STAGED)[0]
}

/** The rebase request's `eventsEdn` for a batch at `nowMs`: its events (stamped when "now at commit") as one EDN vector. */
export function batchEdn(batch: StagedBatch, nowMs: number): string {
  return `[${eventsAt(batch.events, nowMs).join('\n ')}]`
}
