/**
 * Files written beside a target and renamed into place once complete (copies,
 * forks, sidecars): plain file-system helpers, kept apart from the store
 * adapters so that main (which reads sidecars) never bundles them.
 */
import { rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** The temporary file a copy to `path` writes first (a dot file next to it). */
export function temporaryNeighbour(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.${suffix}`)
}

/** Remove an SQLite file with whatever journal it may have left. */
export function removeSqliteFile(path: string): void {
  for (const extra of ['', '-journal', '-wal', '-shm']) rmSync(path + extra, { force: true })
}

