/**
 * Three-way alignment of an aggregate's states for conflict resolution:
 * **base** (before the user's base seq-no), **theirs** (after the stored
 * event that conflicts) and **ours** (base + the staged event's patch).
 *
 * The states are walked together key by key. A key whose value is, on all
 * three sides, a non-empty map with keyword keys is descended into, so
 * `[:address :city]` and `[:address :zip]` are settled separately; anything
 * else (including a map one side adds or removes as a whole) is one leaf
 * compared whole with Clojure's `=`.
 * Leaf paths never nest, so they can be set independently by one patch.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import type { AlignedKey, KeyMark } from '../../../shared/resolve'
import { ednEquals, printEdn } from '../edn'
import { cljGet } from '../domain/clojure-assoc'
import { NOT_FOUND, isWalkableMap, keyText, lookupText, sameLookup, type KeyPath, type Lookup } from './paths'

/** One leaf path with its value on each side (`NOT_FOUND` when absent) and who changed it. */
export interface AlignedPath {
  readonly path: KeyPath
  readonly base: Lookup
  readonly theirs: Lookup
  readonly ours: Lookup
  readonly mark: KeyMark
  /** Ours and theirs hold the same value (or both lack the key). */
  readonly agree: boolean
}

type Sides = readonly [Lookup, Lookup, Lookup]

/** Keys of the present maps: base's in order, then those new in theirs, then those new in ours. */
function unionKeys(sides: Sides): EdnValue[] {
  const keys: EdnValue[] = []
  for (const side of sides) {
    if (side === NOT_FOUND || side.t !== 'map') continue
    for (const [key] of side.entries) if (!keys.some((k) => ednEquals(k, key))) keys.push(key)
  }
  return keys
}

function markOf(base: Lookup, theirs: Lookup, ours: Lookup): KeyMark {
  const theirsChanged = !sameLookup(base, theirs)
  const oursChanged = !sameLookup(base, ours)
  if (theirsChanged && oursChanged) return 'both'
  if (oursChanged) return 'ours-only'
  return theirsChanged ? 'theirs-only' : 'none'
}

/** Descend only where all three sides hold a non-empty map with keyword keys (else adding or removing the whole map is one decision). */
function shouldDescend(values: Sides): boolean {
  return values.every((v) => isWalkableMap(v) && v.entries.length > 0)
}

function alignInto(sides: Sides, prefix: KeyPath, out: AlignedPath[]): void {
  for (const key of unionKeys(sides)) {
    const path = [...prefix, key]
    const values = sides.map((side) => (side === NOT_FOUND ? NOT_FOUND : cljGet(side, key))) as unknown as Sides
    if (shouldDescend(values)) {
      alignInto(values, path, out)
      continue
    }
    const [base, theirs, ours] = values
    out.push({ path, base, theirs, ours, mark: markOf(base, theirs, ours), agree: sameLookup(theirs, ours) })
  }
}

/**
 * Every leaf key path of the three states, in the order base lists them
 * (then keys only theirs has, then keys only ours has), each with its values
 * and mark. Keys nobody changed are included with the mark `none`.
 */
export function alignStates(base: EdnMap, theirs: EdnMap, ours: EdnMap): AlignedPath[] {
  const out: AlignedPath[] = []
  alignInto([base, theirs, ours], [], out)
  return out
}

/** An aligned path as the window sees it (printed values). */
export function alignedKeyView(row: AlignedPath): AlignedKey {
  return {
    key: keyText(row.path),
    path: row.path.map((step) => printEdn(step)),
    base: lookupText(row.base),
    theirs: lookupText(row.theirs),
    ours: lookupText(row.ours),
    mark: row.mark,
    agree: row.agree
  }
}
