/**
 * fast-check generators of aggregate states and patches over a few keys, so
 * that random states, patches and choices overlap often (same keys, nested
 * maps, nil, removed keys).
 */
import fc from 'fast-check'
import type { EdnMap, EdnValue } from '../../../../src/shared/edn-value'
import { edn } from '../../../../src/shared/edn-value'
import { applyPatch, validatePatch } from '../../../../src/main/core/domain'
import { arbitraryEdn } from '../edn/arbitrary'

const KEYS = ['a', 'b', 'c', 'd'].map((name) => edn.kw(name))

/** One of a few keywords. */
export const arbitraryStep: fc.Arbitrary<EdnValue> = fc.constantFrom(...KEYS)

/** Small leaf values, sometimes nil, sometimes any EDN. */
const leaf: fc.Arbitrary<EdnValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }).map((v) => edn.int(v)) },
  { weight: 1, arbitrary: fc.constant<EdnValue>(edn.nil) },
  { weight: 1, arbitrary: fc.constantFrom('x', 'y').map((v) => edn.str(v)) },
  { weight: 1, arbitrary: arbitraryEdn({ maxDepth: 1, maxItems: 3 }) }
)

/** A state: a map from a few keywords to leaves or nested states. */
export const arbitraryState: fc.Arbitrary<EdnMap> = fc.letrec<{ map: EdnMap; value: EdnValue }>((tie) => ({
  map: fc
    .uniqueArray(fc.tuple(arbitraryStep, tie('value')), { maxLength: 4, selector: ([k]) => (k as { name: string }).name })
    .map((entries) => edn.map(entries)),
  value: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, tie('map'))
})).map

/** A key path of one to three steps. */
export const arbitraryPath: fc.Arbitrary<EdnValue[]> = fc.array(arbitraryStep, { minLength: 1, maxLength: 3 })

/** A patch key: a keyword, or a vector path (rarely a list). */
const patchKey: fc.Arbitrary<EdnValue> = fc.oneof(
  { weight: 3, arbitrary: arbitraryStep },
  { weight: 3, arbitrary: arbitraryPath.map((p) => edn.vec(p)) },
  { weight: 1, arbitrary: arbitraryPath.map((p) => edn.list(p)) }
)

/** A valid library patch over the few keys (it may still fail to apply on a given state). */
export const arbitraryPatch: fc.Arbitrary<EdnValue> = fc
  .record({
    assoc: fc.uniqueArray(fc.tuple(patchKey, fc.oneof(leaf, arbitraryState)), { maxLength: 3, selector: ([k]) => JSON.stringify(k) }),
    dissoc: fc.uniqueArray(patchKey, { maxLength: 2, selector: (k) => JSON.stringify(k) })
  })
  .map(({ assoc, dissoc }) => {
    const entries: (readonly [EdnValue, EdnValue])[] = []
    if (assoc.length > 0) entries.push([edn.kw('assoc'), edn.map(assoc)])
    if (dissoc.length > 0) entries.push([edn.kw('dissoc'), edn.vec(dissoc)])
    return edn.map(entries)
  })
  .filter((patch) => validatePatch(patch).length === 0)

/** `applyPatch`, or null where Clojure would throw (assoc-in through a number, say). */
export function tryApply(state: EdnMap, patch: EdnValue): EdnMap | null {
  try {
    return applyPatch(state, patch)
  } catch {
    return null
  }
}
