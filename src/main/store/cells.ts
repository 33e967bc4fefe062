/**
 * Cells ⇄ domain values. Every EDN column holds `pr-str` text; conflicts and
 * replay compare that text, so writing goes through the Clojure-exact printer
 * and reading through the EDN reader (with a small cache, since kinds, ids,
 * reasons and sources repeat across millions of rows).
 */
import type { EdnKeyword, EdnValue } from '../../shared/edn-value'
import type { Identity, IdentityId } from '../../shared/domain'
import type { CellIdentity } from '../../shared/browse'
import { EdnParseError, printEdn, readEdn } from '../core/edn'
import { StoreError } from './errors'

const CACHEABLE_LENGTH = 80
const CACHE_LIMIT = 20_000

/** Print a value as a cell (Clojure's `pr-str`, plain namespaced-map form). */
export function toCell(value: EdnValue): string {
  return printEdn(value)
}

/** The cell texts of an identity, as the library writes and compares them. */
export function identityToCells(identity: Identity): CellIdentity {
  return { kind: printEdn(identity.kind), id: printEdn(identity.id) }
}

/** Where a cell lives, for messages: `seq-no 12, actions.patch`. */
export interface CellPlace {
  readonly seqNo: number
  readonly table: string
  readonly column: string
}

function describe(place: CellPlace): string {
  return `seq-no ${place.seqNo}, ${place.table}.${place.column}`
}

/** Reads cells into EDN values, caching short ones. One per store connection. */
export class CellReader {
  private readonly cache = new Map<string, EdnValue>()

  /** Parse a cell; a cell that is not EDN raises a StoreError naming the cell. */
  value(text: string, place: CellPlace): EdnValue {
    const cacheable = text.length <= CACHEABLE_LENGTH
    if (cacheable) {
      const hit = this.cache.get(text)
      if (hit !== undefined) return hit
    }
    let value: EdnValue
    try {
      value = readEdn(text)
    } catch (e) {
      if (e instanceof EdnParseError) {
        throw new StoreError(
          'invalid-cell',
          `The cell at ${describe(place)} is not valid EDN (${e.message}). Run the integrity check; the store was not changed.`
        )
      }
      throw e
    }
    if (cacheable) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear()
      this.cache.set(text, value)
    }
    return value
  }

  /** Parse a cell that must hold a keyword (sources, reasons, kinds). */
  keyword(text: string, place: CellPlace): EdnKeyword {
    const value = this.value(text, place)
    if (value.t !== 'kw') {
      throw new StoreError(
        'invalid-cell',
        `The cell at ${describe(place)} holds ${text}, but it must be a keyword. Run the integrity check; the store was not changed.`
      )
    }
    return value
  }

  /** Parse an identity from its kind and id cells. */
  identity(kindText: string, idText: string, place: CellPlace, idColumn: string): Identity {
    const kind = this.keyword(kindText, place)
    const id = this.value(idText, { ...place, column: idColumn })
    if (id.t !== 'int' && id.t !== 'str' && id.t !== 'uuid') {
      throw new StoreError(
        'invalid-cell',
        `The cell at ${describe({ ...place, column: idColumn })} holds ${idText}, but an id must be an integer, a string or a UUID. Run the integrity check; the store was not changed.`
      )
    }
    return { kind, id: id as IdentityId }
  }
}
