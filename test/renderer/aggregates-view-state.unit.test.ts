/** Pure helpers of the Aggregates section: scrubber positions, diff defaults, identities. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultPoints, positionOf, sameAggregate } from '../../src/renderer/features/aggregates/view-state'
import { identityText } from '../../src/shared/browse'

describe('the scrubber position of a seq-no', () => {
  it('is the last action at or before it, -1 before the first', () => {
    const seqNos = [3, 8, 20]
    expect([0, 2, 3, 7, 8, 19, 20, 1000].map((n) => positionOf(seqNos, n))).toEqual([-1, -1, 0, 0, 1, 1, 2, 2])
    expect(positionOf([], 5)).toBe(-1)
  })

  it('agrees with a linear scan for any ascending seq-nos', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(500), { maxLength: 40 }), fc.nat(520), (raw, asOf) => {
        const seqNos = [...raw].sort((a, b) => a - b)
        let expected = -1
        seqNos.forEach((s, i) => {
          if (s <= asOf) expected = i
        })
        expect(positionOf(seqNos, asOf)).toBe(expected)
      })
    )
  })
})

describe('the diff’s default points', () => {
  it('compare the last two actions; one action against the empty state; nothing with none', () => {
    expect(defaultPoints([{ seqNo: 1 }, { seqNo: 4 }, { seqNo: 9 }])).toEqual({ from: 4, to: 9 })
    expect(defaultPoints([{ seqNo: 4 }])).toEqual({ from: 0, to: 4 })
    expect(defaultPoints([])).toEqual({ from: 0, to: 0 })
  })
})

describe('identities', () => {
  it('print as the library writes them and compare as cell text', () => {
    expect(identityText({ kind: ':book', id: '"Neuromancer"' })).toBe('[:book "Neuromancer"]')
    expect(sameAggregate({ kind: ':book', id: '1' }, { kind: ':book', id: '1' })).toBe(true)
    expect(sameAggregate({ kind: ':book', id: '1' }, { kind: ':book', id: '1N' })).toBe(false)
    expect(sameAggregate(null, { kind: ':book', id: '1' })).toBe(false)
  })
})
