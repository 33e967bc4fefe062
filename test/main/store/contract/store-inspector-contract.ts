/**
 * The `StoreInspector` contract: every read model the screens use, on stores
 * made by the adapter's factory and written through `rebase` only — pages,
 * rows, streams and counts; the read's size and causes; aggregates, kinds,
 * identities and history; the trigger index and graph (with caps); blast
 * radius; timeline; suggestions; the integrity check; the change counter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { NewEvent } from '../../../../src/shared/domain'
import type { TriggerIndexPage, TriggerSort, TriggerSummary } from '../../../../src/shared/audit'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { collect, withFreshStore, type StoreAdapterFactory } from './adapter'
import { action, effect, id } from './events'
import { KEY1, MANY, manyStore, walkthroughStore } from './inspector-stores'
import { describeBlastRadiusProperty } from './blast-radius-property'

const NEUROMANCER = { kind: ':book', id: '"Neuromancer"' }
const RECEIPT1 = { kind: ':receipt', id: '1' }

async function allTriggerPages(store: OpenedStore, sort: TriggerSort, limit: number, text?: string): Promise<TriggerSummary[]> {
  const rows: TriggerSummary[] = []
  let page: TriggerIndexPage | null = null
  while (page === null || page.hasMore) {
    const last: TriggerSummary | undefined = rows.at(-1)
    const after = last ? { kind: last.kind, id: last.id, count: sort === 'effects' ? last.effects : last.actions } : undefined
    page = await store.triggerIndex({ sort, limit, after, text })
    rows.push(...page.rows)
  }
  return rows
}

/** 30 events: actions on books and orders (every fifth carrying a key), every tenth an effect. */
function thirtyEvents(): NewEvent[] {
  const events: NewEvent[] = []
  for (let i = 1; i <= 30; i++) {
    events.push(i % 10 === 0 ? effect(id('key', i)) : action(id(i % 2 ? 'book' : 'order', i % 3), i, i % 5 === 0 ? [id('key', i + 10)] : []))
  }
  return events
}

/** Register the StoreInspector contract for one adapter. */
export function describeStoreInspectorContract(factory: StoreAdapterFactory): void {
  const fresh = <T>(work: (s: OpenedStore) => Promise<T>): Promise<T> => withFreshStore(factory, work)

  describe(`${factory.name} StoreInspector contract`, () => {
    let walk: OpenedStore
    let many: OpenedStore

    beforeAll(async () => {
      walk = await walkthroughStore(factory)
      many = await manyStore(factory)
    })
    afterAll(async () => {
      await walk?.close()
      await many?.close()
    })

    describe('events: pages, rows, streams, counts', () => {
      it('counts rows per table and the highest seq-no, also of an empty store', async () => {
        expect(await walk.counts()).toEqual({ events: 7, actions: 6, effects: 1, triggers: 2, maxSeqNo: 7 })
        await fresh(async (s) => expect(await s.counts()).toEqual({ events: 0, actions: 0, effects: 0, triggers: 0, maxSeqNo: 0 }))
      })

      it('pages by keyset both ways, filters, counts, and finds one row', () =>
        fresh(async (s) => {
          await s.rebase(1, thirtyEvents())
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
          expect(await s.eventRow(10)).toMatchObject({ seqNo: 10, type: 'effect', reason: ':expired', source: ':keys' })
          expect(await s.eventRow(99)).toBeNull()
        }))

      it('streams every row matching a filter, ascending, each action with its triggers', async () => {
        const all = await collect(walk.streamEvents())
        expect(all.map((r) => r.seqNo)).toEqual([1, 2, 3, 4, 5, 6, 7])
        expect(all[4]).toMatchObject({ seqNo: 5, type: 'action', aggregateKind: ':receipt', aggregateId: '1', triggers: [[':encryption-key', '1']] })
        expect(all[6]).toMatchObject({ seqNo: 7, type: 'effect', triggerKind: ':encryption-key', triggerId: '1' })
        expect((await collect(walk.streamEvents({ aggregateKind: ':book' }))).map((r) => r.seqNo)).toEqual([1, 2, 3, 4])
        expect((await collect(walk.streamEvents({ type: 'effect' }))).map((r) => r.seqNo)).toEqual([7])
        expect(await collect(walk.streamEvents({ reason: ':nothing-like-it' }))).toEqual([])
      })
    })

    describe('reads: size and causes', () => {
      it('counts what read(offset) delivers and how much of it is replayed, also restricted to aggregates or kinds', async () => {
        expect(await walk.countRead(0)).toEqual({ replayed: 0, total: 6 })
        expect(await walk.countRead(6)).toEqual({ replayed: 1, total: 2 })
        expect(await walk.countRead(8)).toEqual({ replayed: 0, total: 0 })
        expect(await walk.countRead(6, { aggregates: [{ kind: edn.kw('receipt'), id: edn.int(1) }] })).toEqual({ replayed: 1, total: 1 })
        expect(await walk.countRead(6, { kinds: [edn.kw('book')] })).toEqual({ replayed: 0, total: 0 })
        expect(await walk.countRead(3, { kinds: [edn.kw('book')] })).toEqual({ replayed: 0, total: 2 })
      })

      it('names the aggregates a read replays and the effects that make it', async () => {
        expect(await walk.replayCauses(6)).toEqual([{ aggregate: RECEIPT1, effects: [7] }])
        expect(await walk.replayCauses(8)).toEqual([])
        expect(await many.replayCauses(MANY + 1)).toHaveLength(MANY / 10)
        expect((await many.replayCauses(MANY + 1))[0]).toEqual({ aggregate: { kind: ':receipt', id: '0' }, effects: [MANY + 1, MANY + 2] })
      })
    })

    describe('aggregates: list, kinds, identities, history', () => {
      it('lists aggregates with their action counts, by kind, by id text, keyset-paged', async () => {
        expect(await walk.aggregates({ limit: 10 })).toEqual([
          { kind: ':book', id: '"Count Zero"', actions: 1, firstSeqNo: 2, lastSeqNo: 2 },
          { kind: ':book', id: '"Mona Lisa Overdrive"', actions: 1, firstSeqNo: 3, lastSeqNo: 3 },
          { ...NEUROMANCER, actions: 2, firstSeqNo: 1, lastSeqNo: 4 },
          { ...RECEIPT1, actions: 1, firstSeqNo: 5, lastSeqNo: 5 },
          { kind: ':receipt', id: '2', actions: 1, firstSeqNo: 6, lastSeqNo: 6 }
        ])
        expect((await walk.aggregates({ limit: 10, kind: ':receipt' })).map((a) => a.id)).toEqual(['1', '2'])
        expect((await walk.aggregates({ limit: 10, idContains: 'MONA' })).map((a) => a.id)).toEqual(['"Mona Lisa Overdrive"'])
        const page = await walk.aggregates({ limit: 2 })
        expect((await walk.aggregates({ limit: 10, after: page[1] })).map((a) => a.id)).toEqual(['"Neuromancer"', '1', '2'])
      })

      it('orders integer ids numerically before every other id, and keyset pages keep that order', () =>
        fresh(async (s) => {
          const ints = [1000, 10, 2, 100, 0, -3, 1, 20, 9]
          await s.rebase(1, [...ints.map((n) => action(id('order', n))), action(id('order', 'b')), action(id('order', 'a')), action(id('book', 5))])
          const expected = ['-3', '0', '1', '2', '9', '10', '20', '100', '1000', '"a"', '"b"']
          expect((await s.aggregates({ limit: 100, kind: ':order' })).map((a) => a.id)).toEqual(expected)
          for (const limit of [1, 2, 5]) {
            const walked: string[] = []
            for (let page = await s.aggregates({ limit }); page.length > 0; page = await s.aggregates({ limit, after: page[page.length - 1] })) {
              walked.push(...page.map((a) => `${a.kind} ${a.id}`))
            }
            expect(walked).toEqual([':book 5', ...expected.map((i) => `:order ${i}`)])
          }
        }))

      it('lists the aggregate kinds with their aggregate counts', async () => {
        expect(await walk.aggregateKinds()).toEqual([{ kind: ':book', aggregates: 3 }, { kind: ':receipt', aggregates: 2 }])
      })

      it('finds identities by the start of their printed form, per role, with the rows naming them', async () => {
        expect(await walk.identitiesByPrefix({ role: 'aggregate', prefix: '[:book "N', limit: 5 })).toEqual([
          { text: '[:book "Neuromancer"]', cells: NEUROMANCER, count: 2 }
        ])
        expect((await walk.identitiesByPrefix({ role: 'aggregate', prefix: ':book', limit: 2 })).map((k) => k.text)).toEqual(['[:book "Count Zero"]', '[:book "Mona Lisa Overdrive"]'])
        expect((await walk.identitiesByPrefix({ role: 'actor', prefix: '', limit: 5 })).map((k) => [k.text, k.count])).toEqual([['[:user "alice"]', 4], ['[:user "bob"]', 2]])
        expect((await walk.identitiesByPrefix({ role: 'trigger', prefix: '[:enc', limit: 5 })).map((k) => k.text)).toEqual(['[:encryption-key 1]', '[:encryption-key 2]'])
        expect(await walk.identitiesByPrefix({ role: 'aggregate', prefix: '[:nothing', limit: 5 })).toEqual([])
      })

      it('gives one aggregate`s action rows, ascending, up to a seq-no', async () => {
        expect((await walk.aggregateHistory(NEUROMANCER)).map((r) => [r.seqNo, r.reason, r.actorId])).toEqual([[1, ':create', '"alice"'], [4, ':update', '"bob"']])
        expect((await walk.aggregateHistory(NEUROMANCER, 3)).map((r) => r.seqNo)).toEqual([1])
        expect(await walk.aggregateHistory({ kind: ':book', id: '"Dune"' })).toEqual([])
      })

      it('lists the triggers carried by an aggregate`s actions', async () => {
        expect(await walk.triggersOfAggregate(RECEIPT1)).toEqual([KEY1])
        expect(await walk.triggersOfAggregate(NEUROMANCER)).toEqual([])
        expect(await many.triggersOfAggregate({ kind: ':receipt', id: '0' })).toEqual([{ kind: ':key', id: '1' }, { kind: ':key', id: '2' }])
      })
    })

    describe('triggers: index, counts, graph', () => {
      it('lists every trigger identity with its actions and effects, and counts them', async () => {
        expect(await walk.triggerIndex({ limit: 10 })).toEqual({
          rows: [{ ...KEY1, actions: 1, effects: 1 }, { kind: ':encryption-key', id: '2', actions: 1, effects: 0 }],
          hasMore: false
        })
        expect(await walk.countTriggers()).toBe(2)
        expect(await many.countTriggers()).toBe(3)
      })

      it('pages by keyset in every sort order and the pages add up to the whole, sorted', async () => {
        for (const sort of ['identity', 'actions', 'effects'] as const) {
          const rows = await allTriggerPages(many, sort, 1)
          expect(rows, sort).toHaveLength(3)
          if (sort === 'identity') expect(rows.map((r) => r.id)).toEqual(['1', '2', '3'])
          if (sort === 'actions') expect(rows.map((r) => [r.id, r.actions])).toEqual([['1', MANY], ['2', MANY / 10], ['3', 0]])
          if (sort === 'effects') expect(rows.map((r) => r.id)).toEqual(['1', '2', '3'])
          expect(rows.every((r) => r.effects === 1)).toBe(true)
        }
      })

      it('filters by printed kind and id text, case-insensitively', async () => {
        expect((await walk.triggerIndex({ limit: 10, text: 'KEY 2' })).rows.map((r) => r.id)).toEqual(['2'])
        expect((await walk.triggerIndex({ limit: 10, text: ':encryption', sort: 'effects' })).rows.map((r) => r.id)).toEqual(['1', '2'])
        expect((await walk.triggerIndex({ limit: 10, text: 'nothing like it' })).rows).toEqual([])
        expect(await walk.countTriggers('key 1')).toBe(1)
        expect(await walk.countTriggers('nothing like it')).toBe(0)
      })

      it('draws the graph around a trigger: action 5 on [:receipt 1] and effect 7, which reaches it', async () => {
        expect(await walk.triggerGraph({ type: 'trigger', ...KEY1 })).toEqual({
          focus: { type: 'trigger', ...KEY1 },
          triggers: { items: [KEY1], total: 1 },
          actions: { items: [{ seqNo: 5, reason: ':payment', aggregate: RECEIPT1 }], total: 1 },
          aggregates: { items: [RECEIPT1], total: 1 },
          effects: { items: [{ seqNo: 7, reason: ':key-expired', trigger: KEY1 }], total: 1 },
          carries: [{ trigger: KEY1, seqNo: 5 }],
          reaches: [{ aggregate: RECEIPT1, effect: 7 }],
          kinds: [{ kind: ':receipt', actions: 1, aggregates: 1 }]
        })
      })

      it('draws the graph around an effect (that of its trigger) and an aggregate; an unknown effect gives null', async () => {
        const graph = await walk.triggerGraph({ type: 'effect', seqNo: 7 })
        expect(graph?.actions.items.map((a) => a.seqNo)).toEqual([5])
        expect(graph?.effects.items.map((e) => e.seqNo)).toEqual([7])
        expect(await walk.triggerGraph({ type: 'effect', seqNo: 5 })).toBeNull()
        const receipt2 = await walk.triggerGraph({ type: 'aggregate', kind: ':receipt', id: '2' })
        expect(receipt2?.triggers.items).toEqual([{ kind: ':encryption-key', id: '2' }])
        expect(receipt2?.actions.items.map((a) => a.seqNo)).toEqual([6])
        expect(receipt2?.effects.total).toBe(0)
        const book = await walk.triggerGraph({ type: 'aggregate', ...NEUROMANCER })
        expect(book?.triggers.total).toBe(0)
        expect(book?.aggregates.items).toEqual([NEUROMANCER])
      })

      it('caps every group of the graph and counts the rest', async () => {
        const graph = await many.triggerGraph({ type: 'trigger', kind: ':key', id: '1' }, 5)
        expect([graph?.actions.items.length, graph?.actions.total]).toEqual([5, MANY])
        expect([graph?.aggregates.items.length, graph?.aggregates.total]).toEqual([5, MANY / 10])
        expect(graph?.carries).toHaveLength(5)
        expect(graph?.reaches).toHaveLength(5)
        // Every action counted per aggregate kind, not only the shown ones.
        expect(graph?.kinds).toEqual([{ kind: ':receipt', actions: MANY, aggregates: MANY / 10 }])
        const receipt = await many.triggerGraph({ type: 'aggregate', kind: ':receipt', id: '0' }, 5)
        expect(receipt?.triggers.items.map((t) => t.id)).toEqual(['1', '2'])
        // The focus aggregate's own actions come first.
        expect(receipt?.actions.items.every((a) => a.aggregate.id === '0')).toBe(true)
        expect(receipt?.effects.items.map((e) => e.seqNo)).toEqual([MANY + 1, MANY + 2])
      })
    })

    describe('blast radius', () => {
      it('of effect 7 from offset 6 is exactly action 5 of [:receipt 1]; without it the read replays nothing', async () => {
        const blast = await walk.blastRadius(7, 6)
        expect(blast).toMatchObject({
          effect: { seqNo: 7, reason: ':key-expired', trigger: KEY1 },
          offset: 6,
          inactive: null,
          aggregates: { items: [{ ...RECEIPT1, replayed: 1, sharedWithOtherEffects: false }], total: 1 },
          replayedAggregates: 1,
          onlyBecauseOfIt: 1,
          aggregatesOnlyBecauseOfIt: 1
        })
        expect(blast?.actions.items.map((a) => [a.seqNo, a.onlyBecauseOfIt])).toEqual([[5, true]])
        expect(await walk.blastReadSizes(7, 6)).toEqual({ current: 1, replayedWith: 1, replayedWithout: 0 })
        expect(await walk.blastReadSizes(5, 6)).toBeNull()
        // The read itself agrees: read(6) is 5 (replayed) and 6.
        expect((await collect(walk.read(6))).map((e) => e.seqNo)).toEqual([5, 6])
      })

      it('defaults to the effect`s own seq-no as offset and replays nothing where the effect does not count', async () => {
        expect((await walk.blastRadius(7))?.actions.items.map((a) => a.seqNo)).toEqual([5])
        const after = await walk.blastRadius(7, 8)
        expect(after?.inactive).toContain('does not see it')
        expect(after?.actions.total).toBe(0)
        expect(after?.aggregates.items).toEqual([{ ...RECEIPT1, replayed: 0, sharedWithOtherEffects: false }])
        expect((await walk.blastRadius(7, 1))?.inactive).toContain('reads everything')
        expect(await walk.blastRadius(5, 6)).toBeNull()
        expect(await walk.blastReadSizes(7)).toEqual({ current: 0, replayedWith: 1, replayedWithout: 0 })
      })

      it('tells apart actions other effects replay anyway', async () => {
        // Effects MANY+1 ([:key 1]) and MANY+2 ([:key 2]) both reach the receipts whose every tenth action carries both keys
        // (receipts 0 and 10, ten actions each).
        const blast = await many.blastRadius(MANY + 2, MANY + 1)
        expect(blast?.aggregates.total).toBe(MANY / 100)
        expect([blast?.aggregatesOnlyBecauseOfIt, blast?.onlyBecauseOfIt]).toEqual([0, 0])
        expect(blast?.actions.total).toBe(MANY / 10)
        const sizes = await many.blastReadSizes(MANY + 2, MANY + 1)
        expect(sizes?.replayedWith).toBe(sizes?.replayedWithout)
        expect((await many.blastRadius(MANY + 2, MANY + 2))?.onlyBecauseOfIt).toBe(MANY / 10)
        expect(await many.blastReadSizes(MANY + 2, MANY + 2)).toEqual({ current: 0, replayedWith: MANY / 10, replayedWithout: 0 })
      })
    })

    describe('timeline', () => {
      it('counts actions, effects, conflicts and compensations per round bucket', async () => {
        const t = await walk.timeline({})
        expect(t.bucketSeconds).toBe(15)
        expect(t.buckets.reduce((n, b) => n + b.actions, 0)).toBe(6)
        expect(t.buckets.reduce((n, b) => n + b.effects, 0)).toBe(1)
        expect(t.buckets.reduce((n, b) => n + b.conflicts, 0)).toBe(1)
        expect(t.buckets.every((b) => b.to - b.from === 15)).toBe(true)
        const progress: [number, number][] = []
        const b = await many.timeline({ buckets: 10 }, (done, total) => progress.push([done, total]))
        expect(b.buckets.length).toBeLessThanOrEqual(10)
        expect(b.buckets.reduce((n, x) => n + x.compensations, 0)).toBe(MANY / 50)
        expect(b.buckets.reduce((n, x) => n + x.conflicts, 0)).toBe(2)
        expect(b.buckets.reduce((n, x) => n + x.actions + x.effects, 0)).toBe(MANY + 3)
        expect(progress.every(([done, total]) => done >= 0 && done <= total)).toBe(true)
        expect(await many.timeline({ fromTime: 0, toTime: 10 })).toEqual({ bucketSeconds: 86400, buckets: [], firstTime: null, lastTime: null })
      })
    })

    describe('suggestions, integrity, changes', () => {
      it('suggests the distinct cell texts of a column, sorted, up to a limit', async () => {
        expect(await walk.distinctValues('reason', 10)).toEqual([':create', ':key-expired', ':payment', ':update'])
        expect(await walk.distinctValues('reason', 2)).toEqual([':create', ':key-expired'])
        expect(await walk.distinctValues('source', 10)).toEqual([':bookstore', ':keystore'])
        expect(await walk.distinctValues('aggregateKind', 10)).toEqual([':book', ':receipt'])
        expect(await walk.distinctValues('actorKind', 10)).toEqual([':user'])
        expect(await walk.distinctValues('triggerKind', 10)).toEqual([':encryption-key'])
      })

      it('finds no problem in a store written through rebase, reports progress, and changes nothing', async () => {
        const before = await walk.counts()
        const progress: [number, number][] = []
        expect(await walk.check((done, total) => progress.push([done, total]))).toEqual([])
        expect(progress.every(([done, total]) => done >= 0 && done <= total)).toBe(true)
        expect(await walk.counts()).toEqual(before)
        await fresh(async (s) => expect(await s.check()).toEqual([]))
      })

      it('changes the data version when another connection commits, and not otherwise', () =>
        fresh(async (s) => {
          const other = await factory.reopenWritable(s)
          try {
            const v0 = await s.dataVersion()
            expect(await s.dataVersion()).toBe(v0)
            expect((await other.rebase(1, [action(id('book', 1))])).result).toBe('ok')
            const v1 = await s.dataVersion()
            expect(v1).not.toBe(v0)
            expect((await other.rebase(2, [action(id('book', 2))], { dry: true })).result).toBe('ok')
            expect(await s.dataVersion()).toBe(v1)
          } finally {
            await other.close()
          }
        }))
    })
  })

  describeBlastRadiusProperty(factory)
}
