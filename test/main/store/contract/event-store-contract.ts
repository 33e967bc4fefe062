/**
 * The `EventStore` contract (docs/semantics.md: rebase, read with replay, conflicts): every member of the interface, on
 * stores made by the adapter's factory, plus the library's own reader, writer
 * and core tests ported case by case and a model-based property. Written
 * against the interface only; an adapter runs it with one call.
 */
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import { DEFAULT_TABLES, type NewEvent, type TableNames } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { seqNos, withFreshStore, type StoreAdapterFactory } from './adapter'
import { action, effect, id } from './events'
import { describeLibraryReaderCases } from './library-reader-cases'
import { describeLibraryWriterCases } from './library-writer-cases'
import { describeLibraryCoreCases } from './library-core-cases'
import { describeModelCases } from './model-cases'

/** Register the EventStore contract for one adapter (and one table-name convention). */
export function describeEventStoreContract(factory: StoreAdapterFactory, tables?: TableNames): void {
  const fresh = <T>(work: (s: OpenedStore) => Promise<T>): Promise<T> => withFreshStore(factory, work, tables)
  const label = tables ? ` (tables ${tables.event}/${tables.action}/${tables.effect}/${tables.trigger})` : ''

  describe(`${factory.name} EventStore contract${label}`, () => {
    it('tables and readOnly: the names it was made with, writable; a read-only connection says so', () =>
      fresh(async (s) => {
        expect(s.tables).toEqual(tables ?? DEFAULT_TABLES)
        expect(s.readOnly).toBe(false)
        const ro = await factory.reopenReadOnly(s)
        expect([ro.readOnly, ro.tables]).toEqual([true, tables ?? DEFAULT_TABLES])
        await ro.close()
      }))

    it('starts empty', () =>
      fresh(async (s) => {
        expect(await s.currentSeqNo()).toBe(0)
        expect(await seqNos(s.read(0))).toEqual([])
        expect(await seqNos(s.filterAggregates(0, [id('book', 1)]))).toEqual([])
        expect(await seqNos(s.filterAggregateKinds(0, [edn.kw('book')]))).toEqual([])
        expect(await s.queryConflicts(1, id('book', 1))).toEqual([])
      }))

    it('refuses a base beyond the next seq-no and writes nothing on dry runs', () =>
      fresh(async (s) => {
        expect(await s.rebase(2, [action(id('book', 1))])).toEqual({ result: 'invalid-seq-no', nextSeqNo: 1 })
        const dry = await s.rebase(1, [action(id('book', 1)), effect(id('key', 1))], { dry: true })
        expect(dry.result === 'ok' && dry.events.map((e) => e.seqNo)).toEqual([1, 2])
        expect(await s.currentSeqNo()).toBe(0)
      }))

    it('rejects a base that is not a positive integer, an empty batch and resolved seq-nos that are not distinct positive integers', () =>
      fresh(async (s) => {
        await expect(s.rebase(0, [action(id('book', 1))])).rejects.toThrow(/base/)
        await expect(s.rebase(1, [])).rejects.toThrow(/at least one event/)
        await expect(s.rebase(1, [action(id('book', 1))], { resolved: [1, 1] })).rejects.toThrow(/distinct/)
        expect(await s.currentSeqNo()).toBe(0)
      }))

    it('conflicts only from the base on, skips resolved seq-nos, never checks effects, and never conflicts within a batch', () =>
      fresh(async (s) => {
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
        const batch = await s.rebase((await s.currentSeqNo()) + 1, [action(id('book', 7)), action(id('book', 7), 2)])
        expect(batch.result).toBe('ok')
      }))

    it('compares identities as printed text: [:book 1] and [:book "1"] are different aggregates', () =>
      fresh(async (s) => {
        await s.rebase(1, [action(id('book', 1))])
        expect((await s.rebase(1, [action(id('book', '1'))])).result).toBe('ok')
        expect((await s.rebase(1, [action(id('book', 1))])).result).toBe('conflict')
      }))

    it('finds effects that reach the aggregate through a trigger on any earlier action, with theirs complete', () =>
      fresh(async (s) => {
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
      }))

    it('reads with replay, also when filtered by aggregates or kinds', () =>
      fresh(async (s) => {
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
      }))

    it('delivers only the part after a seq-no when given a range, with the same replay rule', () =>
      fresh(async (s) => {
        await s.rebase(1, [
          action(id('receipt', 1), 1, [id('key', 1)]), action(id('book', 1)), action(id('receipt', 2), 1, [id('key', 2)]),
          action(id('book', 2)), effect(id('key', 1)), action(id('book', 1), 2)
        ])
        expect(await seqNos(s.read(4, { after: 1 }))).toEqual([4, 6])
        expect(await seqNos(s.read(4, { after: 4 }))).toEqual([6])
        expect(await seqNos(s.read(0, { after: 6 }))).toEqual([])
        expect(await seqNos(s.filterAggregates(4, [id('receipt', 1), id('book', 1)], { after: 1 }))).toEqual([6])
        expect(await seqNos(s.filterAggregateKinds(0, [edn.kw('receipt')], { after: 1 }))).toEqual([3])
      }))

    it('reads events back exactly as they were written, triggers included', () =>
      fresh(async (s) => {
        const written: NewEvent[] = [action(id('receipt', 1), 1, [id('key', 1), id('key', 2)]), action(id('book', 'x'), 2)]
        const result = await s.rebase(1, written)
        const read = []
        for await (const e of s.read(0)) read.push(e)
        expect(read).toHaveLength(2)
        expect(result.result === 'ok' && result.events.map((e) => e.seqNo)).toEqual([1, 2])
        expect(read[0]).toMatchObject({ seqNo: 1, type: 'action', source: edn.kw('test'), action: (written[0] as { action: unknown }).action })
        expect(read[0].triggers).toEqual(expect.arrayContaining([id('key', 1), id('key', 2)]))
        expect(read[1]).toEqual({ ...written[1], seqNo: 2 })
      }))

    it('stores timestamps as whole epoch seconds, flooring', () =>
      fresh(async (s) => {
        await s.rebase(1, [action(id('book', 1), 1, [], -500), action(id('book', 2), 1, [], 1999)])
        const read: number[] = []
        for await (const e of s.read(1)) read.push(e.timestampMs)
        expect(read).toEqual([-1000, 1000])
      }))

    it('refuses rebase on a read-only connection, which still reads', () =>
      fresh(async (s) => {
        await s.rebase(1, [action(id('book', 1))])
        const ro = await factory.reopenReadOnly(s)
        try {
          await expect(ro.rebase(2, [action(id('book', 2))])).rejects.toMatchObject({ code: 'read-only' })
          expect(await ro.currentSeqNo()).toBe(1)
          expect(await seqNos(ro.read(0))).toEqual([1])
          expect((await ro.queryConflicts(1, id('book', 1))).map((e) => e.seqNo)).toEqual([1])
        } finally {
          await ro.close()
        }
      }))

    it('close releases the connection: it may be called twice, and every later call rejects', async () => {
      const s = await factory.create(tables)
      await s.close()
      await s.close()
      await expect(s.currentSeqNo()).rejects.toThrow()
      await expect(s.rebase(1, [action(id('book', 1))])).rejects.toThrow()
      await expect(s.queryConflicts(1, id('book', 1))).rejects.toThrow()
      await expect(seqNos(s.read(0))).rejects.toThrow()
    })
  })

  if (tables === undefined) {
    describeLibraryReaderCases(factory)
    describeLibraryWriterCases(factory)
    describeLibraryCoreCases(factory)
    describeModelCases(factory)
  }
}
