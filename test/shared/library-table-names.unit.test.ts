/** `libraryTableNames`: the library's (HoneySQL's) names for tables given as keywords — `-` becomes `_`, nothing else changes. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DEFAULT_TABLES, libraryTableNames } from '../../src/shared/domain'

describe('libraryTableNames', () => {
  it('turns every dash into an underscore and keeps every other character', () => {
    expect(libraryTableNames({ event: 'my-events', action: 'a--b-', effect: 'Eff$x?!', trigger: 'trig.gers' })).toEqual({
      event: 'my_events',
      action: 'a__b_',
      effect: 'Eff$x?!',
      trigger: 'trig.gers'
    })
    expect(libraryTableNames(DEFAULT_TABLES)).toEqual(DEFAULT_TABLES)
  })

  it('changes nothing but dashes, position by position (any text)', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const mapped = libraryTableNames({ event: name, action: name, effect: name, trigger: name }).event
        expect([...mapped]).toEqual([...name].map((c) => (c === '-' ? '_' : c)))
      })
    )
  })
})
