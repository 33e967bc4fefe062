/**
 * The library's own core tests (test/coherence/core_tests.clj: rebase!,
 * seq-no, conflicts, stream-events and the filters), ported case by case.
 * The originals run against mocked writers and readers; here every case runs
 * on a real store of the adapter, so a mocked outcome becomes a stored one:
 * "next-seq-no returns 2" is a store holding one event, "next-conflict
 * returns an event" is a store holding that event.
 */
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { collect, seqNos, withFreshStore, type StoreAdapterFactory } from './adapter'
import { action as anAction, id } from './events'

const agg1 = id('foo', 1)
const agg2: Identity = { kind: edn.kw('bar'), id: edn.str('x') }
const agg3: Identity = { kind: edn.kw('baz'), id: edn.uuid('9b2a6b3e-1f0c-4c1e-8a5e-2f1d3c4b5a69') }
const action = (aggregate: Identity, v = 1): NewEvent => anAction(aggregate, v)

async function stored(s: OpenedStore, events: NewEvent[]): Promise<void> {
  expect((await s.rebase((await s.currentSeqNo()) + 1, events)).result).toBe('ok')
}

/** Register the ported core cases for one adapter. */
export function describeLibraryCoreCases(factory: StoreAdapterFactory): void {
  const fresh = <T>(work: (s: OpenedStore) => Promise<T>): Promise<T> => withFreshStore(factory, work)

  describe(`${factory.name}: the library's core_tests (rebase!, seq-no, conflicts, streams)`, () => {
    it('test-rebase!-one: seq-no greater than next available seq-no', () =>
      fresh(async (s) => {
        expect(await s.rebase(2, [action(agg1)])).toEqual({ result: 'invalid-seq-no', nextSeqNo: 1 })
      }))

    it('test-rebase!-one: seq-no equals next available seq-no', () =>
      fresh(async (s) => {
        const a = action(agg1)
        expect(await s.rebase(1, [a])).toEqual({ result: 'ok', events: [{ ...a, seqNo: 1 }] })
        expect(await collect(s.read(0))).toEqual([{ ...a, seqNo: 1 }])
      }))

    it('test-rebase!-one: seq-no less than next available seq-no, no conflict found', () =>
      fresh(async (s) => {
        await stored(s, [action(agg2)])
        const a = action(agg1)
        expect(await s.rebase(1, [a])).toEqual({ result: 'ok', events: [{ ...a, seqNo: 2 }] })
      }))

    it('test-rebase!-one: seq-no less than next available seq-no, conflict found (nothing written)', () =>
      fresh(async (s) => {
        await stored(s, [action(agg2), action(agg1, 7)])
        const a = action(agg1)
        const r = await s.rebase(2, [a])
        expect(r).toEqual({ result: 'conflict', events: [], conflict: { ours: { ...a, seqNo: 3 }, theirs: { ...action(agg1, 7), seqNo: 2 } } })
        expect(await s.currentSeqNo()).toBe(2)
      }))

    it('test-rebase!-one: seq-no less than next available seq-no, resolve conflict', () =>
      fresh(async (s) => {
        await stored(s, [action(agg1, 7)])
        const a = action(agg1)
        expect((await s.rebase(1, [a])).result).toBe('conflict')
        expect(await s.rebase(1, [a], { resolved: [1] })).toEqual({ result: 'ok', events: [{ ...a, seqNo: 2 }] })
      }))

    it('test-rebase!-many: append two events', () =>
      fresh(async (s) => {
        const [a, b] = [action(agg1), action(agg2)]
        expect(await s.rebase(1, [a, b])).toEqual({ result: 'ok', events: [{ ...a, seqNo: 1 }, { ...b, seqNo: 2 }] })
      }))

    it('test-rebase!-many: a conflict terminates the operation (the accepted part is reported, nothing is written)', () =>
      fresh(async (s) => {
        await stored(s, [action(agg3, 9)])
        const [a, b, c] = [action(agg1), action(agg2), action(agg3)]
        expect(await s.rebase(1, [a, b, c])).toEqual({
          result: 'conflict',
          events: [{ ...a, seqNo: 2 }, { ...b, seqNo: 3 }],
          conflict: { ours: { ...c, seqNo: 4 }, theirs: { ...action(agg3, 9), seqNo: 1 } }
        })
        expect(await seqNos(s.read(0))).toEqual([1])
      }))

    it('test-rebase!-dry: rollback instead of commit', () =>
      fresh(async (s) => {
        const a = action(agg1)
        expect(await s.rebase(1, [a], { dry: true })).toEqual({ result: 'ok', events: [{ ...a, seqNo: 1 }] })
        expect(await s.currentSeqNo()).toBe(0)
        expect(await seqNos(s.read(0))).toEqual([])
      }))

    it('test-seq-no: the highest seq-no', () =>
      fresh(async (s) => {
        await stored(s, [action(agg1), action(agg2), action(agg3), action(agg1)])
        expect(await s.currentSeqNo()).toBe(4)
      }))

    it('test-conflicts: find conflicts, no conflicts', () =>
      fresh(async (s) => {
        await stored(s, [action(agg1), action(agg2), action(agg1), action(agg3), action(agg1), action(agg2)])
        expect((await s.queryConflicts(2, agg1)).map((e) => e.seqNo)).toEqual([3, 5])
        expect(await s.queryConflicts(5, agg3)).toEqual([])
      }))

    it('test-stream-and-filter-events: without and with offset, by aggregates, by aggregate kinds', () =>
      fresh(async (s) => {
        const events = [action(agg1), action(agg2), action(agg2), action(agg1), action(agg3), action(agg1)]
        await stored(s, events)
        const expected = events.map((e, i) => ({ ...e, seqNo: i + 1 }))
        expect(await collect(s.read(0))).toEqual(expected)
        expect(await collect(s.read(2))).toEqual(expected.slice(1))
        expect(await collect(s.filterAggregates(3, [agg2, agg3]))).toEqual([expected[2], expected[4]])
        expect(await collect(s.filterAggregateKinds(2, [agg2.kind]))).toEqual([expected[1], expected[2]])
      }))
  })
}
