/**
 * Copying a store between adapters, cell for cell: a small port next to
 * `EventStore` and `StoreInspector`, kept separate so an adapter can offer it
 * on its own. The path is adapter-neutral — stream every stored row from one
 * snapshot, then write them all into an empty store in one transaction — so a
 * copy file → PostgreSQL → file gives the same cells byte for byte.
 */
import type { TableNames } from '../../shared/domain'

/** A cell as stored: text, an integer (bigint, never rounded), a double, bytes (a cell that is not UTF-8 text), or NULL. */
export type StoredCell = string | bigint | number | Uint8Array | null

/** One table's role in a store. */
export type TableRole = keyof TableNames

/** Rows per page a copier reads. */
export const COPY_PAGE_ROWS = 2000

/** The tables in the order a copy reads and writes them (events before the rows that reference them). */
export const COPY_ROLES: readonly TableRole[] = ['event', 'action', 'effect', 'trigger']

/** The keyset of each table: its primary key, in index order. */
export const COPY_KEYS: Readonly<Record<TableRole, readonly string[]>> = {
  event: ['seq_no'],
  action: ['seq_no'],
  effect: ['seq_no'],
  trigger: ['trigger_kind', 'trigger_id', 'seq_no']
}

/**
 * A page of stored rows of one table, each row its cells in the library's
 * column order (`TABLE_COLUMNS` of the schema).
 */
export interface StoredRowPage {
  readonly role: TableRole
  readonly rows: readonly (readonly StoredCell[])[]
}

/** Rows per table. */
export type RowCounts = Readonly<Record<TableRole, number>>

/** Progress of a copy: rows written so far of `total`. */
export type CopyProgress = (done: number, total: number) => void

/** A snapshot being read: its row counts and its rows. */
export interface StoredRowsSnapshot {
  /** Rows per table in this snapshot (for progress). */
  readonly counts: RowCounts
  /** Every row, table by table (events, actions, effects, triggers), each in seq-no order, in pages. */
  readonly pages: AsyncIterable<StoredRowPage>
  /** The highest seq-no in the snapshot (0 when empty). */
  readonly seqNo: number
  /** End the snapshot (also done when `pages` is read to its end or abandoned). */
  close(): Promise<void>
}

/** Reading and writing a store's raw rows. */
export interface StoreCopier {
  /** Open one consistent snapshot of every stored row (a read transaction that other writers do not disturb). */
  snapshotRows(): Promise<StoredRowsSnapshot>
  /**
   * Write `pages` into this store, which must hold no rows, in one
   * transaction: all of them or (on any failure) none. Rejects with a
   * StoreError `already-exists` when the store is not empty.
   */
  writeRows(pages: AsyncIterable<StoredRowPage>, progress?: (rows: number) => void): Promise<number>
  /**
   * Optional: the whole store into a new SQLite file at `target`, faster than
   * row by row (SQLite's backup API); the copy holds exactly one snapshot.
   */
  backupToFile?(target: string): Promise<void>
}

/** True when `store` offers the copier port. */
export function isStoreCopier(store: object): store is StoreCopier {
  return typeof (store as Partial<StoreCopier>).snapshotRows === 'function' && typeof (store as Partial<StoreCopier>).writeRows === 'function'
}
