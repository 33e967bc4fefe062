/**
 * The EventStore contract (docs/semantics.md: rebase, read with replay, conflicts), written against the interface only so
 * every adapter (SQLite now, PostgreSQL later) runs the same cases.
 */
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent, TableNames } from '../../../../src/shared/domain'
import type { EventStore } from '../../../../src/main/store/store'

/** How an adapter's test file provides stores. */
export interface StoreHarness {
  /** A fresh, empty, writable store. */
  create(tables?: TableNames): Promise<EventStore>
  /** The same store opened again without write access. */
  reopenReadOnly(store: EventStore): Promise<EventStore>
}

const T = Date.UTC(2026, 10, 28, 14)
const id = (kind: string, v: number | string): Identity => ({ kind: edn.kw(kind), id: typeof v === 'number' ? edn.int(v) : edn.str(v) })
const patch = (k: string, v: number) => edn.map([[edn.kw('assoc'), edn.map([[edn.kw(k), edn.int(v)]])]])
const action = (aggregate: Identity, v = 1, triggers: Identity[] = [], timestampMs = T): NewEvent => ({
  type: 'action', timestampMs, source: edn.kw('test'),
  action: { reason: edn.kw('update'), actor: id('user', 'alice'), aggregate, patch: patch('v', v) }, triggers
})
const effect = (trigger: Identity): NewEvent => ({ type: 'effect', timestampMs: T, source: edn.kw('keys'), effect: { reason: edn.kw('expired'), trigger } })

async function seqNos(events: AsyncIterable<{ seqNo: number }>): Promise<number[]> {
  const out: number[] = []
  for await (const e of events) out.push(e.seqNo)
  return out
}

/** Register the contract cases for one adapter. */
export function describeStoreContract(adapter: string, harness: StoreHarness, tables?: TableNames): void {
  const fresh = (): Promise<EventStore> => harness.create(tables)

  describe(`${adapter} store contract${tables ? ` (tables ${tables.event}/${tables.action}/${tables.effect}/${tables.trigger})` : ''}`, () => {
    it('starts empty', async () => {
      const s = await fresh()
      expect(await s.currentSeqNo()).toBe(0)
      expect(await seqNos(s.read(0))).toEqual([])
      expect(await s.counts()).toEqual({ events: 0, actions: 0, effects: 0, triggers: 0, maxSeqNo: 0 })
      await s.close()
    })

    it('refuses a base beyond the next seq-no and writes nothing on dry runs', async () => {
      const s = await fresh()
      expect(await s.rebase(2, [action(id('book', 1))])).toEqual({ result: 'invalid-seq-no', nextSeqNo: 1 })
      const dry = await s.rebase(1, [action(id('book', 1)), effect(id('key', 1))], { dry: true })
      expect(dry.result === 'ok' && dry.events.map((e) => e.seqNo)).toEqual([1, 2])
      expect(await s.currentSeqNo()).toBe(0)
      await s.close()
    })

    it('conflicts only from the base on, skips resolved seq-nos, never checks effects, and never conflicts within a batch', async () => {
      const s = await fresh()
      await s.rebase(1, [action(id('book', 1)), action(id('book', 2))])
      expect((await s.rebase(2, [action(id('book', 1))])).result).toBe('ok') // seq 1 is before base 2
      const c = await s.rebase(2, [action(id('book', 3)), action(id('book', 2))])
      expect(c.result).toBe('conflict')
      if (c.result === 'conflict') {
        expect(c.events.map((e) => e.seqNo)).toEqual([4])
        expect(c.conflict.ours.seqNo).toBe(5)
        expect(c.conflict.theirs.seqNo).toBe(2)
      }
      expect((await s.rebase(2, [action(id('book', 2))], { resolved: [2] })).result).toBe('ok')
      expect((await s.rebase(1, [effect(id('key', 9)), effect(id('key', 9))])).result).toBe('ok')
      const batch = await s.rebase(await s.currentSeqNo() + 1, [action(id('book', 7)), action(id('book', 7), 2)])
      expect(batch.result).toBe('ok')
      await s.close()
    })

    it('compares identities as printed text: [:book 1] and [:book "1"] are different aggregates', async () => {
      const s = await fresh()
      await s.rebase(1, [action(id('book', 1))])
      expect((await s.rebase(1, [action(id('book', '1'))])).result).toBe('ok')
      expect((await s.rebase(1, [action(id('book', 1))])).result).toBe('conflict')
      await s.close()
    })

    it('finds effects that reach the aggregate through a trigger on any earlier action, with theirs complete', async () => {
      const s = await fresh()
      await s.rebase(1, [action(id('receipt', 1), 1, [id('key', 1), id('key', 2)]), action(id('receipt', 2), 1, [id('key', 3)])])
      await s.rebase(3, [effect(id('key', 2))])
      const c = await s.rebase(3, [action(id('receipt', 1), 2)])
      expect(c.result).toBe('conflict')
      if (c.result === 'conflict') expect(c.conflict.theirs).toMatchObject({ seqNo: 3, type: 'effect', effect: { trigger: id('key', 2) } })
      expect((await s.rebase(3, [action(id('receipt', 2), 2)])).result).toBe('ok')
      const theirs = await s.rebase(1, [action(id('receipt', 1), 3)], { dry: true })
      expect(theirs.result === 'conflict' && theirs.conflict.theirs).toMatchObject({ seqNo: 1, triggers: expect.arrayContaining([id('key', 1), id('key', 2)]) })
      expect((await s.queryConflicts(1, id('receipt', 1))).map((e) => e.seqNo)).toEqual([1, 3])
      expect((await s.queryConflicts(2, id('receipt', 1))).map((e) => e.seqNo)).toEqual([3])
      await s.close()
    })

    it('reads with replay, also when filtered by aggregates or kinds', async () => {
      const s = await fresh()
      await s.rebase(1, [
        action(id('receipt', 1), 1, [id('key', 1)]), action(id('book', 1)), action(id('receipt', 2), 1, [id('key', 2)]),
        action(id('book', 2)), effect(id('key', 1)), action(id('book', 1), 2)
      ])
      expect(await seqNos(s.read(0))).toEqual([1, 2, 3, 4, 6])
      expect(await seqNos(s.read(1))).toEqual([1, 2, 3, 4, 6])
      expect(await seqNos(s.read(4))).toEqual([1, 4, 6])
      expect(await seqNos(s.read(6))).toEqual([6])
      expect(await seqNos(s.filterAggregates(4, [id('receipt', 1)]))).toEqual([1])
      expect(await seqNos(s.filterAggregates(4, [id('book', 1), id('receipt', 2)]))).toEqual([6])
      expect(await seqNos(s.filterAggregateKinds(3, [edn.kw('receipt')]))).toEqual([1, 3])
      expect(await seqNos(s.filterAggregateKinds(4, [edn.kw('book')]))).toEqual([4, 6])
      expect(await s.replayCauses(4)).toEqual([{ aggregate: { kind: ':receipt', id: '1' }, effects: [5] }])
      await s.close()
    })

    it('stores timestamps as whole epoch seconds, flooring', async () => {
      const s = await fresh()
      await s.rebase(1, [action(id('book', 1), 1, [], -500), action(id('book', 2), 1, [], 1999)])
      const read: number[] = []
      for await (const e of s.read(1)) read.push(e.timestampMs)
      expect(read).toEqual([-1000, 1000])
      await s.close()
    })

    it('pages by keyset both ways, filters, counts and lists aggregates', async () => {
      const s = await fresh()
      const events: NewEvent[] = []
      for (let i = 1; i <= 30; i++) events.push(i % 10 === 0 ? effect(id('key', i)) : action(id(i % 2 ? 'book' : 'order', i % 3), i, i % 5 === 0 ? [id('key', i + 10)] : []))
      await s.rebase(1, events)
      const first = await s.pageEvents({ limit: 10 })
      expect(first.rows.map((r) => r.seqNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect([first.hasMoreBefore, first.hasMoreAfter]).toEqual([false, true])
      const next = await s.pageEvents({ limit: 10, after: 10 })
      expect(next.rows[0].seqNo).toBe(11)
      expect(next.hasMoreBefore).toBe(true)
      const back = await s.pageEvents({ limit: 5, before: 30 })
      expect(back.rows.map((r) => r.seqNo)).toEqual([25, 26, 27, 28, 29])
      expect([back.hasMoreBefore, back.hasMoreAfter]).toEqual([true, true])
      const effects = await s.pageEvents({ limit: 100, filter: { type: 'effect' } })
      expect(effects.rows.map((r) => r.seqNo)).toEqual([10, 20, 30])
      expect(effects.rows[0]).toMatchObject({ type: 'effect', triggerKind: ':key', triggerId: '10' })
      const books = await s.pageEvents({ limit: 100, filter: { aggregateKind: ':book' } })
      expect(books.rows.every((r) => r.aggregateKind === ':book')).toBe(true)
      expect(await s.countEvents({ aggregateKind: ':book' })).toBe(books.rows.length)
      expect(await s.countEvents({ aggregate: { kind: ':order', id: '1' } })).toBe((await s.aggregateHistory({ kind: ':order', id: '1' })).length)
      expect((await s.pageEvents({ limit: 100, filter: { trigger: { kind: ':key', id: '15' } } })).rows.map((r) => r.seqNo)).toEqual([5])
      expect((await s.pageEvents({ limit: 100, filter: { fromSeqNo: 3, toSeqNo: 4 } })).rows.map((r) => r.seqNo)).toEqual([3, 4])
      expect((await s.pageEvents({ limit: 100, filter: { patchText: ':v 27' } })).rows.map((r) => r.seqNo)).toEqual([27])
      expect(await s.countEvents()).toBe(30)
      expect((await s.eventRow(5))?.triggers).toEqual([[':key', '15']])
      expect(await s.eventRow(99)).toBeNull()
      const aggs = await s.aggregates({ limit: 2 })
      expect(aggs.map((a) => [a.kind, a.id])).toEqual([[':book', '0'], [':book', '1']])
      const more = await s.aggregates({ limit: 10, after: { kind: aggs[1].kind, id: aggs[1].id } })
      expect(more[0]).toMatchObject({ kind: ':book', id: '2' })
      expect((await s.aggregateKinds()).map((k) => k.kind)).toEqual([':book', ':order'])
      await s.close()
    })

    it('refuses rebase on a read-only store', async () => {
      const s = await fresh()
      await s.rebase(1, [action(id('book', 1))])
      const ro = await harness.reopenReadOnly(s)
      expect(ro.readOnly).toBe(true)
      await expect(ro.rebase(2, [action(id('book', 2))])).rejects.toMatchObject({ code: 'read-only' })
      expect(await ro.currentSeqNo()).toBe(1)
      await ro.close()
      await s.close()
    })
  })
}
