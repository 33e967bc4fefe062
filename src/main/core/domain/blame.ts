/**
 * Which event last set each part of an aggregate's state.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import type { ActionEvent, Identity } from '../../../shared/domain'
import { printEdn } from '../edn'
import { applyPatch } from './apply-patch'
import { cljGetIn, NOT_FOUND } from './clojure-assoc'
import { assocEntries, dissocKeys, isPathPrefix, keyPath } from './patch-shape'
import { actionsOn } from './projection'

/** The event (by seq-no) that last set the value at a key path. */
export interface BlameEntry {
  readonly path: readonly EdnValue[]
  readonly seqNo: number
}

/** Every key path in a state, depth first in entry order, descending into map values. */
function pathsIn(map: EdnMap, prefix: readonly EdnValue[] = []): EdnValue[][] {
  return map.entries.flatMap(([key, value]) => {
    const path = [...prefix, key]
    return value.t === 'map' ? [path, ...pathsIn(value, path)] : [path]
  })
}

const pathText = (path: readonly EdnValue[]): string => printEdn(edn.vec(path))

/**
 * For each key path present in the aggregate's state as of `upTo`, the seq-no
 * of the action that last changed it. A value is set by an `:assoc` at its
 * path or at an ancestor path, or by the action that made the path appear
 * (e.g. the intermediate map `assoc-in` creates). A map is changed by whatever
 * changes anything inside it: its blame is the latest of its own and its
 * keys' (at any depth), and a `:dissoc` of a key inside it changes it too.
 * Paths are listed depth first in the state's entry order.
 */
export function blame(events: Iterable<ActionEvent>, aggregate: Identity, upTo: number): BlameEntry[] {
  let state: EdnMap = edn.map([])
  let setBy = new Map<string, number>()
  for (const event of actionsOn(events, aggregate, upTo)) {
    const patch = event.action.patch
    // A removed key (one that was there) changes every map it was inside.
    const emptiedParents = dissocKeys(patch)
      .map((key) => keyPath(key))
      .filter((path) => cljGetIn(state, path) !== NOT_FOUND)
      .map((path) => path.slice(0, -1))
    state = applyPatch(state, patch)
    const setPaths = assocEntries(patch).map(([key]) => keyPath(key))
    const next = new Map<string, number>()
    for (const path of pathsIn(state)) {
      const text = pathText(path)
      const earlier = setBy.get(text)
      const setNow =
        earlier === undefined || setPaths.some((setPath) => isPathPrefix(setPath, path)) || emptiedParents.some((parent) => parent.length > 0 && isPathPrefix(path, parent))
      next.set(text, setNow ? event.seqNo : earlier)
    }
    setBy = next
  }
  return latestWithin(state, [], setBy)
}

/** The entries of `map`'s paths, each map's seq-no raised to the latest among the keys inside it. */
function latestWithin(map: EdnMap, prefix: readonly EdnValue[], setBy: ReadonlyMap<string, number>): BlameEntry[] {
  return map.entries.flatMap(([key, value]) => {
    const path = [...prefix, key]
    const own = setBy.get(pathText(path)) as number
    if (value.t !== 'map') return [{ path, seqNo: own }]
    const inside = latestWithin(value, path, setBy)
    const latest = Math.max(own, ...inside.filter((e) => e.path.length === path.length + 1).map((e) => e.seqNo))
    return [{ path, seqNo: latest }, ...inside]
  })
}
