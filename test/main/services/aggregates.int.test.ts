/**
 * The Aggregates queries against real store files: through the real dispatch
 * on the README walkthrough store (kinds, pages, search, history, state with
 * blame, diff), on hand-made broken stores (sentences, not crashes), and a
 * property over random patch sequences: the state as of N is the fold of
 * `applyPatch`, blame names the last event that assoc'd the path, an
 * ancestor or anything inside it (or created it, or removed a key inside it), and the diff is empty exactly when states are equal.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AggregateDiffView, AggregateHistory, AggregateKindCount, AggregateListPage, AggregateStateView } from '../../../src/shared/aggregates'
import type { NewEvent } from '../../../src/shared/domain'
import { edn, type EdnMap, type EdnValue } from '../../../src/shared/edn-value'
import { applyPatch } from '../../../src/main/core/domain'
import { ednEquals, printEdn } from '../../../src/main/core/edn'
import { storeQueries } from '../../../src/main/services/registry'
import { createStoreFile, openStoreFile } from '../../helpers/store-files'
import { makeWalkthroughStore } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'

let ipc: IpcHarness
const value = <T,>(channel: string, payload: unknown): Promise<T> => ipc.value<T>(channel, payload)
let dir: IpcHarness['dir']


async function open(path: string): Promise<string> {
  return (await ipc.open(path)).storeId
}

beforeAll(async () => {
  ipc = await startIpc('aggregates')
  dir = ipc.dir
})
afterAll(async () => {
  await ipc.close()
})

const neuromancer = { kind: ':book', id: '"Neuromancer"' }

describe('the walkthrough store through the real dispatch', () => {
  let storeId: string
  beforeAll(async () => {
    storeId = await open(await makeWalkthroughStore(dir.path))
  })

  it('lists aggregate kinds with their aggregate counts', async () => {
    expect(await value<AggregateKindCount[]>('store:aggregate-kinds', { storeId })).toEqual([
      { kind: ':book', aggregates: 3 },
      { kind: ':receipt', aggregates: 2 }
    ])
  })

  it('pages the aggregates of a kind by id text, with action counts and seq-no ranges, and searches ids', async () => {
    const first = await value<AggregateListPage>('store:aggregate-list', { storeId, kind: ':book', limit: 2 })
    expect(first.rows.map((r) => r.id)).toEqual(['"Count Zero"', '"Mona Lisa Overdrive"'])
    expect(first.hasMore).toBe(true)
    const second = await value<AggregateListPage>('store:aggregate-list', { storeId, kind: ':book', limit: 2, afterId: first.rows[1].id })
    expect(second).toEqual({ rows: [{ kind: ':book', id: '"Neuromancer"', actions: 2, firstSeqNo: 1, lastSeqNo: 4 }], hasMore: false })
    const found = await value<AggregateListPage>('store:aggregate-list', { storeId, kind: ':book', idContains: 'NEURO', limit: 50 })
    expect(found.rows.map((r) => r.id)).toEqual(['"Neuromancer"'])
    expect((await value<AggregateListPage>('store:aggregate-list', { storeId, kind: ':book', idContains: 'nothing', limit: 50 })).rows).toEqual([])
  })

  it('gives an aggregate’s history as stored, with patch summaries', async () => {
    const history = await value<AggregateHistory>('store:aggregate-history', { storeId, aggregate: neuromancer })
    expect(history.rows.map((r) => [r.seqNo, r.reason, r.actorId, r.patchSummary])).toEqual([
      [1, ':create', '"alice"', 'assoc :author "William Gibson", :genre "SciFi"'],
      [4, ':update', '"bob"', 'assoc :genre "Cyberpunk"']
    ])
  })

  it('projects the state as of each seq-no with the event that last set each key', async () => {
    const at = (asOf: number): Promise<AggregateStateView> => value('store:aggregate-state', { storeId, aggregate: neuromancer, asOf })
    const before = await at(0)
    expect(before).toMatchObject({ actions: 0, edn: '{}', blame: [], problem: null })
    const one = await at(3)
    expect(one.edn).toBe('{:author "William Gibson", :genre "SciFi"}')
    expect(one.blame).toEqual([
      { path: [':author'], seqNo: 1 },
      { path: [':genre'], seqNo: 1 }
    ])
    const four = await at(7)
    expect(four).toMatchObject({ actions: 2, edn: '{:author "William Gibson", :genre "Cyberpunk"}', problem: null })
    expect(four.blame).toEqual([
      { path: [':author'], seqNo: 1 },
      { path: [':genre'], seqNo: 4 }
    ])
    expect(four.tree).toMatchObject({ t: 'map', entries: [[{ text: ':author' }, { type: 'str', text: '"William Gibson"' }], [{ text: ':genre' }, { text: '"Cyberpunk"' }]] })
  })

  it('diffs two points in either direction', async () => {
    const forward = await value<AggregateDiffView>('store:aggregate-diff', { storeId, aggregate: neuromancer, from: 1, to: 4 })
    expect(forward.changes).toEqual([{ type: 'changed', path: [':genre'], before: '"SciFi"', after: '"Cyberpunk"' }])
    const fromNothing = await value<AggregateDiffView>('store:aggregate-diff', { storeId, aggregate: neuromancer, from: 4, to: 0 })
    expect(fromNothing.changes.map((c) => [c.type, c.path, c.before, c.after])).toEqual([
      ['removed', [':author'], '"William Gibson"', null],
      ['removed', [':genre'], '"Cyberpunk"', null]
    ])
  })

  it('refuses malformed requests before they reach the store', async () => {
    const result = await ipc.call('store:aggregate-state', { storeId, aggregate: { kind: ':book' }, asOf: 1 })
    expect(result.ok).toBe(false)
  })
})

describe('stores with unreadable history', () => {
  async function seeded(rows: string[]): Promise<string> {
    const path = join(mkdtempSync(join(dir.path, 'broken-')), 'store.db')
    await (await createStoreFile(path)).close()
    const db = new Database(path)
    for (const sql of rows) db.exec(sql)
    db.close()
    return path
  }
  const action = (n: number, patch: string): string[] => [
    `INSERT INTO events VALUES (${n}, 1764338400, ':bookstore')`,
    `INSERT INTO actions VALUES (${n}, ':create', ':user', '"alice"', ':book', '"Idoru"', '${patch}')`
  ]
  const idoru = { kind: ':book', id: '"Idoru"' }

  it('names the seq-no of a patch that is not EDN, and shows the state before it', async () => {
    const storeId = await open(await seeded([...action(1, '{:assoc {:genre "SciFi"}}'), ...action(2, '{:assoc {:genre')]))
    const broken = await value<AggregateStateView>('store:aggregate-state', { storeId, aggregate: idoru, asOf: 2 })
    expect(broken.tree).toBeNull()
    expect(broken.problem?.seqNo).toBe(2)
    expect(broken.problem?.message).toMatch(/seq-no 2, actions\.patch is not valid EDN/)
    expect((await value<AggregateStateView>('store:aggregate-state', { storeId, aggregate: idoru, asOf: 1 })).edn).toBe('{:genre "SciFi"}')
    const diff = await value<AggregateDiffView>('store:aggregate-diff', { storeId, aggregate: idoru, from: 1, to: 2 })
    expect(diff).toMatchObject({ changes: [], problem: { seqNo: 2 } })
    const history = await value<AggregateHistory>('store:aggregate-history', { storeId, aggregate: idoru })
    expect(history.rows.map((r) => r.patch)).toEqual(['{:assoc {:genre "SciFi"}}', '{:assoc {:genre'])
  })

  it('says why a patch the library refuses cannot be applied', async () => {
    const storeId = await open(await seeded([...action(1, '{:a 1}')]))
    const state = await value<AggregateStateView>('store:aggregate-state', { storeId, aggregate: idoru, asOf: 1 })
    expect(state.problem?.seqNo).toBe(1)
    expect(state.problem?.message).toMatch(/^The patch of seq-no 1 cannot be applied/)
  })

  it('says why assoc-in through a value that is not a map fails, as Clojure does', async () => {
    const storeId = await open(await seeded([...action(1, '{:assoc {:genre 1}}'), ...action(2, '{:assoc {[:genre :sub] 2}}')]))
    const state = await value<AggregateStateView>('store:aggregate-state', { storeId, aggregate: idoru, asOf: 5 })
    expect(state.problem).toMatchObject({ seqNo: 2 })
    expect(state.problem?.message).toMatch(/Cannot assoc/)
  })
})

// ---- property: random patch sequences against the fold of applyPatch ----

const KEYS = ['a', 'b', 'c'].map((name) => edn.kw(name))
const keyArb: fc.Arbitrary<EdnValue> = fc.oneof(
  fc.constantFrom(...KEYS),
  fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }).map((path) => edn.vec(path))
)
const valueArb: fc.Arbitrary<EdnValue> = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map((n) => edn.int(BigInt(n))),
  fc.constantFrom(...KEYS).map((k) => edn.map([[k, edn.str('x')]]))
)
const distinctKeys = (max: number): fc.Arbitrary<EdnValue[]> => fc.uniqueArray(keyArb, { minLength: 1, maxLength: max, selector: (k) => printEdn(k) })
const patchArb: fc.Arbitrary<EdnValue> = fc
  .record({ assoc: fc.option(distinctKeys(3), { nil: null }), values: fc.array(valueArb, { minLength: 3, maxLength: 3 }), dissoc: fc.option(distinctKeys(2), { nil: null }) })
  .filter((p) => p.assoc !== null || p.dissoc !== null)
  .map(({ assoc, values, dissoc }) => {
    const entries: [EdnValue, EdnValue][] = []
    if (assoc) entries.push([edn.kw('assoc'), edn.map(assoc.map((k, i) => [k, values[i]] as const))])
    if (dissoc) entries.push([edn.kw('dissoc'), edn.vec(dissoc)])
    return edn.map(entries)
  })
/** A step: a patch on the aggregate under test (`mine`) or on another one. */
const stepsArb = fc.array(fc.record({ mine: fc.boolean(), patch: patchArb }), { minLength: 1, maxLength: 8 })

const pathOf = (key: EdnValue): string[] => (key.t === 'kw' ? [printEdn(key)] : (key as unknown as { items: EdnValue[] }).items.map((k) => printEdn(k)))
const isPrefix = (prefix: readonly string[], path: readonly string[]): boolean => prefix.length <= path.length && prefix.every((p, i) => p === path[i])
const assocPaths = (patch: EdnValue): string[][] => {
  const assoc = (patch as EdnMap).entries.find(([k]) => printEdn(k) === ':assoc')?.[1] as EdnMap | undefined
  return assoc ? assoc.entries.map(([k]) => pathOf(k)) : []
}

const dissocPaths = (patch: EdnValue): string[][] => {
  const dissoc = (patch as EdnMap).entries.find(([k]) => printEdn(k) === ':dissoc')?.[1] as { items: EdnValue[] } | undefined
  return dissoc ? dissoc.items.map((k) => pathOf(k)) : []
}

/** Whether `state` holds a value at `path` (keys given as printed EDN). */
function hasPath(state: EdnValue, path: readonly string[]): boolean {
  if (path.length === 0) return true
  if (state.t !== 'map') return false
  const entry = state.entries.find(([k]) => printEdn(k) === path[0])
  return entry !== undefined && hasPath(entry[1], path.slice(1))
}

function event(id: number, patch: EdnValue): NewEvent {
  const kw = edn.kw
  return {
    type: 'action',
    timestampMs: Date.UTC(2026, 0, 1),
    source: kw('test'),
    action: { reason: kw('edit'), actor: { kind: kw('user'), id: edn.str('p') }, aggregate: { kind: kw('thing'), id: edn.int(BigInt(id)) }, patch },
    triggers: []
  }
}

describe('state, blame and diff over random patch sequences', () => {
  it('match folding applyPatch over the stored patches', async () => {
    const base = mkdtempSync(join(tmpdir(), 'coherence-aggregates-prop-'))
    let run = 0
    try {
      await fc.assert(
        fc.asyncProperty(stepsArb, fc.nat(), async (steps, pick) => {
          const path = join(base, `p${run++}.db`)
          const store = await createStoreFile(path)
          try {
            const written = await store.rebase(1, steps.map((s) => event(s.mine ? 1 : 2, s.patch)))
            expect(written.result).toBe('ok')
          } finally {
            await store.close()
          }
          const reader = await openStoreFile(path, { readOnly: true })
          const ctx = { store: reader, progress: () => undefined }
          const aggregate = { kind: ':thing', id: '1' }
          const mine = steps.map((s, i) => ({ seqNo: i + 1, ...s })).filter((s) => s.mine)
          try {
            const asOf = steps.length === 0 ? 0 : (pick % (steps.length + 1))
            // The fold: the state after every own patch ≤ asOf, or the seq-no where applyPatch throws.
            let expected: EdnMap = edn.map([])
            let failsAt: number | null = null
            const states = new Map<number, EdnMap>([[0, expected]])
            for (const s of mine) {
              try {
                expected = applyPatch(expected, s.patch)
              } catch {
                failsAt ??= s.seqNo
              }
              states.set(s.seqNo, expected)
            }
            const upTo = (n: number): EdnMap => [...states.entries()].filter(([seq]) => seq <= n).at(-1)?.[1] ?? edn.map([])
            const view = await storeQueries.aggregateState(ctx, { aggregate, asOf })
            if (failsAt !== null && failsAt <= asOf) {
              expect(view.problem?.seqNo).toBe(failsAt)
              expect(view.tree).toBeNull()
              return
            }
            expect(view.problem).toBeNull()
            expect(view.edn).toBe(printEdn(upTo(asOf)))
            expect(view.actions).toBe(mine.filter((s) => s.seqNo <= asOf).length)
            for (const { path: blamed, seqNo } of view.blame) {
              const setter = mine.find((s) => s.seqNo === seqNo)
              expect(setter, `blame of ${blamed.join(' ')} names an own event`).toBeDefined()
              expect(seqNo).toBeLessThanOrEqual(asOf)
              // It assoc'd the path, an ancestor, or a descendant (creating the path on the way, or changing a key inside it), or removed a key inside it …
              const touches = (patch: EdnValue): boolean => assocPaths(patch).some((p) => isPrefix(p, blamed) || isPrefix(blamed, p))
              expect(touches(setter!.patch) || dissocPaths(setter!.patch).some((p) => p.length > blamed.length && isPrefix(blamed, p))).toBe(true)
              // … and no later own event up to asOf assoc'd the path or an ancestor, or left something it assoc'd inside it
              // (a key one patch assoc's and then dissoc's leaves the map as it was, so it does not move the blame).
              const setsOrLeavesInside = (s: (typeof mine)[number]): boolean =>
                assocPaths(s.patch).some((p) => isPrefix(p, blamed) || (isPrefix(blamed, p) && hasPath(states.get(s.seqNo)!, p)))
              const later = mine.filter((s) => s.seqNo > seqNo && s.seqNo <= asOf && setsOrLeavesInside(s))
              expect(later.map((s) => s.seqNo)).toEqual([])
            }
            if (failsAt === null) {
              const from = pick % (steps.length + 1)
              const to = (pick >> 3) % (steps.length + 1)
              const diff = await storeQueries.aggregateDiff(ctx, { aggregate, from, to })
              expect(diff.problem).toBeNull()
              expect(diff.changes.length === 0).toBe(ednEquals(upTo(from), upTo(to)))
            }
          } finally {
            await reader.close()
          }
        }),
        { numRuns: 100 }
      )
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  }, 120_000)
})
