/**
 * Store files for tests, written through the real store API (so they are
 * valid by construction), plus small file helpers.
 */
import { createHash } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TABLES, type TableNames } from '../../src/shared/domain'
import { parseNewEvents } from '../../src/main/core/domain'
import { readEdn } from '../../src/main/core/edn'
import { createStoreFile, openStoreFile } from './store-files'

/** A new action event as EDN: `actor` creates `[:book title]`. */
export function bookEdn(title: string, actor = 'alice', genre = 'SciFi'): string {
  return (
    `{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, ` +
    `:action {:reason :create, :actor [:user ${JSON.stringify(actor)}], :aggregate [:book ${JSON.stringify(title)}], ` +
    `:patch {:assoc {:genre ${JSON.stringify(genre)}}}}}`
  )
}

/** The timestamp of the tests' hand-written events, as EDN. */
export const TEST_INST = '#inst "2026-11-28T14:00:00.000-00:00"'

/**
 * A new action as EDN: `actor` sets the genre of `[:book "Neuromancer"]` —
 * by default the `:fix` from `:studio` that the fork tests commit on a fork.
 */
export function neuromancerEdn(actor: string, genre: string, how: { readonly reason?: string; readonly source?: string } = {}): string {
  return `{:timestamp ${TEST_INST}, :source :${how.source ?? 'studio'}, :action {:reason :${how.reason ?? 'fix'}, :actor [:user "${actor}"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "${genre}"}}}}`
}

/** Append EDN events to the store at `path` through the store API (a second connection). */
export async function appendEvents(path: string, eventsEdn: string[], tables: TableNames = DEFAULT_TABLES): Promise<number> {
  const parsed = parseNewEvents(readEdn(`[${eventsEdn.join(' ')}]`))
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'))
  const store = await openStoreFile(path, { tables, readOnly: false })
  try {
    const result = await store.rebase((await store.currentSeqNo()) + 1, parsed.events)
    if (result.result !== 'ok') throw new Error(`rebase gave ${result.result}`)
    return store.currentSeqNo()
  } finally {
    await store.close()
  }
}

/** Create a store with one book per title; returns its path. */
export async function makeBookStore(dir: string, name: string, titles: string[], tables: TableNames = DEFAULT_TABLES): Promise<string> {
  const path = join(dir, name)
  const store = await createStoreFile(path, tables)
  await store.close()
  if (titles.length > 0) await appendEvents(path, titles.map((t) => bookEdn(t)), tables)
  return path
}

/** SHA-256 of a file's bytes (read in chunks: stores may be larger than 2 GiB). */
export function sha256(path: string): string {
  const hash = createHash('sha256')
  const buffer = Buffer.alloc(8 * 1024 * 1024)
  const fd = openSync(path, 'r')
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** A temporary folder and its removal. */
export function tempDir(prefix: string): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `coherence-${prefix}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** The library README's walkthrough store (seq-nos 1–7, docs/semantics.md#read-with-replay) at `dir/name`; returns its path. */
export async function makeWalkthroughStore(dir: string, name = 'walkthrough.db'): Promise<string> {
  const { writeWalkthrough } = await import('../../scripts/demo/walkthrough')
  const path = join(dir, name)
  const store = await createStoreFile(path)
  try {
    await writeWalkthrough(store)
  } finally {
    await store.close()
  }
  return path
}
