import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addResolved, batchEdn, clearBatch, dropStagedEvent, getStaging, moveStagedEvent, removeResolved, replaceStagedEvent, stageEvent, startBatch
} from '../../src/renderer/features/compose/staging'
import { restamp, timestampOf } from '../../src/renderer/features/compose/timestamps'

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
    expect(batchEdn(getStaging(s), 0)).toBe('[{:b 1}\n {:a 2}]')
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

  it('stamps events staged "now at commit" with the time the batch is sent, in whole seconds; others keep theirs', () => {
    const s = 'store-stamp'
    startBatch(s, 0)
    const at = '{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :x, :effect {:reason :r, :trigger [:t 1]}}'
    stageEvent(s, at)
    stageEvent(s, at, undefined, true)
    const now = Date.parse('2026-12-06T13:05:42.789Z')
    expect(batchEdn(getStaging(s), now)).toBe(`[${at}\n ${at.replace('2026-11-28T14:00:00.000', '2026-12-06T13:05:42.000')}]`)
    expect(timestampOf(at)).toBe(Date.parse('2026-11-28T14:00:00Z'))
    expect(restamp('[not an event]', now)).toBe('[not an event]')
    clearBatch(s)
  })
})
