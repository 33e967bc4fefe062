/**
 * What changed between two states of an aggregate, key path by key path:
 * nested maps on both sides are compared entry by entry, anything else is
 * compared whole with Clojure's `=`. Unchanged entries are left out.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { ednEquals } from '../edn'
import { NOT_FOUND, keyFinder } from './clojure-assoc'

/** One difference at a key path (`[:address :city]`). */
export type StateChange =
  | { readonly type: 'added'; readonly path: readonly EdnValue[]; readonly value: EdnValue }
  | { readonly type: 'removed'; readonly path: readonly EdnValue[]; readonly value: EdnValue }
  | { readonly type: 'changed'; readonly path: readonly EdnValue[]; readonly before: EdnValue; readonly after: EdnValue }

/** All differences; empty when the states are equal. */
export type StateDiff = readonly StateChange[]

function diffMaps(before: EdnMap, after: EdnMap, prefix: readonly EdnValue[], out: StateChange[]): void {
  const inAfter = keyFinder(after)
  const inBefore = keyFinder(before)
  for (const [key, old] of before.entries) {
    const path = [...prefix, key]
    const now = inAfter(key)
    if (now === NOT_FOUND) out.push({ type: 'removed', path, value: old })
    else if (old.t === 'map' && now.t === 'map') diffMaps(old, now, path, out)
    else if (!ednEquals(old, now)) out.push({ type: 'changed', path, before: old, after: now })
  }
  for (const [key, value] of after.entries) {
    if (inBefore(key) === NOT_FOUND) out.push({ type: 'added', path: [...prefix, key], value })
  }
}

/**
 * The differences from `before` to `after`, as a flat list with full key
 * paths: first the entries of `before` in its order (removed, changed, or the
 * changes inside a nested map), then the entries only `after` has.
 */
export function diffStates(before: EdnMap, after: EdnMap): StateDiff {
  const out: StateChange[] = []
  diffMaps(before, after, [], out)
  return out
}
