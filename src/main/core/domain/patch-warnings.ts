/**
 * Warnings for patches the library accepts but that probably do not do what
 * their author meant.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { getByKeyword, isColl, itemsAsWritten, seqItems } from './clojure-seq'
import { partError, rootPlace, childPlace, show, type FieldWarning, type Place } from './field'
import { isPathPrefix, keyPath } from './patch-shape'
import { validatePatch } from './validate-patch'

const ORDER_NOTE = 'the library applies :assoc first and :dissoc second'

function setPathWarning(container: Place, segment: string, key: EdnValue, removing: boolean): FieldWarning[] {
  if (key.t !== 'set' || key.items.length < 2) return []
  const order = show(edn.vec(seqItems(key)))
  const effect = removing
    ? `; if that path exists, the library fails to remove it (a set cannot be popped)`
    : ''
  return [partError(container, segment, `has the set path ${show(key)}; a set has no order, so the library walks it in Clojure's hash order ${order}${effect}. Write a vector instead.`)]
}

/** Is `key` a path of two or more steps that is not a vector? The library does not remove those as written. */
function isOddRemovalPath(key: EdnValue): boolean {
  return (key.t === 'list' || key.t === 'set') && key.items.length > 1
}

/** A list path of two or more steps is checked front to back but popped from the front. */
function listPathWarning(container: Place, segment: string, key: EdnValue): FieldWarning[] {
  if (key.t !== 'list' || key.items.length < 2) return []
  const [first, ...rest] = key.items
  return [partError(container, segment,
    `has the list path ${show(key)}; the library checks that this path exists, but then removes ${show(first)} from inside ${show(edn.vec(rest))} (it pops a list from the front). Write the vector ${show(edn.vec(key.items))} instead.`)]
}

function overlapWarnings(container: Place, segment: string, removed: EdnValue, assocKeys: readonly EdnValue[]): FieldWarning[] {
  // Lists and sets of several steps get their own warning: the key is not simply removed.
  if (isOddRemovalPath(removed)) return []
  const removedPath = keyPath(removed)
  return assocKeys
    .filter((set) => isPathPrefix(removedPath, keyPath(set)))
    .map((set) => {
      const sameLength = keyPath(set).length === removedPath.length
      const predicate = sameLength
        ? `removes ${show(removed)}, which :assoc also sets; ${ORDER_NOTE}, so ${show(removed)} ends up removed.`
        : `removes ${show(removed)}, which holds ${show(set)} set by :assoc; ${ORDER_NOTE}, so ${show(set)} ends up removed.`
      return partError(container, segment, predicate)
    })
}

/**
 * Warnings for a valid patch (none for an invalid one: fix its errors first):
 * a key both set by `:assoc` and removed by `:dissoc` (directly or through an
 * ancestor path) ends up removed; a list path of two or more steps in `:dissoc`
 * removes the wrong key (the library pops lists from the front); a set path is
 * walked in hash order. Paths are relative to the patch, like `validatePatch`.
 */
export function patchWarnings(patch: EdnValue): FieldWarning[] {
  if (patch.t !== 'map' || validatePatch(patch).length > 0) return []
  const association = getByKeyword(patch, 'assoc')
  const dissociation = getByKeyword(patch, 'dissoc')
  const assocKeys = association?.t === 'map' ? association.entries.map(([key]) => key) : []
  const warnings: FieldWarning[] = []
  const assocPlace = childPlace(rootPlace('The patch'), ':assoc')
  for (const key of assocKeys) warnings.push(...setPathWarning(assocPlace, show(key), key, false))
  if (dissociation !== undefined && isColl(dissociation)) {
    const dissocPlace = childPlace(rootPlace('The patch'), ':dissoc')
    itemsAsWritten(dissociation).forEach((removed, index) => {
      const segment = `[${index}]`
      warnings.push(...overlapWarnings(dissocPlace, segment, removed, assocKeys))
      warnings.push(...setPathWarning(dissocPlace, segment, removed, true))
      warnings.push(...listPathWarning(dissocPlace, segment, removed))
    })
  }
  return warnings
}
