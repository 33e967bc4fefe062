import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtempSync, writeFileSync, readFileSync, chmodSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/handlers'
import { StoreRegistry } from '../../../src/main/ipc/registry'
import type { StoreInfo } from '../../../src/shared/ipc/contract'

const book = (title: string) =>
  `{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, ` +
  `:action {:reason :create, :actor [:user "alice"], :aggregate [:book "${title}"], :patch {:assoc {:genre "SciFi"}}}}`

let dir: string
let ctx: HandlerContext
const call = (channel: string, payload: unknown, sender = true) => dispatch(ctx, channel, payload, sender)
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

async function createWithEvents(name: string, titles: string[]): Promise<StoreInfo> {
  const created = await call('store:create', { path: join(dir, name) })
  if (!created.ok) throw new Error(created.error.message)
  const { storeId } = created.value as StoreInfo
  await call('store:unlock', { storeId })
  const r = await call('store:rebase', { storeId, eventsEdn: `[${titles.map(book).join(' ')}]`, base: 1 })
  if (!r.ok) throw new Error(r.error.message)
  const locked = await call('store:lock', { storeId })
  return (locked as { value: StoreInfo }).value
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipc-'))
  const recent: string[] = []
  ctx = { registry: new StoreRegistry(), recent: () => recent, remember: (p) => recent.unshift(p) }
})
afterEach(async () => {
  await ctx.registry.closeAll()
  rmSync(dir, { recursive: true, force: true })
})

describe('IPC handlers', () => {
  it('opens a store read-only with its seq-no and counts', async () => {
    await createWithEvents('a.db', ['Neuromancer', 'Dune', 'Solaris'])
    const r = await call('store:open', { path: join(dir, 'a.db') })
    expect(r.ok).toBe(true)
    const info = (r as { value: StoreInfo }).value
    expect(info.readOnly).toBe(true)
    expect(info.seqNo).toBe(3)
    expect(info.counts.actions).toBe(3)
    expect(ctx.recent()).toContain(join(dir, 'a.db'))
  })

  it('refuses a write to a locked store in main', async () => {
    const info = await createWithEvents('b.db', ['Dune'])
    const r = await call('store:rebase', { storeId: info.storeId, eventsEdn: `[${book('Emma')}]`, base: 2 })
    expect(r).toEqual({ ok: false, error: { code: 'locked', message: expect.stringContaining('locked') } })
    expect((await call('store:info', { storeId: info.storeId }) as { value: StoreInfo }).value.seqNo).toBe(1)
  })

  it('rejects an invalid payload with a typed error and does not run it', async () => {
    const r = await call('store:open', { path: 42 })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('invalid-request')
    expect(ctx.registry.ids()).toEqual([])
    const unknown = await call('shell:exec', {})
    expect(!unknown.ok && unknown.error.code).toBe('unknown-channel')
  })

  it('rejects a request from an untrusted sender', async () => {
    await createWithEvents('c.db', ['Dune'])
    const r = await call('store:open', { path: join(dir, 'c.db') }, false)
    expect(!r.ok && r.error.code).toBe('forbidden-sender')
  })

  it('gives a plain message for a non-store file and leaves it byte-identical', async () => {
    const path = join(dir, 'notes.txt')
    writeFileSync(path, 'just some notes, not a database\n'.repeat(100))
    const before = sha(path)
    const r = await call('store:open', { path })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('not-a-store')
    expect(!r.ok && r.error.message).toMatch(/not/)
    expect(sha(path)).toBe(before)
  })

  it('refuses to unlock a store whose file is read-only', async () => {
    const info = await createWithEvents('d.db', ['Dune'])
    chmodSync(join(dir, 'd.db'), 0o444)
    const r = await call('store:unlock', { storeId: info.storeId })
    expect(!r.ok && r.error.code).toBe('read-only')
    expect(!r.ok && r.error.message).toContain('read-only')
  })

  it('pages the last events', async () => {
    const info = await createWithEvents('e.db', ['A', 'B', 'C', 'D'])
    const r = await call('store:page', { storeId: info.storeId, limit: 2, before: 5 })
    expect(r.ok && (r.value as { rows: { seqNo: number }[] }).rows.map((x) => x.seqNo)).toEqual([3, 4])
  })
})
