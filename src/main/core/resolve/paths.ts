/**
 * Key paths into an aggregate's state and patches built from them: a path of
 * one step is the patch key `:k`, a longer one the vector `[:a :b]` (the form
 * the library walks front to back for both `:assoc` and `:dissoc`).
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { ednEquals, printEdn } from '../edn'
import { NOT_FOUND, cljGetIn, type Lookup } from '../domain/clojure-assoc'

export { NOT_FOUND, type Lookup }

/** A key path: the steps from the state's top level to a value. */
export type KeyPath = readonly EdnValue[]

/** The value at `path` in `state`, or `NOT_FOUND` (Clojure's `get-in` with a not-found value). */
export function valueAt(state: EdnValue, path: KeyPath): Lookup {
  return cljGetIn(state, path)
}

/** Clojure's `=` on lookups: absent equals only absent. */
export function sameLookup(a: Lookup, b: Lookup): boolean {
  if (a === NOT_FOUND || b === NOT_FOUND) return a === b
  return ednEquals(a, b)
}

/** Same steps, with Clojure's `=`. */
export function samePath(a: KeyPath, b: KeyPath): boolean {
  return a.length === b.length && a.every((step, i) => ednEquals(step, b[i]))
}

/** The patch key for a path: the keyword itself for one step, else a vector. */
export function patchKey(path: KeyPath): EdnValue {
  return path.length === 1 ? path[0] : edn.vec(path)
}

/** The patch key printed (`:genre`, `[:address :city]`): how the window names a key. */
export function keyText(path: KeyPath): string {
  return printEdn(patchKey(path))
}

/** A lookup printed, or null when absent. */
export function lookupText(value: Lookup): string | null {
  return value === NOT_FOUND ? null : printEdn(value)
}

/** A map is "walkable" when every key is a keyword: its entries can be addressed by patch paths. */
export function isWalkableMap(value: Lookup): value is EdnMap {
  return value !== NOT_FOUND && value.t === 'map' && value.entries.every(([key]) => key.t === 'kw')
}

/** One operation of a patch under construction. */
export type PatchOp =
  | { readonly op: 'assoc'; readonly path: KeyPath; readonly value: EdnValue }
  | { readonly op: 'dissoc'; readonly path: KeyPath }

/**
 * A library patch from operations, duplicates (same path and operation)
 * dropped: `{:assoc {…} :dissoc […]}` with only the parts that have entries,
 * or null when there is nothing to do.
 */
export function buildPatch(ops: readonly PatchOp[]): EdnMap | null {
  const assocs: (readonly [EdnValue, EdnValue])[] = []
  const dissocs: EdnValue[] = []
  const seenAssoc: KeyPath[] = []
  const seenDissoc: KeyPath[] = []
  for (const op of ops) {
    const seen = op.op === 'assoc' ? seenAssoc : seenDissoc
    if (seen.some((path) => samePath(path, op.path))) continue
    seen.push(op.path)
    if (op.op === 'assoc') assocs.push([patchKey(op.path), op.value])
    else dissocs.push(patchKey(op.path))
  }
  const entries: (readonly [EdnValue, EdnValue])[] = []
  if (assocs.length > 0) entries.push([edn.kw('assoc'), edn.map(assocs)])
  if (dissocs.length > 0) entries.push([edn.kw('dissoc'), edn.vec(dissocs)])
  return entries.length === 0 ? null : edn.map(entries)
}
