/**
 * The audit queries on real files: the trigger index (sorts, filter, keyset
 * pages that add up to the whole), the trigger graph around a trigger, an
 * effect and an aggregate (with capped groups), the blast radius of the
 * README walkthrough's effect 7, and the timeline.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import type { TriggerIndexPage, TriggerSort, TriggerSummary } from '../../../../src/shared/audit'
import { createSqliteStore, openSqliteStore } from '../../../../src/main/store/sqlite'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { writeWalkthrough } from '../../../../scripts/demo/walkthrough'
import { bucketSize } from '../../../../src/main/store/sqlite/timeline'
import { tempDir } from '../../../helpers/stores'

let dir: ReturnType<typeof tempDir>
let walk: OpenedStore
let big: OpenedStore

const KEY1 = { kind: ':encryption-key', id: '1' }

/** A store with `n` actions on `n / 10` receipts all carrying [:key 1] (every tenth also [:key 2]), and 3 effects. */
async function bigStore(path: string, n: number): Promise<void> {
  await (await createSqliteStore(path)).close()
  const db = new Database(path)
  const t0 = Date.UTC(2026, 0, 1) / 1000
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      db.prepare('INSERT INTO events VALUES (?, ?, ?)').run(i, t0 + i * 60, ':shop')
      db.prepare('INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?)').run(i, i % 50 === 0 ? ':refund' : ':pay', ':user', '"a"', ':receipt', String(i % (n / 10)), '{:assoc {:a 1}}')
      db.prepare('INSERT INTO triggers VALUES (?, ?, ?)').run(':key', '1', i)
      if (i % 10 === 0) db.prepare('INSERT INTO triggers VALUES (?, ?, ?)').run(':key', '2', i)
    }
    for (const [seq, id] of [[n + 1, '1'], [n + 2, '2'], [n + 3, '3']] as const) {
      db.prepare('INSERT INTO events VALUES (?, ?, ?)').run(seq, t0 + seq * 60, ':keystore')
      db.prepare('INSERT INTO effects VALUES (?, ?, ?, ?)').run(seq, ':key-expired', ':key', id)
    }
  })()
  db.close()
}

beforeAll(async () => {
  dir = tempDir('audit')
  const walkPath = join(dir.path, 'walk.db')
  const s = await createSqliteStore(walkPath)
  await writeWalkthrough(s)
  await s.close()
  walk = await openSqliteStore(walkPath, { readOnly: true })
  const bigPath = join(dir.path, 'big.db')
  await bigStore(bigPath, 2000)
  big = await openSqliteStore(bigPath, { readOnly: true })
})

afterAll(async () => {
  await walk?.close()
  await big?.close()
  dir?.remove()
})

async function allPages(store: OpenedStore, sort: TriggerSort, limit: number, text?: string): Promise<TriggerSummary[]> {
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

describe('trigger index', () => {
  it('lists every trigger identity of the walkthrough with its actions and effects', async () => {
    const page = await walk.triggerIndex({ limit: 10 })
    expect(page).toEqual({
      rows: [
        { ...KEY1, actions: 1, effects: 1 },
        { kind: ':encryption-key', id: '2', actions: 1, effects: 0 }
      ],
      hasMore: false
    })
    expect(await walk.countTriggers()).toBe(2)
  })

  it('pages by keyset in every sort order and the pages add up to the whole, sorted', async () => {
    const n = 2000
    for (const sort of ['identity', 'actions', 'effects'] as const) {
      const rows = await allPages(big, sort, 1)
      expect(rows.map((r) => `${r.kind} ${r.id}`), sort).toHaveLength(3)
      if (sort === 'identity') expect(rows.map((r) => r.id)).toEqual(['1', '2', '3'])
      if (sort === 'actions') expect(rows.map((r) => [r.id, r.actions])).toEqual([['1', n], ['2', n / 10], ['3', 0]])
      if (sort === 'effects') expect(rows.map((r) => r.id)).toEqual(['1', '2', '3'])
      expect(rows.every((r) => r.effects === 1)).toBe(true)
    }
  })

  it('filters by printed kind and id text, case-insensitively', async () => {
    expect((await walk.triggerIndex({ limit: 10, text: 'KEY 2' })).rows.map((r) => r.id)).toEqual(['2'])
    expect((await walk.triggerIndex({ limit: 10, text: ':encryption', sort: 'effects' })).rows.map((r) => r.id)).toEqual(['1', '2'])
    expect((await walk.triggerIndex({ limit: 10, text: 'nothing like it' })).rows).toEqual([])
    expect(await walk.countTriggers('key 1')).toBe(1)
  })
})

describe('trigger graph', () => {
  it('around [:encryption-key 1]: action 5 on [:receipt 1] and effect 7, which reaches it', async () => {
    const graph = await walk.triggerGraph({ type: 'trigger', ...KEY1 })
    expect(graph).toEqual({
      focus: { type: 'trigger', ...KEY1 },
      triggers: { items: [KEY1], total: 1 },
      actions: { items: [{ seqNo: 5, reason: ':payment', aggregate: { kind: ':receipt', id: '1' } }], total: 1 },
      aggregates: { items: [{ kind: ':receipt', id: '1' }], total: 1 },
      effects: { items: [{ seqNo: 7, reason: ':key-expired', trigger: KEY1 }], total: 1 },
      carries: [{ trigger: KEY1, seqNo: 5 }],
      reaches: [{ aggregate: { kind: ':receipt', id: '1' }, effect: 7 }],
      kinds: [{ kind: ':receipt', actions: 1, aggregates: 1 }]
    })
  })

  it('around effect 7 is the graph of its trigger; an unknown effect gives null', async () => {
    const graph = await walk.triggerGraph({ type: 'effect', seqNo: 7 })
    expect(graph?.actions.items.map((a) => a.seqNo)).toEqual([5])
    expect(graph?.effects.items.map((e) => e.seqNo)).toEqual([7])
    expect(await walk.triggerGraph({ type: 'effect', seqNo: 5 })).toBeNull()
  })

  it('around an aggregate: the triggers its actions carry; a book carries none', async () => {
    const receipt2 = await walk.triggerGraph({ type: 'aggregate', kind: ':receipt', id: '2' })
    expect(receipt2?.triggers.items).toEqual([{ kind: ':encryption-key', id: '2' }])
    expect(receipt2?.actions.items.map((a) => a.seqNo)).toEqual([6])
    expect(receipt2?.effects.total).toBe(0)
    const book = await walk.triggerGraph({ type: 'aggregate', kind: ':book', id: '"Neuromancer"' })
    expect(book?.triggers.total).toBe(0)
    expect(book?.aggregates.items).toEqual([{ kind: ':book', id: '"Neuromancer"' }])
  })

  it('caps every group and counts the rest', async () => {
    const graph = await big.triggerGraph({ type: 'trigger', kind: ':key', id: '1' }, 50)
    expect(graph?.actions.items).toHaveLength(50)
    expect(graph?.actions.total).toBe(2000)
    expect(graph?.aggregates.total).toBe(200)
    expect(graph?.aggregates.items).toHaveLength(50)
    expect(graph?.carries).toHaveLength(50)
    expect(graph?.reaches).toHaveLength(50)
    const receipt = await big.triggerGraph({ type: 'aggregate', kind: ':receipt', id: '0' }, 50)
    expect(receipt?.triggers.items.map((t) => t.id)).toEqual(['1', '2'])
    // The focus aggregate's own actions come first.
    expect(receipt?.actions.items.slice(0, 10).every((a) => a.aggregate.id === '0')).toBe(true)
    expect(receipt?.effects.items.map((e) => e.seqNo)).toEqual([2001, 2002])
  })
})

describe('blast radius', () => {
  it('of effect 7 from offset 6 is exactly action 5 of [:receipt 1]; without it the read replays nothing', async () => {
    const blast = await walk.blastRadius(7, 6)
    expect(blast).toMatchObject({
      effect: { seqNo: 7, reason: ':key-expired', trigger: KEY1 },
      offset: 6,
      inactive: null,
      aggregates: { items: [{ kind: ':receipt', id: '1', replayed: 1, sharedWithOtherEffects: false }], total: 1 },
      replayedAggregates: 1,
      onlyBecauseOfIt: 1,
      aggregatesOnlyBecauseOfIt: 1
    })
    expect(await walk.blastReadSizes(7, 6)).toEqual({ current: 1, replayedWith: 1, replayedWithout: 0 })
    expect(await walk.blastReadSizes(5, 6)).toBeNull()
    expect(blast?.actions.items.map((a) => [a.seqNo, a.onlyBecauseOfIt])).toEqual([[5, true]])
    // The read itself agrees: read(6) is 5 (replayed) and 6.
    const read: number[] = []
    for await (const e of walk.read(6)) read.push(e.seqNo)
    expect(read).toEqual([5, 6])
  })

  it('defaults to the effect`s own seq-no as offset and replays nothing where the effect does not count', async () => {
    expect((await walk.blastRadius(7))?.actions.items.map((a) => a.seqNo)).toEqual([5])
    const after = await walk.blastRadius(7, 8)
    expect(after?.inactive).toContain('does not see it')
    expect(after?.actions.total).toBe(0)
    expect(after?.aggregates.items).toEqual([{ kind: ':receipt', id: '1', replayed: 0, sharedWithOtherEffects: false }])
    expect((await walk.blastRadius(7, 1))?.inactive).toContain('reads everything')
    expect(await walk.blastRadius(5, 6)).toBeNull()
  })

  it('tells apart actions other effects replay anyway', async () => {
    // Effects 2001 ([:key 1]) and 2002 ([:key 2]) both reach receipt 0 (action 10 carries both keys).
    const blast = await big.blastRadius(2002, 2001)
    expect(blast?.aggregates.total).toBe(20)
    expect(blast?.aggregatesOnlyBecauseOfIt).toBe(0)
    expect(blast?.onlyBecauseOfIt).toBe(0)
    const sizes = await big.blastReadSizes(2002, 2001)
    expect(sizes?.replayedWith).toBe(sizes?.replayedWithout)
    expect(blast?.actions.total).toBe(20 * 10)
    const only = await big.blastRadius(2002, 2002)
    expect(only?.onlyBecauseOfIt).toBe(200)
    expect(await big.blastReadSizes(2002, 2002)).toEqual({ current: 0, replayedWith: 200, replayedWithout: 0 })
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
    const b = await big.timeline({ buckets: 10 })
    expect(b.buckets.length).toBeLessThanOrEqual(10)
    expect(b.buckets.reduce((n, x) => n + x.compensations, 0)).toBe(40)
    expect(b.buckets.reduce((n, x) => n + x.conflicts, 0)).toBe(2)
    expect(b.buckets.reduce((n, x) => n + x.actions + x.effects, 0)).toBe(2003)
    const empty = await big.timeline({ fromTime: 0, toTime: 10 })
    expect(empty).toEqual({ bucketSeconds: 86400, buckets: [], firstTime: null, lastTime: null })
  })

  it('chooses the smallest round bucket size that fits', () => {
    expect(bucketSize(0, 59, 60)).toBe(1)
    expect(bucketSize(0, 3600, 60)).toBe(300)
    expect(bucketSize(0, 86400 * 300, 60)).toBe(86400 * 7)
  })
})
