/**
 * readEventBatch: the compact reading of a rebase batch — the same events and
 * problems as parseNewEvents, each event printed as given with :seq-no added
 * the way the library's `assoc` adds it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseNewEvents, readEventBatch, type EventBatch } from '../../../../src/main/core/domain'
import { printEdn, readEdn } from '../../../../src/main/core/edn'
import { patchToCell } from '../../../../src/main/store/cells'

const ACTION = '{:timestamp #inst "2026-11-28T14:00:00Z", :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "N"], :patch {:assoc {:a 1}}}'

function batchOf(text: string): EventBatch {
  const read = readEventBatch(text)
  if (!read.ok) throw new Error(JSON.stringify(read))
  return read.batch
}

describe('readEventBatch', () => {
  it('reads the same events as parseNewEvents, patches kept as their cells (500 generated batches)', () => {
    const event = fc.record({
      id: fc.integer({ min: 1, max: 10_000 }),
      title: fc.string({ maxLength: 20 }).filter((s) => !/[\uD800-\uDFFF]/.test(s)),
      effect: fc.boolean()
    })
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 20 }), (events) => {
        const text = `[${events.map((e) => e.effect
          ? `{:timestamp #inst "2026-01-01T00:00:00Z" :source :ks :effect {:reason :x :trigger [:k ${e.id}]}}`
          : `{:timestamp #inst "2026-01-01T00:00:00Z" :source :s :action {:reason :r :actor [:u 1] :aggregate [:b ${e.id}] :patch {:assoc {:t ${printEdn({ t: 'str', v: e.title })}}}}}`).join('\n')}]`
        const expected = parseNewEvents(readEdn(text))
        const batch = batchOf(text)
        if (!expected.ok) throw new Error('generator made invalid events')
        expect(batch.events.length).toBe(expected.events.length)
        batch.events.forEach((ev, i) => {
          const want = expected.events[i]
          expect(ev.type).toBe(want.type)
          if (ev.type === 'action' && want.type === 'action') {
            expect(patchToCell(ev.action)).toBe(printEdn(want.action.patch))
            expect(printEdn(ev.action.patch)).toBe(printEdn(want.action.patch))
            expect(ev.action.aggregate).toEqual(want.action.aggregate)
          }
        })
      }),
      { numRuns: 500 }
    )
  })

  it('prints each event as given with :seq-no after its keys, triggers as given', () => {
    const batch = batchOf(`[${ACTION}, :triggers [[:k 2] [:k 1]]} {:source :s :timestamp #inst "2026-11-28T14:00:00Z" :effect {:trigger [:k 1] :reason :x}}]`)
    expect(batch.printGiven(0, 7)).toBe(
      '{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "N"], :patch {:assoc {:a 1}}}, :triggers [[:k 2] [:k 1]], :seq-no 7}'
    )
    expect(batch.printGiven(1, 8)).toBe('{:source :s, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :effect {:trigger [:k 1], :reason :x}, :seq-no 8}')
  })

  it('an event of 8 keys becomes a hash map when :seq-no is added, as assoc makes it', () => {
    const extra = ':e1 1 :e2 2 :e3 3 :e4 4'
    const batch = batchOf(`[${ACTION} ${extra}}]`)
    const given = readEdn(`${ACTION} ${extra} :seq-no 5}`)
    expect(batch.printGiven(0, 5)).toBe(printEdn(given))
  })

  it('refuses a list, an empty vector, a lone surrogate, and lists at most 20 problems', () => {
    const list = readEventBatch(`(${ACTION}})`)
    expect(list.ok === false && list.reason === 'invalid' && list.errors[0].message).toMatch(/write the events in \[ \], not \( \)/)
    const empty = readEventBatch('[]')
    expect(empty.ok === false && empty.reason === 'invalid' && empty.errors[0].message).toMatch(/must not be empty/)
    const surrogate = readEventBatch(`[${ACTION}} ${ACTION.replace('"N"', '"x\\ud800"')}}]`)
    expect(surrogate.ok === false && surrogate.reason === 'invalid' && surrogate.errors[0].message).toMatch(/^Event 2 holds a lone surrogate \\uD800/)
    const many = readEventBatch(`[${Array.from({ length: 30 }, () => '{:x 1}').join(' ')}]`)
    expect(many.ok === false && many.reason === 'invalid' && many.errors.length).toBe(20)
    expect(many.ok === false && many.reason === 'invalid' && many.more).toBeGreaterThan(0)
    const edn = readEventBatch('[{:a')
    expect(edn.ok === false && edn.reason).toBe('edn')
  })

  it('notes cells longer than the library schema declares (code points, as PostgreSQL counts)', () => {
    const id50 = 'é'.repeat(48) // 50 characters printed with its quotes
    const fits = readEventBatch(`[${ACTION.replace('"N"', `"${id50}"`)}}]`)
    expect(fits.ok && fits.notices).toEqual([])
    const long = readEventBatch(`[${ACTION.replace('"N"', `"${id50}x"`)}}]`)
    expect(long.ok && long.notices).toEqual([
      "Event 1: the aggregate_id cell is 51 characters long; the library's schema declares VARCHAR(50), which PostgreSQL enforces and SQLite does not."
    ])
    const astral = readEventBatch(`[${ACTION.replace('"N"', `"${'😀'.repeat(48)}"`)}}]`)
    expect(astral.ok && astral.notices).toEqual([])
  })
})
