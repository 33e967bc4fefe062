/**
 * The one index this tool adds to a PostgreSQL store when asked: the trigger
 * table on seq_no (`../store-indexer.ts`), inside the caller's transaction.
 */
import type pg from 'pg'
import type { TableNames } from '../../../shared/domain'
import type { AddedIndex } from '../store-indexer'
import { StoreError } from '../errors'
import { quoteIdent, triggerSeqNoIndexStatement } from '../sql/schema'
import { leadingIndex } from './inspector'
import { queriesOn } from './snapshot'

/**
 * An index that already serves, or `CREATE INDEX IF NOT EXISTS` (it holds a
 * SHARE lock on the trigger table while it builds, so writers wait).
 */
export async function addTriggerSeqNoIndex(client: pg.PoolClient, tables: TableNames): Promise<AddedIndex> {
  const db = queriesOn(client)
  const table = quoteIdent(tables.trigger)
  const existing = await leadingIndex(db, table, ['seq_no'])
  if (existing !== null) return { name: existing, created: false }
  const statement = triggerSeqNoIndexStatement(tables)
  await client.query(statement.sql)
  const name = await leadingIndex(db, table, ['seq_no'])
  if (name === null) {
    throw new StoreError('already-exists', `An index named "${statement.name}" already exists on something other than ${table} ("seq_no"); nothing changed. Drop or rename it, then run this again.`)
  }
  return { name, created: true }
}
