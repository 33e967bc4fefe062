/**
 * `fork:merge` into a PostgreSQL origin through the real dispatch, store host
 * and workers: main stages against the origin's open tab; with no tab it
 * opens the origin with the password sealed for its recent connection; with
 * no password (or a stale one) it answers `connect` with the recent
 * connection, listed for it, so the Connect dialog asks — after connecting,
 * the merge stages. Recording checks the store is that database.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_TABLES } from '../../../src/shared/domain'
import type { ForkCreateOutcome, MergeOutcome } from '../../../src/shared/fork'
import type { RebaseSummary, RecentConnection, StoreInfo } from '../../../src/shared/ipc/types'
import { createStore } from '../../../src/main/store/open-store'
import { createDatabase, postgresUrl } from '../../helpers/postgres'
import { describePostgres } from '../../helpers/postgres-suite'
import { createWalkthroughDatabase } from '../../helpers/postgres-walkthrough'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { neuromancerEdn } from '../../helpers/stores'


describePostgres('fork:merge into a PostgreSQL origin', (server) => {
  let ipc: IpcHarness
  let database: string
  let label: string
  let fork: string
  const bare = (db = database): string => postgresUrl(server, db, { user: server.user })
  const connect = (db = database, password = server.password) =>
    ipc.value<StoreInfo>('postgres:connect', { target: { source: 'form', form: { via: 'url', url: bare(db), password } } })
  const stage = () => ipc.value<MergeOutcome>('fork:merge', { storeId: fork, step: 'stage' })

  beforeAll(async () => {
    ipc = await startIpc('fork-pg-ipc')
    database = (await createWalkthroughDatabase(server, 'forkipc')).db
    label = `${server.user}@${server.host}/${database}`
  }, 60_000)
  afterAll(() => ipc?.close())

  it('forks the database into a file marked with its origin as user@host/db, the sidecar without the password', async () => {
    const origin = await connect()
    const target = join(ipc.dir.path, 'fork.db')
    ipc.dialogs.willForkTo(target)
    const created = await ipc.value<ForkCreateOutcome>('fork:create', { storeId: origin.storeId })
    if (created.result !== 'ok') throw new Error('cancelled')
    expect(ipc.dialogs.forkSuggestions).toEqual([`${database}-fork.db`])
    expect(created.info).toMatchObject({ kind: 'sqlite', path: target, locked: false, seqNo: 7, fork: { origin: label, originKind: 'postgres', forkSeqNo: 7, mergedUpTo: 7 } })
    expect(readFileSync(`${target}.fork.json`, 'utf8')).not.toContain(server.password)
    fork = created.info.storeId
    await ipc.value('store:rebase', { storeId: fork, eventsEdn: `[${neuromancerEdn('carol', 'Cyberpunk classic')}]`, base: 8 })
  })

  it('stages against the origin\'s open tab', async () => {
    const [open] = (await ipc.value<StoreInfo[]>('store:list', {})).filter((s) => s.kind === 'postgres')
    const staged = await stage()
    if (staged.result !== 'staged') throw new Error(staged.result)
    expect(staged.origin).toMatchObject({ storeId: open.storeId, kind: 'postgres', path: label })
    expect(staged.batch).toMatchObject({ base: 8, resolved: [], upTo: 8 })
    await ipc.value('store:close', { storeId: open.storeId })
  })

  it('opens a closed origin with the password sealed for its recent connection', async () => {
    const staged = await stage()
    if (staged.result !== 'staged') throw new Error(staged.result)
    expect(staged.origin).toMatchObject({ kind: 'postgres', path: label, locked: true, seqNo: 7 })
    await ipc.value('store:close', { storeId: staged.origin.storeId })
  })

  it('without a password (none kept, or a stale one) asks through the recent connection; once connected, stages', async () => {
    await ipc.value('postgres:forget-recent', {})
    const asked = await stage()
    expect(asked).toEqual({ result: 'connect', connection: expect.objectContaining({ label, hasPassword: false }) })
    expect((await ipc.value<RecentConnection[]>('postgres:recent', {})).map((r) => r.label)).toEqual([label])
    expect(await ipc.value<StoreInfo[]>('store:list', {})).toHaveLength(1) // nothing opened

    ipc.deps.connections.remember(postgresUrl(server, database, { user: server.user, password: 'stale' }), DEFAULT_TABLES)
    const stale = await stage()
    expect(stale).toMatchObject({ result: 'connect', connection: { label, hasPassword: true } })
    if (stale.result !== 'connect') return

    const origin = await ipc.value<StoreInfo>('postgres:connect', { target: { source: 'recent', id: stale.connection.id, password: server.password } })
    const staged = await stage()
    if (staged.result !== 'staged') throw new Error(staged.result)
    expect(staged.origin.storeId).toBe(origin.storeId)
  })

  it('refuses a sidecar whose origin URL carries options that redirect the connection, connecting nowhere', async () => {
    const sidecar = `${ipc.deps.host.pathOf(fork)}.fork.json`
    const saved = readFileSync(sidecar, 'utf8')
    const record = JSON.parse(saved) as { origin: { url: string } }
    writeFileSync(sidecar, JSON.stringify({ ...record, origin: { kind: 'postgres', url: `${bare('elsewhere')}?host=/tmp/evil` } }))
    const recent = await ipc.value<RecentConnection[]>('postgres:recent', {})
    try {
      const error = await ipc.failure('fork:merge', { storeId: fork, step: 'stage' })
      expect(error.message).toMatch(/is not a PostgreSQL URL this app connects to/)
      expect(await ipc.value('postgres:recent', {})).toEqual(recent)
    } finally {
      writeFileSync(sidecar, saved)
    }
  })

  it('records the merge only for that database, once it holds the merged events', async () => {
    const staged = await stage()
    if (staged.result !== 'staged') throw new Error(staged.result)
    const origin = staged.origin.storeId
    const other = await connect(await createDatabase(server, 'forkother').then(async (db) => {
      await (await createStore({ kind: 'postgres', url: postgresUrl(server, db) }, { tables: DEFAULT_TABLES })).close()
      return db
    }))
    await ipc.unlock(origin)
    const ok = await ipc.value<RebaseSummary>('store:rebase', { storeId: origin, eventsEdn: `[${staged.batch.events[0].edn}]`, base: 8 })
    expect(ok).toMatchObject({ result: 'ok' })
    const record = { storeId: fork, step: 'record', originStoreId: other.storeId, upTo: 8, firstSeqNo: 8, lastSeqNo: 8, resolved: [] }
    expect((await ipc.failure('fork:merge', record)).message).toMatch(/is not the origin of this fork/)
    expect(await ipc.value('fork:merge', { ...record, originStoreId: origin })).toEqual({ result: 'recorded', fork: { origin: label, originKind: 'postgres', forkSeqNo: 7, mergedUpTo: 8 } })
    const again = await stage()
    expect(again.result === 'staged' && again.batch.events).toEqual([])
  })
})
