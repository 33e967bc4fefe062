/**
 * The library's own reader tests (test/coherence/reader_tests.clj, run by
 * test/coherence/jdbc/store_tests.clj), ported case by case onto the
 * EventStore interface. Events are written through rebase, which gives the
 * same consecutive seq-nos the originals use (test-max-seq-no's seq-no 100
 * cannot be written through rebase; a single event stands in for it).
 */
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import { collect as collectAll, seqNos as collect, type StoreAdapterFactory } from './adapter'

const thing = (kind: string, n: number): Identity => ({ kind: edn.kw(kind), id: edn.int(n) })
const trg = (n: number): Identity => ({ kind: edn.kw('trg'), id: edn.int(n) })
const act = (aggregate: Identity, ...triggers: number[]): NewEvent => ({
  type: 'action', timestampMs: 0, source: edn.kw('coherence.reader-tests', 'test'),
  action: { reason: edn.kw('coherence.reader-tests', 'create'), actor: thing('test', 1), aggregate, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(1)]])]]) },
  triggers: triggers.map(trg)
})
const eff = (trigger: number): NewEvent => ({ type: 'effect', timestampMs: 0, source: edn.kw('coherence.reader-tests', 'test'), effect: { reason: edn.kw('coherence.reader-tests', 'whatever'), trigger: trg(trigger) } })

/** Register the ported reader cases for one adapter. */
export function describeLibraryReaderCases(factory: StoreAdapterFactory): void {
  const store = async (events: NewEvent[]) => {
    const s = await factory.create()
    if (events.length > 0) expect((await s.rebase(1, events)).result).toBe('ok')
    return s
  }

  describe(`${factory.name}: the library's reader_tests`, () => {
    it('test-open-read: a read-only connection opens, and is usable (not closed)', async () => {
      const s = await store([])
      const reader = await factory.reopenReadOnly(s)
      expect(reader.readOnly).toBe(true)
      expect(await reader.currentSeqNo()).toBe(0)
      await reader.close()
      await s.close()
    })

    it('test-close: close returns nothing, and a closed reader refuses to read', async () => {
      const s = await store([act(thing('thing', 1))])
      const reader = await factory.reopenReadOnly(s)
      expect(await reader.close()).toBeUndefined()
      await expect(reader.currentSeqNo()).rejects.toThrow()
      await expect(collect(reader.read(0))).rejects.toThrow()
      await s.close()
    })

    it('test-max-seq-no: empty store, filled store', async () => {
      const empty = await store([])
      expect(await empty.currentSeqNo()).toBe(0)
      await empty.close()
      const filled = await store([act(thing('thing', 1))])
      expect(await filled.currentSeqNo()).toBe(1)
      await filled.close()
    })

    it('test-query-conflicts: none, single, many', async () => {
      const s = await store([act(thing('thing', 1)), act(thing('thing', 2)), act(thing('thing', 1))])
      expect(await s.queryConflicts(1, thing('thing', 3))).toEqual([])
      expect((await s.queryConflicts(2, thing('thing', 1))).map((e) => e.seqNo)).toEqual([3])
      expect((await s.queryConflicts(1, thing('thing', 1))).map((e) => e.seqNo)).toEqual([1, 3])
      await s.close()
    })

    it('test-read-events_no-replay: all events (offsets 0 and 1), skip one event', async () => {
      const s = await store([act(thing('thing', 1), 1, 2), act(thing('thing', 1))])
      expect(await collect(s.read(0))).toEqual([1, 2])
      expect(await collect(s.read(1))).toEqual([1, 2])
      expect(await collect(s.read(2))).toEqual([2])
      const [first] = await collectAll(s.read(0))
      expect(first.triggers).toEqual(expect.arrayContaining([trg(1), trg(2)]))
      await s.close()
    })

    it('test-read-events_replay: all events, one event replayed and one not', async () => {
      const s = await store([act(thing('thing', 1), 1), act(thing('thing', 2), 2), act(thing('thing', 1), 1), eff(2), act(thing('thing', 2), 2), act(thing('thing', 1), 1)])
      expect(await collect(s.read(0))).toEqual([1, 2, 3, 5, 6])
      expect(await collect(s.read(1))).toEqual([1, 2, 3, 5, 6])
      expect(await collect(s.read(3))).toEqual([2, 3, 5, 6])
      await s.close()
    })

    it('test-filter-aggregates_no-replay: one event, many events, several aggregates, skip first', async () => {
      const s = await store([act(thing('thing', 1), 1, 2), act(thing('thing', 2), 2), act(thing('thing', 1), 2)])
      expect(await collect(s.filterAggregates(0, [thing('thing', 2)]))).toEqual([2])
      expect(await collect(s.filterAggregates(0, [thing('thing', 1)]))).toEqual([1, 3])
      expect(await collect(s.filterAggregates(0, [thing('thing', 1), thing('thing', 2)]))).toEqual([1, 2, 3])
      expect(await collect(s.filterAggregates(2, [thing('thing', 1), thing('thing', 2)]))).toEqual([2, 3])
      await s.close()
    })

    it('test-filter-aggregates_replay: one event replayed', async () => {
      const s = await store([act(thing('thing', 1), 1), act(thing('thing', 1), 1), eff(1), act(thing('thing', 2), 2)])
      expect(await collect(s.filterAggregates(3, [thing('thing', 1)]))).toEqual([1, 2])
      await s.close()
    })

    it('test-filter-aggregate-kinds_no-replay: one kind, many events, several kinds, skip first', async () => {
      const s = await store([act(thing('foo', 1), 1), act(thing('bar', 1), 2), act(thing('baz', 1), 3), act(thing('bar', 2), 4)])
      expect(await collect(s.filterAggregateKinds(0, [edn.kw('foo')]))).toEqual([1])
      expect(await collect(s.filterAggregateKinds(0, [edn.kw('bar')]))).toEqual([2, 4])
      expect(await collect(s.filterAggregateKinds(0, [edn.kw('foo'), edn.kw('bar')]))).toEqual([1, 2, 4])
      expect(await collect(s.filterAggregateKinds(2, [edn.kw('foo'), edn.kw('bar')]))).toEqual([2, 4])
      await s.close()
    })

    it('test-filter-aggregate-kinds_replay: one event replayed', async () => {
      const s = await store([act(thing('foo', 1), 1), act(thing('bar', 1), 2), act(thing('baz', 1), 3), eff(1), act(thing('bar', 2), 4)])
      expect(await collect(s.filterAggregateKinds(3, [edn.kw('foo'), edn.kw('bar')]))).toEqual([1, 5])
      await s.close()
    })
  })
}
