/**
 * Opening better-sqlite3 connections without changing the file: no journal
 * mode change, no DDL, no PRAGMA that writes. A busy timeout makes a second
 * writer wait instead of failing at once.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { StoreError, explainSqliteError } from '../errors'

/** How long a connection waits for another writer's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000

/** Options shared by every connection of one store. */
export interface ConnectionOptions {
  /** Path to an alternative native binding (the Electron-ABI build); Node uses the default. */
  readonly nativeBinding?: string
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

/** Throw a StoreError unless `path` exists and is a regular file that starts like an SQLite database (or is empty). */
export function assertLooksLikeSqlite(path: string): { empty: boolean } {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) throw new StoreError('not-a-store', `${path} is a folder, not a store file.`)
    size = stat.size
  } catch (e) {
    if (e instanceof StoreError) throw e
    throw new StoreError('not-found', `${path} does not exist. Check the path, or create a new store there.`)
  }
  if (size === 0) return { empty: true }
  const header = Buffer.alloc(16)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw new StoreError('read-only', `${path} cannot be read (permission denied). Check the file's permissions.`)
  }
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (size < 100 || header.toString('latin1') !== SQLITE_HEADER) {
    throw new StoreError('not-a-store', `${path} is not an SQLite database, so it cannot be a coherence store. The file was not changed.`)
  }
  return { empty: false }
}

/** Open a connection; `readonly` connections can never write, even by mistake. */
export function openConnection(path: string, readonly: boolean, options: ConnectionOptions): Database.Database {
  try {
    const db = new Database(path, {
      readonly,
      fileMustExist: true,
      timeout: BUSY_TIMEOUT_MS,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
    // A larger page cache for this connection only (not stored in the file): big stores stay fast.
    db.pragma('cache_size = -65536')
    // Touch the schema so a non-database or locked file fails here, with a clear message.
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    return db
  } catch (e) {
    throw explainSqliteError(e, path)
  }
}
