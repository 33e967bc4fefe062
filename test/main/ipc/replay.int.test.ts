/**
 * The replay preview through the real dispatch, store host and worker: page
 * by page it delivers exactly what `read(offset)` (and its filtered forms)
 * delivers, in order, with the replayed actions marked and their causing
 * effects named; the count agrees; the CLI's `read` agrees on the walkthrough.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { ActionEvent } from '../../../src/shared/domain'
import type { IpcResult } from '../../../src/shared/ipc/errors'
import type { ReplayCount, ReplayItem, ReplayPage } from '../../../src/shared/replay'
import { identityToEdn, parseReadScope } from '../../../src/main/core/domain'
import { printEdn } from '../../../src/main/core/edn'
import { openStoreFile } from '../../helpers/store-files'
import type { OpenedStore } from '../../../src/main/store/opened-store'
import { createDemoStore } from '../../../scripts/demo'
import { generateStore } from '../../../bench/generate'
import { makeWalkthroughStore } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { cli } from '../../cli/run-cli'

let ipc: IpcHarness
const call = <T,>(channel: string, payload: unknown): Promise<IpcResult<T>> => ipc.call<T>(channel, payload)
const value = <T,>(channel: string, payload: unknown): Promise<T> => ipc.value<T>(channel, payload)
let dir: IpcHarness['dir']
const stores: Record<string, { path: string; storeId: string; store: OpenedStore }> = {}


interface Scope {
  readonly aggregates?: string
  readonly kinds?: string
}

/** Every page of the preview, concatenated. */
async function allPages(storeId: string, offset: number, scope: Scope, limit: number): Promise<ReplayItem[]> {
  const items: ReplayItem[] = []
  let after: number | undefined
  for (;;) {
    const page = await value<ReplayPage>('store:replay-page', { storeId, offset, ...scope, limit, ...(after !== undefined ? { after } : {}) })
    items.push(...page.items)
    if (!page.hasMore) return items
    expect(page.items).toHaveLength(limit)
    after = page.items[page.items.length - 1].seqNo
  }
}

/** What the store's own read delivers for the same request. */
async function direct(store: OpenedStore, offset: number, scope: Scope): Promise<ActionEvent[]> {
  const parsed = parseReadScope(scope.aggregates, scope.kinds, { aggregates: 'aggregates', kinds: 'kinds' })
  const events = parsed === undefined
    ? store.read(offset)
    : 'aggregates' in parsed ? store.filterAggregates(offset, parsed.aggregates) : store.filterAggregateKinds(offset, parsed.kinds)
  const out: ActionEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

/** Compares the preview with the read; returns how many actions were replayed. */
async function expectSameAsRead(name: string, offset: number, scope: Scope, limit: number): Promise<number> {
  const { storeId, store } = stores[name]
  const items = await allPages(storeId, offset, scope, limit)
  const expected = await direct(store, offset, scope)
  expect(items.map((i) => i.seqNo)).toEqual(expected.map((e) => e.seqNo))
  const causes = new Map((await store.replayCauses(offset)).map((c) => [`${c.aggregate.kind} ${c.aggregate.id}`, c.effects]))
  items.forEach((item, i) => {
    const e = expected[i]
    expect(item).toEqual({
      seqNo: e.seqNo,
      timestamp: e.timestampMs / 1000,
      source: printEdn(e.source),
      reason: printEdn(e.action.reason),
      actor: printEdn(identityToEdn(e.action.actor)),
      aggregate: printEdn(identityToEdn(e.action.aggregate)),
      aggregateKind: printEdn(e.action.aggregate.kind),
      aggregateId: printEdn(e.action.aggregate.id),
      patch: printEdn(e.action.patch),
      triggers: e.triggers.map((t) => printEdn(identityToEdn(t))),
      replayed: e.seqNo < offset,
      causes: e.seqNo < offset ? causes.get(`${printEdn(e.action.aggregate.kind)} ${printEdn(e.action.aggregate.id)}`) : []
    })
    if (item.replayed) expect(item.causes.length).toBeGreaterThan(0)
  })
  const count = await value<ReplayCount>('store:replay-count', { storeId, offset, ...scope })
  expect(count).toEqual({ total: expected.length, replayed: expected.filter((e) => e.seqNo < offset).length })
  return count.replayed
}

beforeAll(async () => {
  ipc = await startIpc('replay')
  dir = ipc.dir
  const paths = {
    walkthrough: await makeWalkthroughStore(dir.path),
    demo: join(dir.path, 'demo.db'),
    synthetic: join(dir.path, 'synthetic.db')
  }
  await createDemoStore(paths.demo)
  await generateStore(paths.synthetic, 3_000)
  for (const [name, path] of Object.entries(paths)) {
    const storeId = (await ipc.open(path)).storeId
    stores[name] = { path, storeId, store: await openStoreFile(path, { readOnly: true }) }
  }
}, 120_000)
afterAll(async () => {
  for (const s of Object.values(stores)) await s.store.close()
  await ipc.close()
})

describe('the README walkthrough', () => {
  it('reading from 6 delivers 5 (replayed because of effect 7), then 6 — as the CLI does', async () => {
    const { storeId, path } = stores.walkthrough
    const page = await value<ReplayPage>('store:replay-page', { storeId, offset: 6 })
    expect(page.hasMore).toBe(false)
    expect(page.items.map((i) => [i.seqNo, i.replayed, i.causes, i.aggregate])).toEqual([
      [5, true, [7], '[:receipt 1]'],
      [6, false, [], '[:receipt 2]']
    ])
    expect(page.items[0]).toMatchObject({ reason: ':payment', actor: '[:user "alice"]', triggers: ['[:encryption-key 1]'] })
    const run = cli(['read', path, '--offset', '6'])
    expect(run.code).toBe(0)
    expect([...run.stdout.matchAll(/:seq-no (\d+)/g)].map((m) => Number(m[1]))).toEqual([5, 6])
    expect(await value('store:replay-count', { storeId, offset: 6 })).toEqual({ replayed: 1, total: 2 })
  })

  it('offsets 0 and 1 both deliver every action; past the end nothing', async () => {
    for (const offset of [0, 1]) {
      const page = await value<ReplayPage>('store:replay-page', { storeId: stores.walkthrough.storeId, offset })
      expect(page.items.map((i) => i.seqNo)).toEqual([1, 2, 3, 4, 5, 6])
      expect(page.items.every((i) => !i.replayed)).toBe(true)
    }
    const past = await value<ReplayPage>('store:replay-page', { storeId: stores.walkthrough.storeId, offset: 8 })
    expect(past).toEqual({ items: [], hasMore: false })
  })
})

describe('the same as read(offset), page by page', () => {
  const offsets = { walkthrough: [0, 2, 5, 6, 7, 8], demo: [1, 100, 1500, 3000], synthetic: [1, 250, 1234, 2900, 3001] }
  for (const [name, list] of Object.entries(offsets)) {
    it(`on the ${name} store`, async () => {
      let replayed = 0
      for (const offset of list) replayed += await expectSameAsRead(name, offset, {}, name === 'walkthrough' ? 1 : 97)
      expect(replayed).toBeGreaterThan(0)
    })
  }

  it('restricted to aggregates and to kinds (filter-events-by-aggregates / -aggregate-kinds)', async () => {
    await expectSameAsRead('walkthrough', 6, { aggregates: '[[:receipt 1] [:book "Neuromancer"]]' }, 1)
    await expectSameAsRead('walkthrough', 3, { kinds: '[:book]' }, 2)
    await expectSameAsRead('synthetic', 1500, { kinds: '[:book :receipt]' }, 200)
    await expectSameAsRead('synthetic', 1500, { aggregates: '[[:book 0] [:user "user-1"] [:receipt 3]]' }, 5)
    await expectSameAsRead('demo', 2000, { kinds: '[:receipt]' }, 50)
  })
})

describe('bad restrictions', () => {
  it('are refused with a sentence naming what is wrong', async () => {
    const { storeId } = stores.walkthrough
    const cases: [Scope, RegExp][] = [
      [{ aggregates: '[[:book' }, /The aggregates field is not valid EDN/],
      [{ aggregates: '[:book 1]' }, /The aggregates field must be an identity \[kind id\].*got :book/],
      [{ kinds: '[:book "x"]' }, /The kinds field must hold keywords only; got "x"/],
      [{ kinds: ':book' }, /The kinds field must be an EDN vector of keywords/],
      [{ kinds: '[:book]', aggregates: '[[:book 1]]' }, /Give either the aggregates field or the kinds field, not both/]
    ]
    for (const [scope, message] of cases) {
      const result = await call('store:replay-page', { storeId, offset: 1, ...scope })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-request')
        expect(result.error.message).toMatch(message)
      }
    }
  })
})
