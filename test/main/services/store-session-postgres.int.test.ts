/**
 * A PostgreSQL store session notices a lost connection by its liveness check
 * alone (`pollChange`, which the store worker runs every half second off the
 * page path), with no query of the user's: the pool would quietly connect
 * again, so the cut must still be reported until the store is reconnected.
 * Real server (the run's throwaway cluster), a database of this file's own.
 */
import { afterEach, beforeAll, expect, it } from 'vitest'
import { DEFAULT_TABLES } from '../../../src/shared/domain'
import { createStore } from '../../../src/main/store/open-store'
import { StoreSession } from '../../../src/main/services/store-session'
import { adminQuery, createDatabase, postgresUrl } from '../../helpers/postgres'
import { describePostgres } from '../../helpers/postgres-suite'
import { bookEdn } from '../../helpers/stores'

let session: StoreSession | null = null
afterEach(async () => {
  await session?.close().catch(() => undefined)
  session = null
})

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describePostgres('StoreSession on PostgreSQL: a connection lost while idle', (server) => {
  let database: string
  let url: string

  beforeAll(async () => {
    database = await createDatabase(server, 'session_loss')
    url = postgresUrl(server, database)
    await (await createStore({ kind: 'postgres', url }, { tables: DEFAULT_TABLES })).close()
  })

  /** Cut every connection to this database (as a restart or an admin would); the server stays up and accepts new ones. */
  const cutConnections = (): Promise<unknown> =>
    adminQuery(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`)

  it('reports the loss at the next liveness check, without any query, until reconnected; then everything works again', async () => {
    session = new StoreSession()
    await session.open(url)
    expect(await session.pollChange()).toBeNull()
    await cutConnections()
    await settle(300)
    // A new connection would work at once; the check must still say that the old one is gone, every time.
    for (let i = 0; i < 2; i++) await expect(session.pollChange()).rejects.toMatchObject({ code: 'unreachable' })
    expect(session.connectionLost()).toMatch(/^The connection to postgres@127\.0\.0\.1\/session_loss_\d+_\d+ was lost .*reconnect when the server is back\.$/)
    const reopened = await session.reconnect()
    expect(reopened).toMatchObject({ locked: true, seqNo: 0 })
    expect(await session.pollChange()).toBeNull()
    expect((await session.page({ limit: 10 })).rows).toEqual([])
  })

  it('reconnects an unlocked store read-only, and it can be unlocked and written again', async () => {
    session = new StoreSession()
    await session.open(url)
    await session.unlock()
    await cutConnections()
    await settle(300)
    await expect(session.pollChange()).rejects.toMatchObject({ code: 'unreachable' })
    await session.reconnect()
    expect((await session.info()).locked).toBe(true)
    await session.unlock()
    const summary = await session.rebase({ eventsEdn: `[${bookEdn('Neuromancer')}]`, base: 1, resolved: [], dry: false })
    expect(summary.result).toBe('ok')
    expect(await session.pollChange()).toBe(1) // our own commit moves the version; the check works on the new connection
    expect((await session.info()).seqNo).toBe(1)
  })
})
