/** Filter chips and typed filter values: labels, removal, and the cell texts the store compares. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { EventFilter } from '../../../src/shared/browse'
import { describeFilter, filterChips, FILTER_FIELDS, parseIdentity, parseKeyword, removeField } from '../../../src/renderer/features/events/filters/filter-model'
import { applyField } from '../../../src/renderer/features/events/filters/filter-form'

const full: EventFilter = {
  type: 'action', aggregateKind: ':book', aggregate: { kind: ':book', id: '"Dune"' }, reason: ':create', source: ':shop',
  actor: { kind: ':user', id: '"alice"' }, trigger: { kind: ':key', id: '1' }, fromTime: 0, toTime: 60, fromSeqNo: 3, toSeqNo: 9, patchText: 'Gibson'
}

describe('filter chips', () => {
  it('shows one chip per field in menu order, and removing every chip leaves no filter', () => {
    const chips = filterChips(full)
    expect(chips.map((c) => c.field)).toEqual(FILTER_FIELDS.map((f) => f.field))
    expect(chips.find((c) => c.field === 'aggregate')?.label).toBe('aggregate [:book "Dune"]')
    expect(chips.find((c) => c.field === 'seqNo')?.label).toBe('seq-no 3 – 9')
    expect(chips.reduce<EventFilter>((f, c) => removeField(f, c.field), full)).toEqual({})
    expect(describeFilter({})).toBe('all events')
  })

  it('removes exactly one field and keeps the others (any subset of fields)', () => {
    fc.assert(
      fc.property(fc.subarray(FILTER_FIELDS.map((f) => f.field)), fc.constantFrom(...FILTER_FIELDS.map((f) => f.field)), (kept, removed) => {
        const filter = kept.reduce<EventFilter>((f, field) => removeField(f, field), full)
        const chips = filterChips(removeField(filter, removed)).map((c) => c.field)
        expect(chips).not.toContain(removed)
        expect(chips).toEqual(filterChips(filter).map((c) => c.field).filter((f) => f !== removed))
      })
    )
  })
})

describe('typed values', () => {
  it('turns keywords and identities into the stored cell texts', () => {
    expect(parseKeyword('create', 'reason')).toEqual({ ok: true, value: ':create' })
    expect(parseKeyword(' :shop/create ', 'reason')).toEqual({ ok: true, value: ':shop/create' })
    expect(parseIdentity('[:book "Neuromancer"]', 'aggregate')).toEqual({ ok: true, value: { kind: ':book', id: '"Neuromancer"' } })
    expect(parseIdentity(':receipt 1', 'aggregate')).toEqual({ ok: true, value: { kind: ':receipt', id: '1' } })
    expect(parseIdentity('[:k #uuid  "0b6b1c9e-3d3c-4c4a-9a59-2f8d6f3a0d11"]', 'trigger')).toEqual({ ok: true, value: { kind: ':k', id: '#uuid "0b6b1c9e-3d3c-4c4a-9a59-2f8d6f3a0d11"' } })
  })

  it('says what is wrong with a value instead of filtering on it', () => {
    const wrong = [parseKeyword('two words', 'reason'), parseIdentity('[:book Neuromancer]', 'aggregate'), parseIdentity('[:book]', 'aggregate'), parseIdentity('["book" 1]', 'aggregate')]
    for (const parsed of wrong) expect(parsed.ok).toBe(false)
    expect(applyField({}, 'seqNo', '9', '3')).toEqual({ ok: false, message: 'The seq-no range starts after it ends; swap the two values.' })
    expect(applyField({}, 'seqNo', '', '')).toMatchObject({ ok: false })
    expect(applyField({}, 'seqNo', '', '12')).toEqual({ ok: true, value: { fromSeqNo: undefined, toSeqNo: 12 } })
    expect(applyField({ reason: ':a' }, 'patchText', '', '')).toMatchObject({ ok: false })
  })
})
