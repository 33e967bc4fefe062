/**
 * Validation results as data: where a problem is (a path in EDN terms) and a
 * plain sentence saying what is wrong and what is expected.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { ednEquals, printEdn } from '../edn'

/** One validation problem: `path` names the field in EDN terms (`[1] :action :aggregate`), `message` is a sentence. */
export interface FieldError {
  readonly path: string
  readonly message: string
}

/** A warning has the same shape as an error: the value is valid, but probably not what was meant. */
export type FieldWarning = FieldError

/**
 * Where a value sits while it is validated. `outer` are the path segments of
 * the owner (e.g. `[1]` for the second event), `inner` the segments inside it;
 * `owner` is how a sentence names the owner itself (`Event 2`, `The patch`) and
 * `innerPrefix` what precedes inner segments in a sentence (`Event 2: `).
 */
export interface Place {
  readonly outer: readonly string[]
  readonly inner: readonly string[]
  readonly owner: string
  readonly innerPrefix: string
}

/** The place of a value validated on its own (`The patch`, `The identity`). */
export function rootPlace(owner: string): Place {
  return { outer: [], inner: [], owner, innerPrefix: '' }
}

/** The place of a field inside `place`; `segment` is a key (`:action`) or a position (`[0]`). */
export function childPlace(place: Place, segment: string): Place {
  return { ...place, inner: [...place.inner, segment] }
}

/** The path of a place, segments separated by spaces. */
export function pathOf(place: Place): string {
  return [...place.outer, ...place.inner].join(' ')
}

/** How a sentence names a place: `Event 2: :action :aggregate`, `:assoc`, `The patch`. */
export function nameOf(place: Place): string {
  return place.inner.length === 0 ? place.owner : place.innerPrefix + place.inner.join(' ')
}

/** An error at `place`; `predicate` continues the sentence that starts with the place's name. */
export function fieldError(place: Place, predicate: string): FieldError {
  return { path: pathOf(place), message: `${nameOf(place)} ${predicate}` }
}

/**
 * An error about one part of a container: the path names the part (`:dissoc [2]`),
 * the sentence starts with the container (`:dissoc has the key …`).
 */
export function partError(container: Place, segment: string, predicate: string): FieldError {
  return { path: pathOf(childPlace(container, segment)), message: `${nameOf(container)} ${predicate}` }
}

/**
 * Errors for items equal (Clojure's `=`) to an earlier item of the same
 * collection: `:dissoc names :a twice; the keys must be distinct.`
 */
export function duplicateErrors(container: Place, items: readonly EdnValue[], verb: string, noun: string): FieldError[] {
  const errors: FieldError[] = []
  items.forEach((item, index) => {
    const earlier = items.slice(0, index).find((other) => ednEquals(other, item))
    if (earlier === undefined) return
    const same = show(earlier) === show(item) ? `${show(item)} twice` : `${show(earlier)} and ${show(item)}, which are equal in Clojure`
    errors.push(partError(container, `[${index}]`, `${verb} ${same}; ${noun} must be distinct.`))
  })
  return errors
}

const MAX_SHOWN = 80

/** A value as Clojure prints it, shortened for messages. */
export function show(value: EdnValue): string {
  const text = printEdn(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}

/** What kind of value this is, for messages: `a string`, `a floating-point number`, `nil`. */
export function kindName(value: EdnValue): string {
  switch (value.t) {
    case 'nil': return 'nil'
    case 'bool': return 'a boolean'
    case 'str': return 'a string'
    case 'char': return 'a character'
    case 'int': return 'an integer'
    case 'float': return 'a floating-point number'
    case 'bigdec': return 'a decimal number (BigDecimal)'
    case 'kw': return 'a keyword'
    case 'sym': return 'a symbol'
    case 'list': return 'a list'
    case 'vec': return 'a vector'
    case 'set': return 'a set'
    case 'map': return 'a map'
    case 'inst': return 'an instant'
    case 'uuid': return 'a UUID'
    case 'tagged': return `a tagged value #${value.tag}`
  }
}
