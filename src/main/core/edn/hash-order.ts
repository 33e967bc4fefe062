/**
 * The order in which Clojure iterates (and so prints) a map or set read from EDN.
 *
 * A map literal with up to 8 entries becomes a `PersistentArrayMap` and keeps
 * its entry order. Larger maps and every set become a `PersistentHashMap` /
 * `PersistentHashSet`, a hash trie indexed by `hasheq` five bits at a time,
 * lowest bits first: iteration sorts by bits 0–4, then 5–9, …, then 30–31;
 * entries whose full hashes collide share a collision node in insertion order;
 * a `nil` key lives outside the trie and comes first.
 */
import type { EdnMap, EdnSet, EdnValue } from '../../../shared/edn-value'
import { hasheq } from './hash'

/** `PersistentArrayMap` holds up to this many entries (`HASHTABLE_THRESHOLD` / 2). */
export const ARRAY_MAP_MAX_ENTRIES = 8

/** A sort key for a hash that orders like the trie: 5-bit chunks from the lowest, compared in turn. */
export function trieOrderKey(hash: number): number {
  let key = 0
  for (let shift = 0; shift < 35; shift += 5) key = key * 32 + ((hash >>> shift) & 31)
  return key
}

/** Indices of `values` in hash-trie iteration order (nil first, then by trie key, ties by position). */
function trieOrder(values: readonly EdnValue[]): number[] {
  const keys = new Float64Array(values.length)
  const order: number[] = new Array(values.length)
  for (let i = 0; i < values.length; i++) {
    keys[i] = values[i].t === 'nil' ? -1 : trieOrderKey(hasheq(values[i]))
    order[i] = i
  }
  return order.sort((a, b) => keys[a] - keys[b] || a - b)
}

/** The entries of a map in the order Clojure prints them. */
export function mapPrintOrder(m: EdnMap): readonly (readonly [EdnValue, EdnValue])[] {
  if (m.entries.length <= ARRAY_MAP_MAX_ENTRIES) return m.entries
  return trieOrder(m.entries.map((e) => e[0])).map((i) => m.entries[i])
}

/** The elements of a set in the order Clojure prints them. */
export function setPrintOrder(s: EdnSet): readonly EdnValue[] {
  if (s.items.length <= 1) return s.items
  return trieOrder(s.items).map((i) => s.items[i])
}

/**
 * The order Clojure iterates a map's entries or a set's elements in — the order
 * `pr-str`, `seq`, `keys` and `first` see. Maps of ≤ 8 entries keep their order.
 */
export function clojureOrder(coll: EdnMap): readonly (readonly [EdnValue, EdnValue])[]
export function clojureOrder(coll: EdnSet): readonly EdnValue[]
export function clojureOrder(coll: EdnMap | EdnSet): readonly EdnValue[] | readonly (readonly [EdnValue, EdnValue])[] {
  return coll.t === 'map' ? mapPrintOrder(coll) : setPrintOrder(coll)
}
