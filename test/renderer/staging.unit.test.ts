import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addResolved, batchEdn, clearBatch, dropStagedEvent, getStaging, moveStagedEvent, removeResolved, replaceStagedEvent, stageEvent, startBatch
} from '../../src/renderer/features/compose/staging'

describe('the staged batch', () => {
  it('keeps the base from the start of the batch, stages, edits, reorders, drops and resolves', () => {
    const s = 's1'
    clearBatch(s)
    startBatch(s, 7)
    startBatch(s, 9) // the store moved on: the base stays what the user had seen
    const a = stageEvent(s, '{:a 1}')
    const b = stageEvent(s, '{:b 1}', 'Revert of event 3')
    replaceStagedEvent(s, a, '{:a 2}')
    moveStagedEvent(s, b, 0)
    addResolved(s, 4)
    addResolved(s, 1)
    addResolved(s, 4)
    expect(getStaging(s)).toEqual({ base: 8, events: [{ id: b, edn: '{:b 1}', note: 'Revert of event 3' }, { id: a, edn: '{:a 2}' }], resolved: [1, 4] })
    expect(batchEdn(getStaging(s))).toBe('[{:b 1}\n {:a 2}]')
    removeResolved(s, 1)
    dropStagedEvent(s, b)
    expect(getStaging(s)).toMatchObject({ base: 8, events: [{ id: a }], resolved: [4] })
    clearBatch(s)
    expect(getStaging(s)).toEqual({ base: 0, events: [], resolved: [] })
  })

  it('moving an event keeps every event exactly once and puts it where asked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), fc.integer({ min: -2, max: 10 }), (count, pick, to) => {
        const s = 's2'
        clearBatch(s)
        const ids = Array.from({ length: count }, (_, i) => stageEvent(s, `{:n ${i}}`))
        const id = ids[pick % count]
        moveStagedEvent(s, id, to)
        const after = getStaging(s).events.map((e) => e.id)
        expect([...after].sort()).toEqual([...ids].sort())
        expect(after.indexOf(id)).toBe(Math.max(0, Math.min(to, count - 1)))
      })
    )
  })
})
