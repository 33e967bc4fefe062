/**
 * Fork, merge back and import on real store files: the fork is a store the
 * library opens unchanged (same tables, nothing extra) with its fork point
 * only in the sidecar; a merge stages the fork's new events at the fork
 * point, finds what the origin received meanwhile as the conflict, commits
 * once resolved, and a second merge takes nothing twice; exported batches
 * (EDN and JSON) import as the same events.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { forkStore } from '../../../../src/main/services/fork/fork'
import { collectMerge, recordMerge, requireForkRecord } from '../../../../src/main/services/fork/merge'
import { forkOrigin, readForkRecord, sidecarPath } from '../../../../src/main/services/fork/sidecar'
import { importBatch } from '../../../../src/main/services/fork/import-batch'
import { storeQueries } from '../../../../src/main/services/registry'
import { parseStaged } from '../../../../src/main/services/compose'
import { ServiceError } from '../../../../src/main/services/service-error'
import { StoreError } from '../../../../src/main/store/errors'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { openStoreFile } from '../../../helpers/store-files'
import { appendEvents, makeWalkthroughStore, sha256, tempDir } from '../../../helpers/stores'

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const fix = (title: string, genre: string, actor = 'carol'): string =>
  `{:timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "${actor}"], :aggregate [:book "${title}"], :patch {:assoc {:genre "${genre}"}}}}`

let dir: ReturnType<typeof tempDir>
let origin: string
let copy: string
const open: OpenedStore[] = []
async function opened(path: string, readOnly = true): Promise<OpenedStore> {
  const store = await openStoreFile(path, { readOnly })
  open.push(store)
  return store
}

beforeEach(async () => {
  dir = tempDir('fork')
  origin = await makeWalkthroughStore(dir.path)
  copy = join(dir.path, 'fork.db')
})
afterEach(async () => {
  for (const store of open.splice(0)) await store.close()
  dir.remove()
})

function tablesOf(path: string): string[] {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare("SELECT type || ' ' || name FROM sqlite_schema ORDER BY name").pluck().all() as string[]
  } finally {
    db.close()
  }
}

describe('fork', () => {
  it('writes a snapshot with the same tables and nothing else, the fork point only in the sidecar, the origin untouched', async () => {
    const before = sha256(origin)
    const record = await forkStore(await opened(origin), { kind: 'sqlite', path: origin }, copy)
    expect(record).toMatchObject({ version: 1, origin: { kind: 'sqlite', path: origin }, forkSeqNo: 7, mergedUpTo: 7, resolved: [] })
    expect(readForkRecord(copy)).toEqual(record)
    expect(JSON.parse(readFileSync(sidecarPath(copy), 'utf8'))).toEqual(record)
    expect(tablesOf(copy)).toEqual(tablesOf(origin))
    expect(sha256(origin)).toBe(before)
    expect(readdirSync(dir.path).sort()).toEqual(['fork.db', 'fork.db.fork.json', 'walkthrough.db'])
    expect(readForkRecord(origin)).toBeNull()
    const fork = await opened(copy)
    expect(await fork.currentSeqNo()).toBe(7)
    expect((await fork.check()).filter((p) => p.severity !== 'notice')).toEqual([])
  })

  it('refuses a target that is not empty, and leaves it and everything else as they were', async () => {
    writeFileSync(copy, 'not a store')
    await expect(forkStore(await opened(origin), { kind: 'sqlite', path: origin }, copy)).rejects.toBeInstanceOf(StoreError)
    expect(readFileSync(copy, 'utf8')).toBe('not a store')
    expect(readdirSync(dir.path).sort()).toEqual(['fork.db', 'walkthrough.db'])
  })

  it('keeps a PostgreSQL origin re-openable but without its password', () => {
    expect(forkOrigin({ kind: 'postgres', url: 'postgresql://ann:s3cret@db.example:5432/shop?sslmode=require' }))
      .toEqual({ kind: 'postgres', url: 'postgresql://ann@db.example:5432/shop?sslmode=require' })
    expect(forkOrigin({ kind: 'postgres', url: 'postgres://ann:p%40ss@db.example/shop?password=s3cret&sslmode=require' }))
      .toEqual({ kind: 'postgres', url: 'postgresql://ann@db.example/shop?sslmode=require' })
    expect(forkOrigin({ kind: 'sqlite', path: 'rel/store.db' })).toEqual({ kind: 'sqlite', path: 'rel/store.db' })
  })
})

describe('merge back', () => {
  it('stages the correction at the fork point, conflicts with what the origin got meanwhile, commits once resolved, and takes nothing twice', async () => {
    await forkStore(await opened(origin), { kind: 'sqlite', path: origin }, copy)
    await appendEvents(copy, [fix('Neuromancer', 'Cyberpunk classic')])
    await appendEvents(origin, [fix('Neuromancer', 'Classic', 'dave')])
    const fork = await opened(copy)
    const batch = await collectMerge(fork, requireForkRecord(copy))
    expect(batch).toMatchObject({ base: 8, resolved: [], upTo: 8 })
    expect(batch.events.map((e) => e.summary)).toEqual([':fix [:book "Neuromancer"] by [:user "carol"]: assoc :genre "Cyberpunk classic"'])
    const staged = parseStaged(batch.events.map((e) => e.edn))
    if (!staged.ok) throw new Error('not staged')
    const target = await opened(origin, false)
    const conflict = await target.rebase(batch.base, staged.events, { resolved: [...batch.resolved], dry: true })
    expect(conflict.result).toBe('conflict')
    if (conflict.result !== 'conflict') return
    expect(conflict.conflict.theirs.seqNo).toBe(8)
    const committed = await target.rebase(batch.base, staged.events, { resolved: [8] })
    expect(committed).toMatchObject({ result: 'ok', events: [{ seqNo: 9 }] })
    const record = recordMerge(copy, await fork.currentSeqNo(), { upTo: batch.upTo, firstSeqNo: 9, lastSeqNo: 9, resolved: [8] })
    expect(record).toMatchObject({ mergedUpTo: 8, resolved: [8, 9] })

    // A second merge right away takes nothing; a newer correction alone, without conflicting with the first merge.
    expect((await collectMerge(fork, record)).events).toEqual([])
    await appendEvents(copy, [fix('Neuromancer', 'Cyberpunk')])
    const second = await collectMerge(fork, requireForkRecord(copy))
    expect(second).toMatchObject({ base: 8, resolved: [8, 9], upTo: 9 })
    expect(second.events).toHaveLength(1)
    const again = parseStaged(second.events.map((e) => e.edn))
    if (!again.ok) throw new Error('not staged')
    expect(await target.rebase(second.base, again.events, { resolved: [...second.resolved] })).toMatchObject({ result: 'ok', events: [{ seqNo: 10 }] })
    expect(() => recordMerge(copy, 9, { upTo: 8, firstSeqNo: 10, lastSeqNo: 10, resolved: [] })).toThrow(ServiceError)
  })

  it('carries effects and the triggers of actions, in order', async () => {
    await forkStore(await opened(origin), { kind: 'sqlite', path: origin }, copy)
    await appendEvents(copy, [
      `{:timestamp ${T}, :source :studio, :effect {:reason :key-lost, :trigger [:encryption-key 1]}}`,
      `{:timestamp ${T}, :source :studio, :action {:reason :pay, :actor [:user "carol"], :aggregate [:receipt 3], :patch {:assoc {:total 5}}}, :triggers #{[:encryption-key 3]}}`
    ])
    const batch = await collectMerge(await opened(copy), requireForkRecord(copy))
    expect(batch.events.map((e) => e.summary)).toEqual([
      'effect :key-lost on [:encryption-key 1]',
      ':pay [:receipt 3] by [:user "carol"]: assoc :total 5 (triggered by [:encryption-key 3])'
    ])
    expect(batch.events[1].edn).toContain(':triggers #{[:encryption-key 3]}')
  })

  it('says plainly that a store without a sidecar is not a fork', () => {
    expect(() => requireForkRecord(origin)).toThrow(/is not a fork/)
    writeFileSync(sidecarPath(origin), '{"version": 2}')
    expect(() => readForkRecord(origin)).toThrow(/is not a fork record/)
  })
})

describe('import a batch', () => {
  for (const format of ['edn', 'json'] as const) {
    it(`an exported ${format.toUpperCase()} batch imports as the same events, one summary line each`, async () => {
      const store = await opened(origin)
      const path = join(dir.path, `batch.${format}`)
      await storeQueries.exportEvents({ store, progress: () => undefined }, { format, path })
      const imported = importBatch(path)
      if (imported.result !== 'ok') throw new Error(imported.problems.join('\n'))
      expect(imported.format).toBe(format)
      expect(imported.events).toHaveLength(7)
      const expected = await collectMerge(store, { version: 1, origin: { kind: 'sqlite', path: origin }, tables: store.tables, forkSeqNo: 0, mergedUpTo: 0, resolved: [], forkedAt: '' })
      expect(imported.events).toEqual(expected.events)
    })
  }

  it('refuses invalid events with a sentence per problem, and files that are not batches', () => {
    const bad = join(dir.path, 'bad.edn')
    writeFileSync(bad, `[{:timestamp ${T}, :source :s, :action {:reason :x, :actor [:user "a"], :aggregate [:book "N"]}}]`)
    const outcome = importBatch(bad)
    expect(outcome.result).toBe('invalid')
    if (outcome.result === 'invalid') expect(outcome.problems).toEqual(['Event 1: :action :patch is missing; it must be a map with :assoc and/or :dissoc.'])
    writeFileSync(bad, '{:not "a vector"}')
    expect(importBatch(bad)).toMatchObject({ result: 'invalid', problems: [expect.stringMatching(/not a vector of events/)] })
    expect(() => importBatch(join(dir.path, 'missing.edn'))).toThrow(/cannot be read/)
    expect(existsSync(join(dir.path, 'missing.edn'))).toBe(false)
  })
})
