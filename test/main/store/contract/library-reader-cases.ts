/**
 * The library's own reader tests (test/coherence/reader_tests.clj), ported
 * case by case onto the EventStore interface. Events are written through
 * rebase, which gives the same consecutive seq-nos the originals use.
 */
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import type { StoreHarness } from './store-contract'

const thing = (kind: string, n: number): Identity => ({ kind: edn.kw(kind), id: edn.int(n) })
const trg = (n: number): Identity => ({ kind: edn.kw('trg'), id: edn.int(n) })
const act = (aggregate: Identity, ...triggers: number[]): NewEvent => ({
  type: 'action', timestampMs: 0, source: edn.kw('coherence.reader-tests', 'test'),
  action: { reason: edn.kw('coherence.reader-tests', 'create'), actor: thing('test', 1), aggregate, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(1)]])]]) },
  triggers: triggers.map(trg)
})
const eff = (trigger: number): NewEvent => ({ type: 'effect', timestampMs: 0, source: edn.kw('coherence.reader-tests', 'test'), effect: { reason: edn.kw('coherence.reader-tests', 'whatever'), trigger: trg(trigger) } })

async function collect(events: AsyncIterable<{ seqNo: number }>): Promise<number[]> {
  const out: number[] = []
  for await (const e of events) out.push(e.seqNo)
  return out
}

/** Register the ported reader cases for one adapter. */
export function describeLibraryReaderCases(adapter: string, harness: StoreHarness): void {
  const store = async (events: NewEvent[]) => {
    const s = await harness.create()
    if (events.length > 0) expect((await s.rebase(1, events)).result).toBe('ok')
    return s
  }

  describe(`${adapter}: the library's reader_tests`, () => {
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
      const [first] = await (async () => { const a = []; for await (const e of s.read(0)) a.push(e); return a })()
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
