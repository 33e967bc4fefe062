/**
 * The restriction of a read as the user types it — an EDN vector of
 * identities (`filter-events-by-aggregates`) or of kinds
 * (`filter-events-by-aggregate-kinds`) — parsed and checked with sentences
 * that name the field. The CLI (`read --aggregates/--kinds`) and the replay
 * preview share it.
 */
import type { EdnKeyword, EdnValue } from '../../../shared/edn-value'
import type { Identity } from '../../../shared/domain'
import { EdnParseError, printEdn, readEdn } from '../edn'
import { identityFromEdn } from './validate-identity'

/** Why a typed-in restriction is not one, as a sentence naming the field. */
export class ReadScopeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReadScopeError'
  }
}

/** A read restricted to aggregates, or to aggregate kinds. */
export type ParsedReadScope = { readonly aggregates: readonly Identity[] } | { readonly kinds: readonly EdnKeyword[] }

/** How the two fields are called in messages (CLI: `--aggregates`, `--kinds`). */
export interface ScopeLabels {
  readonly aggregates: string
  readonly kinds: string
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function vectorItems(label: string, text: string, what: string): readonly EdnValue[] {
  let value: EdnValue
  try {
    value = readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) throw new ReadScopeError(`${label} is not valid EDN: ${e.message}`)
    throw e
  }
  if (value.t !== 'vec' && value.t !== 'list') throw new ReadScopeError(`${label} must be an EDN vector of ${what}; got ${printEdn(value)}.`)
  return value.items
}

/**
 * The scope given by at most one of the two texts (undefined: the whole
 * store). Throws ReadScopeError for both at once, bad EDN, or wrong items.
 */
export function parseReadScope(aggregatesText: string | undefined, kindsText: string | undefined, labels: ScopeLabels): ParsedReadScope | undefined {
  if (aggregatesText !== undefined && kindsText !== undefined) {
    throw new ReadScopeError(`Give either ${lowerFirst(labels.aggregates)} or ${lowerFirst(labels.kinds)}, not both (the library filters by one or the other).`)
  }
  if (aggregatesText !== undefined) {
    const aggregates = vectorItems(labels.aggregates, aggregatesText, 'identities').map((v) => {
      const identity = identityFromEdn(v)
      if (identity === null) {
        throw new ReadScopeError(`${labels.aggregates} must be an identity [kind id] (kind a keyword, id an integer, string or UUID); got ${printEdn(v)}.`)
      }
      return identity
    })
    return { aggregates }
  }
  if (kindsText !== undefined) {
    const kinds = vectorItems(labels.kinds, kindsText, 'keywords').map((v) => {
      if (v.t !== 'kw') throw new ReadScopeError(`${labels.kinds} must hold keywords only; got ${printEdn(v)}.`)
      return v
    })
    return { kinds }
  }
  return undefined
}
