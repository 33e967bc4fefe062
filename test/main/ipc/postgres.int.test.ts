/**
 * The Connect to PostgreSQL channels through the real dispatch, store host
 * and workers: what main accepts (a typed form or a recent id, nothing
 * else), one sentence without the password when it cannot connect, and
 * recent connections that never hand a URL or a password to the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import { DEFAULT_TABLES } from '../../../src/shared/domain'
import type { RecentConnection, StoreInfo } from '../../../src/shared/ipc/types'
import { createStore } from '../../../src/main/store/open-store'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { adminQuery, createDatabase, postgresUrl } from '../../helpers/postgres'
import { describePostgres } from '../../helpers/postgres-suite'

let ipc: IpcHarness
let closedPort: number
const PASSWORD = 'hunter2-not-shown'

/** A port nothing listens on (taken, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  ipc = await startIpc('postgres-ipc')
  closedPort = await freePort()
})
afterAll(async () => {
  await ipc.close()
})

const unreachable = (): { source: 'form'; form: unknown } => ({
  source: 'form',
  form: { via: 'fields', host: '127.0.0.1', port: closedPort, database: 'shop', user: 'alice', password: PASSWORD }
})

describe('Connect to PostgreSQL: what main accepts', () => {
  it('refuses a form that is not a PostgreSQL location, doing nothing', async () => {
    for (const form of [{ via: 'url', url: '/etc/passwd' }, { via: 'url', url: 'postgresql://u@h/d?host=/tmp' }, { via: 'fields', host: 'h', database: '', user: 'u' }]) {
      const error = await ipc.failure('postgres:test-connection', { target: { source: 'form', form } })
      expect(error.code).toBe('invalid-request')
    }
    expect(await ipc.value<RecentConnection[]>('postgres:recent', {})).toEqual([])
    expect(ipc.hostEvents.progress).toEqual([])
  })

  it('refuses a URL where a recent connection id belongs, and an id it does not know', async () => {
    expect((await ipc.failure('postgres:connect', { target: { source: 'recent', id: 'postgresql://u@h/d' } })).code).toBe('invalid-request')
    const unknown = await ipc.failure('postgres:connect', { target: { source: 'recent', id: 'c0123456789abcdef' } })
    expect(unknown).toEqual({ code: 'not-found', message: 'That connection is no longer in the recent list. Connect with the dialog again.' })
  })

  it('says in one sentence, without the password, why an unreachable server cannot be tested or connected', async () => {
    for (const channel of ['postgres:test-connection', 'postgres:connect']) {
      const error = await ipc.failure(channel, { target: unreachable() })
      expect(error.code).toBe('unreachable')
      expect(error.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${closedPort}.*cannot be reached`))
      expect(error.message).not.toContain(PASSWORD)
      expect(error.message.split('\n')).toHaveLength(1)
      expect(error.message).not.toMatch(/\bat .*\.(ts|js):\d+/)
    }
    expect(await ipc.value<RecentConnection[]>('postgres:recent', {})).toEqual([])
    expect(await ipc.value('store:list', {})).toEqual([])
  })
})

describePostgres('Connect to PostgreSQL: a real server', (server) => {
  let database: string
  let formUrl: string
  const label = (): string => `${server.user}@${server.host}/${database}`

  beforeAll(async () => {
    database = await createDatabase(server, 'app_connect')
    formUrl = postgresUrl(server, database, { user: server.user })
    const store = await createStore({ kind: 'postgres', url: postgresUrl(server, database) }, { tables: DEFAULT_TABLES })
    await store.close()
    await adminQuery(server, `DROP ROLE IF EXISTS reader_${database}; CREATE ROLE reader_${database} LOGIN PASSWORD 'readerpw'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_${database}`, database)
  })

  const form = (url = formUrl, password = server.password): unknown => ({ source: 'form', form: { via: 'url', url, password } })

  it('tests a connection: the store tables it found, named user@host/db', async () => {
    expect(await ipc.value('postgres:test-connection', { target: form() })).toEqual({ label: label(), tables: [DEFAULT_TABLES] })
    expect(await ipc.value('store:list', {})).toEqual([])
  })

  it('says in one sentence, without the password, that a wrong password is refused', async () => {
    const error = await ipc.failure('postgres:test-connection', { target: form(formUrl, 'wrong-secret') })
    expect(error.code).toBe('auth')
    expect(error.message).not.toContain('wrong-secret')
  })

  it('connects read-only, shows user@host/db (never the URL), and remembers the connection with its password sealed', async () => {
    const info = await ipc.value<StoreInfo>('postgres:connect', { target: form() })
    expect(info).toMatchObject({ kind: 'postgres', path: label(), locked: true, fileReadOnly: false, seqNo: 0 })
    const [recent] = await ipc.value<RecentConnection[]>('postgres:recent', {})
    expect(recent).toMatchObject({ label: label(), hasPassword: true })
    expect(JSON.stringify(recent)).not.toContain(server.password)
    // The same database again (from the recent list, by id, no password typed) is the same tab.
    expect((await ipc.value<StoreInfo>('postgres:connect', { target: { source: 'recent', id: recent.id } })).storeId).toBe(info.storeId)
    // A role that may write unlocks as for files, after main's own confirmation naming user@host/db.
    ipc.dialogs.willConfirmUnlock(true)
    expect(await ipc.value<StoreInfo>('store:unlock', { storeId: info.storeId })).toMatchObject({ locked: false, path: label() })
    expect(ipc.dialogs.unlockQuestions.at(-1)).toBe(label())
    await ipc.value('store:close', { storeId: info.storeId })
  })

  it('refuses to unlock for a role without INSERT privileges, saying why', async () => {
    const reader = `reader_${database}`
    const info = await ipc.value<StoreInfo>('postgres:connect', { target: form(postgresUrl(server, database, { user: reader }), 'readerpw') })
    expect(info.fileReadOnly).toBe(true)
    const error = await ipc.failure('store:unlock', { storeId: info.storeId })
    expect(error.code).toBe('read-only')
    expect(error.message).toContain(`The role ${reader} may not insert`)
    expect((await ipc.value<StoreInfo>('store:info', { storeId: info.storeId })).locked).toBe(true)
    await ipc.value('store:close', { storeId: info.storeId })
  })

  it('reports a lost connection once, keeps the store, and reconnects read-only', async () => {
    const info = await ipc.value<StoreInfo>('postgres:connect', { target: form() })
    // An outage of this database only (the cluster is shared): no new connections, the open ones cut.
    await adminQuery(server, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`)
    await adminQuery(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`)
    await expect.poll(() => ipc.hostEvents.disconnected.length, { timeout: 10_000 }).toBe(1)
    expect((await ipc.failure('store:reconnect', { storeId: info.storeId })).message.split('\n')).toHaveLength(1)
    await adminQuery(server, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`)
    expect(ipc.hostEvents.disconnected[0]).toEqual({ storeId: info.storeId, message: expect.stringContaining(`The connection to ${label()} was lost`) })
    expect(ipc.hostEvents.lost).toEqual([])
    const again = await ipc.value<StoreInfo>('store:reconnect', { storeId: info.storeId })
    expect(again).toMatchObject({ storeId: info.storeId, locked: true, path: label() })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(ipc.hostEvents.disconnected).toHaveLength(1)
    await ipc.value('store:close', { storeId: info.storeId })
  })

  it('notices a connection cut while idle within seconds, with no request, although the server is up again at once', async () => {
    const info = await ipc.value<StoreInfo>('postgres:connect', { target: form() })
    const before = ipc.hostEvents.disconnected.length
    await adminQuery(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`)
    await expect.poll(() => ipc.hostEvents.disconnected.length, { timeout: 5_000 }).toBe(before + 1)
    expect(ipc.hostEvents.disconnected.at(-1)).toEqual({ storeId: info.storeId, message: expect.stringContaining(`The connection to ${label()} was lost`) })
    expect(await ipc.value<StoreInfo>('store:reconnect', { storeId: info.storeId })).toMatchObject({ storeId: info.storeId, locked: true })
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(ipc.hostEvents.disconnected).toHaveLength(before + 1)
    expect(await ipc.value('store:page', { storeId: info.storeId, limit: 10 })).toMatchObject({ rows: [] })
    await ipc.value('store:close', { storeId: info.storeId })
  })
})
