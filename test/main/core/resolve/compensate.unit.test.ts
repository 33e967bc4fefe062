import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ednEquals, printEdn, readEdn } from '../../../../src/main/core/edn'
import { applyPatch, validatePatch } from '../../../../src/main/core/domain'
import { compensationPatch, sameLookup, touchedPaths, valueAt } from '../../../../src/main/core/resolve'
import { map } from '../domain/events'
import { arbitraryPatch, arbitraryState, tryApply } from './arbitrary-states'

/** The compensation of `patch` applied to `before` (current = after unless given), printed. */
function revert(before: string, patch: string, current?: string): string | null {
  const beforeState = map(before)
  const after = applyPatch(beforeState, readEdn(patch))
  const inverse = compensationPatch(beforeState, after, readEdn(patch), current === undefined ? after : map(current))
  return inverse === null ? null : printEdn(inverse)
}

describe('compensationPatch', () => {
  it('assocs previous values and dissocs keys the action added', () => {
    expect(revert('{:author "William Gibson", :genre "SciFi"}', '{:assoc {:genre "Cyberpunk", :isbn "0-441"}}')).toBe('{:assoc {:genre "SciFi"}, :dissoc [:isbn]}')
  })

  it('puts back keys the action removed', () => {
    expect(revert('{:a 1, :b {:c 2, :d 3}}', '{:dissoc [:a [:b :c]]}')).toBe('{:assoc {:a 1, [:b :c] 2}}')
  })

  it('removes an intermediate map the action created at the level it was created', () => {
    expect(revert('{:x 1}', '{:assoc {[:address :city] "Bonn"}}')).toBe('{:dissoc [:address]}')
    expect(revert('{:address {:zip "53111"}}', '{:assoc {[:address :city] "Bonn"}}')).toBe('{:dissoc [[:address :city]]}')
  })

  it('puts back a nil that assoc-in replaced by a map', () => {
    expect(revert('{:a nil}', '{:assoc {[:a :b] 1}}')).toBe('{:assoc {:a nil}}')
  })

  it('reverts the first event of an aggregate by removing all it set', () => {
    expect(revert('{}', '{:assoc {:author "William Gibson", :genre "SciFi"}}')).toBe('{:dissoc [:author :genre]}')
  })

  it('is null when the action changed nothing', () => {
    expect(revert('{:a 1}', '{:dissoc [:b]}')).toBeNull()
    expect(revert('{:a 1}', '{:assoc {:a 1}}')).toBeNull()
  })

  it('takes the path a list key really removes (the library pops a list from the front)', () => {
    // (:a :b) is checked as [:a :b] but removes [:b :a]
    expect(touchedPaths(readEdn('{:dissoc [(:a :b)]}')).map((p) => printEdn({ t: 'vec', items: p }))).toEqual(['[:b :a]'])
  })

  it('on a later state, only removes the nested key when a later action added next to it', () => {
    expect(revert('{}', '{:assoc {[:address :city] "Bonn"}}', '{:address {:city "Bonn", :zip "53111"}}')).toBe('{:dissoc [[:address :city]]}')
  })

  it('on a later state that replaced a parent by a scalar, restores the parent whole', () => {
    expect(revert('{:a {:b 1, :c 2}}', '{:assoc {[:a :b] 5}}', '{:a 7}')).toBe('{:assoc {:a {:b 1, :c 2}}}')
  })

  it('property: applying the action then its compensation gives back the state before', () => {
    fc.assert(
      fc.property(arbitraryState, arbitraryPatch, (before, patch) => {
        const after = tryApply(before, patch)
        fc.pre(after !== null)
        const inverse = compensationPatch(before, after!, patch)
        if (inverse === null) {
          expect(ednEquals(after!, before)).toBe(true)
          return
        }
        expect(validatePatch(inverse)).toEqual([])
        const restored = applyPatch(after!, inverse)
        expect(ednEquals(restored, before), `${printEdn(before)} + ${printEdn(patch)} + ${printEdn(inverse)} = ${printEdn(restored)}`).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('property: on top of later changes, the compensation applies and restores every touched key', () => {
    fc.assert(
      fc.property(arbitraryState, arbitraryPatch, arbitraryPatch, (before, patch, later) => {
        const after = tryApply(before, patch)
        fc.pre(after !== null)
        const current = tryApply(after!, later)
        fc.pre(current !== null)
        const inverse = compensationPatch(before, after!, patch, current!)
        const restored = inverse === null ? current! : applyPatch(current!, inverse)
        if (inverse !== null) expect(validatePatch(inverse)).toEqual([])
        for (const path of touchedPaths(patch)) {
          expect(sameLookup(valueAt(restored, path), valueAt(before, path)), `${printEdn({ t: 'vec', items: path })} in ${printEdn(restored)}`).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })
})
