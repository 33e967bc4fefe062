/**
 * `store:add-trigger-index` through the real dispatch, store host and
 * workers on real stores: refused while locked (nothing changed), refused
 * for a page the app does not trust, adds the index once unlocked (the
 * check's notice then goes), says "already there" the second time, and on
 * PostgreSQL refuses a role that may write but does not own the table.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import type { AddIndexOutcome, Problem } from '../../../src/shared/browse'
import { DEFAULT_TABLES } from '../../../src/shared/domain'
import type { StoreInfo } from '../../../src/shared/ipc/types'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createStore } from '../../../src/main/store/open-store'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { adminQuery, createDatabase, postgresUrl } from '../../helpers/postgres'
import { describePostgres } from '../../helpers/postgres-suite'
import { makeBookStore, sha256 } from '../../helpers/stores'

/** More trigger rows than the check's threshold for the notice (100 000). */
const MANY_TRIGGERS = 100_001
const SQL = 'CREATE INDEX IF NOT EXISTS "triggers_seq_no_idx" ON "triggers" ("seq_no")'

/** Indexes on the trigger table of a file, from sqlite_master. */
function fileIndexes(path: string): string[] {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'triggers' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  } finally {
    db.close()
  }
}

/** The check's seq_no-index notice, if any. */
const indexNotice = (problems: Problem[]): Problem | undefined => problems.find((p) => p.fix?.kind === 'add-trigger-seq-no-index')

describe('store:add-trigger-index on an SQLite file', () => {
  let ipc: IpcHarness
  let path: string
  beforeEach(async () => {
    ipc = await startIpc('add-index')
    path = await makeBookStore(ipc.dir.path, 'big.db', ['Dune'])
    const db = new Database(path)
    db.prepare(`INSERT INTO "triggers" WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${MANY_TRIGGERS}) SELECT ':k', CAST(i AS TEXT), 1 FROM n`).run()
    db.close()
  })
  afterEach(async () => {
    await ipc.close()
  })

  it('is refused while the store is locked, and for a page the app does not trust, the file byte-identical', async () => {
    const { storeId } = await ipc.open(path)
    const before = sha256(path)
    expect(await ipc.failure('store:add-trigger-index', { storeId })).toEqual({ code: 'store-locked', message: expect.stringMatching(/^This store is read-only\. Unlock it/) })
    await ipc.unlock(storeId)
    expect(await dispatch(ipc.deps, 'store:add-trigger-index', { storeId }, false)).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } })
    expect((await ipc.failure('store:add-trigger-index', { storeId, sql: 'DROP TABLE triggers' })).code).toBe('invalid-request')
    await ipc.value('store:close', { storeId })
    expect(fileIndexes(path)).toEqual([])
    expect(sha256(path)).toBe(before)
  })

  it('the check names the fix with its statement; unlocked, it adds the index, the notice goes, and a second time nothing changes', async () => {
    const { storeId } = await ipc.open(path)
    const notice = indexNotice(await ipc.value<Problem[]>('store:check', { storeId }))
    expect(notice).toMatchObject({ code: 'schema', severity: 'notice', fix: { kind: 'add-trigger-seq-no-index', sql: SQL } })
    await ipc.unlock(storeId)
    expect(await ipc.value<AddIndexOutcome>('store:add-trigger-index', { storeId })).toEqual({ result: 'created', name: 'triggers_seq_no_idx' })
    expect(fileIndexes(path)).toEqual(['triggers_seq_no_idx'])
    expect(indexNotice(await ipc.value<Problem[]>('store:check', { storeId }))).toBeUndefined()
    expect(await ipc.value<AddIndexOutcome>('store:add-trigger-index', { storeId })).toEqual({ result: 'exists', name: 'triggers_seq_no_idx' })
    expect(ipc.hostEvents.progress.some((p) => p.operation === 'add-index' && p.finished)).toBe(true)
    // The events are untouched: the same seq-no as before.
    expect(await ipc.value<StoreInfo>('store:info', { storeId })).toMatchObject({ seqNo: 1, locked: false })
  })
})

describePostgres('store:add-trigger-index on PostgreSQL', (server) => {
  let ipc: IpcHarness
  let database: string
  const indexes = async (): Promise<string[]> =>
    (await adminQuery(server, "SELECT indexname FROM pg_indexes WHERE tablename = 'triggers' AND indexname LIKE '%seq_no%' ORDER BY indexname", database)).rows.map(
      (r) => (r as { indexname: string }).indexname
    )
  const connect = (user: string, password: string): Promise<StoreInfo> =>
    ipc.value<StoreInfo>('postgres:connect', { target: { source: 'form', form: { via: 'url', url: postgresUrl(server, database, { user }), password } } })

  beforeAll(async () => {
    ipc = await startIpc('add-index-pg')
    database = await createDatabase(server, 'app_add_index')
    await (await createStore({ kind: 'postgres', url: postgresUrl(server, database) }, { tables: DEFAULT_TABLES })).close()
    const writer = `writer_${database}`
    await adminQuery(server, `DROP ROLE IF EXISTS ${writer}; CREATE ROLE ${writer} LOGIN PASSWORD 'writerpw'; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO ${writer}`, database)
  })
  afterAll(async () => {
    await ipc.close()
  })

  it('refuses a role that may write but does not own the table, in one sentence, nothing changed', async () => {
    const info = await connect(`writer_${database}`, 'writerpw')
    await ipc.unlock(info.storeId)
    const outcome = await ipc.value<AddIndexOutcome>('store:add-trigger-index', { storeId: info.storeId })
    expect(outcome).toEqual({ result: 'refused', message: expect.stringMatching(/may not create an index on "triggers".*only the table's owner may.*nothing changed/) })
    expect(await indexes()).toEqual([])
    await ipc.value('store:close', { storeId: info.storeId })
  })

  it('refuses while locked, then the owner adds it once unlocked (pg_indexes shows it)', async () => {
    const info = await connect(server.user, server.password)
    expect((await ipc.failure('store:add-trigger-index', { storeId: info.storeId })).code).toBe('store-locked')
    expect(await indexes()).toEqual([])
    await ipc.unlock(info.storeId)
    expect(await ipc.value<AddIndexOutcome>('store:add-trigger-index', { storeId: info.storeId })).toEqual({ result: 'created', name: 'triggers_seq_no_idx' })
    expect(await indexes()).toEqual(['triggers_seq_no_idx'])
    await ipc.value('store:close', { storeId: info.storeId })
  })
})
