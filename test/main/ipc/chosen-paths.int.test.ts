/**
 * The window cannot name paths: store channels act only on locations main
 * issued for files the user chose (dialogs, drops, the recent list, the
 * command line), and unlocking needs the user's click in main's own dialog.
 * Each case sends what a compromised page could send and proves nothing was
 * read, created or changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DEFAULT_TABLES } from '../../../src/shared/domain'
import type { ChosenLocation, StoreInfo } from '../../../src/shared/ipc/types'
import { createBridge } from '../../../src/preload/api'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { bookEdn, makeBookStore, sha256 } from '../../helpers/stores'

let ipc: IpcHarness
const forged = `loc-${'7'.repeat(32)}`

beforeEach(async () => {
  ipc = await startIpc('chosen-paths')
})
afterEach(async () => {
  await ipc.close()
})

/** One sentence: a single line ending in a full stop, no stack. */
const oneSentence = expect.stringMatching(/^[^\n]+\.$/)

describe('paths the user did not choose', () => {
  it('refuses a raw path on every store channel with one sentence, touching nothing', async () => {
    const target = join(ipc.dir.path, 'never.db')
    for (const [channel, payload] of [
      ['store:open', { path: target }],
      ['store:detect-tables', { path: target }],
      ['store:create', { path: target, tables: DEFAULT_TABLES }]
    ] as const) {
      const error = await ipc.failure(channel, payload)
      expect(error).toEqual({ code: 'invalid-request', message: oneSentence })
    }
    expect(existsSync(target)).toBe(false)
    expect(await ipc.value('store:list', {})).toEqual([])
  })

  it('refuses a location token main never issued, and cannot create through it', async () => {
    const target = join(ipc.dir.path, 'forged.db')
    const open = await ipc.failure('store:open', { location: forged })
    const create = await ipc.failure('store:create', { location: forged, tables: DEFAULT_TABLES })
    expect(open).toEqual({ code: 'not-chosen', message: oneSentence })
    expect(open.message).toContain('did not let you choose that file')
    expect(create).toMatchObject({ code: 'not-chosen' })
    expect(existsSync(target)).toBe(false)
    expect(await ipc.value('app:recent', {})).toEqual([])
  })

  it('cannot probe whether a path exists or is SQLite: detect-tables answers every unissued token alike', async () => {
    const sqlite = join(ipc.dir.path, 'secret.db')
    new Database(sqlite).exec('CREATE TABLE t (x)')
    const before = sha256(sqlite)
    const answers = [await ipc.failure('store:detect-tables', { location: forged }), await ipc.failure('store:detect-tables', { location: `loc-${'8'.repeat(32)}` })]
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0].code).toBe('not-chosen')
    // Nothing was started: no progress event for a detection.
    expect(ipc.hostEvents.progress.filter((e) => e.operation === 'detect-tables')).toEqual([])
    expect(sha256(sqlite)).toBe(before)
  })

  it('does not let a token chosen for opening create tables in that file', async () => {
    const sqlite = join(ipc.dir.path, 'other-app.db')
    new Database(sqlite).exec('CREATE TABLE notes (x)')
    const before = sha256(sqlite)
    const { location } = await ipc.choose(sqlite)
    expect(await ipc.failure('store:create', { location, tables: DEFAULT_TABLES })).toMatchObject({ code: 'not-chosen', message: oneSentence })
    expect(sha256(sqlite)).toBe(before)
  })

  it('opens and creates through locations from main: dialogs, the recent list', async () => {
    const books = await makeBookStore(ipc.dir.path, 'books.db', ['Dune'])
    const opened = await ipc.open(books)
    expect(opened).toMatchObject({ path: books, seqNo: 1 })
    await ipc.value('store:close', { storeId: opened.storeId })
    const [recent] = await ipc.value<(ChosenLocation & { path: string })[]>('app:recent', {})
    expect(await ipc.value<StoreInfo>('store:open', { location: recent.location })).toMatchObject({ path: books })
    ipc.dialogs.willCreate(join(ipc.dir.path, 'new.db'))
    const { location } = await ipc.value<ChosenLocation>('dialog:new-store', {})
    expect(await ipc.value('store:create', { location, tables: DEFAULT_TABLES })).toMatchObject({ path: join(ipc.dir.path, 'new.db'), seqNo: 0 })
  })
})

describe('dropped files', () => {
  it('takes a dropped file that exists, and refuses a folder or a missing path without creating it', async () => {
    const books = await makeBookStore(ipc.dir.path, 'dropped.db', ['Dune'])
    const chosen = await ipc.value<ChosenLocation>('app:dropped-file', { path: books })
    expect(await ipc.value('store:open', { location: chosen.location })).toMatchObject({ path: books })
    const folder = join(ipc.dir.path, 'folder')
    mkdirSync(folder)
    const missing = join(ipc.dir.path, 'missing.db')
    for (const path of [folder, missing]) expect(await ipc.failure('app:dropped-file', { path })).toMatchObject({ code: 'not-found', message: oneSentence })
    expect(existsSync(missing)).toBe(false)
  })

  it('the bridge keeps the drop channel from the page and sends only the path of a real dropped File', async () => {
    const sent: unknown[] = []
    const paths = new WeakMap<object, string>()
    const bridge = createBridge({
      invoke: async (channel, request) => {
        sent.push([channel, request])
        return { ok: true, value: null }
      },
      subscribe: () => () => undefined,
      pathForFile: (file) => paths.get(file) ?? ''
    })
    const real = { name: 'real.db', size: 1, type: '', lastModified: 0 }
    paths.set(real, '/data/real.db')
    const made = { name: 'real.db', size: 1, type: '', lastModified: 0 }
    expect(await bridge.invoke('app:dropped-file' as never, { path: '/etc/passwd' } as never)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await bridge.droppedFile(made)).toMatchObject({ ok: false, error: { code: 'not-chosen' } })
    await bridge.droppedFile(real)
    expect(sent).toEqual([['app:dropped-file', { path: '/data/real.db' }]])
  })
})

describe('unlocking', () => {
  it('refuses to unlock without the confirmation in main’s dialog, and writes stay refused', async () => {
    const path = await makeBookStore(ipc.dir.path, 'guarded.db', ['Dune'])
    const { storeId } = await ipc.open(path)
    const before = sha256(path)
    // No answer scripted: the dialog is dismissed. Then the user clicks "Keep read-only".
    expect(await ipc.failure('store:unlock', { storeId })).toEqual({ code: 'cancelled', message: 'guarded.db stays read-only: unlocking was not confirmed.' })
    ipc.dialogs.willConfirmUnlock(false)
    expect(await ipc.failure('store:unlock', { storeId })).toMatchObject({ code: 'cancelled' })
    expect(ipc.dialogs.unlockQuestions).toEqual(['guarded.db', 'guarded.db'])
    expect(await ipc.value('store:info', { storeId })).toMatchObject({ locked: true })
    expect(await ipc.failure('store:rebase', { storeId, eventsEdn: `[${bookEdn('Emma')}]`, base: 2 })).toMatchObject({ code: 'store-locked' })
    expect(sha256(path)).toBe(before)
    ipc.dialogs.willConfirmUnlock(true)
    expect(await ipc.value('store:unlock', { storeId })).toMatchObject({ locked: false })
  })
})
