/**
 * The demo store is valid by construction (written through rebase) and holds
 * what the demo promises: the README walkthrough as seq-nos 1–7, several
 * aggregate kinds and actors, thousands of actions, effects with triggers,
 * and aggregates with resolved concurrent edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createDemoStore } from '../../scripts/demo'
import { openStoreFile } from '../helpers/store-files'
import type { OpenedStore } from '../../src/main/store/opened-store'
import { edn } from '../../src/shared/edn-value'
import { tempDir } from '../helpers/stores'

let dir: ReturnType<typeof tempDir>
let path: string
let store: OpenedStore

beforeAll(async () => {
  dir = tempDir('demo')
  path = join(dir.path, 'demo.db')
  await createDemoStore(path)
  store = await openStoreFile(path, { readOnly: true })
}, 60_000)
afterAll(async () => {
  await store?.close()
  dir?.remove()
})

describe('the demo store', () => {
  it('passes the integrity check', async () => {
    expect((await store.check()).filter((p) => p.severity !== 'notice')).toEqual([])
  })

  it('starts with the README walkthrough', async () => {
    const rows = (await store.pageEvents({ limit: 7 })).rows
    expect(rows.map((r) => [r.seqNo, r.type, r.reason, r.aggregateKind ?? r.triggerKind, r.aggregateId ?? r.triggerId])).toEqual([
      [1, 'action', ':create', ':book', '"Neuromancer"'],
      [2, 'action', ':create', ':book', '"Count Zero"'],
      [3, 'action', ':create', ':book', '"Mona Lisa Overdrive"'],
      [4, 'action', ':update', ':book', '"Neuromancer"'],
      [5, 'action', ':payment', ':receipt', '1'],
      [6, 'action', ':payment', ':receipt', '2'],
      [7, 'effect', ':key-expired', ':encryption-key', '1']
    ])
    expect(rows[3].patch).toBe('{:assoc {:genre "Cyberpunk"}}')
    expect((await store.eventRow(5))?.triggers).toEqual([[':encryption-key', '1']])
  })

  it('is big and varied: thousands of actions, several kinds, actors and sources, effects with triggers', async () => {
    const counts = await store.counts()
    expect(counts.actions).toBeGreaterThan(5000)
    expect(counts.effects).toBeGreaterThanOrEqual(10)
    expect(counts.triggers).toBeGreaterThan(1000)
    const kinds = (await store.aggregateKinds()).map((k) => k.kind)
    expect(kinds).toEqual(expect.arrayContaining([':book', ':user', ':order', ':receipt', ':inventory', ':encryption-key', ':shop.billing/invoice']))
    const effects = await store.pageEvents({ limit: 100, filter: { type: 'effect' } })
    expect(new Set(effects.rows.map((r) => r.reason))).toEqual(new Set([':key-expired', ':consent-withdrawn', ':price-list-republished']))
  })

  it('has aggregates with concurrent edits, resolved the way the library intends', async () => {
    const neuromancer = await store.queryConflicts(1, { kind: edn.kw('book'), id: edn.str('Neuromancer') })
    expect(neuromancer.slice(0, 2).map((e) => e.seqNo)).toEqual([1, 4])
    const annotated = await store.pageEvents({ limit: 5, filter: { reason: ':annotate' } })
    expect(annotated.rows).toHaveLength(1)
    const order = annotated.rows[0]
    const history = await store.aggregateHistory({ kind: order.aggregateKind ?? '', id: order.aggregateId ?? '' })
    const packers = history.filter((r) => r.reason === ':pack').map((r) => r.actorId)
    expect(packers).toEqual(['7'])
    expect(history.at(-1)?.actorId).toBe('12')
  })

  it('is the same on every run (seeded)', async () => {
    const again = join(dir.path, 'again.db')
    await createDemoStore(again)
    const other = await openStoreFile(again, { readOnly: true })
    try {
      expect(await other.counts()).toEqual(await store.counts())
      expect(await other.pageEvents({ limit: 50, before: 4000 })).toEqual(await store.pageEvents({ limit: 50, before: 4000 }))
    } finally {
      await other.close()
    }
  })

  it('never overwrites an existing file', async () => {
    await expect(createDemoStore(path)).rejects.toThrow('already exists')
  })
})
