/**
 * Index lookups on a SQLite store (pragma_index_list / pragma_index_info) and
 * the one index this tool adds when asked: the trigger table on seq_no
 * (`../store-indexer.ts`).
 */
import type Database from 'better-sqlite3'
import type { TableNames } from '../../../shared/domain'
import type { AddedIndex } from '../store-indexer'
import { triggerSeqNoIndexStatement } from '../sql/schema'
import { StoreError } from '../errors'

/** The name of an index on `table` whose leading columns are `columns` (a partial index does not count), or null. */
export function leadingIndex(db: Database.Database, table: string, columns: readonly string[]): string | null {
  const indexes = db.prepare('SELECT name, partial FROM pragma_index_list(?)').all(table) as { name: string; partial: number }[]
  const found = indexes.find((ix) => {
    if (ix.partial) return false
    const cols = (db.prepare('SELECT name FROM pragma_index_info(?)').all(ix.name) as { name: string }[]).map((c) => c.name)
    return cols.slice(0, columns.length).join(',') === columns.join(',')
  })
  return found?.name ?? null
}

/** Add the trigger table's seq_no index unless an index already serves (see `StoreIndexer`). */
export function addTriggerSeqNoIndex(db: Database.Database, tables: TableNames): AddedIndex {
  const existing = leadingIndex(db, tables.trigger, ['seq_no'])
  if (existing !== null) return { name: existing, created: false }
  const { name, sql } = triggerSeqNoIndexStatement(tables)
  db.exec(sql)
  if (leadingIndex(db, tables.trigger, ['seq_no']) === null) {
    throw new StoreError('already-exists', `An index named "${name}" already exists on something other than "${tables.trigger}" ("seq_no"); nothing changed. Drop or rename it, then run this again.`)
  }
  return { name, created: true }
}
