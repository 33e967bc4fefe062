/**
 * `store:copy` through the real dispatch, store host and workers: to a new
 * file main asks for (scripted dialog), to an empty PostgreSQL database the
 * user typed, and back to a file — byte-identical cells each time; a target
 * that already holds a store is refused in one sentence and left as it was.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StoreCopyOutcome } from '../../../src/shared/fork'
import type { ChosenLocation, RecentConnection, StoreInfo } from '../../../src/shared/ipc/types'
import { makeWalkthroughStore } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { cellDump } from '../../helpers/cell-dump'
import { describePostgres } from '../../helpers/postgres-suite'
import { createDatabase, postgresUrl } from '../../helpers/postgres'

let ipc: IpcHarness
let origin: StoreInfo
beforeEach(async () => {
  ipc = await startIpc('copy-ipc')
  origin = await ipc.open(await makeWalkthroughStore(ipc.dir.path))
})
afterEach(() => ipc.close())

it('copies the open store to a new file main asks for: the same cells, the tab unchanged', async () => {
  const target = join(ipc.dir.path, 'copy.db')
  ipc.dialogs.willCopyTo(target)
  const outcome = await ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'file' } })
  expect(ipc.dialogs.copySuggestions).toEqual(['walkthrough-copy.db'])
  expect(outcome).toMatchObject({ result: 'ok', seqNo: 7, target })
  expect(cellDump(target)).toEqual(cellDump(origin.path))
  expect(await ipc.value<StoreInfo>('store:info', { storeId: origin.storeId })).toMatchObject({ locked: true, seqNo: 7 })
  expect(ipc.hostEvents.progress.some((p) => p.operation === 'copy' && p.finished)).toBe(true)
})

it('cancelled: nothing written; a path from the window is an invalid request', async () => {
  expect(await ipc.value('store:copy', { storeId: origin.storeId, to: { kind: 'file' } })).toEqual({ result: 'cancelled' })
  const error = await ipc.failure('store:copy', { storeId: origin.storeId, to: { kind: 'file', path: join(ipc.dir.path, 'x.db') } })
  expect(error.code).toBe('invalid-request')
  expect(existsSync(join(ipc.dir.path, 'x.db'))).toBe(false)
})

it('copies to the file chosen beforehand in main\'s dialog (a token), and hands back a token that opens the copy', async () => {
  const target = join(ipc.dir.path, 'chosen.db')
  ipc.dialogs.willCopyTo(target)
  const chosen = await ipc.value<ChosenLocation>('dialog:copy-target', { storeId: origin.storeId })
  expect(chosen.path).toBe(target)
  expect(existsSync(target)).toBe(false)
  const outcome = await ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'file', location: chosen.location } })
  expect(outcome).toMatchObject({ result: 'ok', seqNo: 7, target })
  if (outcome.result !== 'ok' || !outcome.file) throw new Error('no token for the copy')
  expect(outcome.elapsedMs).toBeGreaterThanOrEqual(0)
  expect(cellDump(target)).toEqual(cellDump(origin.path))
  const copy = await ipc.value<StoreInfo>('store:open', { location: outcome.file.location })
  expect(copy).toMatchObject({ locked: true, seqNo: 7, path: target })
})

it('refuses a token main never issued, or one issued for opening, writing nothing', async () => {
  const forged = await ipc.failure('store:copy', { storeId: origin.storeId, to: { kind: 'file', location: `loc-${'0'.repeat(32)}` } })
  expect(forged.code).toBe('not-chosen')
  ipc.dialogs.willOpen(origin.path)
  const opening = await ipc.value<ChosenLocation>('dialog:open-store', {})
  expect((await ipc.failure('store:copy', { storeId: origin.storeId, to: { kind: 'file', location: opening.location } })).code).toBe('not-chosen')
  expect(await ipc.value('dialog:copy-target', { storeId: origin.storeId })).toBeNull()
})

it('refuses a file that already holds a store, in one sentence, and leaves it byte-identical', async () => {
  const other = await makeWalkthroughStore(ipc.dir.path, 'other.db')
  const before = readFileSync(other)
  ipc.dialogs.willCopyTo(other)
  const error = await ipc.failure('store:copy', { storeId: origin.storeId, to: { kind: 'file' } })
  expect(error.message).toMatch(/^[^\n]+\.$/)
  expect(error.message).not.toMatch(/\n\s+at /)
  expect(readFileSync(other).equals(before)).toBe(true)
})

describePostgres('store:copy with a real PostgreSQL server', (server) => {
  const form = (database: string): unknown => ({ source: 'form', form: { via: 'url', url: postgresUrl(server, database, { user: server.user }), password: server.password } })

  it('file → PostgreSQL → file through the app: byte-identical cells', async () => {
    const database = await createDatabase(server, 'app_copy')
    const there = await ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'postgres', target: form(database) } })
    expect(there).toMatchObject({ result: 'ok', seqNo: 7, target: `${server.user}@${server.host}/${database}` })
    expect(JSON.stringify(there)).not.toContain(server.password)
    // The database copied into is a recent connection now, as after Connect.
    expect((await ipc.value<RecentConnection[]>('postgres:recent', {})).map((c) => c.label)).toContain(`${server.user}@${server.host}/${database}`)
    const pg = await ipc.value<StoreInfo>('postgres:connect', { target: form(database) })
    expect(pg.seqNo).toBe(7)
    const back = join(ipc.dir.path, 'back.db')
    ipc.dialogs.willCopyTo(back)
    expect(await ipc.value<StoreCopyOutcome>('store:copy', { storeId: pg.storeId, to: { kind: 'file' } })).toMatchObject({ result: 'ok', seqNo: 7, target: back })
    expect(cellDump(back)).toEqual(cellDump(origin.path))
  }, 120_000)

  it('refuses a database that already holds a store, in one sentence, writing nothing', async () => {
    const database = await createDatabase(server, 'app_copy_full')
    await ipc.value('store:copy', { storeId: origin.storeId, to: { kind: 'postgres', target: form(database) } })
    const error = await ipc.failure('store:copy', { storeId: origin.storeId, to: { kind: 'postgres', target: form(database) } })
    expect(error.message).toMatch(/^[^\n]+\.$/)
    expect(error.message).not.toContain(server.password)
    const pg = await ipc.value<StoreInfo>('postgres:connect', { target: form(database) })
    expect(pg.seqNo).toBe(7)
    const counts = await ipc.value<{ events: number }>('store:counts', { storeId: pg.storeId })
    expect(counts.events).toBe(7)
  }, 120_000)
})
