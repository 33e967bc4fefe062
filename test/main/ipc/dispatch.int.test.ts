/**
 * The IPC entry point with the real store host (worker threads), real store
 * files, the real recent-files list and scripted native dialogs: what the
 * window can ask for, and what it is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_TABLES, SINGULAR_TABLES } from '../../../src/shared/domain'
import type { IpcResult } from '../../../src/shared/ipc/errors'
import type { ChosenLocation, StoreInfo } from '../../../src/shared/ipc/types'
import { JsonRecentFiles } from '../../../src/main/app/recent-files'
import { JsonRecentConnections } from '../../../src/main/app/recent-connections'
import { keyedSecretBox } from '../../helpers/secret-box'
import { startupOnce } from '../../../src/main/app/launch'
import type { IpcDeps } from '../../../src/main/ipc/deps'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { ChosenLocations } from '../../../src/main/ipc/locations'
import { createStoreFile } from '../../helpers/store-files'
import { ScriptedDialogs } from '../../helpers/scripted-dialogs'
import { bookEdn, makeBookStore, sha256, tempDir } from '../../helpers/stores'
import { recordingListener, startTestHost } from '../../helpers/test-host'

let dir: ReturnType<typeof tempDir>
let deps: IpcDeps
let dialogs: ScriptedDialogs

const call = (channel: string, payload: unknown, trusted = true): Promise<IpcResult<unknown>> => dispatch(deps, channel, payload, trusted)
async function value<T>(channel: string, payload: unknown): Promise<T> {
  const result = await call(channel, payload)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}
/** The user picks `path` in File ▸ Open (or, with `create`, in File ▸ New store): its location token. */
async function choose(path: string, create = false): Promise<string> {
  if (create) dialogs.willCreate(path)
  else dialogs.willOpen(path)
  return (await value<ChosenLocation>(create ? 'dialog:new-store' : 'dialog:open-store', {})).location
}
const open = async (path: string): Promise<StoreInfo> => value<StoreInfo>('store:open', { location: await choose(path) })

beforeEach(async () => {
  dir = tempDir('ipc')
  dialogs = new ScriptedDialogs()
  deps = {
    host: await startTestHost(recordingListener().listener),
    dialogs,
    recent: new JsonRecentFiles(join(dir.path, 'user-data', 'recent-files.json')),
    connections: new JsonRecentConnections(join(dir.path, 'user-data', 'recent-connections.json'), keyedSecretBox()),
    locations: new ChosenLocations(),
    startup: startupOnce([join(dir.path, 'from-argv.db')], null, 'linux', '0.0.0')
  }
})
afterEach(async () => {
  await deps.host.closeAll()
  dir.remove()
})

describe('opening', () => {
  it('opens a store read-only with its seq-no and counts, and remembers it', async () => {
    const path = await makeBookStore(dir.path, 'books.db', ['Neuromancer', 'Count Zero', 'Mona Lisa Overdrive'])
    const info = await open(path)
    expect(info).toMatchObject({ path, locked: true, seqNo: 3 })
    expect(await value('store:counts', { storeId: info.storeId })).toMatchObject({ events: 3, actions: 3, effects: 0, triggers: 0 })
    expect(await value('app:recent', {})).toEqual([{ path, location: expect.stringMatching(/^loc-/), openedAt: expect.any(Number) }])
  })

  it('detects every table set of a file, opens the chosen one, and remembers custom names', async () => {
    const path = await makeBookStore(dir.path, 'two-sets.db', ['Dune'])
    await (await createStoreFile(path, SINGULAR_TABLES)).close()
    const location = await choose(path)
    expect(await value('store:detect-tables', { location })).toEqual(expect.arrayContaining([DEFAULT_TABLES, SINGULAR_TABLES]))
    const info = await value<StoreInfo>('store:open', { location, tables: SINGULAR_TABLES })
    expect(info).toMatchObject({ tables: SINGULAR_TABLES, seqNo: 0 })
    expect(await value('app:recent', {})).toEqual([{ path, location, tables: SINGULAR_TABLES, openedAt: expect.any(Number) }])
  })

  it('gives a plain message for a file that is not a store and leaves it byte-identical', async () => {
    const path = join(dir.path, 'photo.jpg')
    writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)))
    const before = sha256(path)
    const location = await choose(path)
    for (const channel of ['store:detect-tables', 'store:open']) {
      const result = await call(channel, { location })
      expect(result).toEqual({ ok: false, error: { code: 'not-a-store', message: expect.stringMatching(/is not an SQLite database/) } })
    }
    expect(sha256(path)).toBe(before)
    expect(await value('store:list', {})).toEqual([])
    expect(await value('app:recent', {})).toEqual([])
  })

  it('says plainly that a missing file does not exist, and does not create it', async () => {
    const path = join(dir.path, 'missing.db')
    expect(await call('store:open', { location: await choose(path) })).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringContaining('does not exist') } })
    expect(existsSync(path)).toBe(false)
  })

  it('creates a store with custom table names, opened locked', async () => {
    const path = join(dir.path, 'new.db')
    const tables = { event: 'ev', action: 'act', effect: 'eff', trigger: 'trg' }
    expect(await value('store:create', { location: await choose(path, true), tables })).toMatchObject({ path, tables, locked: true, seqNo: 0 })
  })

  it('hands the launch files out once, so a reloaded window does not reopen them', async () => {
    expect(await value('app:startup', {})).toMatchObject({ files: [{ path: join(dir.path, 'from-argv.db'), location: expect.stringMatching(/^loc-/) }], platform: 'linux' })
    expect(await value('app:startup', {})).toMatchObject({ files: [] })
  })

  it('asks the native dialogs and passes a cancel on as null', async () => {
    dialogs.willOpen('/somewhere/store.db')
    expect(await value('dialog:open-store', {})).toEqual({ path: '/somewhere/store.db', location: expect.stringMatching(/^loc-[0-9a-f]{32}$/) })
    expect(await value('dialog:open-store', {})).toBeNull()
    dialogs.willCreate('/somewhere/new.db')
    expect(await value('dialog:new-store', {})).toEqual({ path: '/somewhere/new.db', location: expect.stringMatching(/^loc-/) })
  })
})

describe('writing', () => {
  it('refuses a write to a locked store in main, before the store is asked, leaving the file unchanged', async () => {
    const path = await makeBookStore(dir.path, 'locked.db', ['Dune'])
    const { storeId } = await open(path)
    const before = sha256(path)
    const result = await call('store:rebase', { storeId, eventsEdn: `[${bookEdn('Emma')}]`, base: 2 })
    expect(result).toEqual({ ok: false, error: { code: 'store-locked', message: expect.stringContaining('Unlock it') } })
    expect(sha256(path)).toBe(before)
    expect(await value('store:info', { storeId })).toMatchObject({ seqNo: 1 })
  })

  it('writes once unlocked, and refuses again after locking', async () => {
    const path = await makeBookStore(dir.path, 'rw.db', ['Dune'])
    const { storeId } = await open(path)
    dialogs.willConfirmUnlock()
    expect(await value('store:unlock', { storeId })).toMatchObject({ locked: false })
    expect(dialogs.unlockQuestions).toEqual(['rw.db'])
    expect(await value('store:rebase', { storeId, eventsEdn: `[${bookEdn('Emma')}]`, base: 2 })).toMatchObject({ result: 'ok', seqNo: 2 })
    expect(await value('store:lock', { storeId })).toMatchObject({ locked: true })
    expect(await call('store:rebase', { storeId, eventsEdn: `[${bookEdn('Ulysses')}]`, base: 3 })).toMatchObject({ ok: false, error: { code: 'store-locked' } })
  })

  it('refuses to unlock a store whose file is read-only', async () => {
    const path = await makeBookStore(dir.path, 'ro.db', ['Dune'])
    chmodSync(path, 0o444)
    const { storeId } = await open(path)
    expect(await call('store:unlock', { storeId })).toEqual({ ok: false, error: { code: 'read-only', message: expect.stringContaining('read-only file') } })
    expect(await value('store:info', { storeId })).toMatchObject({ locked: true, fileReadOnly: true })
  })
})

describe('refused requests', () => {
  it.each([
    ['a location that is not a string', 'store:open', { location: 42 }],
    ['a path instead of a location', 'store:open', { path: '/tmp/x.db' }],
    ['a path where the location goes', 'store:open', { location: '/tmp/x.db' }],
    ['an unknown key', 'store:open', { location: `loc-${'0'.repeat(32)}`, readOnly: false }],
    ['no payload at all', 'store:info', undefined],
    ['a store id of the wrong shape', 'store:info', { storeId: '../s1' }],
    ['a page limit out of range', 'store:page', { storeId: 's1', limit: 1_000_000 }],
    ['a negative base', 'store:rebase', { storeId: 's1', eventsEdn: '[]', base: -1 }],
    ['table names that are not strings', 'store:create', { location: `loc-${'0'.repeat(32)}`, tables: { event: 1, action: 'a', effect: 'b', trigger: 'c' } }]
  ])('rejects %s with invalid-request and runs nothing', async (_what, channel, payload) => {
    const result = await call(channel, payload)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining(`The ${channel} request is invalid`) } })
    expect(await value('store:list', {})).toEqual([])
    expect(existsSync('/tmp/x.db')).toBe(false)
  })

  it('rejects a channel that is not in the contract', async () => {
    expect(await call('shell:open-external', { url: 'https://example.com' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('ignores a request from an untrusted sender without running it', async () => {
    const path = join(dir.path, 'never.db')
    expect(await call('store:create', { location: await choose(path, true), tables: DEFAULT_TABLES }, false)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(existsSync(path)).toBe(false)
  })

  it('answers a request for a store that is not open with not-open', async () => {
    expect(await call('store:info', { storeId: 's99' })).toMatchObject({ ok: false, error: { code: 'not-open', message: expect.stringContaining('not open') } })
  })
})
