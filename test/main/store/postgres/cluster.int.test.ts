/** The throwaway cluster itself: reachable by password over TCP, refused with a wrong one, one database per file. */
import pg from 'pg'
import { expect, it } from 'vitest'
import { createDatabase, postgresUrl } from '../../../helpers/postgres'
import { describePostgres } from '../../../helpers/postgres-suite'

describePostgres('throwaway PostgreSQL cluster', (server) => {
  it('serves a fresh database over TCP with the password, and refuses a wrong one', async () => {
    const db = await createDatabase(server, 'cluster')
    const client = new pg.Client({ connectionString: postgresUrl(server, db) })
    await client.connect()
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()')
    await client.end()
    expect(rows[0].n).toBe('0')
    const wrong = new pg.Client({ connectionString: postgresUrl(server, db, { user: 'postgres', password: 'wrong' }) })
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/)
  })
})
