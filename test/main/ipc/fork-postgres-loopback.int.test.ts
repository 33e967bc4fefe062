/**
 * The same PostgreSQL store under two loopback spellings, through the real
 * dispatch, store host and workers: a fork of the database opened as
 * `localhost` merges into the tab opened as `127.0.0.1` (no second
 * connection, no password asked), connecting again under the other spelling
 * finds that tab, the recent connections list it once, and its sealed
 * password opens it for a sidecar that names the other spelling. No answer,
 * sidecar or list ever holds the password.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ForkCreateOutcome, MergeOutcome } from '../../../src/shared/fork'
import type { RecentConnection, StoreInfo } from '../../../src/shared/ipc/types'
import { describePostgres } from '../../helpers/postgres-suite'
import { createWalkthroughDatabase } from '../../helpers/postgres-walkthrough'
import { startIpc, type IpcHarness } from '../../helpers/ipc'

describePostgres('one store under every loopback spelling', (server) => {
  let ipc: IpcHarness
  let database: string
  let fork: string
  const answers: unknown[] = []
  const url = (host: string): string => `postgresql://${encodeURIComponent(server.user)}@${host}:${server.port}/${database}`
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const answer = await ipc.value<T>(channel, payload)
    answers.push(answer)
    return answer
  }
  const connect = (host: string) => value<StoreInfo>('postgres:connect', { target: { source: 'form', form: { via: 'url', url: url(host), password: server.password } } })
  const stage = () => value<MergeOutcome>('fork:merge', { storeId: fork, step: 'stage' })
  const openTabs = async () => (await value<StoreInfo[]>('store:list', {})).filter((s) => s.kind === 'postgres')

  beforeAll(async () => {
    expect(server.host).toBe('127.0.0.1') // the cluster listens there only; `localhost` reaches it through the resolver
    ipc = await startIpc('fork-pg-loopback')
    database = (await createWalkthroughDatabase(server, 'loopback')).db
  }, 60_000)
  afterAll(() => ipc?.close())

  it('forks the database opened as localhost', async () => {
    const origin = await connect('localhost')
    expect(origin.path).toBe(`${server.user}@localhost/${database}`)
    const target = join(ipc.dir.path, 'fork.db')
    ipc.dialogs.willForkTo(target)
    const created = await value<ForkCreateOutcome>('fork:create', { storeId: origin.storeId })
    if (created.result !== 'ok') throw new Error('cancelled')
    fork = created.info.storeId
    expect(JSON.parse(readFileSync(`${target}.fork.json`, 'utf8')).origin).toEqual({ kind: 'postgres', url: url('localhost') })
    await value('store:close', { storeId: origin.storeId })
  })

  it('merges into the tab opened as 127.0.0.1: that tab, no second connection, no password asked', async () => {
    const tab = await connect('127.0.0.1')
    await value('postgres:forget-recent', {}) // no sealed password: only the open tab can serve the merge
    const staged = await stage()
    if (staged.result !== 'staged') throw new Error(`asked for ${staged.result} instead of using the open tab`)
    expect(staged.origin.storeId).toBe(tab.storeId)
    expect(await openTabs()).toEqual([expect.objectContaining({ storeId: tab.storeId })])
    expect(await value<RecentConnection[]>('postgres:recent', {})).toEqual([]) // nothing listed to ask through
  })

  it('finds the open tab when the same store is connected to again as localhost, in any letter case', async () => {
    const [tab] = await openTabs()
    expect((await connect('localhost')).storeId).toBe(tab.storeId)
    expect((await connect('LOCALHOST')).storeId).toBe(tab.storeId)
    expect(await openTabs()).toHaveLength(1)
  })

  it('lists the store once in the recent connections, and opens it with that sealed password for the localhost sidecar', async () => {
    const labels = (await value<RecentConnection[]>('postgres:recent', {})).map((r) => r.label)
    expect(labels).toEqual([`${server.user}@LOCALHOST/${database}`]) // the spelling connected last
    await connect('127.0.0.1')
    expect((await value<RecentConnection[]>('postgres:recent', {})).map((r) => r.label)).toEqual([`${server.user}@127.0.0.1/${database}`])
    const [tab] = await openTabs()
    await value('store:close', { storeId: tab.storeId })
    const staged = await stage()
    if (staged.result !== 'staged') throw new Error(`asked for ${staged.result} although a password is sealed for 127.0.0.1`)
    expect(staged.origin).toMatchObject({ kind: 'postgres', path: `${server.user}@127.0.0.1/${database}`, locked: true })
  })

  it('never shows the password: not in an answer, the sidecar or the recent list', () => {
    const shown = [JSON.stringify(answers), readFileSync(join(ipc.dir.path, 'fork.db.fork.json'), 'utf8'), readFileSync(join(ipc.dir.path, 'recent-connections.json'), 'utf8')]
    for (const text of shown) expect(text).not.toContain(server.password)
    expect(answers.length).toBeGreaterThan(10)
  })
})
