/**
 * Drafts of conflict resolutions, kept per conflict while the window lives:
 * closing the dialog keeps the per-key choices and the reason, reopening it
 * for the same conflict shows them, and they go when the conflict is
 * resolved or the user discards them. Each draft has an undo/redo history of
 * its per-key choices (consecutive edits of one key's value are one step).
 */
import { useSyncExternalStore } from 'react'
import type { ComposeConflict } from '../../../../shared/compose'

/** The user's pick for one key: what it takes, and the text of an edited value. */
export interface Pick {
  readonly take: 'ours' | 'theirs' | 'edit'
  readonly edn: string
}

/** Picks by key path; a key without a pick shows its default. */
export type Picks = Readonly<Record<string, Pick>>

/** One conflict's draft. */
export interface ResolutionDraft {
  readonly picks: Picks
  /** The adjusted event's reason as typed; null while it is the default. */
  readonly reason: string | null
  readonly past: readonly Picks[]
  readonly future: readonly Picks[]
  /** The key whose value was edited last (its next edit joins the same undo step). */
  readonly lastEdit: string | null
}

const EMPTY: ResolutionDraft = { picks: {}, reason: null, past: [], future: [], lastEdit: null }
const drafts = new Map<string, ResolutionDraft>()
const listeners = new Set<() => void>()

/** The key of a conflict's draft: the store, theirs, and the staged event as it was when the preflight met theirs. */
export function draftKey(storeId: string, conflict: ComposeConflict): string {
  return JSON.stringify([storeId, conflict.theirs.seqNo, conflict.index, conflict.ours.edn])
}

function set(key: string, draft: ResolutionDraft): void {
  drafts.set(key, draft)
  for (const l of listeners) l()
}

/** A conflict's draft (empty when there is none). */
export function getDraft(key: string): ResolutionDraft {
  return drafts.get(key) ?? EMPTY
}

/** True when the draft holds choices or a reason the user made. */
export function isDirty(draft: ResolutionDraft): boolean {
  return Object.keys(draft.picks).length > 0 || draft.reason !== null
}

/** New picks as one undo step; `editing` (a key) merges consecutive edits of that key's value into one step. */
export function setPicks(key: string, picks: Picks, editing: string | null = null): void {
  const d = getDraft(key)
  const merge = editing !== null && d.lastEdit === editing
  set(key, { ...d, picks, past: merge ? d.past : [...d.past, d.picks], future: [], lastEdit: editing })
}

/** The reason as typed (not part of the undo history). */
export function setReason(key: string, reason: string): void {
  set(key, { ...getDraft(key), reason })
}

/** Back one step of choices. */
export function undo(key: string): void {
  const d = getDraft(key)
  if (d.past.length === 0) return
  set(key, { ...d, picks: d.past[d.past.length - 1], past: d.past.slice(0, -1), future: [d.picks, ...d.future], lastEdit: null })
}

/** Forward one step of choices. */
export function redo(key: string): void {
  const d = getDraft(key)
  if (d.future.length === 0) return
  set(key, { ...d, picks: d.future[0], past: [...d.past, d.picks], future: d.future.slice(1), lastEdit: null })
}

/** Forget a draft (resolved, or discarded by the user). */
export function discardDraft(key: string): void {
  if (drafts.delete(key)) for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A conflict's draft, re-rendering on change. */
export function useDraft(key: string): ResolutionDraft {
  return useSyncExternalStore(subscribe, () => getDraft(key))
}
