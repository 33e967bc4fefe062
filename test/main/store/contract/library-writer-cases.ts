/**
 * The library's own writer tests (test/coherence/writer_tests.clj, run by
 * test/coherence/jdbc/store_tests.clj), ported case by case. The library's
 * Writer (open-write, append!, next-seq-no, next-conflict, commit!,
 * rollback!) is internal to `rebase` here, so each case is observed through
 * `rebase`: a commit is an `ok` rebase, a rollback a dry or refused one, a
 * new session a second connection from the adapter's factory.
 */
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { seqNos, withFreshStore, type StoreAdapterFactory } from './adapter'

const thing = (n: number): Identity => ({ kind: edn.kw('thing'), id: edn.int(n) })
const test1 = (n: number): Identity => ({ kind: edn.kw('test'), id: edn.int(n) })
const ns = (name: string) => edn.kw('coherence.writer-tests', name)
const act = (aggregate: Identity, reason: string, a: number, triggers: Identity[] = []): NewEvent => ({
  type: 'action', timestampMs: 0, source: ns('test'),
  action: { reason: ns(reason), actor: test1(1), aggregate, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(a)]])]]) },
  triggers
})
const eff = (trigger: Identity): NewEvent => ({ type: 'effect', timestampMs: 0, source: ns('test'), effect: { reason: ns('whatever'), trigger } })

async function written(s: OpenedStore, events: NewEvent[]): Promise<void> {
  expect((await s.rebase((await s.currentSeqNo()) + 1, events)).result).toBe('ok')
}

/** The conflict `rebase` reports for `aggregate` at `base` (skipping `resolved`), or null when it would append. */
async function nextConflict(s: OpenedStore, base: number, aggregate: Identity, resolved: number[] = []): Promise<unknown> {
  const r = await s.rebase(base, [act(aggregate, 'probe', 0)], { resolved, dry: true })
  return r.result === 'conflict' ? r.conflict.theirs : null
}

/** Register the ported writer cases for one adapter. */
export function describeLibraryWriterCases(factory: StoreAdapterFactory): void {
  const fresh = <T>(work: (s: OpenedStore) => Promise<T>): Promise<T> => withFreshStore(factory, work)

  describe(`${factory.name}: the library's writer_tests`, () => {
    it('test-open-write / test-close: a writable connection opens, close returns nothing, and a closed writer refuses to append', async () => {
      const s = await factory.create()
      const writer = await factory.reopenWritable(s)
      expect(writer.readOnly).toBe(false)
      expect(await writer.close()).toBeUndefined()
      await expect(writer.rebase(1, [act(thing(1), 'create', 1)])).rejects.toThrow()
      expect(await s.currentSeqNo()).toBe(0)
      await s.close()
    })

    it('test-append: an action and an effect are appended', () =>
      fresh(async (s) => {
        const r = await s.rebase(1, [act(thing(1), 'create', 1, [test1(1)]), eff(test1(1))])
        expect(r.result === 'ok' && r.events.map((e) => [e.seqNo, e.type])).toEqual([[1, 'action'], [2, 'effect']])
        expect(await s.currentSeqNo()).toBe(2)
      }))

    it('test-next-seq-no_same-transaction: 1 on an empty store, and each event of a batch takes the next one', () =>
      fresh(async (s) => {
        const r = await s.rebase(1, [act(thing(1), 'create', 1), act(thing(2), 'create', 1), eff(test1(1))])
        expect(r.result === 'ok' && r.events.map((e) => e.seqNo)).toEqual([1, 2, 3])
      }))

    it('test-next-seq-no_after_commit: a new session continues after the committed event', () =>
      fresh(async (s) => {
        await written(s, [act(thing(1), 'create', 1)])
        const session = await factory.reopenWritable(s)
        try {
          const r = await session.rebase(2, [act(thing(2), 'create', 1)])
          expect(r.result === 'ok' && r.events[0].seqNo).toBe(2)
        } finally {
          await session.close()
        }
      }))

    it('test-next-seq-no_after_rollback: a rolled-back event (dry run, or a conflict) does not move the next seq-no', () =>
      fresh(async (s) => {
        expect((await s.rebase(1, [act(thing(1), 'create', 1)], { dry: true })).result).toBe('ok')
        expect(await s.currentSeqNo()).toBe(0)
        await written(s, [act(thing(1), 'create', 1)])
        expect((await s.rebase(1, [act(thing(2), 'create', 1), act(thing(1), 'update', 2)])).result).toBe('conflict')
        const session = await factory.reopenWritable(s)
        try {
          const r = await session.rebase(2, [act(thing(3), 'create', 1)])
          expect(r.result === 'ok' && r.events[0].seqNo).toBe(2)
        } finally {
          await session.close()
        }
      }))

    it('test-next-conflict_same-transaction: none on an empty store', () =>
      fresh(async (s) => {
        expect(await nextConflict(s, 1, thing(1))).toBeNull()
      }))

    it('test-next-conflict_same-transaction: find a conflicting action, skip a resolved one, respect the offset', () =>
      fresh(async (s) => {
        const events = [act(thing(1), 'create', 1), act(thing(1), 'update', 2)]
        await written(s, events)
        expect(await nextConflict(s, 1, thing(1))).toEqual({ ...events[0], seqNo: 1 })
        expect(await nextConflict(s, 1, thing(1), [1])).toEqual({ ...events[1], seqNo: 2 })
        expect(await nextConflict(s, 2, thing(1))).toEqual({ ...events[1], seqNo: 2 })
      }))

    it('test-next-conflict_same-transaction: find a conflicting effect, skip a resolved one, respect the offset', () =>
      fresh(async (s) => {
        const events = [act(thing(1), 'create', 1, [test1(1)]), eff(test1(1)), act(thing(1), 'update', 2)]
        await written(s, events)
        expect(await nextConflict(s, 2, thing(1))).toEqual({ ...events[1], seqNo: 2 })
        expect(await nextConflict(s, 2, thing(1), [2])).toEqual({ ...events[2], seqNo: 3 })
        expect(await nextConflict(s, 3, thing(1))).toEqual({ ...events[2], seqNo: 3 })
      }))

    it('test-next-conflict_same-transaction: skip other aggregates (their actions and the effects reaching them)', () =>
      fresh(async (s) => {
        const events = [act(thing(1), 'create', 1, [test1(1)]), act(thing(2), 'create', 2, [test1(2)]), eff(test1(1)), act(thing(2), 'update', 3)]
        await written(s, events)
        expect(await nextConflict(s, 1, thing(2))).toEqual({ ...events[1], seqNo: 2 })
        expect(await nextConflict(s, 3, thing(2))).toEqual({ ...events[3], seqNo: 4 })
      }))

    it('test-next-conflict_after_commit: a committed action is found by a new session', () =>
      fresh(async (s) => {
        const ev = act(thing(1), 'create', 1)
        await written(s, [ev])
        const session = await factory.reopenWritable(s)
        try {
          expect(await nextConflict(session, 1, thing(1))).toEqual({ ...ev, seqNo: 1 })
        } finally {
          await session.close()
        }
      }))

    it('test-next-conflict_after_rollback: a rolled-back action is not found by a new session', () =>
      fresh(async (s) => {
        expect((await s.rebase(1, [act(thing(1), 'create', 1)], { dry: true })).result).toBe('ok')
        const session = await factory.reopenWritable(s)
        try {
          expect(await nextConflict(session, 1, thing(1))).toBeNull()
          expect(await seqNos(session.read(0))).toEqual([])
        } finally {
          await session.close()
        }
      }))

    it('test-write_conflict (two writers): the second writer never overwrites the first — it appends after it, or conflicts', () =>
      fresh(async (s) => {
        const other = await factory.reopenWritable(s)
        try {
          expect((await s.rebase(1, [act(thing(1), 'create', 1)])).result).toBe('ok')
          // Same base, other aggregate: the seq-no is taken, so it gets the next one.
          const second = await other.rebase(1, [act(thing(2), 'create', 1)])
          expect(second.result === 'ok' && second.events[0].seqNo).toBe(2)
          // Same base, same aggregate: the first writer's event is a conflict.
          const third = await other.rebase(1, [act(thing(1), 'update', 2)])
          expect(third.result === 'conflict' && third.conflict.theirs.seqNo).toBe(1)
          expect(await seqNos(s.read(0))).toEqual([1, 2])
        } finally {
          await other.close()
        }
      }))
  })
}
