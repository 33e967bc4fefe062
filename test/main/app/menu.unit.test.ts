import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate, type MenuContext } from '../../../src/main/app/menu'
import { osRecentDocumentsSync } from '../../../src/main/app/recent-menu'
import type { AppCommandEvent, RecentConnection, RecentFile } from '../../../src/shared/ipc/types'

type RecordingContext = MenuContext & { sent: AppCommandEvent[]; opened: (RecentFile | RecentConnection)[]; cleared: number }

function context(overrides: Partial<MenuContext> = {}): RecordingContext {
  const sent: AppCommandEvent[] = []
  const opened: (RecentFile | RecentConnection)[] = []
  const ctx: RecordingContext = {
    platform: 'linux',
    recent: [],
    connections: [],
    demoAvailable: true,
    development: false,
    sent,
    opened,
    cleared: 0,
    send: (c: AppCommandEvent) => sent.push(c),
    openRecent: (file) => opened.push(file),
    openRecentConnection: (connection) => opened.push(connection),
    clearRecent: () => ctx.cleared++,
    ...overrides
  }
  return ctx
}

function search(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | null {
  for (const item of items) {
    if (item.label === label) return item
    const inner = Array.isArray(item.submenu) ? search(item.submenu, label) : null
    if (inner) return inner
  }
  return null
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = search(items, label)
  if (!item) throw new Error(`no menu item ${label}`)
  return item
}

const click = (item: MenuItemConstructorOptions): void => (item.click as () => void)()

describe('the application menu', () => {
  it('sends each File command to the window, showing shortcuts the window handles itself', () => {
    const ctx = context()
    const items = menuTemplate(ctx)
    for (const label of ['Open Store…', 'New Store…', 'Open Demo Store', 'Fork to a File…', 'Merge Fork into Origin…', 'Import Batch…', 'Close Store']) click(find(items, label))
    expect(ctx.sent.map((c) => c.command)).toEqual(['open-store', 'new-store', 'open-demo', 'fork-store', 'merge-fork', 'import-batch', 'close-store'])
    expect(find(items, 'Open Store…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false })
    expect(find(items, 'Command Palette…')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false })
  })

  it('lists recent files and connections under Open Recent, masked, and clears both', () => {
    const file: RecentFile = { path: '/data/books.db', openedAt: 3 }
    const sealed: RecentConnection = { id: 'c0123456789abcdef', label: 'alice@db.example/shop', hasPassword: true, openedAt: 2 }
    const asking: RecentConnection = { id: 'cfedcba9876543210', label: 'bob@db.example/audit', hasPassword: false, openedAt: 1 }
    const ctx = context({ recent: [file], connections: [sealed, asking] })
    const openRecent = find(menuTemplate(ctx), 'Open Recent').submenu as MenuItemConstructorOptions[]
    expect(openRecent.map((item) => item.label ?? item.type)).toEqual([
      '/data/books.db',
      'separator',
      'alice@db.example/shop',
      'bob@db.example/audit…', // connecting asks for the password: the item opens a dialog
      'separator',
      'Clear Recently Opened'
    ])
    for (const item of openRecent) if (item.click) click(item)
    expect(ctx.opened).toEqual([file, sealed, asking])
    expect(ctx.cleared).toBe(1)
  })

  it('says when there is nothing recent, and lists connections alone without a stray separator', () => {
    expect(find(menuTemplate(context()), 'Open Recent').submenu).toEqual([{ label: 'No Recent Stores', enabled: false }])
    const only: RecentConnection = { id: 'c0123456789abcdef', label: 'alice@db.example/shop', hasPassword: true, openedAt: 2 }
    const items = find(menuTemplate(context({ connections: [only] })), 'Open Recent').submenu as MenuItemConstructorOptions[]
    expect(items.map((item) => item.label ?? item.type)).toEqual(['alice@db.example/shop', 'separator', 'Clear Recently Opened'])
  })

  it('keeps the OS recent documents in step on macOS and Windows only: opened files added, a cleared list cleared', () => {
    const calls: string[] = []
    const os = { addRecentDocument: (path: string) => calls.push(`add ${path}`), clearRecentDocuments: () => calls.push('clear') }
    const follow = osRecentDocumentsSync(os, 'darwin', [{ path: '/a.db', openedAt: 5 }])
    follow([{ path: '/a.db', openedAt: 5 }]) // unchanged (e.g. another file forgotten): nothing to add
    follow([{ path: '/b.db', openedAt: 6 }, { path: '/a.db', openedAt: 5 }])
    follow([{ path: '/a.db', openedAt: 5 }]) // /b.db forgotten: /a.db is not opened again
    follow([{ path: '/a.db', openedAt: 7 }])
    follow([])
    expect(calls).toEqual(['add /b.db', 'add /a.db', 'clear'])
    const linux: string[] = []
    const onLinux = osRecentDocumentsSync({ addRecentDocument: (p) => linux.push(p), clearRecentDocuments: () => linux.push('clear') }, 'linux', [])
    onLinux([{ path: '/c.db', openedAt: 9 }])
    onLinux([])
    expect(linux).toEqual([])
  })

  it('has the macOS app menu only on macOS, and developer items only in development', () => {
    expect(menuTemplate(context({ platform: 'darwin' }))[0]).toEqual({ role: 'appMenu' })
    expect(menuTemplate(context())[0].label).toBe('File')
    const roles = (ctx: MenuContext): unknown[] => JSON.stringify(menuTemplate(ctx)).match(/"role":"\w+"/g) ?? []
    expect(roles(context({ development: true }))).toContain('"role":"toggleDevTools"')
    expect(roles(context())).not.toContain('"role":"toggleDevTools"')
  })
})
