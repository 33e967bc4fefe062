/**
 * `coherence.projection/apply-patch`: first every `:assoc` entry (`assoc-in`
 * along the key's path, creating maps on the way), then every `:dissoc` key
 * (a one-step path is `dissoc`ed; a longer path is removed only when `get-in`
 * finds it, even holding nil, by `update-in` of `(pop path)` with `dissoc` of
 * `(peek path)`). A key named in both ends up removed.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { NOT_FOUND, cljAssocIn, cljDissoc, cljGetIn, cljUpdateIn } from './clojure-assoc'
import { show } from './field'
import { assocEntries, dissocKeys, keyPath } from './patch-shape'
import { validatePatch } from './validate-patch'

/**
 * `(pop path)` and `(peek path)` of a dissoc key with two or more steps. A
 * vector pops from the end; a list pops from the front (so the library removes
 * the first step from inside the rest); a set cannot be popped.
 */
function popAndPeek(key: EdnValue): { parent: readonly EdnValue[]; last: EdnValue } {
  if (key.t === 'vec') return { parent: key.items.slice(0, -1), last: key.items[key.items.length - 1] }
  if (key.t === 'list') return { parent: key.items.slice(1), last: key.items[0] }
  throw new Error(`Cannot remove the path ${show(key)}: Clojure cannot pop ${key.t === 'set' ? 'a set' : show(key)} (it throws here too). Write the path as a vector.`)
}

function dissocPath(state: EdnValue, key: EdnValue): EdnValue {
  const path = keyPath(key)
  if (path.length === 1) return cljDissoc(state, path[0])
  if (cljGetIn(state, path) === NOT_FOUND) return state
  // A keyword is a one-step path, and a map given as :dissoc walks as [k v] vectors,
  // so only vectors, lists and sets get here.
  const { parent, last } = popAndPeek(key)
  return cljUpdateIn(state, parent, (inner) => cljDissoc(inner, last))
}

/**
 * `apply-patch` on a state that may be nil (the library patches nil when an
 * aggregate's first event comes before the projection's start): returns a map,
 * or nil when the state was nil and the patch only removes keys.
 */
export function applyPatchToNullable(state: EdnMap | null, patch: EdnValue): EdnMap | null {
  const errors = validatePatch(patch)
  if (errors.length > 0) {
    throw new Error(`Cannot apply an invalid patch ${show(patch)}: ${errors.map((e) => e.message).join(' ')}`)
  }
  let result: EdnValue = state ?? edn.nil
  for (const [key, value] of assocEntries(patch)) result = cljAssocIn(result, keyPath(key), value)
  for (const key of dissocKeys(patch)) result = dissocPath(result, key)
  return result.t === 'map' ? result : null
}

/**
 * Apply a patch to an aggregate's state exactly like the library's
 * `apply-patch`. Throws a plain Error when the patch is invalid (the library's
 * precondition) or when Clojure would throw (e.g. `assoc-in` through a number).
 * The input is never mutated.
 */
export function applyPatch(state: EdnMap, patch: EdnValue): EdnMap {
  // A map stays a map under assoc-in, dissoc and update-in.
  return applyPatchToNullable(state, patch) as EdnMap
}
