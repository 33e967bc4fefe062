import { describe, expect, it } from 'vitest'
import { suggestionQuery } from '../../src/renderer/app/suggestion-query'

describe('suggestionQuery', () => {
  it('reads a bare text as an id to look for in every kind', () => {
    expect(suggestionQuery('  Neu ')).toEqual({ kind: null, rest: 'Neu' })
    expect(suggestionQuery('"Dune"')).toEqual({ kind: null, rest: '"Dune"' })
  })

  it('reads a leading keyword as the kind, with or without brackets', () => {
    expect(suggestionQuery(':book Neu')).toEqual({ kind: ':book', rest: 'Neu' })
    expect(suggestionQuery('[:book "Neuromancer"]')).toEqual({ kind: ':book', rest: '"Neuromancer"' })
    expect(suggestionQuery('[:price-list  2026 ')).toEqual({ kind: ':price-list', rest: '2026' })
    expect(suggestionQuery(':bo')).toEqual({ kind: ':bo', rest: '' })
  })
})
