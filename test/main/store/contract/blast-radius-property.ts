/**
 * Property: on random stores, the blast radius of an effect at an offset is
 * exactly what `read(offset)` loses without that effect (the actions "only
 * because of it"), and its replayed actions are exactly the read's actions
 * before the offset on aggregates the effect reaches — checked against the
 * store's own read. "Without the effect" is the same history with that
 * effect naming a trigger no action carries (same seq-nos, no reach).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { NewEvent } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { seqNos, type StoreAdapterFactory } from './adapter'

type Ev = { agg: number; triggers: number[] } | { trigger: number }

const UNCARRIED = 99

const eventArb: fc.Arbitrary<Ev> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ agg: fc.integer({ min: 0, max: 4 }), triggers: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ trigger: fc.integer({ min: 0, max: 4 }) }) }
)

const key = (n: number) => ({ kind: edn.kw('key'), id: edn.int(n) })

function toNew(e: Ev): NewEvent {
  return 'agg' in e
    ? {
        type: 'action', timestampMs: 0, source: edn.kw('m'),
        action: { reason: edn.kw('r'), actor: { kind: edn.kw('user'), id: edn.str('a') }, aggregate: { kind: edn.kw('thing'), id: edn.int(e.agg) }, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(1)]])]]) },
        triggers: e.triggers.map(key)
      }
    : { type: 'effect', timestampMs: 0, source: edn.kw('m'), effect: { reason: edn.kw('x'), trigger: key(e.trigger) } }
}

async function storeOf(factory: StoreAdapterFactory, events: Ev[]): Promise<OpenedStore> {
  const store = await factory.create()
  const result = await store.rebase(1, events.map(toNew))
  if (result.result !== 'ok') throw new Error(`rebase gave ${result.result}`)
  return store
}

/** Register the blast-radius property for one adapter (`numRuns` random stores, two each). */
export function describeBlastRadiusProperty(factory: StoreAdapterFactory, numRuns = 40): void {
  describe(`${factory.name}: blast radius against the read`, () => {
    it('equals the difference the effect makes to read(offset)', async () => {
      const scenario = fc
        .array(eventArb, { minLength: 1, maxLength: 14 })
        .filter((events) => events.some((e) => 'trigger' in e))
        .chain((events) => {
          const effects = events.flatMap((e, i) => ('trigger' in e ? [i + 1] : []))
          return fc.tuple(fc.constant(events), fc.constantFrom(...effects), fc.integer({ min: 0, max: events.length + 1 }))
        })
      await fc.assert(
        fc.asyncProperty(scenario, async ([events, effectSeqNo, offset]) => {
          const store = await storeOf(factory, events)
          const without = await storeOf(factory, events.map((e, i) => (i + 1 === effectSeqNo ? { trigger: UNCARRIED } : e)))
          try {
            const blast = await store.blastRadius(effectSeqNo, offset)
            const sizes = await store.blastReadSizes(effectSeqNo, offset)
            const withIt = await seqNos(store.read(offset))
            const withoutIt = await seqNos(without.read(offset))
            expect(blast).not.toBeNull()
            if (blast === null) return

            const effect = events[effectSeqNo - 1] as { trigger: number }
            const reached = new Set(events.flatMap((e) => ('agg' in e && e.triggers.includes(effect.trigger) ? [e.agg] : [])))
            const aggOf = (seq: number): number => (events[seq - 1] as { agg: number }).agg
            // An effect the read does not see (before the offset) replays nothing, even if another effect on its trigger does.
            const replayedByIt = effectSeqNo >= offset ? withIt.filter((s) => s < offset && reached.has(aggOf(s))) : []
            const only = withIt.filter((s) => !withoutIt.includes(s))

            expect(blast.actions.items.map((a) => a.seqNo)).toEqual(replayedByIt)
            expect(blast.actions.items.filter((a) => a.onlyBecauseOfIt).map((a) => a.seqNo)).toEqual(only)
            expect(blast.onlyBecauseOfIt).toBe(only.length)
            expect(sizes).not.toBeNull()
            expect((sizes?.current ?? 0) + (sizes?.replayedWith ?? 0)).toBe(withIt.length)
            expect((sizes?.current ?? 0) + (sizes?.replayedWithout ?? 0)).toBe(withoutIt.length)
            expect(blast.aggregates.items.map((g) => Number(g.id)).sort()).toEqual([...reached].sort())
            expect(blast.inactive === null).toBe(offset > 1 && effectSeqNo >= offset)
          } finally {
            await store.close()
            await without.close()
          }
        }),
        { numRuns }
      )
    })
  })
}
