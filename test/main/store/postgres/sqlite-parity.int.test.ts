/**
 * The same random batches on an SQLite file and on PostgreSQL give the same
 * rebase results and byte-identical printed `read`, filtered reads and
 * `conflicts` (both stores made through the factory, by location).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { expect, it, vi } from 'vitest'
import { edn, type EdnValue } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import { createStore, type OpenedStore } from '../../../../src/main/store/open-store'
import { eventToEdn, rebaseResultToEdn } from '../../../../src/main/core/domain'
import { printEdn } from '../../../../src/main/core/edn'
import { describePostgres } from '../../../helpers/postgres-suite'
import { arbitraryEdn, arbitraryKeyword } from '../../core/edn/arbitrary'
import { postgresAdapter } from './postgres-adapter'

vi.setConfig({ testTimeout: 180_000 })

const identity: fc.Arbitrary<Identity> = fc.record({
  kind: fc.constantFrom(edn.kw('book'), edn.kw('receipt'), edn.kw('shop/item')),
  id: fc.oneof(fc.integer({ min: -3, max: 3 }).map((n) => edn.int(n)), fc.constantFrom('a', 'Ä', '😀', 'x y').map((s) => edn.str(s)))
})

/** Any instant PostgreSQL's INT epoch seconds hold, with milliseconds (stores floor them). */
const timestampMs = fc.integer({ min: -(2 ** 31) * 1000, max: (2 ** 31 - 1) * 1000 + 999 })

const newEvent: fc.Arbitrary<NewEvent> = fc.oneof(
  fc.record({
    timestampMs,
    source: arbitraryKeyword,
    reason: arbitraryKeyword,
    actor: identity,
    aggregate: identity,
    // PostgreSQL's UTF-8 text cannot hold U+0000 or a lone surrogate (the adapter refuses both; adapter.int.test.ts).
    patch: arbitraryEdn({ maxDepth: 2, maxItems: 4 }).filter((p) => !printEdn(p).includes('\u0000') && !/[\ud800-\udfff]/.test(printEdn(p))),
    triggers: fc.uniqueArray(identity, { maxLength: 3, selector: (t) => printEdn(t.kind) + printEdn(t.id) })
  }).map(({ timestampMs, source, reason, actor, aggregate, patch, triggers }): NewEvent => ({
    type: 'action', timestampMs, source: source as ReturnType<typeof edn.kw>, triggers,
    action: { reason: reason as ReturnType<typeof edn.kw>, actor, aggregate, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('v'), patch as EdnValue]])]]) }
  })),
  fc.record({ timestampMs, source: arbitraryKeyword, reason: arbitraryKeyword, trigger: identity }).map(({ timestampMs, source, reason, trigger }): NewEvent => ({
    type: 'effect', timestampMs, source: source as ReturnType<typeof edn.kw>, effect: { reason: reason as ReturnType<typeof edn.kw>, trigger }
  }))
)

const step = fc.record({ batch: fc.array(newEvent, { minLength: 1, maxLength: 6 }), baseBack: fc.nat({ max: 4 }), offset: fc.nat({ max: 12 }), probe: identity })

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

/** What a store prints for one step: the rebase result, then the reads and conflicts after it. */
async function run(store: OpenedStore, s: Step): Promise<string[]> {
  const text = async (events: AsyncIterable<NewEvent & { seqNo: number }>): Promise<string> => {
    const out: string[] = []
    for await (const e of events) out.push(printEdn(eventToEdn(e)))
    return `[${out.join(' ')}]`
  }
  const base = Math.max(1, (await store.currentSeqNo()) + 1 - s.baseBack)
  return [
    printEdn(rebaseResultToEdn(await store.rebase(base, s.batch))),
    await text(store.read(s.offset)),
    await text(store.filterAggregates(s.offset, [s.probe])),
    await text(store.filterAggregateKinds(s.offset, [s.probe.kind as ReturnType<typeof edn.kw>])),
    printEdn({ t: 'vec', items: (await store.queryConflicts(Math.max(1, s.offset), s.probe)).map(eventToEdn) }),
    String(await store.currentSeqNo())
  ]
}

describePostgres('SQLite and PostgreSQL print the same', (server) => {
  const postgres = postgresAdapter(server)
  it('for random batches: rebase results, reads with replay, filtered reads and conflicts, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const file = await createStore({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'coherence-parity-')), 'store.db') })
        const pg = await postgres.create()
        try {
          for (const s of steps) expect(await run(pg, s)).toEqual(await run(file, s))
        } finally {
          await file.close()
          await pg.close()
        }
      }),
      { numRuns: 40 }
    )
  })
})
