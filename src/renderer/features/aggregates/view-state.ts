/**
 * The Aggregates section's view state (per store, survives tab switches):
 * the chosen kind, the id search, the mode and the diff's two points (the
 * aggregate shown is a navigation target other features write, see
 * NAV_STATE.aggregateShown).
 */
import type { CellIdentity, EventRow } from '../../../shared/browse'
import { viewKey } from '../../workspace/view-state'

/** A kind picked in the list, with when (the newer of this and a shown aggregate wins). */
export interface KindChoice {
  readonly kind: string
  readonly at: number
}

/** State or diff. */
export type AggregateMode = 'state' | 'diff'

/** The diff's two points (seq-nos; 0 is "before the first action"); null = not chosen yet. */
export interface DiffPoints {
  readonly from: number | null
  readonly to: number | null
}

/** Diff points belong to one aggregate (`key`, its identity as text). */
export type KeyedPoints = DiffPoints & { readonly key: string }

const NO_POINTS: KeyedPoints = { key: '', from: null, to: null }

/** View state owned by the section (besides NAV_STATE.aggregateShown). */
export const AGGREGATE_STATE = {
  kind: viewKey<KindChoice | null>('aggregates.kind', null),
  search: viewKey<string>('aggregates.search', ''),
  mode: viewKey<AggregateMode>('aggregates.mode', 'state'),
  diff: viewKey<KeyedPoints>('aggregates.diff', NO_POINTS)
} as const


/** True when both name the same aggregate (cells compared as text, as the library does). */
export function sameAggregate(a: CellIdentity | null | undefined, b: CellIdentity | null | undefined): boolean {
  return a != null && b != null && a.kind === b.kind && a.id === b.id
}

/** The index of the last seq-no ≤ `asOf` in ascending `seqNos` (-1 when all are later). */
export function positionOf(seqNos: readonly number[], asOf: number): number {
  let lo = 0
  let hi = seqNos.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (seqNos[mid] <= asOf) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The diff's default points: the last two actions (before the first → the only one; 0 → 0 with none). */
export function defaultPoints(rows: readonly Pick<EventRow, 'seqNo'>[]): { from: number; to: number } {
  const n = rows.length
  return { from: n >= 2 ? rows[n - 2].seqNo : 0, to: n >= 1 ? rows[n - 1].seqNo : 0 }
}
