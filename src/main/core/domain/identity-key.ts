/**
 * Text keys for identities that are equal exactly when Clojure's `=` finds the
 * values equal (`1` and `1N` are the same id), for fast lookups. These are NOT
 * the cell texts the store compares (see `identityCells`).
 */
import type { EdnKeyword } from '../../../shared/edn-value'
import type { Identity, IdentityId } from '../../../shared/domain'

/** A key for a kind keyword. */
export function kindKey(kind: EdnKeyword): string {
  return kind.ns === null ? kind.name : `${kind.ns}\u0000${kind.name}`
}

/** A key for an id: integers by value (whatever their `N`), strings and UUIDs by text, never colliding. */
export function idKey(id: IdentityId): string {
  switch (id.t) {
    case 'int': return `i${id.v}`
    case 'str': return `s${id.v}`
    case 'uuid': return `u${id.v}`
  }
}

/** A key for a whole identity `[kind id]`. */
export function identityKey(identity: Identity): string {
  return `${kindKey(identity.kind)}\u0001${idKey(identity.id)}`
}
