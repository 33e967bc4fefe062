/**
 * The store host with real worker threads and real store files: stores open
 * locked with their seq-no, several at once; writes to a locked store are
 * refused both by the host in main and by the worker itself; commits by
 * another connection are reported; long operations report progress.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SINGULAR_TABLES } from '../../../src/shared/domain'
import type { StoreHost } from '../../../src/main/host/store-host'
import { StoreWorkerClient } from '../../../src/main/host/store-worker-client'
import { appendEvents, bookEdn, makeBookStore, sha256, tempDir } from '../../helpers/stores'
import { buildStoreWorker } from '../../helpers/build'
import { recordingListener, startTestHost, type HostEvents } from '../../helpers/test-host'

let dir: ReturnType<typeof tempDir>
let host: StoreHost
let events: HostEvents

beforeEach(async () => {
  dir = tempDir('host')
  const recording = recordingListener()
  events = recording.events
  host = await startTestHost(recording.listener)
})
afterEach(async () => {
  await host.closeAll()
  dir.remove()
})

describe('store host', () => {
  it('opens a store locked, with its path, tables and seq-no', async () => {
    const path = await makeBookStore(dir.path, 'books.db', ['Neuromancer', 'Count Zero'])
    const info = await host.open(path)
    expect(info).toEqual({ storeId: 's1', kind: 'sqlite', path, tables: { event: 'events', action: 'actions', effect: 'effects', trigger: 'triggers' }, locked: true, fileReadOnly: false, seqNo: 2 })
    expect(await host.counts(info.storeId)).toMatchObject({ events: 2, actions: 2, effects: 0, triggers: 0, maxSeqNo: 2 })
  })

  it('keeps several stores open at once, each with its own id, and returns the same tab for the same file', async () => {
    const a = await host.open(await makeBookStore(dir.path, 'a.db', ['A']))
    const b = await host.open(await makeBookStore(dir.path, 'b.db', ['B1', 'B2', 'B3']))
    expect([a.storeId, b.storeId]).toEqual(['s1', 's2'])
    expect((await host.list()).map((s) => s.seqNo)).toEqual([1, 3])
    expect((await host.open(a.path)).storeId).toBe('s1')
    await host.close(a.storeId)
    expect((await host.list()).map((s) => s.storeId)).toEqual(['s2'])
    await expect(host.info(a.storeId)).rejects.toMatchObject({ code: 'not-open' })
  })

  it('refuses a write to a locked store in main (host) and leaves the file unchanged', async () => {
    const path = await makeBookStore(dir.path, 'locked.db', ['Dune'])
    const { storeId } = await host.open(path)
    const before = sha256(path)
    await expect(host.rebase(storeId, { eventsEdn: `[${bookEdn('Emma')}]`, base: 2, resolved: [], dry: false })).rejects.toMatchObject({ code: 'store-locked' })
    expect(sha256(path)).toBe(before)
    expect((await host.info(storeId)).seqNo).toBe(1)
  })

  it('refuses a write to a locked store in the worker too, when main is bypassed', async () => {
    const path = await makeBookStore(dir.path, 'bypass.db', ['Dune'])
    const before = sha256(path)
    const client = new StoreWorkerClient({ workerPath: await buildStoreWorker(), config: { pollIntervalMs: 1000 } }, { changed: () => undefined, disconnected: () => undefined, failed: () => undefined })
    try {
      await client.request('open', { path })
      await expect(client.request('rebase', { eventsEdn: `[${bookEdn('Emma')}]`, base: 2, resolved: [], dry: false })).rejects.toMatchObject({ code: 'store-locked' })
    } finally {
      await client.terminate()
    }
    expect(sha256(path)).toBe(before)
  })

  it('writes after unlock, reports the new seq-no, and refuses again after lock', async () => {
    const path = await makeBookStore(dir.path, 'rw.db', ['Dune'])
    const { storeId } = await host.open(path)
    expect((await host.unlock(storeId)).locked).toBe(false)
    const summary = await host.rebase(storeId, { eventsEdn: `[${bookEdn('Emma')} ${bookEdn('Ulysses')}]`, base: 2, resolved: [], dry: false })
    expect(summary).toMatchObject({ result: 'ok', eventCount: 2, seqNo: 3 })
    expect(summary.edn).toMatch(/^\{:result :ok, :events \[\{:seq-no 2, /)
    await expect.poll(() => events.changed).toContainEqual({ storeId, seqNo: 3 })
    expect((await host.lock(storeId)).locked).toBe(true)
    await expect(host.rebase(storeId, { eventsEdn: `[${bookEdn('Emma')}]`, base: 4, resolved: [], dry: false })).rejects.toMatchObject({ code: 'store-locked' })
  })

  it('reports a conflict as data, writing nothing', async () => {
    const path = await makeBookStore(dir.path, 'conflict.db', ['Neuromancer'])
    const { storeId } = await host.open(path)
    await host.unlock(storeId)
    const summary = await host.rebase(storeId, { eventsEdn: `[${bookEdn('Neuromancer', 'bob', 'Cyberpunk')}]`, base: 1, resolved: [], dry: false })
    expect(summary).toMatchObject({ result: 'conflict', seqNo: 1 })
    expect(summary.edn).toContain(':theirs {:seq-no 1')
  })

  it('explains invalid new events and writes nothing', async () => {
    const { storeId } = await host.open(await makeBookStore(dir.path, 'invalid.db', ['Dune']))
    await host.unlock(storeId)
    await expect(host.rebase(storeId, { eventsEdn: '[{:source :x}', base: 2, resolved: [], dry: false })).rejects.toMatchObject({ code: 'invalid-events', message: expect.stringContaining('not valid EDN') })
    await expect(host.rebase(storeId, { eventsEdn: '[{:source :x}]', base: 2, resolved: [], dry: false })).rejects.toMatchObject({ code: 'invalid-events', message: expect.stringContaining(':timestamp') })
    expect((await host.info(storeId)).seqNo).toBe(1)
  })

  it('refuses to unlock a store whose file is read-only', async () => {
    const path = await makeBookStore(dir.path, 'ro.db', ['Dune'])
    chmodSync(path, 0o444)
    const info = await host.open(path)
    expect(info.fileReadOnly).toBe(true)
    await expect(host.unlock(info.storeId)).rejects.toMatchObject({ code: 'read-only', message: expect.stringContaining('cannot be unlocked') })
    expect(host.isLocked(info.storeId)).toBe(true)
  })

  it('reports a commit by another connection within a second', async () => {
    const path = await makeBookStore(dir.path, 'external.db', ['Dune'])
    const { storeId } = await host.open(path)
    await appendEvents(path, [bookEdn('Emma'), bookEdn('Ulysses')])
    await expect.poll(() => events.changed, { timeout: 1500 }).toContainEqual({ storeId, seqNo: 3 })
    expect((await host.info(storeId)).seqNo).toBe(3)
  })

  it('gives a plain message for a file that is not a store and leaves it byte-identical', async () => {
    const path = join(dir.path, 'notes.txt')
    writeFileSync(path, 'just some notes\n'.repeat(200))
    const before = sha256(path)
    await expect(host.detectTables(path)).rejects.toMatchObject({ code: 'not-a-store', message: expect.stringContaining('not an SQLite database') })
    await expect(host.open(path)).rejects.toMatchObject({ code: 'not-a-store' })
    expect(sha256(path)).toBe(before)
    expect(await host.list()).toEqual([])
  })

  it('detects custom table names and creates a store with them', async () => {
    const path = join(dir.path, 'singular.db')
    const created = await host.create(path, SINGULAR_TABLES)
    expect(created).toMatchObject({ locked: true, seqNo: 0, tables: SINGULAR_TABLES })
    expect(await host.detectTables(path)).toEqual([SINGULAR_TABLES])
  })

  it('reports progress of long operations, ending with a finished event', async () => {
    const path = await makeBookStore(dir.path, 'progress.db', ['A', 'B', 'C'])
    const { storeId } = await host.open(path)
    expect(await host.check(storeId)).toEqual([])
    const check = events.progress.filter((p) => p.operation === 'check')
    expect(check[0]).toMatchObject({ storeId, done: 0, finished: false, label: 'Checking progress.db' })
    expect(check.at(-1)).toMatchObject({ storeId, finished: true })
    expect(events.progress.filter((p) => p.operation === 'open').at(-1)).toMatchObject({ finished: true })
  })
})
