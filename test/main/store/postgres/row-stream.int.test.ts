import { afterAll, beforeAll, expect, it } from 'vitest'
import pg from 'pg'
import { createDatabase, postgresUrl } from '../../../helpers/postgres'
import { describePostgres } from '../../../helpers/postgres-suite'
import { streamRows, type TextRow } from '../../../../src/main/store/postgres/row-stream'

/** Every row of a stream, with the batches it came in. */
async function drain(rows: AsyncIterable<TextRow[]>): Promise<{ rows: TextRow[]; batches: number }> {
  const out: TextRow[] = []
  let batches = 0
  for await (const batch of rows) {
    batches++
    out.push(...batch)
  }
  return { rows: out, batches }
}

describePostgres('streamRows (a statement streamed in batches through the unnamed portal)', (server) => {
  let pool: pg.Pool
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: postgresUrl(server, await createDatabase(server, 'row_stream')), max: 1 })
  })
  afterAll(() => pool.end())

  /** Run `work` on the pool's one connection inside a transaction block, rolled back after. */
  async function inBlock<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN READ ONLY')
      return await work(client)
    } finally {
      await client.query('ROLLBACK')
      client.release()
    }
  }

  it('hands over every row in order as the server sends it, in text, across many batches, parameters included', async () => {
    const { rows, batches } = await inBlock((client) =>
      drain(streamRows(client, "SELECT i, 'é' || i, NULL FROM generate_series($1::int, $2::int) AS i", [1, 12_345], 1000))
    )
    expect(rows.length).toBe(12_345)
    expect(rows[0]).toEqual(['1', 'é1', null])
    expect(rows.at(-1)).toEqual(['12345', 'é12345', null])
    expect(rows.every((row, i) => row[0] === String(i + 1))).toBe(true)
    expect(batches).toBeGreaterThan(12) // at least one hand-over per Execute
  })

  it('ends at once for a statement without rows', async () => {
    const { rows } = await inBlock((client) => drain(streamRows(client, 'SELECT 1 WHERE false', [], 10)))
    expect(rows).toEqual([])
  })

  it('stopped early (between batches, or with a batch on its way), leaves the connection free for what is queued next, in order', async () => {
    // A slow consumer lets a whole batch arrive, so the portal is suspended with no Execute on its way when it stops.
    for (const [stopAfter, slow] of [[1, false], [999, false], [1000, false], [1001, false], [5000, false], [1, true], [1500, true]] as const) {
      const next = await inBlock(async (client) => {
        let n = 0
        for await (const batch of streamRows(client, 'SELECT i FROM generate_series(1, 1000000) AS i', [], 1000)) {
          n += batch.length
          if (slow) await new Promise((resolve) => setTimeout(resolve, 100))
          if (n >= stopAfter) break
        }
        return (await client.query('SELECT 42 AS answer')).rows[0].answer
      })
      expect(next).toBe(42)
    }
    // The pool has one connection: it must still be usable after all those stops.
    expect((await pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()')).rows[0].n).toBe(1)
  })

  it('a server error after some batches comes after the rows before it, and the connection stays usable', async () => {
    const seen: TextRow[] = []
    const failure = await inBlock(async (client) => {
      const error = await (async () => {
        for await (const batch of streamRows(client, 'SELECT 1 / (7000 - i) FROM generate_series(1, 10000) AS i', [], 1000)) seen.push(...batch)
      })().then(() => null, (e: unknown) => e)
      return error
    })
    expect(failure).toBeInstanceOf(pg.DatabaseError)
    expect((failure as pg.DatabaseError).code).toBe('22012') // division_by_zero
    expect(seen.length).toBeGreaterThanOrEqual(6000)
    expect(seen.length).toBeLessThan(7000)
    expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1)
  })
})
