/**
 * SQLite's own integrity checks (`PRAGMA integrity_check` / `quick_check`):
 * damaged b-tree pages, free-space and page-accounting errors that the
 * store-level rules cannot see. `quick_check` skips only the index-content
 * comparison, so it finds page-level damage in time linear in the file.
 */
import type Database from 'better-sqlite3'
import { StoreError, isSqliteError } from '../errors'

/** At most this many messages are taken from SQLite. */
const MAX_MESSAGES = 100

/** What SQLite reports for the file: its messages, empty when it says "ok". */
export function sqliteDamage(db: Database.Database, pragma: 'integrity_check' | 'quick_check'): string[] {
  try {
    const rows = db.prepare(`PRAGMA ${pragma}(${MAX_MESSAGES})`).pluck().all() as string[]
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows
  } catch (e) {
    if (isSqliteError(e, 'SQLITE_CORRUPT') || isSqliteError(e, 'SQLITE_NOTADB')) return [(e as Error).message]
    throw e
  }
}

/** Throw a StoreError when `quick_check` finds damage (before unlocking or a verified rebase). */
export function assertUndamaged(db: Database.Database, path: string): void {
  const damage = sqliteDamage(db, 'quick_check')
  if (damage.length === 0) return
  const more = damage.length > 1 ? ` (and ${damage.length - 1} more problem${damage.length > 2 ? 's' : ''})` : ''
  throw new StoreError(
    'corrupt',
    `${path} is damaged — SQLite's quick_check reports: ${damage[0].replaceAll('\n', ' ')}${more}; it was not changed, run coherence check for the full list and work on a backup copy.`
  )
}
