/**
 * The copier port on PostgreSQL: every row read in keyset pages from one
 * `READ ONLY REPEATABLE READ` snapshot (integers as bigint, like the SQLite
 * adapter hands them out), and rows written in one transaction — for a new
 * store together with its tables, so a failed copy leaves no tables behind.
 */
import type pg from 'pg'
import type { TableNames } from '../../../shared/domain'
import type { RowCounts, StoredCell, StoredRowPage, StoredRowsSnapshot, TableRole } from '../store-copier'
import { COPY_KEYS, COPY_PAGE_ROWS, COPY_ROLES } from '../store-copier'
import { StoreError } from '../errors'
import { createTableStatements, quoteIdent, TABLE_COLUMNS } from '../sql/schema'
import { createPool, explainPgError, pgTarget, type PgTarget } from './connection'
import { BEGIN_SNAPSHOT, inTransaction } from './snapshot'

/** Rows per INSERT statement (well below PostgreSQL's 65 535 parameters). */
const INSERT_ROWS = 1000
const INTEGER_COLUMNS = new Set(['seq_no', 'timestamp'])

function pageSql(tables: TableNames, role: TableRole, first: boolean): string {
  const cols = TABLE_COLUMNS[role].map(quoteIdent).join(', ')
  const params = COPY_KEYS[role].map((_, i) => `$${i + 1}`).join(', ')
  // COLLATE "C": the keyset compares text byte-wise, the same order the index scan gives.
  const order = COPY_KEYS[role].map((k) => (INTEGER_COLUMNS.has(k) ? quoteIdent(k) : `${quoteIdent(k)} COLLATE "C"`)).join(', ')
  const where = first ? '' : ` WHERE (${COPY_KEYS[role].map((k) => (INTEGER_COLUMNS.has(k) ? quoteIdent(k) : `${quoteIdent(k)} COLLATE "C"`)).join(', ')}) > (${params})`
  return `SELECT ${cols} FROM ${quoteIdent(tables[role])}${where} ORDER BY ${order} LIMIT ${COPY_PAGE_ROWS}`
}

function cellsOf(role: TableRole, row: unknown[]): StoredCell[] {
  return row.map((cell, i) => (typeof cell === 'number' && INTEGER_COLUMNS.has(TABLE_COLUMNS[role][i]) ? BigInt(cell) : (cell as StoredCell)))
}

async function* tablePages(client: pg.PoolClient, tables: TableNames, role: TableRole): AsyncGenerator<StoredRowPage> {
  const columns = TABLE_COLUMNS[role]
  let rows = (await client.query({ text: pageSql(tables, role, true), rowMode: 'array' })).rows as unknown[][]
  while (rows.length > 0) {
    yield { role, rows: rows.map((r) => cellsOf(role, r)) }
    if (rows.length < COPY_PAGE_ROWS) return
    const last = rows[rows.length - 1]
    const key = COPY_KEYS[role].map((k) => last[columns.indexOf(k)])
    rows = (await client.query({ text: pageSql(tables, role, false), values: key, rowMode: 'array' })).rows as unknown[][]
  }
}

/** One snapshot of every row, on a connection of its own until it is read or closed. */
export async function pgSnapshotRows(pool: pg.Pool, tables: TableNames, target: PgTarget): Promise<StoredRowsSnapshot> {
  const client = await pool.connect()
  let open = true
  const close = async (failure?: Error): Promise<void> => {
    if (!open) return
    open = false
    await client.query('ROLLBACK').catch(() => {})
    client.release(failure)
  }
  try {
    await client.query(BEGIN_SNAPSHOT)
    const count = async (role: TableRole): Promise<number> => Number((await client.query(`SELECT count(*) AS n FROM ${quoteIdent(tables[role])}`)).rows[0].n)
    const counts: RowCounts = { event: await count('event'), action: await count('action'), effect: await count('effect'), trigger: await count('trigger') }
    const seqNo = Number((await client.query(`SELECT coalesce(max(${quoteIdent('seq_no')}), 0) AS n FROM ${quoteIdent(tables.event)}`)).rows[0].n)
    async function* pages(): AsyncGenerator<StoredRowPage> {
      try {
        for (const role of COPY_ROLES) yield* tablePages(client, tables, role)
      } catch (e) {
        await close(e instanceof Error ? e : undefined)
        throw explainPgError(e, target)
      } finally {
        await close()
      }
    }
    return { counts, seqNo, pages: pages(), close: () => close() }
  } catch (e) {
    await close(e instanceof Error ? e : undefined)
    throw explainPgError(e, target)
  }
}

function bindable(cell: StoredCell, role: TableRole, seqNo: unknown): unknown {
  if (typeof cell === 'bigint') return cell.toString()
  if (cell instanceof Uint8Array) {
    throw new StoreError('invalid-cell', `The ${role} row of seq-no ${String(seqNo)} holds bytes that are not UTF-8 text, which a PostgreSQL VARCHAR cannot store; repair it in the source (coherence check lists it). Nothing was written.`)
  }
  return cell
}

async function insertPage(client: pg.PoolClient, tables: TableNames, page: StoredRowPage): Promise<void> {
  const columns = TABLE_COLUMNS[page.role]
  const seqAt = columns.indexOf('seq_no')
  for (let start = 0; start < page.rows.length; start += INSERT_ROWS) {
    const chunk = page.rows.slice(start, start + INSERT_ROWS)
    const values: unknown[] = []
    const tuples = chunk.map((row) => `(${row.map((cell) => {
      values.push(bindable(cell, page.role, row[seqAt]))
      return `$${values.length}`
    }).join(', ')})`)
    await client.query(`INSERT INTO ${quoteIdent(tables[page.role])} (${columns.map(quoteIdent).join(', ')}) VALUES ${tuples.join(', ')}`, values)
  }
}

/** Inside an open transaction: refuse a store with rows, then insert every page. */
export async function pgWriteRows(client: pg.PoolClient, tables: TableNames, shown: string, pages: AsyncIterable<StoredRowPage>, progress?: (rows: number) => void): Promise<number> {
  const filled: string[] = []
  for (const role of COPY_ROLES) {
    if ((await client.query(`SELECT 1 FROM ${quoteIdent(tables[role])} LIMIT 1`)).rows.length > 0) filled.push(tables[role])
  }
  if (filled.length > 0) throw new StoreError('already-exists', `${shown} already holds rows (in ${filled.join(', ')}), so nothing was written; a copy goes only into an empty store.`)
  let written = 0
  for await (const page of pages) {
    await insertPage(client, tables, page)
    written += page.rows.length
    progress?.(written)
  }
  return written
}

/** Which of the four tables exist in the default schema. */
async function presentOf(client: pg.PoolClient, tables: TableNames): Promise<string[]> {
  const names = COPY_ROLES.map((r) => tables[r])
  const { rows } = await client.query<{ name: string }>(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1::text[])',
    [names]
  )
  return rows.map((r) => r.name)
}

/** Whether a copy may go to the database at `url`: the four tables absent, present and empty, or why not. */
export async function pgCopyTarget(url: string, tables: TableNames): Promise<'absent' | 'empty' | { readonly problem: string }> {
  const target = pgTarget(url)
  const pool = createPool(target, true)
  try {
    return await inTransaction(pool, BEGIN_SNAPSHOT, async (client) => {
      const present = await presentOf(client, tables)
      if (present.length === 0) return 'absent'
      if (present.length < 4) return { problem: `${target.shown} has the table${present.length > 1 ? 's' : ''} ${present.join(', ')} but not all four, so it was left unchanged; a copy goes only into a database without them or with all four empty.` }
      for (const name of present) {
        if ((await client.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`)).rows.length > 0) {
          return { problem: `${target.shown} is not empty (${name} holds rows), so it was left unchanged; a copy goes only into an empty store.` }
        }
      }
      return 'empty'
    })
  } catch (e) {
    throw explainPgError(e, target)
  } finally {
    await pool.end()
  }
}

/** Create the store's tables and write every page, all in one transaction: a failure leaves the database as it was. */
export async function writeNewPostgresStore(url: string, tables: TableNames, pages: AsyncIterable<StoredRowPage>, progress?: (rows: number) => void): Promise<number> {
  const target = pgTarget(url)
  const pool = createPool(target, false)
  try {
    return await inTransaction(pool, 'BEGIN', async (client) => {
      const present = await presentOf(client, tables)
      if (present.length > 0 && present.length < 4) {
        throw new StoreError('already-exists', `${target.shown} has some of the tables ${present.join(', ')} but not all four; it was left unchanged.`)
      }
      for (const sql of createTableStatements(tables)) await client.query(sql)
      return pgWriteRows(client, tables, target.shown, pages, progress)
    })
  } catch (e) {
    throw e instanceof StoreError ? e : explainPgError(e, target)
  } finally {
    await pool.end()
  }
}
