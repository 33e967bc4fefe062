/**
 * How Clojure walks a collection (`seq`), which decides the order in which the
 * library applies patch entries and lists aggregates.
 *
 * - Vectors and lists walk in their written order.
 * - A map read from EDN with up to 8 entries is an array map and walks in its
 *   written order; a bigger one is a hash map. Sets are always hash sets.
 * - A hash map or set walks in the order of its hash trie: by each element's
 *   `hasheq`, five bits at a time, lowest bits first; `nil` first; elements
 *   with the same hash in insertion order.
 * - Walking a map yields its entries, which are vectors `[k v]`.
 */
import type { EdnList, EdnMap, EdnSet, EdnValue, EdnVector } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { clojureOrder, hasheq, trieOrderKey } from '../edn'

/** The most entries a Clojure array map holds; one more and it becomes a hash map (as in the codec's print order). */
export const ARRAY_MAP_MAX_ENTRIES = 8

/** A Clojure collection (`coll?`): a vector, list, set or map. */
export type EdnColl = EdnVector | EdnList | EdnSet | EdnMap

/** Clojure's `coll?`. Strings, `nil` and tagged values are not collections. */
export function isColl(value: EdnValue): value is EdnColl {
  return value.t === 'vec' || value.t === 'list' || value.t === 'set' || value.t === 'map'
}

/**
 * Items in the order a Clojure hash map or hash set built from them (in the
 * given order) iterates them; `keyOf` gives the hashed key of an item.
 */
export function inHashOrder<T>(items: readonly T[], keyOf: (item: T) => EdnValue): T[] {
  const keyed = items.map((item, index) => {
    const key = keyOf(item)
    return { item, index, order: key.t === 'nil' ? -1 : trieOrderKey(hasheq(key)) }
  })
  return keyed.sort((a, b) => a.order - b.order || a.index - b.index).map((k) => k.item)
}

/** Clojure's `(seq coll)`: the items of a collection in walking order; a map yields `[k v]` vectors. */
export function seqItems(coll: EdnColl): readonly EdnValue[] {
  switch (coll.t) {
    case 'vec':
    case 'list':
      return coll.items
    case 'set':
      return clojureOrder(coll)
    case 'map':
      return clojureOrder(coll).map(([key, value]) => edn.vec([key, value]))
  }
}

/** The items of a collection in the order they were written (a map's items are its entries `[k v]`). */
export function itemsAsWritten(coll: EdnColl): readonly EdnValue[] {
  return coll.t === 'map' ? coll.entries.map(([key, value]) => edn.vec([key, value])) : coll.items
}

/** Is `value` the keyword `:name` (no namespace)? */
export function isPlainKeyword(value: EdnValue, name: string): boolean {
  return value.t === 'kw' && value.ns === null && value.name === name
}

/** The value under the plain keyword `:name` in `map`, or undefined when the key is absent. */
export function getByKeyword(map: EdnMap, name: string): EdnValue | undefined {
  const entry = map.entries.find(([key]) => isPlainKeyword(key, name))
  return entry === undefined ? undefined : entry[1]
}
