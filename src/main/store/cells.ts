/**
 * Cells ⇄ domain values. Every EDN column holds `pr-str` text; conflicts and
 * replay compare that text, so writing goes through the Clojure-exact printer
 * and reading through the EDN reader (with a small cache, since kinds, ids,
 * reasons and sources repeat across millions of rows).
 */
import type { EdnKeyword, EdnValue } from '../../shared/edn-value'
import type { Action, Identity, IdentityId } from '../../shared/domain'
import type { CellIdentity } from '../../shared/browse'
import { EdnParseError, printEdn, readEdn } from '../core/edn'
import { StoreError } from './errors'

const CACHEABLE_LENGTH = 80
const CACHE_LIMIT = 20_000

/** Print a value as a cell (Clojure's `pr-str`, plain namespaced-map form). */
export function toCell(value: EdnValue): string {
  return printEdn(value)
}

/** The patch cell of an action: the text it carries when it was kept compact (`patchCell`), else the printed patch. */
export function patchToCell(action: Action & { readonly patchCell?: string }): string {
  return action.patchCell ?? printEdn(action.patch)
}

/** The cell texts of an identity, as the library writes and compares them. */
export function identityToCells(identity: Identity): CellIdentity {
  return { kind: printEdn(identity.kind), id: printEdn(identity.id) }
}

/** Where a cell lives, for messages: `seq-no 12, actions.patch`. */
function describe(seqNo: number, table: string, column: string): string {
  return `seq-no ${seqNo}, ${table}.${column}`
}

function invalid(seqNo: number, table: string, column: string, text: string, expected: string): StoreError {
  return new StoreError(
    'invalid-cell',
    `The cell at ${describe(seqNo, table, column)} holds ${text}, but it must be ${expected}. Run the integrity check; the store was not changed.`
  )
}

/**
 * Reads cells into EDN values, caching short ones (and whole identities), so
 * the millions of repeated kinds, ids, reasons and sources are parsed once.
 * Places (seq-no, table, column) are plain arguments: messages are built only
 * when a cell is bad, never on the hot path.
 */
export class CellReader {
  private readonly cache = new Map<string, EdnValue>()
  /** Identities by kind cell, then id cell (no key string built per lookup). */
  private readonly identities = new Map<string, Map<string, Identity>>()
  private identityCount = 0

  /** Parse a cell; a cell that is not EDN raises a StoreError naming the cell. */
  value(text: string, seqNo: number, table: string, column: string): EdnValue {
    const cacheable = text.length <= CACHEABLE_LENGTH
    if (cacheable) {
      const hit = this.cache.get(text)
      if (hit !== undefined) return hit
    }
    const value = this.uncached(text, seqNo, table, column)
    if (cacheable) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear()
      this.cache.set(text, value)
    }
    return value
  }

  /**
   * Parse a patch cell. Patches rarely repeat, so they skip the cache: caching
   * them only churned it (and kept thousands of dead values alive long enough
   * for the garbage collector to copy them).
   */
  patch(text: string, seqNo: number, table: string): EdnValue {
    return this.uncached(text, seqNo, table, 'patch')
  }

  private uncached(text: string, seqNo: number, table: string, column: string): EdnValue {
    try {
      return readEdn(text)
    } catch (e) {
      if (e instanceof EdnParseError) {
        throw new StoreError(
          'invalid-cell',
          `The cell at ${describe(seqNo, table, column)} is not valid EDN (${e.message}). Run the integrity check; the store was not changed.`
        )
      }
      throw e
    }
  }

  /** Parse a cell that must hold a keyword (sources, reasons, kinds). */
  keyword(text: string, seqNo: number, table: string, column: string): EdnKeyword {
    const value = this.value(text, seqNo, table, column)
    if (value.t !== 'kw') throw invalid(seqNo, table, column, text, 'a keyword')
    return value
  }

  /** Parse an identity from its kind and id cells (`<prefix>_kind`, `<prefix>_id`). */
  identity(kindText: string, idText: string, seqNo: number, table: string, prefix: string): Identity {
    const ofKind = this.identities.get(kindText)
    const hit = ofKind?.get(idText)
    if (hit !== undefined) return hit
    const kind = this.keyword(kindText, seqNo, table, `${prefix}_kind`)
    const id = this.value(idText, seqNo, table, `${prefix}_id`)
    if (id.t !== 'int' && id.t !== 'str' && id.t !== 'uuid') throw invalid(seqNo, table, `${prefix}_id`, idText, 'an integer, a string or a UUID')
    const identity: Identity = { kind, id: id as IdentityId }
    if (this.identityCount >= CACHE_LIMIT) {
      this.identities.clear()
      this.identityCount = 0
    }
    let ids = this.identities.get(kindText)
    if (ids === undefined) {
      ids = new Map()
      this.identities.set(kindText, ids)
    }
    ids.set(idText, identity)
    this.identityCount++
    return identity
  }
}
