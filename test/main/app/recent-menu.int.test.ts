/**
 * File ▸ Open Recent through the real main handlers: the menu is built from
 * main's real recent lists (`menuTemplate` + `recentMenuActions`), an item is
 * clicked, and what it sends the window is what the window then asks main
 * for — a recent file by its location token with its last tables, a recent
 * connection by id (with the password typed into the Connect dialog when main
 * holds none). Clear Recently Opened empties both lists; the lists report
 * every change, so the menu is rebuilt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { DEFAULT_TABLES, SINGULAR_TABLES } from '../../../src/shared/domain'
import type { AppCommandEvent, RecentConnection, StoreInfo } from '../../../src/shared/ipc/types'
import { JsonRecentConnections } from '../../../src/main/app/recent-connections'
import { createStore } from '../../../src/main/store/open-store'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { createDatabase, postgresUrl } from '../../helpers/postgres'
import { describePostgres } from '../../helpers/postgres-suite'
import { keyedSecretBox } from '../../helpers/secret-box'
import { makeBookStore } from '../../helpers/stores'
import { chooseRecent, openRecentItems } from '../../helpers/recent-menu'

let ipc: IpcHarness

beforeAll(async () => {
  ipc = await startIpc('recent-menu')
})
afterAll(async () => {
  await ipc.close()
})

const openRecent = (): MenuItemConstructorOptions[] => openRecentItems(ipc.deps, [])
const choose = (label: string): AppCommandEvent => chooseRecent(ipc.deps, label)

describe('File ▸ Open Recent: files', () => {
  it('opens a recent file through main with its token and its last tables, as the window\'s own list does', async () => {
    const path = await makeBookStore(ipc.dir.path, 'singular.db', ['Neuromancer'], SINGULAR_TABLES)
    const first = await ipc.open(path, SINGULAR_TABLES)
    await ipc.value('store:close', { storeId: first.storeId })
    const event = choose(path)
    expect(event).toMatchObject({ command: 'open-path', file: { path }, tables: SINGULAR_TABLES })
    const info = await ipc.value<StoreInfo>('store:open', { location: event.file?.location, tables: event.tables })
    expect(info).toMatchObject({ path, tables: SINGULAR_TABLES, locked: true, seqNo: 1 })
    await ipc.value('store:close', { storeId: info.storeId })
  })

  it('Clear Recently Opened empties both lists and tells the window', async () => {
    await ipc.deps.connections.remember('postgresql://alice:secret@db.example/shop', DEFAULT_TABLES)
    expect(openRecent().map((i) => i.label ?? i.type)).toContain('alice@db.example/shop')
    const event = choose('Clear Recently Opened')
    expect(event).toEqual({ command: 'recent-cleared' })
    expect(await ipc.value('app:recent', {})).toEqual([])
    expect(await ipc.value('postgres:recent', {})).toEqual([])
    expect(openRecent()).toEqual([{ label: 'No Recent Stores', enabled: false }])
  })

  it('reports every change of the connections list, so the menu follows it', () => {
    const seen: RecentConnection[][] = []
    const list = new JsonRecentConnections(join(ipc.dir.path, 'followed.json'), keyedSecretBox(), (connections) => seen.push(connections))
    list.remember('postgresql://alice:secret@db.example/shop', DEFAULT_TABLES)
    list.forget()
    expect(seen.map((s) => s.map((c) => c.label))).toEqual([['alice@db.example/shop'], []])
  })
})

describePostgres('File ▸ Open Recent: connections', (server) => {
  let database: string
  const label = (): string => `${server.user}@${server.host}/${database}`

  beforeAll(async () => {
    database = await createDatabase(server, 'recent_menu')
    await (await createStore({ kind: 'postgres', url: postgresUrl(server, database) }, { tables: DEFAULT_TABLES })).close()
  })

  it('connects to a recent connection by id, the password sealed in main and never in the menu', async () => {
    const target = { source: 'form', form: { via: 'url', url: postgresUrl(server, database, { user: server.user }), password: server.password } }
    const first = await ipc.value<StoreInfo>('postgres:connect', { target })
    await ipc.value('store:close', { storeId: first.storeId })
    expect(JSON.stringify(openRecent())).not.toContain(server.password)
    const event = choose(label())
    expect(event).toMatchObject({ command: 'open-connection', connection: { label: label(), hasPassword: true } })
    const info = await ipc.value<StoreInfo>('postgres:connect', { target: { source: 'recent', id: event.connection?.id } })
    expect(info).toMatchObject({ kind: 'postgres', path: label(), locked: true })
    await ipc.value('store:close', { storeId: info.storeId })
  })

  it('sends a connection without a stored password to the window to ask for it, then connects with the typed one', async () => {
    ipc.deps.connections.forget()
    ipc.deps.connections.remember(postgresUrl(server, database, { user: server.user }), DEFAULT_TABLES)
    const event = choose(`${label()}…`)
    expect(event).toMatchObject({ command: 'open-connection', connection: { label: label(), hasPassword: false } })
    const id = event.connection?.id
    const info = await ipc.value<StoreInfo>('postgres:connect', { target: { source: 'recent', id, password: server.password } })
    expect(info).toMatchObject({ path: label(), locked: true })
    await ipc.value('store:close', { storeId: info.storeId })
  })
})
