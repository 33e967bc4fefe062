/**
 * Which event last set each part of an aggregate's state.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import type { ActionEvent, Identity } from '../../../shared/domain'
import { printEdn } from '../edn'
import { applyPatch } from './apply-patch'
import { assocEntries, isPathPrefix, keyPath } from './patch-shape'
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
 * of the action that last set it: an `:assoc` at that path or at an ancestor
 * path, or the action that made the path appear (e.g. the intermediate map
 * `assoc-in` creates). Removing a nested key does not count as setting its
 * parent. Paths are listed depth first in the state's entry order.
 */
export function blame(events: Iterable<ActionEvent>, aggregate: Identity, upTo: number): BlameEntry[] {
  let state: EdnMap = edn.map([])
  let setBy = new Map<string, number>()
  for (const event of actionsOn(events, aggregate, upTo)) {
    const patch = event.action.patch
    state = applyPatch(state, patch)
    const setPaths = assocEntries(patch).map(([key]) => keyPath(key))
    const next = new Map<string, number>()
    for (const path of pathsIn(state)) {
      const text = pathText(path)
      const earlier = setBy.get(text)
      const setNow = earlier === undefined || setPaths.some((setPath) => isPathPrefix(setPath, path))
      next.set(text, setNow ? event.seqNo : earlier)
    }
    setBy = next
  }
  return pathsIn(state).map((path) => ({ path, seqNo: setBy.get(pathText(path)) as number }))
}
