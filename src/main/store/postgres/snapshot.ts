/**
 * Running work on one pooled PostgreSQL connection inside one transaction:
 * read-only snapshots (`BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ`) for
 * every query and stream, and `PgQueries` over such a connection for the
 * read models. A connection whose transaction failed is discarded, not reused.
 */
import type pg from 'pg'
import Cursor from 'pg-cursor'
import type { PgQueries } from './pg-queries'

/** The statement that opens every read. */
export const BEGIN_SNAPSHOT = 'BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ'

/** The parts of a client's connection `corked` needs (not in pg's types; absent, nothing is corked). */
interface CorkableClient {
  readonly connection?: { readonly stream?: { cork?(): void; uncork?(): void } }
}

/**
 * Runs `send` with the client's socket corked, so the protocol messages it
 * writes leave in one write (pg-cursor writes each message on its own: parse,
 * bind, describe, execute and flush would each wake the server), as pg's own
 * queries do.
 */
function corked<T>(client: pg.PoolClient, send: () => T): T {
  const stream = (client as CorkableClient).connection?.stream
  stream?.cork?.()
  try {
    return send()
  } finally {
    stream?.uncork?.()
  }
}

/**
 * Rows of one statement, in batches, through a server-side cursor (closed when
 * the consumer stops early). The next batch is asked for before this one is
 * handed over, so the server produces and sends it while the consumer decodes
 * (a full batch means there may be more; a short one ends the cursor).
 */
export async function* cursorBatches<R>(client: pg.PoolClient, sql: string, params: unknown[], batchSize: number): AsyncGenerator<R[]> {
  const [cursor, first] = corked(client, () => {
    const opened = client.query(new Cursor<R>(sql, params))
    return [opened, opened.read(batchSize)] as const
  })
  let next: Promise<R[]> | null = first
  try {
    while (next !== null) {
      const rows: R[] = await next
      next = rows.length === batchSize ? corked(client, () => cursor.read(batchSize)) : null
      if (rows.length > 0) yield rows
    }
  } finally {
    // A batch asked for but not taken (the consumer stopped early) is awaited before the cursor closes.
    if (next !== null) await next.catch(() => [])
    await cursor.close()
  }
}

/** `PgQueries` on a connection that is inside a snapshot transaction. */
export function queriesOn(client: pg.PoolClient): PgQueries {
  return {
    query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
    cursor: <R>(sql: string, params: unknown[], batchSize: number) => cursorBatches<R>(client, sql, params, batchSize)
  }
}

/** Run `work` on a pooled connection inside `begin` … COMMIT; any failure rolls back and discards the connection. */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let failure: unknown = undefined
  try {
    await client.query(begin)
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (e) {
    failure = e
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    client.release(failure instanceof Error ? failure : undefined)
  }
}

/** Stream what `work` yields from one snapshot on a connection of its own; stopping early rolls back and frees it. */
export async function* snapshotStream<T>(pool: pg.Pool, work: (client: pg.PoolClient) => AsyncIterable<T>): AsyncGenerator<T> {
  const client = await pool.connect()
  let failure: unknown = undefined
  let committed = false
  try {
    await client.query(BEGIN_SNAPSHOT)
    yield* work(client)
    await client.query('COMMIT')
    committed = true
  } catch (e) {
    failure = e
    throw e
  } finally {
    if (!committed) await client.query('ROLLBACK').catch(() => {})
    client.release(failure instanceof Error ? failure : undefined)
  }
}
