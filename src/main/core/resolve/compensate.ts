/**
 * Undo by compensation: the store is append-only, so an action is "reverted"
 * by a new action whose patch sets every key the action touched back to its
 * value before the action (`:assoc` of the earlier value, `:dissoc` of what
 * the action added).
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { assocEntries, dissocKeys, keyPath } from '../domain/patch-shape'
import { NOT_FOUND, buildPatch, samePath, sameLookup, valueAt, type KeyPath, type Lookup, type PatchOp } from './paths'

/**
 * The path a `:dissoc` key removes when it exists: a keyword or vector names
 * its steps front to back; a list of two or more steps is checked as written
 * but the library pops its *first* step, so it removes `[…rest first]`.
 */
function removedPath(key: EdnValue): KeyPath {
  const path = keyPath(key)
  if (key.t === 'list' && path.length > 1) return [...path.slice(1), path[0]]
  return path
}

/** Every path an action's patch assigns or removes, without repeats. */
export function touchedPaths(patch: EdnValue): KeyPath[] {
  const paths: KeyPath[] = []
  const add = (path: KeyPath): void => {
    if (!paths.some((p) => samePath(p, path))) paths.push(path)
  }
  for (const [key] of assocEntries(patch)) add(keyPath(key))
  for (const key of dissocKeys(patch)) add(removedPath(key))
  return paths
}

const isMap = (value: Lookup): boolean => value !== NOT_FOUND && value.t === 'map'
const isAssocThrough = (value: Lookup): boolean => value === NOT_FOUND || value.t === 'map' || value.t === 'nil'

/**
 * The shortest prefix of `path` at which `before` stops being a map to walk
 * through: where the key is absent, or holds something other than a map
 * (the action's `assoc-in` replaced a nil there by a map). `path` itself when
 * every proper prefix is a map.
 */
function divergence(before: EdnMap, path: KeyPath): KeyPath {
  for (let length = 1; length < path.length; length++) {
    const prefix = path.slice(0, length)
    if (!isMap(valueAt(before, prefix))) return prefix
  }
  return path
}

/**
 * Where `current` holds a value that `assoc-in` cannot walk through (not a
 * map, not nil) on a proper prefix of `path`: the first such prefix, else `path`.
 */
function assocTarget(current: EdnMap, path: KeyPath): KeyPath {
  for (let length = 1; length < path.length; length++) {
    const prefix = path.slice(0, length)
    if (!isAssocThrough(valueAt(current, prefix))) return prefix
  }
  return path
}

/** The operation that sets `path` back to its value in `before`, on top of `current`. */
function restoreOp(before: EdnMap, after: EdnMap, current: EdnMap, path: KeyPath): PatchOp | null {
  let target = divergence(before, path)
  // A later action changed what the action created there: restore only the path itself.
  if (target.length < path.length && !sameLookup(valueAt(current, target), valueAt(after, target))) target = path
  const old = valueAt(before, target)
  if (old === NOT_FOUND) return valueAt(current, target) === NOT_FOUND ? null : { op: 'dissoc', path: target }
  const reachable = assocTarget(current, target)
  const value = reachable === target ? old : valueAt(before, reachable)
  return value === NOT_FOUND ? null : { op: 'assoc', path: reachable, value }
}

/**
 * The compensating patch of an action: from the aggregate's state `before`
 * the action and `after` it (and the `current` state the new action will be
 * applied to, by default `after`), a patch that gives back `before` on every
 * key the action's `patch` touched, leaving all other keys alone. Keys the
 * action added are removed — at the level where the action created them,
 * unless a later action changed that part since. Null when there is nothing
 * to restore (e.g. the action removed keys that did not exist).
 */
export function compensationPatch(before: EdnMap, after: EdnMap, patch: EdnValue, current: EdnMap = after): EdnMap | null {
  const ops: PatchOp[] = []
  for (const path of touchedPaths(patch)) {
    const op = restoreOp(before, after, current, path)
    if (op !== null && !(op.op === 'assoc' && sameLookup(valueAt(current, op.path), op.value))) ops.push(op)
  }
  return buildPatch(ops)
}
