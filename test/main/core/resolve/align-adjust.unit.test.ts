import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ednEquals, printEdn, readEdn } from '../../../../src/main/core/edn'
import { applyPatch, validatePatch } from '../../../../src/main/core/domain'
import {
  NOT_FOUND,
  adjustPatch,
  alignStates,
  alignedKeyView,
  chosenValue,
  sameLookup,
  valueAt,
  type AlignedPath,
  type Choice
} from '../../../../src/main/core/resolve'
import { map } from '../domain/events'
import { arbitraryPatch, arbitraryState, tryApply } from './arbitrary-states'

function aligned(base: string, theirs: string, ours: string) {
  return alignStates(map(base), map(theirs), map(ours)).map(alignedKeyView)
}

describe('alignStates', () => {
  it('aligns the README walkthrough\'s Bob conflict: both set :author alike, :genre differently', () => {
    expect(aligned('{}', '{:author "William Gibson", :genre "SciFi"}', '{:author "William Gibson", :genre "Cyberpunk"}')).toEqual([
      { key: ':author', path: [':author'], base: null, theirs: '"William Gibson"', ours: '"William Gibson"', mark: 'both', agree: true },
      { key: ':genre', path: [':genre'], base: null, theirs: '"SciFi"', ours: '"Cyberpunk"', mark: 'both', agree: false }
    ])
  })

  it('marks keys changed by ours only, theirs only, both and none, in base order then new keys', () => {
    const rows = aligned('{:a 1, :b 2, :c 3, :d 4}', '{:a 1, :b 20, :c 30, :e 5}', '{:a 1, :b 2, :c 31, :d 40, :f 6}')
    expect(rows.map((r) => [r.key, r.mark, r.agree])).toEqual([
      [':a', 'none', true],
      [':b', 'theirs-only', false],
      [':c', 'both', false],
      [':d', 'both', false], // theirs removed it, ours changed it
      [':e', 'theirs-only', false],
      [':f', 'ours-only', false]
    ])
    expect(rows[3]).toMatchObject({ base: '4', theirs: null, ours: '40' })
  })

  it('descends into nested keyword maps and keeps other values whole', () => {
    const rows = aligned('{:address {:city "Bonn", :zip "53111"}, :tags {"x" 1}}', '{:address {:city "Berlin", :zip "53111"}, :tags {"x" 2}}', '{:address {:city "Bonn", :zip "10115"}, :tags {"x" 1}}')
    expect(rows.map((r) => [r.key, r.mark])).toEqual([
      ['[:address :city]', 'theirs-only'],
      ['[:address :zip]', 'ours-only'],
      [':tags', 'theirs-only']
    ])
  })

  it('treats a key that is a map on one side and a scalar on another as one value', () => {
    const rows = aligned('{:a {:b 1}}', '{:a 5}', '{:a {:b 2}}')
    expect(rows).toEqual([{ key: ':a', path: [':a'], base: '{:b 1}', theirs: '5', ours: '{:b 2}', mark: 'both', agree: false }])
  })

  it('tells nil from an absent key', () => {
    const rows = aligned('{:a nil}', '{}', '{:a nil}')
    expect(rows).toEqual([{ key: ':a', path: [':a'], base: 'nil', theirs: null, ours: 'nil', mark: 'theirs-only', agree: false }])
  })

  it('property: the leaves never nest and together hold every value of every side', () => {
    fc.assert(
      fc.property(arbitraryState, arbitraryState, arbitraryState, (base, theirs, ours) => {
        const rows = alignStates(base, theirs, ours)
        for (const a of rows) for (const b of rows) {
          if (a === b) continue
          const prefix = a.path.length <= b.path.length && a.path.every((s, i) => ednEquals(s, b.path[i]))
          expect(prefix).toBe(false)
        }
        for (const row of rows) {
          expect(sameLookup(row.base, valueAt(base, row.path))).toBe(true)
          expect(sameLookup(row.theirs, valueAt(theirs, row.path))).toBe(true)
          expect(sameLookup(row.ours, valueAt(ours, row.path))).toBe(true)
          const oursChanged = !sameLookup(row.base, row.ours)
          const theirsChanged = !sameLookup(row.base, row.theirs)
          expect(row.mark).toBe(oursChanged && theirsChanged ? 'both' : oursChanged ? 'ours-only' : theirsChanged ? 'theirs-only' : 'none')
        }
        // Taking ours everywhere, from theirs, rebuilds ours exactly (and theirs everywhere changes nothing).
        const allOurs = adjustPatch(theirs, rows, () => ({ take: 'ours' }))
        expect(ednEquals(allOurs.state, ours), `${printEdn(allOurs.state)} = ${printEdn(ours)}`).toBe(true)
        expect(adjustPatch(theirs, rows, () => ({ take: 'theirs' })).patch).toBeNull()
      }),
      { numRuns: 300 }
    )
  })
})

describe('adjustPatch', () => {
  function adjust(base: string, theirs: string, ours: string, choices: Record<string, Choice> = {}) {
    const rows = alignStates(map(base), map(theirs), map(ours))
    const result = adjustPatch(map(theirs), rows, (row) => choices[alignedKeyView(row).key])
    return { patch: result.patch === null ? null : printEdn(result.patch), state: printEdn(result.state) }
  }

  it('resolves Bob\'s conflict like the README: keep ours for :genre, theirs already has the :author', () => {
    expect(adjust('{}', '{:author "William Gibson", :genre "SciFi"}', '{:author "William Gibson", :genre "Cyberpunk"}')).toEqual({
      patch: '{:assoc {:genre "Cyberpunk"}}',
      state: '{:author "William Gibson", :genre "Cyberpunk"}'
    })
  })

  it('builds the patch from per-key choices: ours, theirs, an edited value, and removals', () => {
    const result = adjust('{:a 1, :b 2, :c 3, :d 4}', '{:a 10, :b 20, :c 3, :d 4}', '{:a 11, :b 21, :c 31}', {
      ':a': { take: 'theirs' },
      ':b': { take: 'edit', value: readEdn('{:n 2}') }
    })
    // :a theirs (nothing), :b edited, :c ours (only ours changed it), :d ours removed it.
    expect(result.patch).toBe('{:assoc {:b {:n 2}, :c 31}, :dissoc [:d]}')
    expect(result.state).toBe('{:a 10, :b {:n 2}, :c 31}')
  })

  it('sets nested keys with vector paths and removes them with vector paths', () => {
    const result = adjust('{:address {:city "Bonn", :zip "53111"}}', '{:address {:city "Berlin", :zip "53111"}}', '{:address {:city "Bonn"}}')
    expect(result.patch).toBe('{:dissoc [[:address :zip]]}')
    expect(result.state).toBe('{:address {:city "Berlin"}}')
  })

  it('property: applying theirs then the adjusted patch gives every chosen value, and the patch is valid', () => {
    const choice: fc.Arbitrary<Choice> = fc.oneof(
      fc.constant<Choice>({ take: 'ours' }),
      fc.constant<Choice>({ take: 'theirs' }),
      arbitraryState.map((value): Choice => ({ take: 'edit', value }))
    )
    fc.assert(
      fc.property(arbitraryState, arbitraryState, arbitraryState, fc.array(choice, { maxLength: 20 }), (base, theirs, ours, picks) => {
        const rows = alignStates(base, theirs, ours)
        const pick = (_row: AlignedPath, i: number): Choice => picks[i] ?? { take: 'ours' }
        const { patch, state } = adjustPatch(theirs, rows, pick)
        if (patch !== null) {
          expect(validatePatch(patch)).toEqual([])
          expect(ednEquals(applyPatch(theirs, patch), state)).toBe(true)
        }
        rows.forEach((row, i) => {
          const want = chosenValue(row, pick(row, i))
          const got = valueAt(state, row.path)
          expect(sameLookup(got, want), `${printEdn({ t: 'vec', items: row.path })}: ${got === NOT_FOUND ? 'absent' : printEdn(got)}`).toBe(true)
        })
      }),
      { numRuns: 300 }
    )
  })

  it('property: with a patch as ours, the alignment and adjustment agree with the library\'s apply-patch', () => {
    fc.assert(
      fc.property(arbitraryState, arbitraryPatch, arbitraryPatch, (base, theirsPatch, oursPatch) => {
        const theirs = tryApply(base, theirsPatch)
        const ours = tryApply(base, oursPatch)
        fc.pre(theirs !== null && ours !== null)
        const rows = alignStates(base, theirs!, ours!)
        expect(ednEquals(adjustPatch(theirs!, rows, () => ({ take: 'ours' })).state, ours!)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
