/**
 * The parts of a patch as the library walks them: `(:assoc patch)` entries and
 * `(:dissoc patch)` keys in Clojure's iteration order, and each key as a path
 * (`->path`: a keyword `k` is the path `[k]`, a collection is walked as is).
 */
import type { EdnValue } from '../../../shared/edn-value'
import { clojureOrder, ednEquals } from '../edn'
import { getByKeyword, isColl, seqItems } from './clojure-seq'

/** A patch key as the path the library walks (`->path`); assumes a valid key. */
export function keyPath(key: EdnValue): readonly EdnValue[] {
  if (key.t === 'kw') return [key]
  return isColl(key) ? seqItems(key) : [key]
}

/** The `:assoc` entries of a patch in the order `reduce-kv` visits them; none when absent or not a map. */
export function assocEntries(patch: EdnValue): readonly (readonly [EdnValue, EdnValue])[] {
  if (patch.t !== 'map') return []
  const association = getByKeyword(patch, 'assoc')
  return association?.t === 'map' ? clojureOrder(association) : []
}

/** The `:dissoc` keys of a patch in the order `reduce` visits them; none when absent or not a collection. */
export function dissocKeys(patch: EdnValue): readonly EdnValue[] {
  if (patch.t !== 'map') return []
  const dissociation = getByKeyword(patch, 'dissoc')
  return dissociation !== undefined && isColl(dissociation) ? seqItems(dissociation) : []
}

/** Is `prefix` the start of (or equal to) `path`, step by step with Clojure's `=`? */
export function isPathPrefix(prefix: readonly EdnValue[], path: readonly EdnValue[]): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => ednEquals(step, path[i]))
}
