/**
 * The application menu. Every item sends a command to the window, which runs
 * the same flow as its button, shortcut or command-palette entry. Shortcuts
 * the window handles itself are shown but not registered (Linux/Windows), so
 * one key press never runs an action twice.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommandEvent, RecentConnection, RecentFile } from '../../shared/ipc/types'

/** What the menu needs to know and do. */
export interface MenuContext {
  readonly platform: string
  readonly recent: readonly RecentFile[]
  /** Recent PostgreSQL connections (`user@host/db` labels; main keeps the URLs and passwords). */
  readonly connections: readonly RecentConnection[]
  readonly demoAvailable: boolean
  /** Show developer items (reload, dev tools). */
  readonly development: boolean
  send(command: AppCommandEvent): void
  /** Open a recent file (main issues its location token). */
  openRecent(file: RecentFile): void
  /** Connect to a recent connection (the window asks for a password it has none for). */
  openRecentConnection(connection: RecentConnection): void
  /** Forget every recent file and connection. */
  clearRecent(): void
}

function windowShortcut(label: string, accelerator: string, command: AppCommandEvent, ctx: MenuContext): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => ctx.send(command) }
}

/**
 * File ▸ Open Recent: the files by path, then the connections by `user@host/db`
 * (never a password; "…" when connecting will ask for one), then Clear Recently Opened.
 */
export function recentSubmenu(ctx: Pick<MenuContext, 'recent' | 'connections' | 'openRecent' | 'openRecentConnection' | 'clearRecent'>): MenuItemConstructorOptions[] {
  if (ctx.recent.length === 0 && ctx.connections.length === 0) return [{ label: 'No Recent Stores', enabled: false }]
  const files = ctx.recent.map((file): MenuItemConstructorOptions => ({ label: file.path, click: () => ctx.openRecent(file) }))
  const connections = ctx.connections.map(
    (c): MenuItemConstructorOptions => ({ label: `${c.label}${c.hasPassword ? '' : '…'}`, toolTip: 'PostgreSQL', click: () => ctx.openRecentConnection(c) })
  )
  const separator: MenuItemConstructorOptions[] = files.length > 0 && connections.length > 0 ? [{ type: 'separator' }] : []
  return [...files, ...separator, ...connections, { type: 'separator' }, { label: 'Clear Recently Opened', click: () => ctx.clearRecent() }]
}

function fileMenu(ctx: MenuContext): MenuItemConstructorOptions {
  const recentItems = recentSubmenu(ctx)
  return {
    label: 'File',
    submenu: [
      windowShortcut('Open Store…', 'CmdOrCtrl+O', { command: 'open-store' }, ctx),
      { label: 'Connect to PostgreSQL…', click: () => ctx.send({ command: 'connect-postgres' }) },
      windowShortcut('New Store…', 'CmdOrCtrl+N', { command: 'new-store' }, ctx),
      { label: 'Open Recent', submenu: recentItems },
      { label: 'Open Demo Store', enabled: ctx.demoAvailable, click: () => ctx.send({ command: 'open-demo' }) },
      { type: 'separator' },
      { label: 'Fork to a File…', click: () => ctx.send({ command: 'fork-store' }) },
      { label: 'Merge Fork into Origin…', click: () => ctx.send({ command: 'merge-fork' }) },
      { label: 'Import Batch…', click: () => ctx.send({ command: 'import-batch' }) },
      { type: 'separator' },
      windowShortcut('Close Store', 'CmdOrCtrl+W', { command: 'close-store' }, ctx),
      ...(ctx.platform === 'darwin' ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const])
    ]
  }
}

function viewMenu(ctx: MenuContext): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      windowShortcut('Command Palette…', 'CmdOrCtrl+K', { command: 'command-palette' }, ctx),
      windowShortcut('Next Store', 'Ctrl+Tab', { command: 'next-store' }, ctx),
      windowShortcut('Previous Store', 'Ctrl+Shift+Tab', { command: 'previous-store' }, ctx),
      { type: 'separator' },
      ...(ctx.development ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }
}

/** The whole menu template. */
export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  return [
    ...(ctx.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    fileMenu(ctx),
    { role: 'editMenu' },
    viewMenu(ctx),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Coherence Studio' }] }
  ]
}
