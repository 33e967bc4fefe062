/**
 * The library's `::identity` spec: `(s/tuple ::kind ::id)` — a vector of
 * exactly two items, a keyword and an integer, UUID or string.
 */
import type { EdnValue } from '../../../shared/edn-value'
import type { Identity } from '../../../shared/domain'
import { fieldError, kindName, rootPlace, show, type FieldError, type Place } from './field'

/** What an identity must be, as messages say it. */
export const IDENTITY_EXPECTATION = 'an identity [kind id] where kind is a keyword and id an integer, string or UUID'

/** The identity held by `value`, or why it is not one, in a few words. */
function readIdentity(value: EdnValue): Identity | string {
  if (value.t === 'list') return 'a list; an identity must be a vector'
  if (value.t !== 'vec') return kindName(value)
  if (value.items.length !== 2) return `${value.items.length} item${value.items.length === 1 ? '' : 's'}, not 2`
  const [kind, id] = value.items
  if (kind.t !== 'kw') return `the kind ${show(kind)} is ${kindName(kind)}, not a keyword`
  if (id.t !== 'int' && id.t !== 'str' && id.t !== 'uuid') return `the id ${show(id)} is ${kindName(id)}`
  return { kind, id }
}

/** Validate an identity at `place` (used inside events and on its own). */
export function validateIdentityAt(value: EdnValue, place: Place): FieldError[] {
  const identity = readIdentity(value)
  if (typeof identity !== 'string') return []
  return [fieldError(place, `must be ${IDENTITY_EXPECTATION}; got ${show(value)} (${identity}).`)]
}

/** Validate a value against the library's `::identity` spec; an empty list means valid. */
export function validateIdentity(value: EdnValue): FieldError[] {
  return validateIdentityAt(value, rootPlace('The identity'))
}

/** The identity `[kind id]` held by `value`, or null when it is not a valid identity. */
export function identityFromEdn(value: EdnValue): Identity | null {
  const identity = readIdentity(value)
  return typeof identity === 'string' ? null : identity
}
