/**
 * `store:copy-cancel` through the real dispatch, store host and workers: a
 * copy of a 200 000-event store stopped half-way answers `stopped` and leaves
 * the target as it was — no file (nor a temporary one) for a new file, no
 * tables for a PostgreSQL database (or its four empty tables still empty);
 * the store stays open, and a cancel from elsewhere is refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { StoreCopyOutcome } from '../../../src/shared/fork'
import type { StoreInfo } from '../../../src/shared/ipc/types'
import { generateStore } from '../../../bench/generate'
import { tempDir } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { describePostgres } from '../../helpers/postgres-suite'
import { adminQuery, createDatabase, postgresUrl } from '../../helpers/postgres'
import { cli } from '../../cli/run-cli'

const EVENTS = 200_000
let source: ReturnType<typeof tempDir>
let big: string
beforeAll(async () => {
  source = tempDir('copy-cancel-source')
  big = join(source.path, 'big.db')
  await generateStore(big, EVENTS)
}, 180_000)
afterAll(() => source.remove())

let ipc: IpcHarness
let origin: StoreInfo
beforeEach(async () => {
  ipc = await startIpc('copy-cancel')
  origin = await ipc.open(big)
}, 60_000)
afterEach(() => ipc.close())

/** Resolves once the copy of `storeId` reported rows written (but not all of them). */
async function midCopy(storeId: string): Promise<{ done: number; total: number }> {
  for (;;) {
    const at = ipc.hostEvents.progress.find((p) => p.operation === 'copy' && p.storeId === storeId && !p.finished && p.done > 0)
    if (at) {
      expect(at.done).toBeLessThan(at.total)
      return at
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

it('Cancel half-way through a copy to a new file: stopped, no file and no temporary file left', async () => {
  const target = join(ipc.dir.path, 'copy.db')
  ipc.dialogs.willCopyTo(target)
  const copying = ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'file' } })
  await midCopy(origin.storeId)
  expect(await ipc.value<boolean>('store:copy-cancel', { storeId: origin.storeId })).toBe(true)
  expect(await copying).toEqual({ result: 'stopped', target })
  expect(existsSync(target)).toBe(false)
  expect(readdirSync(ipc.dir.path).filter((name) => name.includes('copy'))).toEqual([])
  // Nothing runs any more; the store is still open and may be copied again.
  expect(await ipc.value<boolean>('store:copy-cancel', { storeId: origin.storeId })).toBe(false)
  expect(await ipc.value<StoreInfo>('store:info', { storeId: origin.storeId })).toMatchObject({ locked: true, seqNo: EVENTS })
}, 120_000)

it('refuses a cancel from another frame, a bad store id or extra fields, and the copy goes on to its end', async () => {
  const target = join(ipc.dir.path, 'whole.db')
  ipc.dialogs.willCopyTo(target)
  const copying = ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'file' } })
  await midCopy(origin.storeId)
  const foreign = await dispatchFromElsewhere('store:copy-cancel', { storeId: origin.storeId })
  expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  expect((await ipc.failure('store:copy-cancel', { storeId: origin.storeId, path: '/tmp/x' })).code).toBe('invalid-request')
  expect((await ipc.failure('store:copy-cancel', { storeId: 42 })).code).toBe('invalid-request')
  expect(await copying).toMatchObject({ result: 'ok', seqNo: EVENTS, target })
  expect(existsSync(target)).toBe(true)
}, 180_000)

/** A request as a frame that is not the app window's top frame sends it. */
function dispatchFromElsewhere(channel: string, payload: unknown): Promise<unknown> {
  return dispatch(ipc.deps, channel, payload, false)
}

describePostgres('store:copy-cancel with a real PostgreSQL server', (server) => {
  it('Cancel half-way through a copy into an empty database: stopped, no table created, nothing written', async () => {
    const database = await createDatabase(server, 'copy_cancel')
    const target = { source: 'form', form: { via: 'url', url: postgresUrl(server, database, { user: server.user }), password: server.password } }
    const copying = ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'postgres', target } })
    await midCopy(origin.storeId)
    expect(await ipc.value<boolean>('store:copy-cancel', { storeId: origin.storeId })).toBe(true)
    expect(await copying).toEqual({ result: 'stopped', target: `${server.user}@${server.host}/${database}` })
    const tables = await adminQuery(server, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'", database)
    expect(tables.rows[0].n).toBe(0)
  }, 180_000)

  it('Cancel half-way through a copy into a store whose four tables exist and are empty: they stay, empty', async () => {
    const database = await createDatabase(server, 'copy_cancel_init')
    expect(cli(['init', postgresUrl(server, database)]).code).toBe(0)
    const target = { source: 'form', form: { via: 'url', url: postgresUrl(server, database, { user: server.user }), password: server.password } }
    const copying = ipc.value<StoreCopyOutcome>('store:copy', { storeId: origin.storeId, to: { kind: 'postgres', target } })
    await midCopy(origin.storeId)
    expect(await ipc.value<boolean>('store:copy-cancel', { storeId: origin.storeId })).toBe(true)
    expect(await copying).toMatchObject({ result: 'stopped' })
    const rows = await adminQuery(server, 'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM actions) + (SELECT count(*) FROM effects) + (SELECT count(*) FROM triggers) AS n', database)
    expect(Number(rows.rows[0].n)).toBe(0)
  }, 180_000)
})
