/**
 * The library's `::patch` spec, with plain-sentence errors:
 *
 * - a patch is a map with `:assoc` and/or `:dissoc` (other keys are allowed);
 * - `:assoc` is a map from key to any value with at least one entry;
 * - `:dissoc` is a collection of distinct keys with at least one item;
 * - a key is a keyword, or a non-empty collection of keywords (a path).
 *
 * "Collection" is Clojure's `coll?`: a vector, list, set or map (a map's items
 * are its entries `[k v]`). Distinctness uses Clojure's `=`.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { getByKeyword, isColl, itemsAsWritten } from './clojure-seq'
import { childPlace, duplicateErrors, fieldError, kindName, partError, rootPlace, show, type FieldError, type Place } from './field'

const KEY_RULE = 'a key must be a keyword or a non-empty collection of keywords (a path such as [:address :city])'

/** Why `key` is not a patch key, as a clause, or null when it is one. */
function keyDefect(key: EdnValue): string | null {
  if (key.t === 'kw') return null
  if (!isColl(key)) return `${show(key)} is ${kindName(key)}`
  if (key.t === 'map') return `${show(key)} is a map, and a map's items are entries, not keywords`
  if (key.items.length === 0) return `${show(key)} is empty`
  const stranger = key.items.find((item) => item.t !== 'kw')
  return stranger === undefined ? null : `${show(stranger)} in it is ${kindName(stranger)}, not a keyword`
}

function keyError(container: Place, segment: string, key: EdnValue, defect: string): FieldError {
  return partError(container, segment, `has the key ${show(key)}, but ${KEY_RULE}; ${defect}.`)
}

function validateAssociation(value: EdnValue, place: Place): FieldError[] {
  if (value.t !== 'map') {
    return [fieldError(place, `must be a map from key to new value, such as {:title "Dune", [:address :city] "Berlin"}; got ${show(value)} (${kindName(value)}).`)]
  }
  if (value.entries.length === 0) {
    return [fieldError(place, 'must not be empty: give at least one key and its value, or leave :assoc out.')]
  }
  const errors: FieldError[] = []
  for (const [key] of value.entries) {
    const defect = keyDefect(key)
    if (defect !== null) errors.push(keyError(place, show(key), key, defect))
  }
  return errors
}

function validateDissociation(value: EdnValue, place: Place): FieldError[] {
  if (!isColl(value)) {
    const hint = value.t === 'kw' ? ` — write [${show(value)}] to remove one key` : ''
    return [fieldError(place, `must be a collection of keys to remove, such as [:draft [:address :city]]; got ${show(value)} (${kindName(value)}${hint}).`)]
  }
  const items = itemsAsWritten(value)
  if (items.length === 0) {
    return [fieldError(place, 'must not be empty: name at least one key to remove, or leave :dissoc out.')]
  }
  const errors: FieldError[] = []
  items.forEach((key, index) => {
    const defect = keyDefect(key)
    if (defect !== null) errors.push(keyError(place, `[${index}]`, key, defect))
  })
  return [...errors, ...duplicateErrors(place, items, 'names', 'the keys')]
}

/** Validate a patch at `place` (inside an event, or on its own). */
export function validatePatchAt(value: EdnValue, place: Place): FieldError[] {
  if (value.t !== 'map') {
    return [fieldError(place, `must be a map with :assoc and/or :dissoc, such as {:assoc {:title "Dune"}, :dissoc [:draft]}; got ${show(value)} (${kindName(value)}).`)]
  }
  const association = getByKeyword(value, 'assoc')
  const dissociation = getByKeyword(value, 'dissoc')
  if (association === undefined && dissociation === undefined) {
    return [fieldError(place, `must have :assoc (keys to set) or :dissoc (keys to remove), or both; it has neither${keysNote(value)}.`)]
  }
  return [
    ...(association === undefined ? [] : validateAssociation(association, childPlace(place, ':assoc'))),
    ...(dissociation === undefined ? [] : validateDissociation(dissociation, childPlace(place, ':dissoc')))
  ]
}

function keysNote(map: EdnMap): string {
  if (map.entries.length === 0) return ' (it is empty)'
  return ` (its keys: ${map.entries.map(([key]) => show(key)).join(', ')})`
}

/**
 * Validate a patch against the library's `::patch` spec (the UI composer calls
 * this as the user types). An empty list means valid. Paths are relative to
 * the patch (`:assoc "x"`, `:dissoc [1]`).
 */
export function validatePatch(value: EdnValue): FieldError[] {
  return validatePatchAt(value, rootPlace('The patch'))
}
