/**
 * The copier port on SQLite: every stored row read raw (text stays text,
 * integers come as bigint, bytes as bytes) from one read transaction in
 * keyset pages, and written back with the same storage classes in one
 * transaction, so the cells of a copy are byte-identical.
 */
import type Database from 'better-sqlite3'
import type { TableNames } from '../../../shared/domain'
import type { RowCounts, StoredCell, StoredRowPage, StoredRowsSnapshot, TableRole } from '../store-copier'
import { COPY_KEYS, COPY_PAGE_ROWS, COPY_ROLES } from '../store-copier'
import { StoreError, explainSqliteError } from '../errors'
import { quoteIdent, TABLE_COLUMNS } from './schema'

function pageSql(tables: TableNames, role: TableRole, first: boolean): string {
  const cols = TABLE_COLUMNS[role].map(quoteIdent).join(', ')
  const key = COPY_KEYS[role].map(quoteIdent).join(', ')
  const params = COPY_KEYS[role].map(() => '?').join(', ')
  const where = first ? '' : ` WHERE (${key}) > (${params})`
  return `SELECT ${cols} FROM ${quoteIdent(tables[role])}${where} ORDER BY ${key} LIMIT ${COPY_PAGE_ROWS}`
}

function keyOf(role: TableRole, row: readonly StoredCell[]): StoredCell[] {
  const columns = TABLE_COLUMNS[role]
  return COPY_KEYS[role].map((k) => row[columns.indexOf(k)])
}

function* tablePages(db: Database.Database, tables: TableNames, role: TableRole): Generator<StoredRowPage> {
  const first = db.prepare(pageSql(tables, role, true)).raw(true).safeIntegers(true)
  const next = db.prepare(pageSql(tables, role, false)).raw(true).safeIntegers(true)
  let rows = first.all() as StoredCell[][]
  while (rows.length > 0) {
    yield { role, rows }
    if (rows.length < COPY_PAGE_ROWS) return
    rows = next.all(...keyOf(role, rows[rows.length - 1])) as StoredCell[][]
  }
}

/**
 * One snapshot of every row on `db` (a connection of its own, closed with the
 * snapshot): a read transaction is begun before anything is counted.
 */
export function snapshotRows(db: Database.Database, tables: TableNames, path: string): StoredRowsSnapshot {
  let open = true
  const close = (): Promise<void> => {
    if (open) {
      open = false
      if (db.inTransaction) db.exec('ROLLBACK')
      db.close()
    }
    return Promise.resolve()
  }
  try {
    db.exec('BEGIN')
    const count = (role: TableRole): number => db.prepare(`SELECT count(*) FROM ${quoteIdent(tables[role])}`).pluck().get() as number
    const counts: RowCounts = { event: count('event'), action: count('action'), effect: count('effect'), trigger: count('trigger') }
    const seqNo = (db.prepare(`SELECT coalesce(max(${quoteIdent('seq_no')}), 0) FROM ${quoteIdent(tables.event)}`).pluck().get() as number)
    async function* pages(): AsyncGenerator<StoredRowPage> {
      try {
        for (const role of COPY_ROLES) {
          for (const page of tablePages(db, tables, role)) {
            yield page
            // Let other work run between pages (progress, signals).
            await new Promise((resolve) => setImmediate(resolve))
          }
        }
      } catch (e) {
        throw explainSqliteError(e, path)
      } finally {
        await close()
      }
    }
    return { counts, seqNo, pages: pages(), close }
  } catch (e) {
    void close()
    throw explainSqliteError(e, path)
  }
}

function bindable(cell: StoredCell): StoredCell {
  return cell instanceof Uint8Array && !Buffer.isBuffer(cell) ? Buffer.from(cell) : cell
}

/** Write `pages` into the empty store on `db` in one transaction; nothing is written when anything fails. */
export async function writeRows(
  db: Database.Database,
  tables: TableNames,
  path: string,
  pages: AsyncIterable<StoredRowPage>,
  progress?: (rows: number) => void
): Promise<number> {
  const inserts = Object.fromEntries(COPY_ROLES.map((role) => {
    const cols = TABLE_COLUMNS[role]
    return [role, db.prepare(`INSERT INTO ${quoteIdent(tables[role])} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)]
  })) as Record<TableRole, Database.Statement>
  let written = 0
  try {
    db.exec('BEGIN IMMEDIATE')
    const filled = COPY_ROLES.filter((role) => db.prepare(`SELECT 1 FROM ${quoteIdent(tables[role])} LIMIT 1`).get() !== undefined)
    if (filled.length > 0) {
      throw new StoreError('already-exists', `${path} already holds rows (in ${filled.map((r) => tables[r]).join(', ')}), so nothing was written; a copy goes only into an empty store.`)
    }
    for await (const page of pages) {
      const insert = inserts[page.role]
      for (const row of page.rows) insert.run(...row.map(bindable))
      written += page.rows.length
      progress?.(written)
    }
    db.exec('COMMIT')
    return written
  } catch (e) {
    throw explainSqliteError(e, path)
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK')
  }
}

/** Copy the whole file on `db` to `target` page by page (SQLite's backup API): one consistent snapshot. */
export async function backupTo(db: Database.Database, path: string, target: string): Promise<void> {
  try {
    await db.backup(target)
  } catch (e) {
    throw explainSqliteError(e, path)
  }
}
