import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate, type MenuContext } from '../../../src/main/app/menu'
import type { AppCommandEvent } from '../../../src/shared/ipc/types'

type RecordingContext = MenuContext & { sent: AppCommandEvent[]; opened: string[]; cleared: number }

function context(overrides: Partial<MenuContext> = {}): RecordingContext {
  const sent: AppCommandEvent[] = []
  const opened: string[] = []
  const ctx: RecordingContext = {
    platform: 'linux',
    recent: [],
    demoAvailable: true,
    development: false,
    sent,
    opened,
    cleared: 0,
    send: (c: AppCommandEvent) => sent.push(c),
    openRecent: (path: string) => opened.push(path),
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
    for (const label of ['Open Store…', 'New Store…', 'Open Demo Store', 'Close Store']) click(find(items, label))
    expect(ctx.sent.map((c) => c.command)).toEqual(['open-store', 'new-store', 'open-demo', 'close-store'])
    expect(find(items, 'Open Store…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false })
    expect(find(items, 'Command Palette…')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false })
  })

  it('lists recent files and clears them', () => {
    const ctx = context({ recent: [{ path: '/data/books.db', openedAt: 1 }] })
    const items = menuTemplate(ctx)
    click(find(items, '/data/books.db'))
    click(find(items, 'Clear Recent Files'))
    expect(ctx.opened).toEqual(['/data/books.db'])
    expect(ctx.cleared).toBe(1)
    expect(find(menuTemplate(context()), 'No recent files')).toMatchObject({ enabled: false })
  })

  it('has the macOS app menu only on macOS, and developer items only in development', () => {
    expect(menuTemplate(context({ platform: 'darwin' }))[0]).toEqual({ role: 'appMenu' })
    expect(menuTemplate(context())[0].label).toBe('File')
    const roles = (ctx: MenuContext): unknown[] => JSON.stringify(menuTemplate(ctx)).match(/"role":"\w+"/g) ?? []
    expect(roles(context({ development: true }))).toContain('"role":"toggleDevTools"')
    expect(roles(context())).not.toContain('"role":"toggleDevTools"')
  })
})
