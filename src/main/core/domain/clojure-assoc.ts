/**
 * Clojure's `get`, `assoc`, `dissoc`, `get-in`, `assoc-in` and `update-in` on
 * EDN values, as far as patches reach them (path steps are keywords). Values
 * are never mutated; a new map is returned. Keys compare with Clojure's `=`.
 *
 * Like an array map, `assoc` of a new key appends it and `assoc` of an existing
 * key keeps its position (and the existing key object); `dissoc` keeps the
 * order of the rest. Where Clojure throws (`assoc` into a number, string,
 * vector, set or list; `dissoc` from anything but a map or nil) a plain Error
 * says so.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { ednEquals, hasheq } from '../edn'
import { kindName, show } from './field'

/** What `get` returns for an absent key (Clojure's `not-found` argument). */
export const NOT_FOUND: unique symbol = Symbol('not-found')

/** The result of a lookup: a value, or `NOT_FOUND`. */
export type Lookup = EdnValue | typeof NOT_FOUND

/** A map key equal (Clojure `=`) to `key`; keywords, by far the usual case, compare directly. */
function sameKey(a: EdnValue, b: EdnValue): boolean {
  if (a.t === 'kw' && b.t === 'kw') return a.ns === b.ns && a.name === b.name
  if (a.t === 'kw' || b.t === 'kw') return false
  return ednEquals(a, b)
}

function indexOfKey(map: EdnMap, key: EdnValue): number {
  return map.entries.findIndex(([k]) => sameKey(k, key))
}

/** `(get target key not-found)`: maps look the key up, sets answer the member itself; anything else finds nothing. */
export function cljGet(target: EdnValue, key: EdnValue): Lookup {
  if (target.t === 'map') {
    const index = indexOfKey(target, key)
    return index === -1 ? NOT_FOUND : target.entries[index][1]
  }
  if (target.t === 'set') return target.items.find((item) => ednEquals(item, key)) ?? NOT_FOUND
  // A vector answers only integer keys, and path steps are keywords; other values answer nothing.
  return NOT_FOUND
}

/** Maps up to this size are searched linearly. */
const LINEAR_LOOKUP_LIMIT = 8

/**
 * A lookup function over one map for many probes (`(get map key not-found)`):
 * linear for small maps, through a `hasheq` index for big ones.
 */
export function keyFinder(map: EdnMap): (key: EdnValue) => Lookup {
  if (map.entries.length <= LINEAR_LOOKUP_LIMIT) return (key) => cljGet(map, key)
  const buckets = new Map<number, (readonly [EdnValue, EdnValue])[]>()
  for (const entry of map.entries) {
    const hash = hasheq(entry[0])
    const bucket = buckets.get(hash)
    if (bucket === undefined) buckets.set(hash, [entry])
    else bucket.push(entry)
  }
  return (key) => buckets.get(hasheq(key))?.find(([k]) => sameKey(k, key))?.[1] ?? NOT_FOUND
}

/** `(assoc target key value)`: nil becomes a new map; a map gets the entry; anything else throws like Clojure. */
export function cljAssoc(target: EdnValue, key: EdnValue, value: EdnValue): EdnMap {
  if (target.t === 'nil') return edn.map([[key, value]])
  if (target.t !== 'map') {
    const reason = target.t === 'vec'
      ? `a vector takes only integer keys, not ${show(key)}`
      : `${kindName(target)} is not associative`
    throw new Error(`Cannot assoc ${show(key)} into ${show(target)}: ${reason} (Clojure throws here too).`)
  }
  const index = indexOfKey(target, key)
  if (index === -1) return edn.map([...target.entries, [key, value]])
  const entries = target.entries.slice()
  entries[index] = [target.entries[index][0], value]
  return edn.map(entries)
}

/** `(dissoc target key)`: nil stays nil; a map loses the entry; anything else throws like Clojure. */
export function cljDissoc(target: EdnValue, key: EdnValue): EdnValue {
  if (target.t === 'nil') return target
  if (target.t !== 'map') {
    throw new Error(`Cannot dissoc ${show(key)} from ${show(target)}: ${kindName(target)} is not a map (Clojure throws here too).`)
  }
  const index = indexOfKey(target, key)
  return index === -1 ? target : edn.map(target.entries.filter((_, i) => i !== index))
}

/** `(get-in target path not-found)` */
export function cljGetIn(target: EdnValue, path: readonly EdnValue[]): Lookup {
  let current: Lookup = target
  for (const step of path) {
    if (current === NOT_FOUND) return NOT_FOUND
    current = cljGet(current, step)
  }
  return current
}

function valueOrNil(lookup: Lookup): EdnValue {
  return lookup === NOT_FOUND ? edn.nil : lookup
}

/** `(assoc-in target path value)`: creates maps for absent steps. `path` is not empty. */
export function cljAssocIn(target: EdnValue, path: readonly EdnValue[], value: EdnValue): EdnMap {
  const [step, ...rest] = path
  if (rest.length === 0) return cljAssoc(target, step, value)
  return cljAssoc(target, step, cljAssocIn(valueOrNil(cljGet(target, step)), rest, value))
}

/** `(update-in target path f)`: `f` receives the value at the path (nil when absent). `path` is not empty. */
export function cljUpdateIn(target: EdnValue, path: readonly EdnValue[], f: (value: EdnValue) => EdnValue): EdnMap {
  const [step, ...rest] = path
  const inner = valueOrNil(cljGet(target, step))
  return cljAssoc(target, step, rest.length === 0 ? f(inner) : cljUpdateIn(inner, rest, f))
}
