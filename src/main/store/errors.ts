/**
 * Errors a store raises for real failures (not rebase outcomes, which are data).
 * Every error carries a code the UI and CLI can act on and a sentence that says
 * what is wrong and what to do.
 */
import { CodedError } from '../../shared/coded-error'

/** Why a store operation failed. */
export type StoreErrorCode =
  | 'not-found'
  | 'not-a-store'
  | 'missing-tables'
  | 'wrong-columns'
  | 'already-exists'
  | 'corrupt'
  | 'interrupted-write'
  | 'locked'
  | 'read-only'
  | 'invalid-table-names'
  | 'invalid-cell'
  | 'io'
  | 'unreachable'
  | 'auth'
  | 'permission-denied'
  | 'unsupported'

/** A failure with a user-readable message; the store (file or database) is never modified when one is raised. */
export class StoreError extends CodedError<StoreErrorCode> {
  override readonly name = 'StoreError'
}

/** True when `e` is a SQLite error whose code starts with `prefix` (e.g. `SQLITE_BUSY`). */
export function isSqliteError(e: unknown, prefix: string): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? ((e as { code: string }).code).startsWith(prefix)
    : false
}

/**
 * Translate a driver error on `path` into a StoreError with a plain sentence,
 * or return the error unchanged when it is not one we can explain.
 */
export function explainSqliteError(e: unknown, path: string): unknown {
  if (isSqliteError(e, 'SQLITE_BUSY') || isSqliteError(e, 'SQLITE_LOCKED')) {
    return new StoreError(
      'locked',
      `${path} is locked by another program that is writing to it. Wait until it finishes (or close it) and try again.`
    )
  }
  if (isSqliteError(e, 'SQLITE_NOTADB')) {
    return new StoreError('not-a-store', `${path} is not an SQLite database, so it cannot be a coherence store.`)
  }
  if (isSqliteError(e, 'SQLITE_CORRUPT')) {
    return new StoreError(
      'corrupt',
      `${path} is damaged (SQLite reports corruption). Open a backup copy; the file was not changed.`
    )
  }
  if (isSqliteError(e, 'SQLITE_READONLY_ROLLBACK')) {
    return new StoreError(
      'interrupted-write',
      `${path} has an unfinished write left by a program that stopped in the middle of it (a hot journal); opening it for writing rolls that write back — run coherence rebase on it or unlock it in the app — and reading works again.`
    )
  }
  if (isSqliteError(e, 'SQLITE_READONLY') || isSqliteError(e, 'SQLITE_CANTOPEN') || isSqliteError(e, 'SQLITE_PERM')) {
    return new StoreError(
      'read-only',
      `${path} cannot be written (the file or its folder is read-only). Open it read-only, or copy it somewhere writable.`
    )
  }
  if (isSqliteError(e, 'SQLITE_FULL') || isSqliteError(e, 'SQLITE_IOERR')) {
    return new StoreError('io', `Writing ${path} failed (${(e as Error).message}). Nothing was written; free disk space and try again.`)
  }
  return e
}
