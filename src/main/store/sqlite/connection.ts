/**
 * Opening better-sqlite3 connections without changing the file: no journal
 * mode change, no DDL, no PRAGMA that writes. A busy timeout makes a second
 * writer wait instead of failing at once.
 */
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { StoreError, explainSqliteError, isSqliteError } from '../errors'

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

function connect(path: string, readonly: boolean, options: ConnectionOptions): Database.Database {
  const db = new Database(path, {
    readonly,
    fileMustExist: true,
    timeout: BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    // A larger page cache for this connection only (not stored in the file): big stores stay fast.
    db.pragma('cache_size = -65536')
    // Touch the schema so a non-database or locked file fails here, with a clear message.
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/** Snapshot copies in use, by the file and the state they copied (see `openSnapshotCopy`). */
const snapshots = new Map<string, { readonly dir: string; readonly copy: string; users: number }>()

/**
 * Reading a WAL store in a folder this process cannot write. SQLite must
 * create the `-shm` index beside a WAL database even to read it, unless it is
 * opened `immutable`, and better-sqlite3 is built without URI file names, so
 * `?immutable=1` cannot be asked for. When there is no `-wal` file the main
 * file holds every committed event, and nobody can be writing it (a writer
 * would have to create `-wal` in that very folder). So we read a private copy
 * of the main file with its header switched from WAL to rollback mode (bytes
 * 18–19), which needs no `-shm`: the same store, byte for byte. The original
 * is only read; the copy is shared by the connections of this process and
 * removed when the last one closes.
 */
function openSnapshotCopy(path: string, options: ConnectionOptions): Database.Database {
  const stat = statSync(path)
  const key = `${path}\u0000${stat.size}\u0000${stat.mtimeMs}`
  let snapshot = snapshots.get(key)
  if (!snapshot) {
    const dir = mkdtempSync(join(tmpdir(), 'coherence-snapshot-'))
    const copy = join(dir, basename(path))
    copyFileSync(path, copy)
    const fd = openSync(copy, 'r+')
    try {
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18)
    } finally {
      closeSync(fd)
    }
    snapshot = { dir, copy, users: 0 }
    snapshots.set(key, snapshot)
  }
  const db = connect(snapshot.copy, true, options)
  snapshot.users += 1
  const close = db.close.bind(db)
  const used = snapshot
  db.close = () => {
    close()
    used.users -= 1
    if (used.users === 0) {
      snapshots.delete(key)
      rmSync(used.dir, { recursive: true, force: true })
    }
    return db
  }
  return db
}

/** True when `path` is a WAL database (header bytes 18–19 are 2) with no `-wal` file beside it. */
function isCheckpointedWal(path: string): boolean {
  if (existsSync(`${path}-wal`)) return false
  const header = Buffer.alloc(2)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, header, 0, 2, 18)
  } finally {
    closeSync(fd)
  }
  return header[0] === 2 && header[1] === 2
}

/** Open a connection; `readonly` connections can never write, even by mistake. */
export function openConnection(path: string, readonly: boolean, options: ConnectionOptions): Database.Database {
  try {
    return connect(path, readonly, options)
  } catch (e) {
    if (readonly && (isSqliteError(e, 'SQLITE_READONLY_DIRECTORY') || isSqliteError(e, 'SQLITE_CANTOPEN')) && isCheckpointedWal(path)) {
      try {
        return openSnapshotCopy(path, options)
      } catch {
        // No room for the copy: report the original failure.
      }
    }
    throw explainSqliteError(e, path)
  }
}
