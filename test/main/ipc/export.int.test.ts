/**
 * Export through the real dispatch, store host and worker, with the save
 * dialog scripted: the file read back (readEdnAll / JSON.parse) equals the
 * store's events for the filter, printed exactly as the library prints them;
 * cancelling writes nothing; an unreadable row stops the export naming its
 * seq-no and leaves no file behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { EventFilter } from '../../../src/shared/browse'
import type { ExportOutcome } from '../../../src/shared/export'
import type { IpcResult } from '../../../src/shared/ipc/errors'
import type { EdnValue } from '../../../src/shared/edn-value'
import { eventToEdn } from '../../../src/main/core/domain'
import { ednToJson, printEdn, readEdnAll } from '../../../src/main/core/edn'
import { openStoreFile } from '../../helpers/store-files'
import { eventFromRow } from '../../../src/main/store/row-event'
import { createDemoStore } from '../../../scripts/demo'
import { ScriptedDialogs } from '../../helpers/scripted-dialogs'
import { makeWalkthroughStore, tempDir } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { type HostEvents } from '../../helpers/test-host'

let ipc: IpcHarness
const call = <T,>(channel: string, payload: unknown): Promise<IpcResult<T>> => ipc.call<T>(channel, payload)
const value = <T,>(channel: string, payload: unknown): Promise<T> => ipc.value<T>(channel, payload)
let dir: IpcHarness['dir']
let out: ReturnType<typeof tempDir>
let dialogs: ScriptedDialogs
let hostEvents: HostEvents
let demo: { path: string; storeId: string }
let walkthrough: { path: string; storeId: string }


/** The store's own events for `filter`: every matching row (keyset pages, each row with its triggers), as EDN. */
async function expected(path: string, filter: EventFilter): Promise<EdnValue[]> {
  const store = await openStoreFile(path, { readOnly: true })
  try {
    const events: EdnValue[] = []
    let after: number | undefined
    for (;;) {
      const page = await store.pageEvents({ filter, limit: 500, ...(after !== undefined ? { after } : {}) })
      for (const row of page.rows) {
        const full = await store.eventRow(row.seqNo)
        events.push(eventToEdn(eventFromRow(full!, store.tables)))
      }
      if (!page.hasMoreAfter) return events
      after = page.rows[page.rows.length - 1].seqNo
    }
  } finally {
    await store.close()
  }
}

beforeAll(async () => {
  ipc = await startIpc('export')
  ;({ dir, dialogs, hostEvents } = ipc)
  out = tempDir('export-out')
  const demoPath = join(dir.path, 'demo.db')
  await createDemoStore(demoPath)
  const walkthroughPath = await makeWalkthroughStore(dir.path)
  demo = { path: demoPath, storeId: (await ipc.open(demoPath)).storeId }
  walkthrough = { path: walkthroughPath, storeId: (await ipc.open(walkthroughPath)).storeId }
}, 120_000)
afterAll(async () => {
  await ipc.close()
  out.remove()
})

describe('export as EDN', () => {
  it('writes the filtered events as one vector printed exactly as the library prints it', async () => {
    const filter: EventFilter = { reason: ':create', aggregateKind: ':book' }
    const file = join(out.path, 'books.edn')
    dialogs.willExportTo(file)
    const outcome = await value<ExportOutcome>('store:export', { storeId: demo.storeId, filter, format: 'edn', filtered: true })
    const events = await expected(demo.path, filter)
    expect(events.length).toBeGreaterThan(100)
    expect(outcome).toEqual({ result: 'ok', path: file, format: 'edn', events: events.length, bytes: readFileSync(file).length })
    expect(dialogs.exportSuggestions.at(-1)).toBe('demo-filtered-events.edn')
    const text = readFileSync(file, 'utf8')
    expect(text).toBe(`[${events.map((e) => printEdn(e)).join(' ')}]\n`)
    const [vector, ...rest] = readEdnAll(text)
    expect(rest).toEqual([])
    expect(vector.t === 'vec' && vector.items.map((e) => printEdn(e))).toEqual(events.map((e) => printEdn(e)))
    const progress = hostEvents.progress.filter((p) => p.operation === 'export' && p.storeId === demo.storeId)
    expect(progress.at(-1)).toMatchObject({ finished: true })
  })

  it('exports a whole store: actions with their triggers as sets, and effects', async () => {
    const file = join(out.path, 'walkthrough.edn')
    dialogs.willExportTo(file)
    const outcome = await value<ExportOutcome>('store:export', { storeId: walkthrough.storeId, format: 'edn' })
    expect(outcome).toMatchObject({ result: 'ok', events: 7 })
    expect(dialogs.exportSuggestions.at(-1)).toBe('walkthrough-events.edn')
    const text = readFileSync(file, 'utf8')
    expect(text).toContain(':triggers #{[:encryption-key 1]}}')
    expect(text).toContain(':effect {:reason :key-expired, :trigger [:encryption-key 1]}}')
    expect(text).toBe(`[${(await expected(walkthrough.path, {})).map((e) => printEdn(e)).join(' ')}]\n`)
  })
})

describe('export as JSON', () => {
  it('writes the events as a JSON array equal to the store events', async () => {
    const filter: EventFilter = { type: 'effect' }
    const file = join(out.path, 'effects.json')
    dialogs.willExportTo(file)
    const outcome = await value<ExportOutcome>('store:export', { storeId: demo.storeId, filter, format: 'json', filtered: true })
    const events = await expected(demo.path, filter)
    expect(outcome).toMatchObject({ result: 'ok', events: events.length, format: 'json' })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(events.map((e) => ednToJson(e)))
  })
})

describe('nothing half-written', () => {
  it('writes nothing when the dialog is cancelled', async () => {
    dialogs.willExportTo(null)
    const before = readdirSync(out.path)
    expect(await value('store:export', { storeId: demo.storeId, format: 'edn' })).toEqual({ result: 'cancelled' })
    expect(readdirSync(out.path)).toEqual(before)
  })

  it('stops at an unreadable row, names its seq-no, and leaves no file', async () => {
    const broken = await makeWalkthroughStore(dir.path, 'broken.db')
    const db = new Database(broken)
    db.prepare('UPDATE "actions" SET "patch" = ? WHERE "seq_no" = 4').run('{:assoc {:a 1}')
    db.close()
    const { storeId } = await ipc.open(broken)
    const target = join(out.path, 'broken.edn')
    dialogs.willExportTo(target)
    const result = await call('store:export', { storeId, format: 'edn' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-cell')
      expect(result.error.message).toMatch(/^Event 4 cannot be read, so the export stopped and wrote no file\. .*patch/)
    }
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(out.path).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('says so when the place cannot be written', async () => {
    dialogs.willExportTo(join(out.path, 'no-such-folder', 'x.edn'))
    const result = await call('store:export', { storeId: walkthrough.storeId, format: 'edn' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/cannot be written in .*no-such-folder.*Choose another place/)
  })
})
