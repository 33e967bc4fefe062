/**
 * The `StoreCopier` contract: one snapshot of every stored row (counts, the
 * highest seq-no, pages table by table), written
 * into an empty store of any adapter in one transaction — the same rows and
 * the same `read` afterwards; a store that is not empty, a read-only one, and
 * a stream that fails half-way leave the target as it was. Run it with two
 * factories to copy from one adapter to another.
 */
import { describe, expect, it } from 'vitest'
import type { NewEvent } from '../../../../src/shared/domain'
import { StoreError } from '../../../../src/main/store/errors'
import { eventToEdn } from '../../../../src/main/core/domain'
import { printEdn } from '../../../../src/main/core/edn'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { storeCopier } from '../../../../src/main/store/open-store'
import type { StoredCell, StoredRowPage, TableRole } from '../../../../src/main/store/store-copier'
import { collect, type StoreAdapterFactory } from './adapter'
import { action, effect, id } from './events'
import { writeWalkthrough } from '../../../../scripts/demo/walkthrough'

const LOCATION = { kind: 'sqlite', path: 'contract' } as const

/** A writable store holding the README walkthrough (seq-nos 1–7). */
async function walkthroughStore(factory: StoreAdapterFactory): Promise<OpenedStore> {
  const store = await factory.create()
  await writeWalkthrough(store)
  return store
}

/** Every row of a snapshot, by table, cells as comparable text (bytes as hex). */
async function rowsOf(store: OpenedStore): Promise<Record<TableRole, string[]>> {
  const snapshot = await storeCopier(store, LOCATION).snapshotRows()
  const out: Record<TableRole, string[]> = { event: [], action: [], effect: [], trigger: [] }
  const text = (cell: StoredCell): string => (cell instanceof Uint8Array ? `x${Buffer.from(cell).toString('hex')}` : `${typeof cell}:${String(cell)}`)
  for await (const page of snapshot.pages) for (const row of page.rows) out[page.role].push(row.map(text).join('|'))
  for (const role of Object.keys(out) as TableRole[]) out[role].sort()
  return out
}

/** What `read(0)` delivers, each event printed with its triggers in one order (they are a set: adapters may list them differently). */
async function readOf(store: OpenedStore): Promise<string[]> {
  return (await collect(store.read(0))).map((e) => printEdn(eventToEdn({ ...e, triggers: [...e.triggers].sort((a, b) => (printEdn(a.kind) + printEdn(a.id) < printEdn(b.kind) + printEdn(b.id) ? -1 : 1)) })))
}

/** 2 500 events (more than one page per table): actions with triggers and effects. */
function manyEvents(): NewEvent[] {
  return Array.from({ length: 2500 }, (_, i) => (i % 7 === 6 ? effect(id('key', i % 50)) : action(id('book', i % 40), i, i % 3 === 0 ? [id('key', i % 50), id('order', i)] : [])))
}

async function* failingAfterFirst(pages: AsyncIterable<StoredRowPage>): AsyncGenerator<StoredRowPage> {
  for await (const page of pages) {
    yield page
    throw new Error('the source went away')
  }
}

/** Register the StoreCopier contract: rows from `source` stores into `target` stores. */
export function describeStoreCopierContract(source: StoreAdapterFactory, target: StoreAdapterFactory = source): void {
  const name = source.name === target.name ? source.name : `${source.name} → ${target.name}`

  describe(`${name} StoreCopier contract`, () => {
    it('snapshots every row and writes them into an empty store: the same rows, the same read', async () => {
      const from = await walkthroughStore(source)
      const to = await target.create()
      try {
        await from.rebase(8, manyEvents())
        const snapshot = await storeCopier(from, LOCATION).snapshotRows()
        expect(snapshot.seqNo).toBe(2507)
        expect(snapshot.counts.event).toBe(2507)
        expect(snapshot.counts.event).toBe(snapshot.counts.action + snapshot.counts.effect)
        const roles: TableRole[] = []
        let progress = 0
        const tracked = (async function* () {
          for await (const page of snapshot.pages) {
            if (roles.at(-1) !== page.role) roles.push(page.role)
            yield page
          }
        })()
        const written = await storeCopier(to, LOCATION).writeRows(tracked, (rows) => (progress = rows))
        expect(roles).toEqual(['event', 'action', 'effect', 'trigger'])
        const total = snapshot.counts.event + snapshot.counts.action + snapshot.counts.effect + snapshot.counts.trigger
        expect(written).toBe(total)
        expect(progress).toBe(total)
        expect(await rowsOf(to)).toEqual(await rowsOf(from))
        expect(await readOf(to)).toEqual(await readOf(from))
        expect(await to.currentSeqNo()).toBe(2507)
      } finally {
        await from.close()
        await to.close()
      }
    }, 60_000)

    it('refuses a target that holds rows, and one opened read-only; writes nothing when the stream fails', async () => {
      const from = await walkthroughStore(source)
      const full = await walkthroughStore(target)
      const empty = await target.create()
      const locked = await target.reopenReadOnly(empty)
      try {
        // Snapshots a refused write never read hold a connection: close each one afterwards.
        const snapshots: { close(): Promise<void> }[] = []
        const pages = async () => {
          const snapshot = await storeCopier(from, LOCATION).snapshotRows()
          snapshots.push(snapshot)
          return snapshot.pages
        }
        await expect(storeCopier(full, LOCATION).writeRows(await pages())).rejects.toMatchObject({ code: 'already-exists' })
        expect(await full.currentSeqNo()).toBe(7)
        await expect(storeCopier(locked, LOCATION).writeRows(await pages())).rejects.toBeInstanceOf(StoreError)
        await expect(storeCopier(empty, LOCATION).writeRows(failingAfterFirst(await pages()))).rejects.toThrow('the source went away')
        expect(await empty.currentSeqNo()).toBe(0)
        expect(await empty.counts()).toMatchObject({ events: 0, actions: 0, effects: 0, triggers: 0 })
        // The failed copy left no transaction open: a good one goes through.
        expect(await storeCopier(empty, LOCATION).writeRows(await pages())).toBeGreaterThan(7)
        expect(await readOf(empty)).toEqual(await readOf(from))
        for (const snapshot of snapshots) await snapshot.close()
      } finally {
        for (const store of [from, full, locked, empty]) await store.close()
      }
    })
  })
}
