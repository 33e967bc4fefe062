/**
 * Model-based property: random sequences of rebase / read / conflicts on a
 * store of the adapter, compared step by step with a tiny in-memory model of
 * docs/semantics.md (rebase, read with replay) written here from its words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import type { StoreAdapterFactory } from './adapter'

/** Model event: seq-no, and either an action (aggregate, triggers) or an effect (trigger). */
type M = { seq: number; agg?: number; triggers: number[]; trigger?: number }

const aggregate = (n: number): Identity => ({ kind: edn.kw('thing'), id: edn.int(n) })
const trig = (n: number): Identity => ({ kind: edn.kw('key'), id: edn.int(n) })

function toNew(e: Omit<M, 'seq'>): NewEvent {
  return e.agg !== undefined
    ? { type: 'action', timestampMs: 0, source: edn.kw('m'), action: { reason: edn.kw('r'), actor: aggregate(0), aggregate: aggregate(e.agg), patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(1)]])]]) }, triggers: e.triggers.map(trig) }
    : { type: 'effect', timestampMs: 0, source: edn.kw('m'), effect: { reason: edn.kw('x'), trigger: trig(e.trigger as number) } }
}

/** docs/semantics.md's rebase and read with replay in a few lines. */
class Model {
  events: M[] = []
  private reaches(effect: M, agg: number): boolean {
    return this.events.some((a) => a.agg === agg && a.triggers.includes(effect.trigger as number))
  }
  conflicts(offset: number, agg: number): number[] {
    return this.events.filter((e) => e.seq >= offset && (e.agg === agg || (e.agg === undefined && this.reaches(e, agg)))).map((e) => e.seq)
  }
  rebase(base: number, batch: Omit<M, 'seq'>[], resolved: number[], dry: boolean): string {
    const next = (this.events.at(-1)?.seq ?? 0) + 1
    if (base > next) return `invalid ${next}`
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i]
      if (e.agg === undefined) continue
      const theirs = this.conflicts(base, e.agg).filter((s) => !resolved.includes(s))[0]
      if (theirs !== undefined) return `conflict ours ${next + i} theirs ${theirs} accepted ${i}`
    }
    if (!dry) batch.forEach((e, i) => this.events.push({ ...e, seq: next + i }))
    return `ok ${next}..${next + batch.length - 1}`
  }
  read(offset: number): number[] {
    const replayed = new Set(this.events.filter((e) => e.agg === undefined && e.seq >= offset)
      .flatMap((f) => this.events.filter((a) => a.agg !== undefined && a.triggers.includes(f.trigger as number)).map((a) => a.agg as number)))
    return this.events.filter((e) => e.agg !== undefined && (e.seq >= offset || replayed.has(e.agg))).map((e) => e.seq)
  }
}

const eventArb: fc.Arbitrary<Omit<M, 'seq'>> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ agg: fc.integer({ min: 1, max: 3 }), triggers: fc.uniqueArray(fc.integer({ min: 1, max: 2 }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ trigger: fc.integer({ min: 1, max: 2 }), triggers: fc.constant([] as number[]) }) }
)
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('rebase' as const), baseBack: fc.integer({ min: -1, max: 6 }), batch: fc.array(eventArb, { minLength: 1, maxLength: 4 }), resolved: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }), dry: fc.boolean() }),
  fc.record({ kind: fc.constant('read' as const), offset: fc.integer({ min: 0, max: 14 }), agg: fc.integer({ min: 1, max: 3 }) })
)

/** Register the model property for one adapter (`numRuns` random histories, each on a fresh store). */
export function describeModelCases(factory: StoreAdapterFactory, numRuns = 200): void {
  describe(`${factory.name}: rebase, read and conflicts against a model of docs/semantics.md`, () => {
    it('matches the model on random sequences', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
          const store = await factory.create()
          const model = new Model()
          try {
            for (const step of steps) {
              if (step.kind === 'rebase') {
                const base = Math.max(1, (await store.currentSeqNo()) + 1 - step.baseBack)
                const r = await store.rebase(base, step.batch.map(toNew), { resolved: step.resolved, dry: step.dry })
                const got = r.result === 'ok' ? `ok ${r.events[0].seqNo}..${r.events.at(-1)?.seqNo}`
                  : r.result === 'conflict' ? `conflict ours ${r.conflict.ours.seqNo} theirs ${r.conflict.theirs.seqNo} accepted ${r.events.length}`
                    : r.result === 'invalid-seq-no' ? `invalid ${r.nextSeqNo}` : r.result
                expect(got).toBe(model.rebase(base, step.batch, step.resolved, step.dry))
              } else {
                const read: number[] = []
                for await (const e of store.read(step.offset)) read.push(e.seqNo)
                expect(read).toEqual(model.read(step.offset))
                expect((await store.queryConflicts(step.offset, aggregate(step.agg))).map((e) => e.seqNo)).toEqual(model.conflicts(step.offset, step.agg))
              }
              expect(await store.currentSeqNo()).toBe(model.events.at(-1)?.seq ?? 0)
            }
          } finally {
            await store.close()
          }
        }),
        { numRuns }
      )
    })
  })
}
