/** Small builders of domain values for the domain tests. */
import { printEdn, readEdn } from '../../../../src/main/core/edn'
import { identityFromEdn } from '../../../../src/main/core/domain'
import type { ActionEvent, Identity } from '../../../../src/shared/domain'
import { edn, type EdnMap } from '../../../../src/shared/edn-value'

/** An identity from its EDN text, e.g. `[:thing 1]`. */
export function identity(text: string): Identity {
  const id = identityFromEdn(readEdn(text))
  if (id === null) throw new Error(`${text} is not an identity`)
  return id
}

/** A map from its EDN text. */
export function map(text: string): EdnMap {
  const value = readEdn(text)
  if (value.t !== 'map') throw new Error(`${text} is not a map`)
  return value
}

/** An action event on `aggregate` with `patch` (both EDN text), like the library's test events. */
export function action(seqNo: number, aggregate: string, patch: string, triggers: string[] = []): ActionEvent {
  return {
    type: 'action',
    seqNo,
    timestampMs: Date.UTC(2026, 10, 28, 14),
    source: edn.kw('coherence.projection-tests', 'test'),
    action: { reason: edn.kw('update'), actor: identity('[:test 1]'), aggregate: identity(aggregate), patch: readEdn(patch) },
    triggers: triggers.map(identity)
  }
}

/** An identity as EDN text, for readable assertions. */
export function identityText(id: Identity): string {
  return printEdn(edn.vec([id.kind, id.id]))
}
